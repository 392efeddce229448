package dev.andon.core.audit;

import dev.andon.core.identity.Principal;
import dev.andon.core.json.AndonJson;
import dev.andon.core.store.AndonDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditTrailTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);
    static final Principal ANNA = Principal.person("anna.rossi", "Anna Rossi", Set.of("operator"), Set.of("L2"), false)
            .inRequest("req-1");

    @TempDir
    Path dir;

    @Test
    void eachChangeIsOneChainedRecordWithWhoWhatWhenBeforeAfterAndRequest() {
        try (AndonDatabase db = AndonDatabase.open(dir)) {
            AuditTrail trail = new AuditTrail(db, AndonJson.newMapper(), CLOCK);
            AuditRecord first = trail.record(ANNA, "alert.transition", "alert/7", Map.of("state", "assigned"),
                    Map.of("state", "acknowledged"));
            AuditRecord second = trail.record(null, "login.failed", "user/nobody", null, Map.of("address", "127.0.0.1"));

            assertThat(first.seq()).isEqualTo(1);
            assertThat(first.actor()).isEqualTo("anna.rossi");
            assertThat(first.requestId()).isEqualTo("req-1");
            assertThat(first.before().get("state").asText()).isEqualTo("assigned");
            assertThat(second.prevHash()).isEqualTo(first.hash());
            assertThat(second.actor()).isEqualTo("anonymous");
            assertThat(trail.query(new AuditQuery("anna.rossi", null, null, null, 10))).extracting(AuditRecord::seq)
                    .containsExactly(1L);
            assertThat(trail.query(new AuditQuery(null, "alert/7", null, null, 10))).hasSize(1);
            assertThat(trail.verify().intact()).isTrue();
            assertThat(trail.verify().checked()).isEqualTo(2);
        }
    }

    /**
     * Records written by earlier versions must still verify: this hash was computed by the code before the canonical
     * form was written straight from the tree (nulls in objects dropped, in lists kept, keys sorted at every level).
     */
    @Test
    void theHashOfARecordIsTheSameAsEarlierVersionsComputed() {
        try (AndonDatabase db = AndonDatabase.open(dir)) {
            AuditTrail trail = new AuditTrail(db, AndonJson.newMapper(),
                    Clock.fixed(Instant.parse("2026-12-02T09:00:00Z"), ZoneOffset.UTC));
            Map<String, Object> before = new java.util.LinkedHashMap<>();
            before.put("state", "down");
            before.put("reason", null);
            before.put("n", 3);
            before.put("list", java.util.Arrays.asList(1.5, null, "x"));
            Map<String, Object> after = new java.util.LinkedHashMap<>();
            after.put("z", Map.of("b", true, "a", 2L));
            after.put("a", null);
            AuditRecord r = trail.record(Principal.person("sara.neri", "Sara", Set.of("operator"), Set.of("L1"), false)
                    .inRequest("req-1"), "station.report", "station/L1/robot-2", before, after);
            assertThat(r.hash()).isEqualTo("12562a9387b4a728ad65a90cf7898f218b13ba130059a2f78bed616da4491345");
        }
    }

    @Test
    void aBatchOfRecordsIsChainedInOrderWithOneHead() {
        try (AndonDatabase db = AndonDatabase.open(dir)) {
            AuditTrail trail = new AuditTrail(db, AndonJson.newMapper(), CLOCK);
            AuditRecord first = trail.record(ANNA, "alert.transition", "alert/7", null, Map.of("state", "acknowledged"));
            db.write(() -> trail.recordAll(java.util.List.of(
                    new AuditTrail.Entry(ANNA, "alert.raise", "alert/8", null, Map.of("line", "L2")),
                    new AuditTrail.Entry(null, "alert.repeat", "alert/8", null, Map.of("occurrences", 2)))));
            java.util.List<AuditRecord> all = trail.query(new AuditQuery(null, null, null, null, 10));
            assertThat(all).extracting(AuditRecord::seq).containsExactly(3L, 2L, 1L);
            assertThat(all.get(1).prevHash()).isEqualTo(first.hash());
            assertThat(all.get(0).prevHash()).isEqualTo(all.get(1).hash());
            assertThat(trail.count()).isEqualTo(3);
            assertThat(trail.verify().intact()).isTrue();
        }
    }

    @Test
    void aRecordRollsBackWithTheChangeItDescribes() {
        try (AndonDatabase db = AndonDatabase.open(dir)) {
            AuditTrail trail = new AuditTrail(db, AndonJson.newMapper(), CLOCK);
            assertThatThrownBy(() -> db.write(() -> {
                trail.record(ANNA, "silence.create", "silence/1", null, Map.of("line", "L2"));
                throw new IllegalStateException("the change itself failed");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(trail.count()).isZero();
            assertThat(trail.verify().intact()).isTrue();
        }
    }

    @Test
    void editingOneRecordsBytesInTheStoreFileIsFoundAndNamed() throws Exception {
        try (AndonDatabase db = AndonDatabase.open(dir)) {
            AuditTrail trail = new AuditTrail(db, AndonJson.newMapper(), CLOCK);
            trail.record(ANNA, "alert.transition", "alert/1", null, Map.of("state", "acknowledged"));
            trail.record(ANNA, "alert.transition", "alert/2", null, Map.of("note", "approved-by-roberta"));
            trail.record(ANNA, "alert.transition", "alert/3", null, Map.of("state", "resolved"));
        }
        // Between two runs someone rewrites who approved, keeping the length so the file still opens.
        // MapDB packs each character of a string as a varint: an ASCII character is one byte with its top bit set.
        byte[] needle = packed("approved-by-roberta");
        byte[] forged = packed("approved-by-someone");
        int edited = 0;
        try (var files = Files.list(dir)) {
            // Every copy (the live node and any stale page) is rewritten, as someone editing the file would.
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(AndonDatabase.FILE_NAME)).toList()) {
                byte[] b = Files.readAllBytes(f);
                for (int at = indexOf(b, needle, 0); at >= 0; at = indexOf(b, needle, at + 1)) {
                    System.arraycopy(forged, 0, b, at, forged.length);
                    edited++;
                }
                Files.write(f, b);
            }
        }
        assertThat(edited).as("the record's text is in the store's files").isPositive();

        try (AndonDatabase db = AndonDatabase.open(dir)) {
            AuditVerification v = new AuditTrail(db, AndonJson.newMapper(), CLOCK).verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.findings()).singleElement().satisfies(f -> {
                assertThat(f.seq()).isEqualTo(2);
                assertThat(f.problem()).contains("record 2", "edited");
            });
        }
    }

    @Test
    void removedAndCutOffRecordsAreNamed() {
        try (AndonDatabase db = AndonDatabase.open(dir)) {
            AuditTrail trail = new AuditTrail(db, AndonJson.newMapper(), CLOCK);
            for (int i = 1; i <= 4; i++) {
                trail.record(ANNA, "alert.transition", "alert/" + i, null, null);
            }
            db.write(() -> {
                db.orderedJsonMap("audit").remove(2L);
                db.orderedJsonMap("audit").remove(4L);
            });
            AuditVerification v = trail.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.findings()).extracting(AuditVerification.Finding::problem)
                    .anySatisfy(p -> assertThat(p).contains("record 2 is missing"))
                    .anySatisfy(p -> assertThat(p).contains("records 4–4 are missing from the end"));
        }
    }

    private static byte[] packed(String ascii) {
        byte[] b = ascii.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (b[i] | 0x80);
        }
        return b;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
