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
    private final ObjectMapper json;
    private final Class<T> type;

    JsonValueSerializer(ObjectMapper json, Class<T> type) {
        this.json = json;
        this.type = type;
    }

    @Override
    public void serialize(@NotNull DataOutput2 out, @NotNull T value) throws IOException {
        byte[] bytes = json.writeValueAsBytes(value);
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
