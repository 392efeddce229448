package dev.andon.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.andon.core.identity.Principal;
import dev.andon.core.store.AndonDatabase;
import dev.andon.core.store.KeyedJsonLog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The tamper-evident audit trail: an append-only, hash-chained log in the one store file. {@link #record} joins the
 * caller's write, so the record commits or rolls back with the change it describes. A head (count and last hash)
 * is kept beside the log so that cutting records off the end is detected too.
 */
public final class AuditTrail {
    private static final String GENESIS = "0".repeat(64);

    private final AndonDatabase db;
    private final KeyedJsonLog log;
    private final Map<String, String> head;
    private final ObjectMapper json;
    private final ObjectMapper canonical;
    private final Clock clock;

    public AuditTrail(AndonDatabase db, ObjectMapper json, Clock clock) {
        this.db = db;
        this.log = db.keyedJsonLog("audit");
        this.head = db.jsonMap("audit-head");
        this.json = json;
        // Canonical form for the hash: properties sorted, null properties left out. It writes the tree directly (it
        // used to be converted to maps first, sorted by ORDER_MAP_ENTRIES_BY_KEYS, whose nulls NON_NULL dropped): the
        // same bytes, so older records still verify, at a fraction of the cost on intake's path.
        this.canonical = json.copy().configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true)
                .configure(JsonNodeFeature.WRITE_NULL_PROPERTIES, false);
        this.clock = clock;
    }

    /** Appends one record inside the current write (or its own, when called outside one). */
    public AuditRecord record(Principal actor, String action, String object, Object before, Object after) {
        return db.write(() -> {
            AuditRecord rec = next(count() + 1, head.getOrDefault("hash", GENESIS), new Entry(actor, action, object, before, after));
            head.put("count", Long.toString(rec.seq()));
            head.put("hash", rec.hash());
            return rec;
        });
    }

    /**
     * Appends several records inside the current write, in order, reading and writing the head once: for intake,
     * which commits a batch of alerts together and would otherwise rewrite the head twice per alert.
     */
    public void recordAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        db.write(() -> {
            long seq = count();
            String prev = head.getOrDefault("hash", GENESIS);
            for (Entry e : entries) {
                prev = next(++seq, prev, e).hash();
            }
            head.put("count", Long.toString(seq));
            head.put("hash", prev);
        });
    }

    /** One change to record: who, what, which object, before and after (null when none). */
    public record Entry(Principal actor, String action, String object, Object before, Object after) {
    }

    private AuditRecord next(long seq, String prev, Entry e) {
        Instant at = clock.instant();
        JsonNode b = tree(e.before());
        JsonNode a = tree(e.after());
        String actorId = e.actor() == null ? "anonymous" : e.actor().id();
        String requestId = e.actor() == null ? null : e.actor().requestId();
        String hash = hash(seq, at, actorId, e.action(), e.object(), b, a, requestId, prev);
        AuditRecord rec = new AuditRecord(seq, at, actorId, e.action(), e.object(), b, a, requestId, prev, hash);
        log.put(seq, write(rec));
        return rec;
    }

    public long count() {
        return Long.parseLong(head.getOrDefault("count", "0"));
    }

    public List<AuditRecord> query(AuditQuery q) {
        List<AuditRecord> out = new ArrayList<>();
        for (String doc : log.descending()) {
            AuditRecord r = read(doc);
            if ((q.actor() == null || q.actor().equals(r.actor()))
                    && (q.object() == null || r.object().equals(q.object()) || r.object().startsWith(q.object() + "/"))
                    && (q.from() == null || !r.at().isBefore(q.from()))
                    && (q.to() == null || r.at().isBefore(q.to()))) {
                out.add(r);
                if (out.size() >= q.limit()) {
                    break;
                }
            }
        }
        return out;
    }

    /** Walks the chain from the first record and names every record that was edited, removed or reordered. */
    public AuditVerification verify() {
        List<AuditVerification.Finding> findings = new ArrayList<>();
        String prev = GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        for (Map.Entry<Long, String> e : log.ascending()) {
            checked++;
            long key = e.getKey();
            AuditRecord r;
            try {
                r = read(e.getValue());
            } catch (RuntimeException ex) {
                findings.add(new AuditVerification.Finding(key, "record " + key + " is unreadable (edited bytes)"));
                expectedSeq = key + 1;
                prev = null;
                continue;
            }
            if (key != expectedSeq) {
                findings.add(new AuditVerification.Finding(expectedSeq,
                        "record" + (key - expectedSeq == 1 ? " " + expectedSeq + " is" : "s " + expectedSeq + "–" + (key - 1) + " are")
                                + " missing (removed)"));
            }
            if (r.seq() != key) {
                findings.add(new AuditVerification.Finding(key, "record " + key + " claims to be record " + r.seq() + " (moved)"));
            }
            String recomputed = hash(r.seq(), r.at(), r.actor(), r.action(), r.object(), r.before(), r.after(),
                    r.requestId(), r.prevHash());
            if (!recomputed.equals(r.hash())) {
                findings.add(new AuditVerification.Finding(key, "record " + key + " was edited (its content does not match its hash)"));
            } else if (prev != null && !r.prevHash().equals(prev) && key == expectedSeq) {
                findings.add(new AuditVerification.Finding(key, "record " + key + " does not follow record " + (key - 1)
                        + " (reordered, or the record before it was replaced)"));
            }
            prev = r.hash();
            expectedSeq = key + 1;
        }
        long headCount = count();
        if (headCount != expectedSeq - 1) {
            findings.add(new AuditVerification.Finding(expectedSeq, headCount > expectedSeq - 1
                    ? "records " + expectedSeq + "–" + headCount + " are missing from the end (removed)"
                    : "the trail has more records than its head records (" + (expectedSeq - 1) + " > " + headCount + ")"));
        } else if (prev != null && headCount > 0 && !prev.equals(head.get("hash"))) {
            findings.add(new AuditVerification.Finding(headCount, "the last record does not match the recorded head hash"));
        }
        return new AuditVerification(findings.isEmpty(), checked, List.copyOf(findings));
    }

    private JsonNode tree(Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        return value instanceof JsonNode n ? n : json.valueToTree(value);
    }

    private String write(AuditRecord r) {
        try {
            return json.writeValueAsString(r);
        } catch (Exception e) {
            throw new IllegalStateException("cannot encode audit record", e);
        }
    }

    private AuditRecord read(String doc) {
        try {
            return json.readValue(doc, AuditRecord.class);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable audit record", e);
        }
    }

    private String hash(long seq, Instant at, String actor, String action, String object, JsonNode before,
                        JsonNode after, String requestId, String prev) {
        try {
            ObjectNode body = canonical.createObjectNode();
            body.put("seq", seq).put("at", String.valueOf(at)).put("actor", actor).put("action", action)
                    .put("object", object).put("requestId", requestId).put("prevHash", prev);
            body.set("before", before == null ? NullNode.getInstance() : before);
            body.set("after", after == null ? NullNode.getInstance() : after);
            byte[] bytes = canonical.writeValueAsBytes(body);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(bytes));
        } catch (NoSuchAlgorithmException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
