package dev.andon.core.store;

import org.mapdb.DBException;
import org.mapdb.DataIO;
import org.mapdb.DataInput2;
import org.mapdb.volume.Volume;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The store's file, changed only whole commits at a time. MapDB 3.1.0 copies a commit from its write-ahead log into
 * the file but never replays that log when it opens, so a kill while the copy is under way leaves a file that is half
 * the old state and half the new ("Broken bit parity" on the next start). Here the copy is held back until MapDB
 * syncs: all of it is first written to a journal beside the file with a checksum and forced to disk, then applied to
 * the file and forced again. {@link #recover} replays a whole journal at the next start (replaying the last commit
 * again is harmless, it writes the same bytes); a journal cut short by the kill fails its checksum and is ignored,
 * and then the file was not touched yet. The journal also keeps the file's header as it was before the commit, and is
 * replayed only onto a file whose header is that one or the one the commit writes: never onto a file restored from an
 * older backup.
 */
final class JournaledVolume extends ForwardingVolume {
    private static final Logger LOG = LoggerFactory.getLogger(JournaledVolume.class);
    private static final int MAGIC = 0x414E444A; // "ANDJ"
    private static final int FORMAT = 2;
    /** The store header (format, checksum, tails, counters): it changes with every commit that allocates anything. */
    private static final int HEADER = 64;

    private record Write(long offset, byte[] bytes) {
    }

    private record Journal(byte[] before, List<Write> writes) {
        /** The header once the writes are applied to {@code before}. */
        byte[] after() {
            byte[] h = before.clone();
            for (Write w : writes) {
                patch(h, 0, w);
            }
            return h;
        }
    }

    /** Copies the part of {@code w} that falls within {@code [offset, offset + into.length)} into {@code into}. */
    private static void patch(byte[] into, long offset, Write w) {
        long from = Math.max(offset, w.offset());
        long to = Math.min(offset + into.length, w.offset() + w.bytes().length);
        if (from < to) {
            System.arraycopy(w.bytes(), (int) (from - w.offset()), into, (int) (from - offset), (int) (to - from));
        }
    }

    private final Path journal;
    private final List<Write> pending = new ArrayList<>();
    private volatile int pendingCount;
    /** Set when a commit reached the journal but not the file: the running store no longer matches the disk. */
    private volatile String broken;

    JournaledVolume(Volume file, Path journal) {
        super(file);
        this.journal = journal;
    }

    static Path journalOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".journal");
    }

    // ---- writes wait for the sync ----

    private synchronized void hold(long offset, byte[] bytes) {
        pending.add(new Write(offset, bytes));
        pendingCount = pending.size();
    }

    @Override
    public void putLong(long offset, long value) {
        byte[] b = new byte[8];
        DataIO.putLong(b, 0, value);
        hold(offset, b);
    }

    @Override
    public void putInt(long offset, int value) {
        byte[] b = new byte[4];
        DataIO.putInt(b, 0, value);
        hold(offset, b);
    }

    @Override
    public void putByte(long offset, byte value) {
        hold(offset, new byte[] {value});
    }

    @Override
    public void putData(long offset, byte[] src, int srcPos, int srcSize) {
        byte[] b = new byte[srcSize];
        System.arraycopy(src, srcPos, b, 0, srcSize);
        hold(offset, b);
    }

    @Override
    public void putData(long offset, ByteBuffer buf) {
        byte[] b = new byte[buf.remaining()];
        buf.duplicate().get(b);
        hold(offset, b);
    }

    @Override
    public void putDataOverlap(long offset, byte[] src, int srcPos, int srcSize) {
        putData(offset, src, srcPos, srcSize);
    }

    @Override
    public void clear(long startOffset, long endOffset) {
        for (long at = startOffset; at < endOffset; at += 1 << 20) {
            hold(at, new byte[(int) Math.min(1 << 20, endOffset - at)]);
        }
    }

    // ---- reads see held writes (MapDB does not read while it commits, but a read must never see the past) ----

    @Override
    public long getLong(long offset) {
        if (pendingCount == 0) {
            return delegate.getLong(offset);
        }
        byte[] b = new byte[8];
        getData(offset, b, 0, 8);
        return DataIO.getLong(b, 0);
    }

    @Override
    public int getInt(long offset) {
        if (pendingCount == 0) {
            return delegate.getInt(offset);
        }
        byte[] b = new byte[4];
        getData(offset, b, 0, 4);
        return DataIO.getInt(b, 0);
    }

    @Override
    public byte getByte(long offset) {
        if (pendingCount == 0) {
            return delegate.getByte(offset);
        }
        byte[] b = new byte[1];
        getData(offset, b, 0, 1);
        return b[0];
    }

    @Override
    public DataInput2 getDataInput(long offset, int size) {
        if (pendingCount == 0) {
            return delegate.getDataInput(offset, size);
        }
        byte[] b = new byte[size];
        getData(offset, b, 0, size);
        return new DataInput2.ByteArray(b);
    }

    @Override
    public DataInput2 getDataInputOverlap(long offset, int size) {
        return getDataInput(offset, size);
    }

    @Override
    public void copyTo(long inputOffset, Volume target, long targetOffset, long size) {
        byte[] b = new byte[(int) size];
        getData(inputOffset, b, 0, (int) size);
        target.putData(targetOffset, b, 0, (int) size);
    }

    @Override
    public void getData(long offset, byte[] bytes, int bytesPos, int size) {
        if (pendingCount == 0) {
            delegate.getData(offset, bytes, bytesPos, size);
            return;
        }
        synchronized (this) {
            delegate.getData(offset, bytes, bytesPos, size);
            for (Write w : pending) {
                long from = Math.max(offset, w.offset());
                long to = Math.min(offset + size, w.offset() + w.bytes().length);
                if (from < to) {
                    System.arraycopy(w.bytes(), (int) (from - w.offset()), bytes, bytesPos + (int) (from - offset), (int) (to - from));
                }
            }
        }
    }

    // ---- a sync is where a commit becomes durable ----

    @Override
    public synchronized void sync() {
        if (broken != null) {
            throw new DBException.VolumeIOError(new IOException(broken));
        }
        if (pending.isEmpty()) {
            delegate.sync();
            return;
        }
        List<Write> writes = List.copyOf(pending);
        pending.clear();
        pendingCount = 0;
        try {
            writeJournal(new Journal(header(), writes));
        } catch (IOException | RuntimeException e) {
            // Nothing reached the file: the commit fails and MapDB's rollback reads the old state back from it.
            throw new DBException.VolumeIOError(e instanceof IOException io ? io : new IOException(e));
        }
        try {
            for (Write w : writes) {
                delegate.putData(w.offset(), w.bytes(), 0, w.bytes().length);
            }
            delegate.sync();
        } catch (RuntimeException e) {
            broken = "the store file could not take a commit that is safe in its journal (" + e.getMessage()
                    + "); restart to replay it";
            throw e;
        }
    }

    @Override
    public synchronized void close() {
        if (!pending.isEmpty() && broken == null) {
            sync();
        }
        super.close();
    }

    /** The file's header as it is on disk now (zeros past the end of a new file). */
    private byte[] header() {
        byte[] h = new byte[HEADER];
        long length = delegate.length();
        if (length > 0) {
            delegate.getData(0, h, 0, (int) Math.min(HEADER, length));
        }
        return h;
    }

    private void writeJournal(Journal journal) throws IOException {
        List<Write> writes = journal.writes();
        int size = 12 + HEADER + 16;
        for (Write w : writes) {
            size += 12 + w.bytes().length;
        }
        ByteBuffer buf = ByteBuffer.allocate(size);
        buf.putInt(MAGIC).putInt(FORMAT).put(journal.before()).putInt(writes.size());
        for (Write w : writes) {
            buf.putLong(w.offset()).putInt(w.bytes().length).put(w.bytes());
        }
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), 0, buf.position());
        buf.putLong(crc.getValue()).putInt(writes.size()).putInt(MAGIC);
        buf.flip();
        try (FileChannel ch = FileChannel.open(this.journal, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            long at = 0;
            while (buf.hasRemaining()) {
                at += ch.write(buf, at);
            }
            ch.force(false);
        }
    }

    /**
     * Replays the journal of {@code file} if it holds a whole commit; returns how many writes it replayed. Run before
     * MapDB opens the file.
     */
    static int recover(Path file) {
        Path journal = journalOf(file);
        if (!Files.isRegularFile(journal) || !Files.isRegularFile(file)) {
            return 0;
        }
        try {
            ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(journal));
            Journal j = read(buf);
            if (j == null) {
                return 0; // cut short before the file was touched: nothing to redo
            }
            byte[] now = new byte[HEADER];
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                ch.read(ByteBuffer.wrap(now), 0);
            }
            if (!java.util.Arrays.equals(now, j.before()) && !java.util.Arrays.equals(now, j.after())) {
                LOG.warn("store: {} does not belong to {} as it is now (restored from a backup?); not replayed", journal, file);
                return 0;
            }
            List<Write> writes = j.writes();
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                for (Write w : writes) {
                    ByteBuffer b = ByteBuffer.wrap(w.bytes());
                    long at = w.offset();
                    while (b.hasRemaining()) {
                        at += ch.write(b, at);
                    }
                }
                ch.force(true);
            }
            return writes.size();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot replay the store journal " + journal, e);
        }
    }

    /** A whole journal, or null when it is cut short, damaged or of another format. */
    private static Journal read(ByteBuffer buf) {
        try {
            if (buf.remaining() < 28 + HEADER || buf.getInt() != MAGIC || buf.getInt() != FORMAT) {
                return null;
            }
            byte[] before = new byte[HEADER];
            buf.get(before);
            int count = buf.getInt();
            List<Write> writes = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long offset = buf.getLong();
                int len = buf.getInt();
                if (len < 0 || len > buf.remaining()) {
                    return null;
                }
                byte[] b = new byte[len];
                buf.get(b);
                writes.add(new Write(offset, b));
            }
            int end = buf.position();
            CRC32C crc = new CRC32C();
            crc.update(buf.array(), 0, end);
            if (buf.getLong() != crc.getValue() || buf.getInt() != count || buf.getInt() != MAGIC) {
                return null;
            }
            return new Journal(before, writes);
        } catch (java.nio.BufferUnderflowException e) {
            return null;
        }
    }
}
