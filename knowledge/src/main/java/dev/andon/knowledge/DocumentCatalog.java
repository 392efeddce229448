package dev.andon.knowledge;

import dev.andon.knowledge.index.StoredVersion;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory view of what the index holds: every version of every document, keyed by {@code id@version}. Rebuilt
 * from the index at start-up. The working catalogue is written only under the knowledge base's write lock; readers get
 * a {@link #snapshot()} published after each commit, so they never see a document the searcher cannot find yet.
 */
final class DocumentCatalog {
    private final Map<String, StoredVersion> byKey;
    // Secondary indexes: the folder scan asks "what came from this file" for every file on every poll.
    private final Map<String, Set<String>> keysByFile;
    private final Map<String, Set<String>> keysById;

    DocumentCatalog() {
        this(new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }

    private DocumentCatalog(Map<String, StoredVersion> byKey, Map<String, Set<String>> keysByFile,
                            Map<String, Set<String>> keysById) {
        this.byKey = byKey;
        this.keysByFile = keysByFile;
        this.keysById = keysById;
    }

    /** An immutable copy for readers. */
    DocumentCatalog snapshot() {
        return new DocumentCatalog(Map.copyOf(byKey), copy(keysByFile), copy(keysById));
    }

    private static Map<String, Set<String>> copy(Map<String, Set<String>> m) {
        Map<String, Set<String>> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, Set.copyOf(v)));
        return Map.copyOf(out);
    }

    void put(StoredVersion v) {
        remove(v.key());
        byKey.put(v.key(), v);
        keysByFile.computeIfAbsent(v.file(), f -> ConcurrentHashMap.newKeySet()).add(v.key());
        keysById.computeIfAbsent(v.id(), f -> ConcurrentHashMap.newKeySet()).add(v.key());
    }

    void remove(String key) {
        StoredVersion old = byKey.remove(key);
        if (old != null) {
            drop(keysByFile, old.file(), key);
            drop(keysById, old.id(), key);
        }
    }

    private static void drop(Map<String, Set<String>> index, String name, String key) {
        Set<String> keys = index.get(name);
        if (keys != null) {
            keys.remove(key);
            if (keys.isEmpty()) {
                index.remove(name);
            }
        }
    }

    void clear() {
        byKey.clear();
        keysByFile.clear();
        keysById.clear();
    }

    Optional<StoredVersion> get(String id, String version) {
        return Optional.ofNullable(byKey.get(StoredVersion.key(id, version)));
    }

    /** All versions of a document, newest first. */
    List<StoredVersion> versions(String id) {
        List<StoredVersion> out = lookup(keysById.get(id));
        out.sort(VersionOrder.OLDEST_FIRST.reversed());
        return out;
    }

    Optional<StoredVersion> current(String id) {
        List<StoredVersion> versions = versions(id);
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(0));
    }

    boolean isCurrent(StoredVersion v) {
        return current(v.id()).map(c -> c.key().equals(v.key())).orElse(false);
    }

    List<StoredVersion> byFile(String file) {
        return lookup(keysByFile.get(file));
    }

    private List<StoredVersion> lookup(Set<String> keys) {
        List<StoredVersion> out = new ArrayList<>();
        if (keys != null) {
            for (String k : keys) {
                StoredVersion v = byKey.get(k);
                if (v != null) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    Collection<String> files() {
        return new TreeSet<>(keysByFile.keySet());
    }

    List<StoredVersion> currentVersions() {
        List<StoredVersion> out = new ArrayList<>();
        for (String id : new TreeSet<>(keysById.keySet())) {
            current(id).ifPresent(out::add);
        }
        return out;
    }

    int versionCount() {
        return byKey.size();
    }
}
