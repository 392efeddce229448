package dev.andon.rules.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** The files of one ruleset (DRL, CSV and XLSX decision tables) by file name; identity is the content hash. */
public final class RuleBundle {
    private final Map<String, byte[]> files;

    public RuleBundle(Map<String, byte[]> files) {
        TreeMap<String, byte[]> copy = new TreeMap<>();
        files.forEach((name, bytes) -> copy.put(name, bytes.clone()));
        this.files = Collections.unmodifiableMap(copy);
    }

    public Map<String, byte[]> files() {
        return files;
    }

    public long totalBytes() {
        return files.values().stream().mapToLong(b -> b.length).sum();
    }

    /** SHA-256 over names and contents in name order, so the same files always give the same hash. */
    public String hash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                digest.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Long.toString(e.getValue().length).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(e.getValue());
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
