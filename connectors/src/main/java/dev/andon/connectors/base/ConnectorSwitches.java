package dev.andon.connectors.base;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.core.audit.AuditTrail;
import dev.andon.core.identity.Principal;
import dev.andon.core.store.AndonDatabase;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Connectors an administrator switched on or off while Andon ran, kept in the store: a switch holds across restarts
 * until switched back (the connectors file's {@code enabled} is the default of a connector never switched). Each
 * switch is one audit record, in the same write.
 */
public final class ConnectorSwitches {
    public record Switch(boolean on, String by, Instant at) {
    }

    private final AndonDatabase db;
    private final ObjectMapper json;
    private final AuditTrail audit;
    private final Clock clock;
    private final Map<String, String> switches;

    public ConnectorSwitches(AndonDatabase db, ObjectMapper json, AuditTrail audit, Clock clock) {
        this.db = db;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
        this.switches = db.stringMap("connector-switches");
    }

    public Optional<Switch> of(String connector) {
        String v = switches.get(connector);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(v, Switch.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable switch of connector " + connector, e);
        }
    }

    public void record(Principal who, String connector, boolean on) {
        Switch s = new Switch(on, who.id(), clock.instant());
        db.write(() -> {
            Optional<Switch> before = of(connector);
            try {
                switches.put(connector, json.writeValueAsString(s));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            audit.record(who, on ? "connector:enable" : "connector:disable", "connector/" + connector,
                    before.map(b -> Map.of("on", b.on())).orElse(null), Map.of("on", on));
        });
    }
}
