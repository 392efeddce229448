package dev.andon.knowledge.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * How a change writes to the documents folder: through an undoable {@link FolderTransaction}, or {@link #DIRECT}ly
 * where nothing needs undoing. Every write lands whole (written beside the target, forced, then renamed over it).
 */
public interface FolderWrites {
    /** Replaces (or creates) {@code target} with {@code bytes}, creating its folder if needed. */
    void write(Path target, byte[] bytes) throws IOException;

    /** Removes {@code target} if it exists. */
    void delete(Path target) throws IOException;

    FolderWrites DIRECT = new FolderWrites() {
        @Override
        public void write(Path target, byte[] bytes) throws IOException {
            writeDurably(target, bytes);
        }

        @Override
        public void delete(Path target) throws IOException {
            Files.deleteIfExists(target);
        }
    };

    /** Writes {@code bytes} to a temporary sibling, forces it to disk and renames it over {@code target}. */
    static void writeDurably(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + ".upload.tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        forceFolder(target.getParent());
    }

    /** Makes a rename or a new name in {@code folder} durable (best effort where the platform cannot). */
    static void forceFolder(Path folder) {
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some platforms cannot open a folder for syncing; the rename is then as durable as the OS makes it.
        }
    }
}
