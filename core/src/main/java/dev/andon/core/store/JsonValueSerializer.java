package dev.andon.core.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jetbrains.annotations.NotNull;
import org.mapdb.DataInput2;
import org.mapdb.DataOutput2;
import org.mapdb.serializer.GroupSerializerObjectArray;

import java.io.IOException;

/**
 * The codec of one record type on MapDB's {@code Serializer}: the record as JSON bytes with the shared mapper, so
 * stores hand records to their maps and get records back instead of encoding strings themselves, and what is stored
 * reads the same as what the API serves. One place to change the encoding of a record type later.
 */
final class JsonValueSerializer<T> extends GroupSerializerObjectArray<T> {
    /** Past this many values encoded ahead and never written (their write failed), the oldest are dropped. */
    private static final int AHEAD_CAP = 10_000;
    private final ObjectMapper json;
    private final Class<T> type;
    /**
     * Values encoded ahead of their write, by identity: intake encodes a record while the batch before it is being
     * committed, so the committing thread copies bytes instead of encoding JSON.
     */
    private final java.util.Map<T, byte[]> ahead = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    JsonValueSerializer(ObjectMapper json, Class<T> type) {
        this.json = json;
        this.type = type;
    }

    /** Encodes {@code value} now, for a write of this very instance later (any thread). */
    void encodeAhead(T value) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(value);
        } catch (IOException e) {
            return; // the write encodes it again and reports the problem there
        }
        if (ahead.size() >= AHEAD_CAP) {
            ahead.clear();
        }
        ahead.put(value, bytes);
    }

    @Override
    public void serialize(@NotNull DataOutput2 out, @NotNull T value) throws IOException {
        byte[] encoded = ahead.isEmpty() ? null : ahead.remove(value);
        byte[] bytes = encoded != null ? encoded : json.writeValueAsBytes(value);
        out.packInt(bytes.length);
        out.write(bytes);
    }

    @Override
    public T deserialize(@NotNull DataInput2 in, int available) throws IOException {
        byte[] bytes = new byte[in.unpackInt()];
        in.readFully(bytes);
        return json.readValue(bytes, type);
    }

    @Override
    public boolean isTrusted() {
        return true;
    }
}
