package dev.andon.assistant.intent;

import dev.andon.core.plant.Line;
import dev.andon.core.plant.Plant;
import dev.andon.core.plant.Role;
import dev.andon.core.plant.Station;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds lines, stations, alert ids and roles in free text, resolved against the plant: "press 3", "Press-3" and
 * "hydraulic press 3" all mean {@code press-3}; "line 2" and "L2" mean {@code L2}; "alert #42" means alert 42.
 * Names that look like a line or station but are not in the plant are reported as unknown rather than guessed.
 */
public final class PlantEntityExtractor {
    private static final Pattern LINE_NUMBER = Pattern.compile(
            "(?i)(?<![\\w-])(?:L-?(\\d{1,3})|line\\s+(?:L-?)?(\\d{1,3}))(?![\\w-])");
    private static final Pattern ALERT_ID = Pattern.compile(
            "(?i)\\b(?:alert|alarm|allarme|incident)s?\\s*(?:#|no\\.?|nr\\.?|number|id)?\\s*(\\d{1,12})\\b|(?<![\\w-])#(\\d{1,12})\\b");
    private static final Pattern MY_LINE = Pattern.compile("(?i)\\b(?:my|our|this)\\s+line\\b");

    private final Plant plant;
    private final List<StationName> stationNames;
    private final List<EquipmentName> equipmentNames;
    private final Pattern stationLike;
    private final List<RoleName> roleNames;

    public PlantEntityExtractor(Plant plant) {
        this.plant = plant;
        List<StationName> names = new ArrayList<>();
        List<EquipmentName> equipment = new ArrayList<>();
        Set<String> stationWords = new LinkedHashSet<>(List.of("station", "machine", "cell"));
        for (Line line : plant.lines()) {
            for (Station s : line.stations()) {
                names.add(new StationName(phrase(s.name()), line.id(), s.id()));
                names.add(new StationName(idPattern(s.id()), line.id(), s.id()));
                Matcher m = Pattern.compile("^([a-z]+)[-_ ]?\\d+$").matcher(s.id().toLowerCase(Locale.ROOT));
                if (m.matches()) {
                    stationWords.add(m.group(1));
                }
                for (String e : s.equipment()) {
                    equipment.add(new EquipmentName(phrase(e.replace('-', ' ')), line.id(), s.id()));
                }
                if (s.kind() != null && !s.kind().isBlank()) {
                    // "the press" means the press station, but "press line 2" is a line
                    equipment.add(new EquipmentName(Pattern.compile("(?i)(?<![\\w-])" + Pattern.quote(s.kind())
                            + "(?![\\w-])(?!\\s+line)"), line.id(), s.id()));
                }
            }
        }
        this.stationNames = List.copyOf(names);
        this.equipmentNames = List.copyOf(equipment);
        this.stationLike = Pattern.compile("(?i)(?<![\\w-])(" + String.join("|", stationWords) + ")[\\s_#-]*(\\d{1,3})(?![\\w-])");
        List<RoleName> roles = new ArrayList<>();
        for (Role r : plant.roles()) {
            roles.add(new RoleName(Pattern.compile("(?i)(?<![\\w-])" + r.id().replace("-", "[\\s-]?") + "s?(?![\\w-])"), r.id()));
            if (r.name() != null) {
                roles.add(new RoleName(Pattern.compile("(?i)(?<![\\w-])" + Pattern.quote(r.name()) + "s?(?![\\w-])"), r.id()));
            }
        }
        roles.sort(Comparator.comparingInt((RoleName n) -> -n.pattern.pattern().length()));
        this.roleNames = List.copyOf(roles);
    }

    /** {@code contextLine} (the user's line, or the conversation's) settles equipment names shared by several lines. */
    public Mentions extract(String text, String contextLine) {
        if (text == null || text.isBlank()) {
            return Mentions.none();
        }
        String line = null;
        String unknownLine = null;
        Matcher lm = LINE_NUMBER.matcher(text);
        while (lm.find() && line == null) {
            String number = lm.group(1) != null ? lm.group(1) : lm.group(2);
            String candidate = lineIdFor(number);
            if (candidate != null) {
                line = candidate;
                unknownLine = null;
            } else if (unknownLine == null) {
                unknownLine = "L" + Integer.parseInt(number);
            }
        }
        if (line == null) {
            for (Line l : plant.lines()) {
                if (phrase(l.name()).matcher(text).find() || Pattern.compile("(?<![\\w-])" + Pattern.quote(l.id()) + "(?![\\w-])").matcher(text).find()) {
                    line = l.id();
                    unknownLine = null;
                    break;
                }
            }
        }

        String station = null;
        String stationLine = null;
        boolean byEquipment = false;
        String scopeLine = line != null ? line : contextLine;
        StationName chosen = null;
        int chosenLength = 0;
        for (StationName n : stationNames) {
            Matcher m = n.pattern.matcher(text);
            if (m.find()) {
                int length = m.end() - m.start();
                // the longest name wins ("coil feeder 1" over "feeder 1"); equal names prefer the line in scope
                if (length > chosenLength || (length == chosenLength && n.line.equals(scopeLine) && !chosen.line.equals(scopeLine))) {
                    chosen = n;
                    chosenLength = length;
                }
            }
        }
        if (chosen != null) {
            station = chosen.station;
            stationLine = chosen.line;
        }
        String unknownStation = null;
        if (station == null) {
            Matcher sm = stationLike.matcher(text);
            if (sm.find()) {
                unknownStation = sm.group(1).toLowerCase(Locale.ROOT) + " " + Integer.parseInt(sm.group(2));
            }
        }
        if (station == null && unknownStation == null) {
            List<EquipmentName> eq = equipmentNames.stream().filter(e -> e.pattern.matcher(text).find()).toList();
            Set<String> onScope = new LinkedHashSet<>();
            Set<String> anywhere = new LinkedHashSet<>();
            for (EquipmentName e : eq) {
                anywhere.add(e.line + "/" + e.station);
                if (e.line.equals(scopeLine)) {
                    onScope.add(e.line + "/" + e.station);
                }
            }
            String only = onScope.size() == 1 ? onScope.iterator().next() : anywhere.size() == 1 ? anywhere.iterator().next() : null;
            if (only != null) {
                stationLine = only.substring(0, only.indexOf('/'));
                station = only.substring(only.indexOf('/') + 1);
                byEquipment = true;
            }
        }

        String alertId = null;
        Matcher am = ALERT_ID.matcher(text);
        if (am.find()) {
            alertId = am.group(1) != null ? am.group(1) : am.group(2);
            alertId = Long.toString(Long.parseLong(alertId));
        }

        String role = roleNames.stream().filter(r -> r.pattern.matcher(text).find()).map(r -> r.role).findFirst().orElse(null);
        String unknownRole = null;
        if (role == null) {
            Matcher rm = Pattern.compile("(?i)\\bas\\s+(?:an?\\s+)?([a-z][a-z-]{2,30}(?:\\s+[a-z]{3,20})?)").matcher(text);
            if (rm.find()) {
                unknownRole = rm.group(1).toLowerCase(Locale.ROOT);
            }
        }
        return new Mentions(line, station, stationLine, alertId, role, unknownLine, unknownStation, unknownRole,
                MY_LINE.matcher(text).find(), byEquipment);
    }

    /** {@code text} without the line and station names in it ("change the die on press 3" → "change the die on"). */
    public String withoutPlaceNames(String text) {
        String out = text;
        for (StationName n : stationNames) {
            out = n.pattern.matcher(out).replaceAll(" ");
        }
        out = LINE_NUMBER.matcher(out).replaceAll(" ");
        return out.replaceAll("\\s+", " ").strip();
    }

    public Optional<String> lineOf(String stationId) {
        for (Line l : plant.lines()) {
            if (l.station(stationId).isPresent()) {
                return Optional.of(l.id());
            }
        }
        return Optional.empty();
    }

    private String lineIdFor(String number) {
        int n = Integer.parseInt(number);
        for (Line l : plant.lines()) {
            Matcher m = Pattern.compile("(?i)^L-?0*(\\d+)$").matcher(l.id());
            if (m.matches() && Integer.parseInt(m.group(1)) == n) {
                return l.id();
            }
        }
        return null;
    }

    /** "press-3" → press 3, press-3, press3, press #3, press 03. */
    private static Pattern idPattern(String id) {
        Matcher m = Pattern.compile("^([A-Za-z]+)[-_ ]?0*(\\d+)$").matcher(id);
        if (m.matches()) {
            return Pattern.compile("(?i)(?<![\\w-])" + Pattern.quote(m.group(1)) + "[\\s_#-]*0*" + m.group(2) + "(?![\\w-])");
        }
        return phrase(id);
    }

    private static Pattern phrase(String words) {
        String[] parts = words.trim().split("[\\s_-]+");
        StringBuilder sb = new StringBuilder("(?i)(?<![\\w-])");
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                sb.append("[\\s_-]+");
            }
            sb.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(sb.append("s?(?![\\w-])").toString());
    }

    private record StationName(Pattern pattern, String line, String station) {
    }

    private record EquipmentName(Pattern pattern, String line, String station) {
    }

    private record RoleName(Pattern pattern, String role) {
    }
}
