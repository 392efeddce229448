package dev.andon.knowledge.watch;

import dev.andon.knowledge.ingest.DocumentFormat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Lists the document files under a folder (recursively) with content hashes. A file whose size and modification time
 * are unchanged since the last listing keeps its hash without being read again. Hidden files, editor backups and
 * temporary files are skipped; sidecars are attached to their document, not listed on their own.
 */
public final class FolderSnapshot {
    private record Stamp(long size, long modified, long sidecarSize, long sidecarModified, String hash) {
    }

    private static final long SETTLE_MILLIS = 3000;
    private final Path root;
    private final Map<String, Stamp> stamps = new ConcurrentHashMap<>();

    public FolderSnapshot(Path root) {
        this.root = root;
    }

    public List<WatchedFile> list() {
        List<WatchedFile> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (!Files.isRegularFile(p) || skipped(root.relativize(p))) {
                    continue;
                }
                String name = p.getFileName().toString();
                if (DocumentFormat.isSidecar(name)) {
                    continue;
                }
                String rel = relative(p);
                Path sidecar = p.resolveSibling(name + DocumentFormat.SIDECAR_SUFFIX);
                try {
                    out.add(fingerprint(rel, p, Files.isRegularFile(sidecar) ? sidecar : null));
                } catch (NoSuchFileException gone) {
                    // deleted while we were listing: the next listing reports it as gone
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list documents folder " + root, e);
        }
        stamps.keySet().retainAll(out.stream().map(WatchedFile::relativePath).toList());
        return out;
    }

    public void forget() {
        stamps.clear();
    }

    public String relative(Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    private WatchedFile fingerprint(String rel, Path file, Path sidecar) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        long sSize = -1;
        long sMod = -1;
        if (sidecar != null) {
            BasicFileAttributes s = Files.readAttributes(sidecar, BasicFileAttributes.class);
            sSize = s.size();
            sMod = s.lastModifiedTime().toMillis();
        }
        Stamp old = stamps.get(rel);
        long mod = a.lastModifiedTime().toMillis();
        // A file written in the last seconds may be rewritten within the clock's resolution: always re-read those.
        boolean settled = System.currentTimeMillis() - Math.max(mod, sMod) > SETTLE_MILLIS;
        if (settled && old != null && old.size == a.size() && old.modified == mod && old.sidecarSize == sSize && old.sidecarModified == sMod) {
            return new WatchedFile(rel, file, sidecar, a.size(), old.hash);
        }
        String hash = hash(file, sidecar);
        stamps.put(rel, new Stamp(a.size(), mod, sSize, sMod, hash));
        return new WatchedFile(rel, file, sidecar, a.size(), hash);
    }

    static boolean skipped(Path rel) {
        for (Path part : rel) {
            String n = part.toString();
            if (n.startsWith(".") || n.startsWith("~") || n.endsWith("~") || n.endsWith(".tmp") || n.endsWith(".swp")
                    || n.endsWith(".part")) {
                return true;
            }
        }
        return false;
    }

    public static String hash(Path file, Path sidecar) throws IOException {
        MessageDigest md = sha256();
        digest(md, file);
        if (sidecar != null) {
            md.update((byte) 0);
            digest(md, sidecar);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    public static String hash(byte[] content, byte[] sidecar) {
        MessageDigest md = sha256();
        md.update(content);
        if (sidecar != null) {
            md.update((byte) 0);
            md.update(sidecar);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void digest(MessageDigest md, Path p) throws IOException {
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(p)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
