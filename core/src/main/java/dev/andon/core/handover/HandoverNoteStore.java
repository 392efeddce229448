package dev.andon.core.handover;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.core.store.AndonDatabase;
import org.mapdb.Atomic;
import org.mapdb.BTreeMap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Handover notes, oldest first, each one committed write. */
public final class HandoverNoteStore {
    private final AndonDatabase db;
    private final ObjectMapper json;
    private final BTreeMap<Long, String> notes;
    private final Atomic.Long ids;

    public HandoverNoteStore(AndonDatabase db, ObjectMapper json) {
        this.db = db;
        this.json = json;
        this.notes = db.orderedJsonMap("handover-notes");
        this.ids = db.sequence("handover-note-ids");
    }

    public HandoverNote add(String line, String shift, String author, String text, Instant at) {
        return db.write(() -> {
            long id = ids.incrementAndGet();
            HandoverNote note = new HandoverNote(Long.toString(id), line, shift, author, text, at);
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
