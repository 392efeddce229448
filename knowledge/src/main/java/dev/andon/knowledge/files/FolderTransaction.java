package dev.andon.knowledge.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * One change to the documents folder that can be undone until it is committed elsewhere (the audit trail's store is
 * the commit point). Before a file is touched, its old bytes are kept in the change's staging folder and an op file
 * says what is about to happen; so after a crash, {@link #recover} puts every uncommitted change back exactly, and
 * forgets the undo data of committed ones. Not thread-safe: one change at a time, under the knowledge base's lock.
 *
 * <p>Order per operation n: backup {@code n.bak} complete (written aside, forced, renamed), then {@code n.op}, then
 * the target. So an op file means its backup is whole, and no op file means the target was not touched.
 */
public final class FolderTransaction implements FolderWrites {
    private static final String OP = ".op";
    private static final String BACKUP = ".bak";

    private final Path root;
    private final Path dir;
    private final String id;
    private int ops;

    private FolderTransaction(Path root, Path dir, String id) {
        this.root = root;
        this.dir = dir;
        this.id = id;
    }

    /** Starts a change of files under {@code root}, keeping its undo data in a new folder under {@code stagingRoot}. */
    public static FolderTransaction begin(Path root, Path stagingRoot) {
        // The folder is made on the first write: most scans of the folder change nothing.
        String id = UUID.randomUUID().toString();
        return new FolderTransaction(root, stagingRoot.resolve(id), id);
    }

    public String id() {
        return id;
    }

    /** Whether anything in the folder was touched. */
    public boolean touched() {
        return ops > 0;
    }

    @Override
    public void write(Path target, byte[] bytes) throws IOException {
        String rel = relative(target);
        int n = ++ops;
        boolean existed = Files.isRegularFile(target);
        if (existed) {
            // Written aside, forced and renamed like any write: a backup that exists is whole.
            FolderWrites.writeDurably(dir.resolve(n + BACKUP), Files.readAllBytes(target));
        }
        recordOp(n, rel, existed);
        FolderWrites.writeDurably(target, bytes);
    }

    @Override
    public void delete(Path target) throws IOException {
        String rel = relative(target);
        if (!Files.isRegularFile(target)) {
            return;
        }
        int n = ++ops;
        Files.createDirectories(dir);
        recordOp(n, rel, true);
        // Moving, not deleting: the old bytes are the backup, and a rename is atomic.
        Files.move(target, dir.resolve(n + BACKUP), StandardCopyOption.ATOMIC_MOVE);
        FolderWrites.forceFolder(dir);
        FolderWrites.forceFolder(target.getParent());
    }

    /** Puts every touched file back as it was and forgets the change. */
    public void rollback() {
        if (Files.isDirectory(dir)) {
            undo(root, dir);
        }
        deleteFolder(dir);
    }

    /** The change is committed: its undo data goes (a crash half-way is fine, the commit point says what happened). */
    public void finish() {
        deleteFolder(dir);
    }

    /**
     * After a crash: each change left under {@code stagingRoot} is either committed ({@code committed} says so), and
     * its undo data is dropped, or not, and its files are put back. Returns the ids of changes that stay committed.
     */
    public static Recovery recover(Path root, Path stagingRoot, Predicate<String> committed) {
        List<String> kept = new ArrayList<>();
        List<String> undone = new ArrayList<>();
        java.util.Set<String> keptFiles = new java.util.TreeSet<>();
        if (!Files.isDirectory(stagingRoot)) {
            return new Recovery(kept, undone, keptFiles);
        }
        try (Stream<Path> changes = Files.list(stagingRoot)) {
            for (Path dir : changes.filter(Files::isDirectory).sorted().toList()) {
                String id = dir.getFileName().toString();
                if (committed.test(id)) {
                    kept.add(id);
                    ops(dir).forEach(op -> keptFiles.add(op.target()));
                } else {
                    undo(root, dir);
                    undone.add(id);
                }
                deleteFolder(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot recover document changes in " + stagingRoot, e);
        }
        return new Recovery(kept, undone, keptFiles);
    }

    /**
     * What {@link #recover} found: changes that had committed, changes put back, and the files (relative to the
     * documents folder) the committed ones wrote: their change is already recorded, however the index catches up.
     */
    public record Recovery(List<String> committed, List<String> undone, java.util.Set<String> committedFiles) {
    }

    /** One recorded operation: its number, whether its file existed before, and the file (relative to the root). */
    private record Op(int number, boolean existed, String target) {
    }

    /** The operations recorded in a change's folder, last first (the order they are undone in). */
    private static List<Op> ops(Path dir) {
        List<Op> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(OP)).toList()) {
                List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
                out.add(new Op(number(p), lines.get(0).equals("existed"), lines.get(1)));
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the change in " + dir + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparingInt(Op::number).reversed());
        return out;
    }

    private static void undo(Path root, Path dir) {
        for (Op op : ops(dir)) {
            try {
                Path target = root.resolve(op.target()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("op " + op.number() + " names a file outside " + root);
                }
                Path backup = dir.resolve(op.number() + BACKUP);
                boolean existed = op.existed();
                if (!existed) {
                    Files.deleteIfExists(target);
                } else if (Files.isRegularFile(backup)) {
                    Files.createDirectories(target.getParent());
                    Files.move(backup, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
                // existed without a backup: the target was never touched.
                FolderWrites.forceFolder(target.getParent());
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("cannot undo " + op + ": " + e.getMessage(), e);
            }
        }
    }

    private void recordOp(int n, String rel, boolean existed) throws IOException {
        FolderWrites.writeDurably(dir.resolve(n + OP),
                ((existed ? "existed" : "new") + "\n" + rel + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private String relative(Path target) {
        Path t = target.toAbsolutePath().normalize();
        if (!t.startsWith(root)) {
            throw new IllegalArgumentException(target + " is outside the documents folder " + root);
        }
        return root.relativize(t).toString().replace('\\', '/');
    }

    private static int number(Path p) {
        String name = p.getFileName().toString();
        return Integer.parseInt(name.substring(0, name.indexOf('.')));
    }

    /** Numbered files first, then anything else (a commit mark), then the folder: a mark outlives its undo data. */
    private static void deleteFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.sorted(Comparator.comparing((Path p) -> !Character.isDigit(p.getFileName().toString().charAt(0))))
                    .toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the staged change " + dir, e);
        }
    }
}
