package dev.andon.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.core.connector.Delivery;
import org.mapdb.HTreeMap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which outbound notifications exist and how far they got. {@link #claim} is the one place that decides "is this
 * event new for this sink?", committed before anything is sent, so a restart never notifies anyone twice.
 */
public final class DeliveryLog {
    private final AndonDatabase db;
    private final ObjectMapper json;
    private final HTreeMap<String, String> deliveries;

    public DeliveryLog(AndonDatabase db, ObjectMapper json) {
        this.db = db;
        this.json = json;
        this.deliveries = db.jsonMap("deliveries");
    }

    /** Records a pending delivery; empty when {@code key} was claimed before (then nothing is sent again). */
    public Optional<Delivery> claim(String key, String sink, String body, Instant at) {
        return db.write(() -> {
            if (deliveries.containsKey(key)) {
                return Optional.<Delivery>empty();
            }
            Delivery d = new Delivery(key, sink, Delivery.PENDING, 0, body, null, at, at);
            deliveries.put(key, encode(d));
            return Optional.of(d);
        });
    }

    public Delivery record(Delivery d) {
        return db.write(() -> {
            deliveries.put(d.key(), encode(d));
            return d;
        });
    }

    public Optional<Delivery> find(String key) {
        String text = deliveries.get(key);
        return text == null ? Optional.empty() : Optional.of(decode(text));
    }

    /** Deliveries still pending (say, when the service stopped mid-retry): to resume at start. */
    public List<Delivery> pending(String sink) {
        List<Delivery> out = new ArrayList<>();
        for (String text : deliveries.values()) {
            Delivery d = decode(text);
            if (Delivery.PENDING.equals(d.status()) && sink.equals(d.sink())) {
                out.add(d);
            }
        }
        return out;
    }

    private String encode(Delivery d) {
        try {
            return json.writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("delivery cannot be encoded", e);
        }
    }

    private Delivery decode(String text) {
        try {
            return json.readValue(text, Delivery.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored delivery cannot be decoded", e);
        }
    }
}
