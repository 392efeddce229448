package dev.andon.core.handover;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.core.audit.AuditTrail;
import dev.andon.core.identity.Action;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.identity.Principal;
import dev.andon.core.store.AndonDatabase;
import org.mapdb.Atomic;
import org.mapdb.BTreeMap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Handover notes, oldest first. Adding one is checked ({@code handover:note} on its line) and audited
 * ({@code handover.note} on {@code line/<line>}) in the note's own write.
 */
public final class HandoverNoteStore {
    private final AndonDatabase db;
    private final ObjectMapper json;
    private final PermissionPolicy policy;
    private final AuditTrail audit;
    private final BTreeMap<Long, String> notes;
    private final Atomic.Long ids;

    public HandoverNoteStore(AndonDatabase db, ObjectMapper json, PermissionPolicy policy, AuditTrail audit) {
        this.db = db;
        this.json = json;
        this.policy = policy;
        this.audit = audit;
        this.notes = db.orderedJsonMap("handover-notes");
        this.ids = db.sequence("handover-note-ids");
    }

    /** A note by {@code by} for {@code line}'s handover; {@link dev.andon.core.error.ForbiddenException} off their lines. */
    public HandoverNote add(Principal by, String line, String shift, String text, Instant at) {
        policy.require(by, Action.HANDOVER_NOTE, line);
        return db.write(() -> {
            long id = ids.incrementAndGet();
            HandoverNote note = new HandoverNote(Long.toString(id), line, shift, by.id(), text, at);
            audit.record(by, "handover.note", "line/" + line, null, Map.of("note", note.id(), "shift", shift, "text", text));
            try {
                notes.put(id, json.writeValueAsString(note));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("handover note cannot be encoded", e);
            }
            return note;
        });
    }

    /** Notes for {@code line} written at or after {@code since} (null = all). */
    public List<HandoverNote> list(String line, Instant since) {
        List<HandoverNote> out = new ArrayList<>();
        for (String text : notes.values()) {
            try {
                HandoverNote n = json.readValue(text, HandoverNote.class);
                if ((line == null || line.equals(n.line())) && (since == null || !n.at().isBefore(since))) {
                    out.add(n);
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored handover note cannot be decoded", e);
            }
        }
        return out;
    }
}
