package dev.andon.rules.decision;

import dev.andon.core.store.AndonDatabase;
import dev.andon.rules.JsonCodec;

import java.util.Optional;

/** The situation each alert was decided in, by alert id, so that backtests replay it faithfully. */
public final class DecisionInputsStore {
    private final AndonDatabase db;
    private final JsonCodec json;
    private final java.util.Map<String, String> inputs;

    public DecisionInputsStore(AndonDatabase db, JsonCodec json) {
        this.db = db;
        this.json = json;
        this.inputs = db.stringMap("rules-decision-inputs");
    }

    /** Joins the caller's write when called inside one. */
    public void save(String alertId, DecisionInputs in) {
        save(alertId, encode(in));
    }

    /** The stored form of {@code in}, for {@link #save(String, Encoded)} later (intake encodes ahead of its write). */
    public Encoded encode(DecisionInputs in) {
        return new Encoded(json.write(in));
    }

    /** Joins the caller's write when called inside one. */
    public void save(String alertId, Encoded in) {
        db.write(() -> inputs.put(alertId, in.text()));
    }

    /** Decision inputs in their stored form. */
    public record Encoded(String text) {
    }

    public Optional<DecisionInputs> find(String alertId) {
        return Optional.ofNullable(inputs.get(alertId)).map(t -> json.read(t, DecisionInputs.class));
    }
}
