package dev.andon.rules.governance;

import dev.andon.rules.engine.RuleBundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads a rules folder into a {@link RuleBundle}: the .drl, .csv and .xlsx files directly in it. Notes (README.md),
 * hidden files and the lock files office programs leave next to an open workbook ("~$routing.xlsx") are skipped.
 */
public final class RulesFolder {
    private final Path folder;

    public RulesFolder(Path folder) {
        this.folder = folder;
    }

    public RuleBundle read() {
        if (!Files.isDirectory(folder)) {
            throw new UncheckedIOException(new IOException("rules folder " + folder + " does not exist"));
        }
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                String name = p.getFileName().toString();
                if (Files.isRegularFile(p) && isRuleFile(name)) {
                    files.put(name, Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules folder " + folder, e);
        }
        return new RuleBundle(files);
    }

    public Path folder() {
        return folder;
    }

    static boolean isRuleFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith(".") || lower.startsWith("~$")) {
            return false;
        }
        return lower.endsWith(".drl") || lower.endsWith(".csv") || lower.endsWith(".xlsx") || lower.endsWith(".xls");
    }
}
