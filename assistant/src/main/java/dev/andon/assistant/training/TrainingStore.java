package dev.andon.assistant.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.core.store.AndonDatabase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * Training state in the store: saved standard paths (by path id), item records (person|path|item) and sign-offs
 * (person|path|module). Writes join the caller's {@link AndonDatabase#write} so a sign-off and its grants commit
 * together.
 */
public final class TrainingStore {
    private final ObjectMapper json;
    private final Map<String, String> standards;
    private final NavigableMap<String, String> records;
    private final NavigableMap<String, String> signOffs;

    public TrainingStore(AndonDatabase db, ObjectMapper json) {
        this.json = json;
        this.standards = db.stringMap("training-standard-paths");
        this.records = db.sortedStrings("training-item-records");
        this.signOffs = db.sortedStrings("training-sign-offs");
    }

    public Optional<StandardPath> standard(String pathId) {
        return Optional.ofNullable(standards.get(pathId)).map(t -> decode(t, StandardPath.class));
    }

    void putStandard(String pathId, StandardPath standard) {
        standards.put(pathId, encode(standard));
    }

    public Optional<ItemRecord> record(String person, String path, String item) {
        return Optional.ofNullable(records.get(key(person, path, item))).map(t -> decode(t, ItemRecord.class));
    }

    void putRecord(ItemRecord r) {
        records.put(key(r.person(), r.path(), r.item()), encode(r));
    }

    public Optional<SignOff> signOff(String person, String path, String module) {
        return Optional.ofNullable(signOffs.get(key(person, path, module))).map(t -> decode(t, SignOff.class));
    }

    void putSignOff(SignOff s) {
        signOffs.put(key(s.person(), s.path(), s.module()), encode(s));
    }

    /** Every record of a person on a path, read in one prefix scan of the sorted map. */
    public List<ItemRecord> records(String person, String path) {
        return prefix(records, person + "|" + path + "|", ItemRecord.class);
    }

    public List<SignOff> signOffs(String person, String path) {
        return prefix(signOffs, person + "|" + path + "|", SignOff.class);
    }

    private <T> List<T> prefix(NavigableMap<String, String> map, String prefix, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (String text : map.subMap(prefix, true, prefix + Character.MAX_VALUE, false).values()) {
            out.add(decode(text, type));
        }
        return out;
    }

    private static String key(String a, String b, String c) {
        return a + "|" + b + "|" + c;
    }

    private String encode(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("training record cannot be encoded", e);
        }
    }

    private <T> T decode(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored training record cannot be decoded", e);
        }
    }
}
