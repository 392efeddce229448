package dev.andon.knowledge;

import dev.andon.knowledge.index.StoredVersion;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * Orders document versions: "1.10" after "1.9", "2" after "1.10"; numeric parts compare as numbers, other parts as
 * text; equal versions fall back to the effective date. The highest version of a document is the current one.
 */
public final class VersionOrder {
    public static final Comparator<StoredVersion> OLDEST_FIRST = (a, b) -> {
        int c = compare(a.version(), b.version());
        if (c != 0) {
            return c;
        }
        LocalDate da = a.metadata().effectiveDate();
        LocalDate db = b.metadata().effectiveDate();
        if (da == null || db == null) {
            return da == null ? (db == null ? 0 : -1) : 1;
        }
        return da.compareTo(db);
    };

    private VersionOrder() {
    }

    public static int compare(String a, String b) {
        String[] pa = a.split("[._-]");
        String[] pb = b.split("[._-]");
        for (int i = 0; i < Math.max(pa.length, pb.length); i++) {
            String x = i < pa.length ? pa[i] : "0";
            String y = i < pb.length ? pb[i] : "0";
            int c;
            if (x.matches("\\d{1,18}") && y.matches("\\d{1,18}")) {
                c = Long.compare(Long.parseLong(x), Long.parseLong(y));
            } else {
                c = x.compareToIgnoreCase(y);
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
