package dev.andon.rules.governance;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.andon.core.error.NotFoundException;
import dev.andon.core.store.AndonDatabase;
import dev.andon.rules.JsonCodec;
import dev.andon.rules.engine.RuleBundle;
import org.mapdb.Atomic;
import org.mapdb.BTreeMap;
import org.mapdb.HTreeMap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ruleset versions, their files, the active version and the activation history (for rollback), in the node's
 * MapDB. Versions are never deleted: they are the audit trail of who changed the runbooks. Methods join the
 * caller's write.
 */
public final class RulesetStore {
    private static final String ACTIVE = "active";
    private static final String HISTORY = "history";
    private final AndonDatabase db;
    private final JsonCodec json;
    private final BTreeMap<Long, String> versions;
    private final HTreeMap<String, String> files;
    private final HTreeMap<String, String> state;
    private final Atomic.Long ids;

    public RulesetStore(AndonDatabase db, JsonCodec json) {
        this.db = db;
        this.json = json;
        this.versions = db.orderedJsonMap("rules-ruleset-versions");
        this.files = db.jsonMap("rules-ruleset-files");
        this.state = db.jsonMap("rules-ruleset-state");
        this.ids = db.sequence("rules-ruleset-ids");
    }

    /** Stores a new version with its files; the version name ("v7") comes from a sequence. */
    public RulesetVersion add(RulesetVersionDraft draft, RuleBundle bundle) {
        return db.write(() -> {
            long n = ids.incrementAndGet();
            String version = "v" + n;
            List<RuleFile> list = new ArrayList<>();
            Map<String, String> encoded = new LinkedHashMap<>();
            bundle.files().forEach((name, bytes) -> {
                list.add(new RuleFile(name, bytes.length));
                encoded.put(name, Base64.getEncoder().encodeToString(bytes));
            });
            RulesetVersion v = new RulesetVersion(version, bundle.hash(), draft.author(), draft.createdAt(), draft.source(),
                    list, draft.ruleCount(), null, null, null, null, null, false);
            versions.put(n, json.write(v));
            files.put(version, json.write(encoded));
            return v;
        });
    }

    public void update(RulesetVersion v) {
        db.write(() -> versions.put(number(v.version()), json.write(v.withActive(false))));
    }

    public RulesetVersion get(String version) {
        Long n = number(version);
        String text = n == null ? null : versions.get(n);
        if (text == null) {
            throw new NotFoundException("ruleset version", version);
        }
        return json.read(text, RulesetVersion.class).withActive(version.equals(activeVersion().orElse(null)));
    }

    /** Newest first. */
    public List<RulesetVersion> list() {
        String active = activeVersion().orElse(null);
        List<RulesetVersion> out = new ArrayList<>();
        for (String text : versions.descendingMap().values()) {
            RulesetVersion v = json.read(text, RulesetVersion.class);
            out.add(v.withActive(v.version().equals(active)));
        }
        return out;
    }

    public Optional<RulesetVersion> withHash(String hash) {
        return list().stream().filter(v -> v.hash().equals(hash)).findFirst();
    }

    public RuleBundle bundle(String version) {
        String text = files.get(version);
        if (text == null) {
            throw new NotFoundException("ruleset version", version);
        }
        Map<String, String> encoded = json.read(text, new TypeReference<Map<String, String>>() { });
        Map<String, byte[]> decoded = new LinkedHashMap<>();
        encoded.forEach((name, b64) -> decoded.put(name, Base64.getDecoder().decode(b64)));
        return new RuleBundle(decoded);
    }

    public Optional<String> activeVersion() {
        return Optional.ofNullable(state.get(ACTIVE));
    }

    /** Versions in the order they were activated, the active one last. */
    public List<String> history() {
        String text = state.get(HISTORY);
        return text == null ? List.of() : json.read(text, new TypeReference<List<String>>() { });
    }

    public void setActive(String version, List<String> history) {
        db.write(() -> {
            state.put(ACTIVE, version);
            state.put(HISTORY, json.write(history));
        });
    }

    private static Long number(String version) {
        if (version == null || !version.startsWith("v")) {
            return null;
        }
        try {
            return Long.parseLong(version.substring(1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** What a new version is made of before it has a name. */
    public record RulesetVersionDraft(String author, Instant createdAt, String source, int ruleCount) {
    }
}
