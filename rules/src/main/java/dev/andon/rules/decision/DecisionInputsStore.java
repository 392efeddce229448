package dev.andon.rules.decision;

import dev.andon.core.store.AndonDatabase;
import dev.andon.rules.JsonCodec;
import org.mapdb.HTreeMap;

import java.util.Optional;

/** The situation each alert was decided in, by alert id, so that backtests replay it faithfully. */
public final class DecisionInputsStore {
    private final AndonDatabase db;
    private final JsonCodec json;
    private final HTreeMap<String, String> inputs;

    public DecisionInputsStore(AndonDatabase db, JsonCodec json) {
        this.db = db;
        this.json = json;
        this.inputs = db.jsonMap("rules-decision-inputs");
    }

    /** Joins the caller's write when called inside one. */
    public void save(String alertId, DecisionInputs in) {
        db.write(() -> inputs.put(alertId, json.write(in)));
    }

    public Optional<DecisionInputs> find(String alertId) {
        return Optional.ofNullable(inputs.get(alertId)).map(t -> json.read(t, DecisionInputs.class));
    }
}
