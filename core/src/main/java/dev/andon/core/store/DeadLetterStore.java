package dev.andon.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.core.connector.DeadLetter;
import org.mapdb.Atomic;
import org.mapdb.BTreeMap;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Dead letters of every connector, newest kept: beyond {@code capacity} the oldest is dropped and counted, so a flood
 * cannot fill the disk and what was dropped is still known. One commit per letter.
 */
public final class DeadLetterStore {
    private final AndonDatabase db;
    private final ObjectMapper json;
    private final int capacity;
    private final BTreeMap<Long, String> letters;
    private final Atomic.Long ids;
    private final Atomic.Long dropped;

    public DeadLetterStore(AndonDatabase db, ObjectMapper json, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("dead-letter capacity must be at least 1");
        }
        this.db = db;
        this.json = json;
        this.capacity = capacity;
        this.letters = db.orderedJsonMap("dead-letters");
        this.ids = db.sequence("dead-letter-ids");
        this.dropped = db.sequence("dead-letters-dropped");
    }

    /** Keeps {@code raw} (bytes as received) with its reason; returns the stored letter. */
    public DeadLetter add(String connector, String direction, String reason, byte[] raw, Instant at) {
        return add(connector, direction, reason, text(raw), at);
    }

    public DeadLetter add(String connector, String direction, String reason, String raw, Instant at) {
        return db.write(() -> {
            DeadLetter letter = new DeadLetter(ids.incrementAndGet(), connector, direction, reason, raw, at);
            letters.put(letter.id(), encode(letter));
            while (letters.size() > capacity) {
                Map.Entry<Long, String> oldest = letters.pollFirstEntry();
                if (oldest == null) {
                    break;
                }
                dropped.incrementAndGet();
            }
            return letter;
        });
    }

    /** Newest first; {@code connector} null for all. */
    public List<DeadLetter> list(String connector, int limit) {
        List<DeadLetter> out = new ArrayList<>();
        for (String text : letters.descendingMap().values()) {
            if (out.size() >= limit) {
                break;
            }
            DeadLetter d = decode(text);
            if (connector == null || connector.equals(d.connector())) {
                out.add(d);
            }
        }
        return out;
    }

    public int size() {
        return letters.size();
    }

    /** How many letters were dropped to stay within capacity, ever. */
    public long dropped() {
        return dropped.get();
    }

    public int capacity() {
        return capacity;
    }

    /** UTF-8 text when the bytes are valid UTF-8, else {@code base64:…}, so a binary payload is kept exactly. */
    public static String text(byte[] raw) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return "base64:" + Base64.getEncoder().encodeToString(raw);
        }
    }

    private String encode(DeadLetter d) {
        try {
            return json.writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dead letter cannot be encoded", e);
        }
    }

    private DeadLetter decode(String text) {
        try {
            return json.readValue(text, DeadLetter.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored dead letter cannot be decoded", e);
        }
    }
}
