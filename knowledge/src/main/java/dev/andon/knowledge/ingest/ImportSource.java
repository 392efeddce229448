package dev.andon.knowledge.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The files of a bulk import (a zip archive or a folder on the server), each either read (bounded) or refused with the
 * reason. Nothing here touches the documents folder or the index. Bounded on every axis an archive can blow up:
 * number of entries, bytes per file and bytes in total (counted while inflating, never taken from the archive's own
 * headers), nesting (archives inside the import are refused, not opened), and names (a path out of the import, a
 * duplicate, a hidden or reserved name is refused).
 */
public final class ImportSource {
    /** A file to import: its path inside the import ('/'-separated), content, and its sidecar if the import has one. */
    public record Entry(String path, byte[] content, byte[] sidecar) {
    }

    /** A file of the import that is not imported, and why. */
    public record Refusal(String path, String reason) {
    }

    public record Contents(List<Entry> files, List<Refusal> refused) {
    }

    /** Folders the import may not write into: they hold Andon's own version archive and drafts. */
    private static final Set<String> RESERVED = Set.of("archive");
    private static final Set<String> ARCHIVE_EXTENSIONS = Set.of(".zip", ".jar", ".war", ".ear", ".gz", ".tgz", ".tar",
            ".7z", ".rar", ".bz2", ".xz", ".zst", ".lz", ".lzma", ".cab", ".iso");

    private final long maxFileBytes;
    private final long maxTotalBytes;
    private final int maxEntries;

    public ImportSource(long maxFileBytes, long maxTotalBytes, int maxEntries) {
        this.maxFileBytes = maxFileBytes;
        this.maxTotalBytes = maxTotalBytes;
        this.maxEntries = maxEntries;
    }

    /** The files of a zip archive, read through its central directory so a refused entry is never inflated further. */
    public Contents zip(String archiveName, byte[] zip) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("andon-import-", ".zip");
            Files.write(tmp, zip);
            try (ZipFile file = new ZipFile(tmp.toFile())) {
                List<ZipEntry> entries = new ArrayList<>();
                for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements(); ) {
                    ZipEntry entry = e.nextElement();
                    if (!entry.isDirectory()) {
                        entries.add(entry);
                    }
                }
                List<Candidate> candidates = new ArrayList<>();
                for (ZipEntry entry : entries) {
                    candidates.add(new Candidate(entry.getName(), () -> file.getInputStream(entry)));
                }
                return read(candidates);
            }
        } catch (ZipException e) {
            return new Contents(List.of(), List.of(new Refusal(archiveName, "not a readable zip archive (" + e.getMessage() + ")")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the archive " + archiveName, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    /** The regular files under a folder on the server; symbolic links are refused, never followed. */
    public Contents folder(Path root) {
        List<Candidate> candidates = new ArrayList<>();
        List<Refusal> links = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root, 32, new FileVisitOption[0])) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (Files.isSymbolicLink(p)) {
                    links.add(new Refusal(rel, "a symbolic link; links are not followed"));
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    candidates.add(new Candidate(rel, () -> Files.newInputStream(p)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        Contents c = read(candidates);
        List<Refusal> refused = new ArrayList<>(links);
        refused.addAll(c.refused());
        return new Contents(c.files(), refused);
    }

    private interface Opener {
        InputStream open() throws IOException;
    }

    private record Candidate(String name, Opener opener) {
    }

    private Contents read(List<Candidate> all) {
        List<Refusal> refused = new ArrayList<>();
        if (all.size() > maxEntries) {
            String reason = "the import holds " + all.size() + " files; one import takes at most " + maxEntries
                    + " (split it); nothing was imported";
            all.forEach(c -> refused.add(new Refusal(c.name(), reason)));
            return new Contents(List.of(), refused);
        }
        // Names first: duplicates (also ones differing only in case, which collide on many disks) are all refused.
        Map<String, Integer> seen = new HashMap<>();
        for (Candidate c : all) {
            seen.merge(c.name().toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        Map<String, byte[]> read = new LinkedHashMap<>();
        long total = 0;
        for (Candidate c : all) {
            String name = c.name();
            String problem = nameProblem(name);
            if (problem == null && seen.get(name.toLowerCase(Locale.ROOT)) > 1) {
                problem = "the import holds more than one file named " + name + "; none of them is imported";
            }
            if (problem == null && isArchiveName(name)) {
                problem = "an archive inside the import; nested archives are not opened, import them on their own";
            }
            if (problem == null && DocumentFormat.of(name).isEmpty() && !DocumentFormat.isSidecar(name)) {
                problem = "unsupported file type; supported: " + DocumentFormat.SUPPORTED;
            }
            if (problem == null && total >= maxTotalBytes) {
                problem = "the import expands beyond " + maxTotalBytes / (1024 * 1024) + " MB in total; this file was not read";
            }
            if (problem != null) {
                refused.add(new Refusal(name, problem));
                continue;
            }
            long budget = Math.min(maxFileBytes, maxTotalBytes - total);
            byte[] bytes;
            try (InputStream in = c.opener().open()) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, budget + 1));
            } catch (IOException e) {
                refused.add(new Refusal(name, "cannot be read (" + e.getMessage() + ")"));
                continue;
            }
            total += bytes.length;
            if (bytes.length > budget) {
                refused.add(new Refusal(name, budget == maxFileBytes
                        ? "expands beyond the file size limit of " + maxFileBytes + " bytes"
                        : "the import expands beyond " + maxTotalBytes / (1024 * 1024) + " MB in total"));
                continue;
            }
            if (looksLikeArchive(bytes)) {
                refused.add(new Refusal(name, "holds an archive (by its content); nested archives are not opened"));
                continue;
            }
            read.put(name, bytes);
        }
        List<Entry> files = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : read.entrySet()) {
            String name = e.getKey();
            if (DocumentFormat.isSidecar(name)) {
                String document = name.substring(0, name.length() - DocumentFormat.SIDECAR_SUFFIX.length());
                if (!read.containsKey(document)) {
                    refused.add(new Refusal(name, "a metadata sidecar without its document " + document));
                }
                continue;
            }
            files.add(new Entry(name, e.getValue(), read.get(name + DocumentFormat.SIDECAR_SUFFIX)));
        }
        return new Contents(Collections.unmodifiableList(files), Collections.unmodifiableList(refused));
    }

    /** Why a path may not be imported, or null: it must stay inside the import and be an ordinary visible name. */
    static String nameProblem(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.startsWith("\\") || name.contains("\\")
                || name.matches("^[A-Za-z]:.*") || name.contains("\0")) {
            return "an absolute or unusual path; only relative paths inside the import are taken";
        }
        String[] parts = name.split("/");
        for (String part : parts) {
            if (part.equals("..") || part.equals(".")) {
                return "a path that leads out of the import ('..'); refused";
            }
        }
        if (parts.length > 1 && RESERVED.contains(parts[0].toLowerCase(Locale.ROOT))) {
            return "'" + parts[0] + "/' is where Andon keeps superseded versions; import into another folder";
        }
        for (String part : parts) {
            try {
                UploadName.require(part);
            } catch (dev.andon.core.error.InvalidInputException e) {
                return e.problems().get(0).message();
            }
        }
        if (name.length() > 400) {
            return "a path longer than 400 characters";
        }
        return null;
    }

    private static boolean isArchiveName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return ARCHIVE_EXTENSIONS.stream().anyMatch(lower::endsWith);
    }

    private static boolean looksLikeArchive(byte[] b) {
        return b.length >= 4 && ((b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4)
                || ((b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b)
                || (b[0] == '7' && b[1] == 'z' && (b[2] & 0xff) == 0xBC)
                || (b[0] == 'R' && b[1] == 'a' && b[2] == 'r' && b[3] == '!'));
    }
}
