package dev.andon.knowledge;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.core.json.AndonJson;
import dev.andon.knowledge.files.FolderWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Changes to controlled documents that wait for approval, kept on disk in {@code <documents>/.drafts/} (one folder per
 * draft: {@code draft.json}, the file and its sidecar). The folder scan skips dot-folders, so a draft is never indexed,
 * searched or cited; it survives restarts and index rebuilds. Callers hold the knowledge base's write lock.
 */
final class DraftStore {
    static final String FOLDER = ".drafts";
    private static final Logger LOG = LoggerFactory.getLogger(DraftStore.class);

    /** One pending change. {@code file} is where the approved version will be written (relative to the folder). */
    record Draft(String kind, String documentId, String version, String file, String title, String requestedBy,
                 Instant requestedAt, String approverRole, boolean hasSidecar) {
        String key() {
            return key(kind, documentId, version);
        }

        static String key(String kind, String documentId, String version) {
            return kind + ":" + documentId + "@" + (version == null ? "*" : version);
        }
    }

    private final Path dir;
    private final ObjectMapper json = AndonJson.newMapper();
    private final Map<String, Draft> drafts = new ConcurrentHashMap<>();

    DraftStore(Path documentsDir) {
        this.dir = documentsDir.resolve(FOLDER);
        load();
    }

    /** Reads the drafts from disk again (after a change that wrote some of them was undone). */
    void reload() {
        drafts.clear();
        load();
    }

    private void load() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> children = Files.list(dir)) {
            for (Path p : (Iterable<Path>) children::iterator) {
                Path meta = p.resolve("draft.json");
                if (!Files.isRegularFile(meta)) {
                    continue;
                }
                try {
                    Draft d = json.readValue(meta.toFile(), Draft.class);
                    drafts.put(d.key(), d);
                } catch (IOException e) {
                    LOG.warn("draft {} cannot be read and is ignored: {}", meta, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read drafts in " + dir, e);
        }
    }

    List<Draft> list() {
        List<Draft> out = new ArrayList<>(drafts.values());
        out.sort(Comparator.comparing(Draft::requestedAt).thenComparing(Draft::key));
        return out;
    }

    Optional<Draft> get(String kind, String documentId, String version) {
        return Optional.ofNullable(drafts.get(Draft.key(kind, documentId, version)));
    }

    List<Draft> of(String documentId) {
        return list().stream().filter(d -> d.documentId().equals(documentId)).toList();
    }

    /** Stores a draft, replacing a pending one for the same document version (content first, record last). */
    void put(FolderWrites writes, Draft draft, byte[] content, byte[] sidecar) {
        Path folder = folderOf(draft.key());
        try {
            if (content != null) {
                writes.write(folder.resolve("content"), content);
            }
            if (sidecar != null) {
                writes.write(folder.resolve("sidecar"), sidecar);
            } else {
                writes.delete(folder.resolve("sidecar"));
            }
            writes.write(folder.resolve("draft.json"), json.writeValueAsBytes(draft));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the draft " + draft.key(), e);
        }
        drafts.put(draft.key(), draft);
    }

    byte[] content(Draft d) {
        return read(folderOf(d.key()).resolve("content"));
    }

    byte[] sidecar(Draft d) {
        return d.hasSidecar() ? read(folderOf(d.key()).resolve("sidecar")) : null;
    }

    void remove(FolderWrites writes, Draft d) {
        Path folder = folderOf(d.key());
        try {
            // The record goes first: a crash half-way leaves loose files, never a draft without content.
            writes.delete(folder.resolve("draft.json"));
            writes.delete(folder.resolve("content"));
            writes.delete(folder.resolve("sidecar"));
            // An empty folder is left alone if anything else is in it; an undo makes it again when needed.
            if (Files.isDirectory(folder)) {
                boolean empty;
                try (Stream<Path> left = Files.list(folder)) {
                    empty = left.findAny().isEmpty();
                }
                if (empty) {
                    Files.deleteIfExists(folder);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the draft " + d.key(), e);
        }
        drafts.remove(d.key());
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    private Path folderOf(String key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(h, 0, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
