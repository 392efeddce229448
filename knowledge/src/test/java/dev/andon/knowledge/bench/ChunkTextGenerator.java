package dev.andon.knowledge.bench;

import java.util.List;
import java.util.Random;

/**
 * Generates varied shop-floor text for the bench: procedures, checks, limits and warnings built from a plant
 * vocabulary, seeded so every run indexes the same corpus.
 */
final class ChunkTextGenerator {
    private static final List<String> EQUIPMENT = List.of("hydraulic pump", "relief valve", "die clamp", "guide gib",
            "servo axis", "welding torch", "contact tip", "wire feeder", "vision camera", "light curtain", "conveyor belt",
            "gearbox", "spindle bearing", "coolant pump", "oil cooler", "return filter", "accumulator", "ram cylinder",
            "decoiler mandrel", "straightener roll", "deburring brush", "label printer", "vibratory bowl", "torque wrench",
            "proximity sensor", "safety door switch", "main isolator", "drive inverter", "cabinet fan", "air regulator");
    private static final List<String> STATIONS = List.of("press-3", "robot-2", "vision-4", "pack-5", "coil-1",
            "station-4", "vision-5", "feeder-1", "press-7", "robot-9", "mill-12", "lathe-6", "oven-2", "washer-1");
    private static final List<String> VERBS = List.of("check", "inspect", "clean", "tighten", "replace", "measure",
            "lubricate", "adjust", "calibrate", "record", "isolate", "lock out", "verify", "drain", "refill", "align");
    private static final List<String> CONDITIONS = List.of("abnormal vibration", "temperature drift", "pressure drop",
            "oil leak", "burr on the hole edge", "porosity in the weld", "missing part", "jammed track",
            "label mismatch", "dimension out of tolerance", "noise at bottom dead centre", "slow cycle time",
            "worn bristles", "loose fitting", "cracked insert", "sensor fault", "communication timeout");
    private static final List<String> ROLES = List.of("operator", "team leader", "maintenance technician",
            "quality inspector", "process owner");
    private static final List<String> UNITS = List.of("bar", "N·m", "mm", "°C", "mm/s", "l/min", "rpm", "V");
    private static final List<String> WARNINGS = List.of("Never reach into the die area before the lock-out is verified.",
            "Do not reset the same alarm more than twice; call maintenance.",
            "Wear cut-resistant gloves when handling strip and scrap.",
            "Oil under pressure can penetrate the skin; never check a leak by hand.",
            "Stop the machine at the end of its cycle, never mid-stroke.",
            "Suspect parts go to the red box and the hold area.");
    private final Random random;

    ChunkTextGenerator(long seed) {
        random = new Random(seed);
    }

    String heading() {
        return cap(pick(VERBS)) + " the " + pick(EQUIPMENT) + " on " + pick(STATIONS);
    }

    String sectionBody() {
        StringBuilder sb = new StringBuilder();
        String equipment = pick(EQUIPMENT);
        String station = pick(STATIONS);
        sb.append("When the ").append(pick(ROLES)).append(" sees ").append(pick(CONDITIONS)).append(" at ")
                .append(station).append(", the ").append(equipment).append(" is the first suspect. ")
                .append("The working band is ").append(value()).append(" to ").append(value()).append(' ')
                .append(pick(UNITS)).append(".\n\n");
        int steps = 3 + random.nextInt(5);
        for (int i = 1; i <= steps; i++) {
            sb.append(i).append(". ").append(cap(pick(VERBS))).append(" the ").append(pick(EQUIPMENT));
            switch (random.nextInt(4)) {
                case 0 -> sb.append(" and confirm ").append(value()).append(' ').append(pick(UNITS));
                case 1 -> sb.append(" before the ").append(pick(EQUIPMENT)).append(" is restarted");
                case 2 -> sb.append(" if there is ").append(pick(CONDITIONS));
                default -> sb.append(" at ").append(pick(STATIONS)).append(" with the ").append(pick(ROLES));
            }
            sb.append(".\n");
        }
        if (random.nextInt(3) == 0) {
            sb.append("\n> Warning: ").append(pick(WARNINGS)).append('\n');
        }
        return sb.toString();
    }

    String query() {
        return switch (random.nextInt(4)) {
            case 0 -> "how do I " + pick(VERBS) + " the " + pick(EQUIPMENT);
            case 1 -> pick(CONDITIONS) + " on " + pick(STATIONS);
            case 2 -> "what is the limit for the " + pick(EQUIPMENT) + " in " + pick(UNITS);
            default -> "the " + pick(EQUIPMENT) + " shows " + pick(CONDITIONS) + ", what should the " + pick(ROLES) + " do";
        };
    }

    private String value() {
        return Integer.toString(5 + random.nextInt(400));
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
