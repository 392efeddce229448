package dev.andon.assistant.answer;

import dev.andon.core.plant.Plant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as people on the floor read them: plant-local, "09:15" today, "24 Nov 22:10" on another day. */
public final class PlantTime {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    private final ZoneId zone;
    private final Clock clock;

    public PlantTime(Plant plant, Clock clock) {
        this.zone = plant.timezone();
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public ZoneId zone() {
        return zone;
    }

    public String time(Instant at) {
        if (at == null) {
            return "unknown time";
        }
        ZonedDateTime z = at.atZone(zone);
        boolean today = z.toLocalDate().equals(now().atZone(zone).toLocalDate());
        return (today ? TIME : DAY_TIME).format(z);
    }

    /** "15 min", "2 h", "1 h 30 min". */
    public static String duration(Duration d) {
        if (d == null) {
            return "";
        }
        long minutes = Math.max(0, d.toMinutes());
        long h = minutes / 60;
        long m = minutes % 60;
        if (h == 0) {
            return m + " min";
        }
        return m == 0 ? h + " h" : h + " h " + m + " min";
    }

    /** "in 15 min" / "overdue by 5 min". */
    public String relative(Instant deadline) {
        Duration left = Duration.between(now(), deadline);
        return left.isNegative() ? "overdue by " + duration(left.negated()) : "in " + duration(left);
    }
}
