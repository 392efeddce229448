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
 * syncs: all of it is first appended to a journal beside the file with a checksum and forced to disk (the one forced
 * write a commit costs), then written to the file; every {@value #CHECKPOINT_ENTRIES} commits the file is forced and
 * the journal starts over. {@link #recover} replays the entries since the last checkpoint at the next start, in order
 * (replaying what already reached the file is harmless: it writes the same bytes); an entry cut short by the kill
 * fails its checksum and ends the replay, and that commit had not touched the file. Each entry also keeps the file's
 * header as it was before it, and the journal is replayed only onto a file whose header is one it went through: never
 * onto a file restored from an older backup.
 */
final class JournaledVolume extends ForwardingVolume {
    private static final Logger LOG = LoggerFactory.getLogger(JournaledVolume.class);
    private static final int MAGIC = 0x414E444A; // "ANDJ"
    private static final int FORMAT = 3;
    /** Commits (or journal bytes) between two checkpoints: bounds what a start replays, and the journal's size. */
    private static final int CHECKPOINT_ENTRIES = 256;
    private static final long CHECKPOINT_BYTES = 32L << 20;
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    /** The store header (format, checksum, tails, counters): it changes with every commit that allocates anything. */
    private static final int HEADER = 64;

    private record Write(long offset, byte[] bytes) {
    }

    /** One commit in the journal: its generation (one per checkpoint), the file header before it, its writes. */
    private record Entry(long generation, byte[] before, List<Write> writes) {
    }

    /**
     * Copies the part of {@code w} that falls within the file range {@code [offset, offset + size)} into {@code into},
     * which holds that range from {@code intoPos}.
     */
    private static void patch(byte[] into, int intoPos, int size, long offset, Write w) {
        long from = Math.max(offset, w.offset());
        long to = Math.min(offset + size, w.offset() + w.bytes().length);
        if (from < to) {
            System.arraycopy(w.bytes(), (int) (from - w.offset()), into, intoPos + (int) (from - offset), (int) (to - from));
        }
    }

    private final Path journal;
    /** Opened at the first commit and kept: opening a file per commit costs time, and fails when descriptors run out. */
    private FileChannel journalChannel;
    /** Where the next entry goes, how many entries since the last checkpoint, and this checkpoint's generation. */
    private long tail;
    private int entries;
    private long generation = RANDOM.nextLong();
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
                patch(bytes, bytesPos, size, offset, w);
            }
        }
    }

    /** Forgets the writes of a commit that failed before its sync; the file and the journal never saw them. */
    synchronized void discardPending() {
        pending.clear();
        pendingCount = 0;
    }

    // ---- a sync is where a commit becomes durable ----

    @Override
    public synchronized void sync() {
        if (broken != null) {
            throw new DBException.VolumeIOError(new IOException(broken));
        }
        if (pending.isEmpty()) {
            checkpoint();
            return;
        }
        List<Write> writes = List.copyOf(pending);
        pending.clear();
        pendingCount = 0;
        try {
            append(new Entry(generation, header(), writes));
        } catch (IOException | RuntimeException e) {
            // Nothing reached the file: the commit fails and MapDB's rollback reads the old state back from it.
            throw new DBException.VolumeIOError(e instanceof IOException io ? io : new IOException(e));
        }
        try {
            for (Write w : coalesced(writes)) {
                delegate.putData(w.offset(), w.bytes(), 0, w.bytes().length);
            }
            if (++entries >= CHECKPOINT_ENTRIES || tail >= CHECKPOINT_BYTES) {
                checkpoint();
            }
        } catch (RuntimeException e) {
            broken = "the store file could not take a commit that is safe in its journal (" + e.getMessage()
                    + "); restart to replay it";
            throw e;
        }
    }

    /** Writes closer than this are sent to the file as one, the bytes between them read from the file itself. */
    private static final int GAP = 4096;

    /**
     * The commit's writes as few file writes as possible: sorted by offset, later writes over earlier ones where
     * they overlap, neighbours within {@value #GAP} bytes joined with the file's current bytes between them (no
     * held write covers those, so they are what the file already has). A commit is some 500 small writes — B-tree
     * nodes, records, header fields — and each was a system call; joined they are a few dozen. What reaches the
     * file is the same bytes, so the journal's replay and the checkpoint are unchanged.
     */
    private List<Write> coalesced(List<Write> writes) {
        if (writes.size() < 2) {
            return writes;
        }
        Integer[] order = new Integer[writes.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // by offset; equal offsets keep commit order, so the later write is laid over the earlier one
        java.util.Arrays.sort(order, java.util.Comparator.comparingLong((Integer i) -> writes.get(i).offset()).thenComparingInt(i -> i));
        List<Write> out = new ArrayList<>();
        long fileEnd = delegate.length();
        int from = 0;
        while (from < order.length) {
            long start = writes.get(order[from]).offset();
            long end = start + writes.get(order[from]).bytes().length;
            int to = from + 1;
            while (to < order.length && writes.get(order[to]).offset() <= end + GAP) {
                end = Math.max(end, writes.get(order[to]).offset() + writes.get(order[to]).bytes().length);
                to++;
            }
            if (to - from == 1) {
                out.add(writes.get(order[from]));
            } else {
                out.add(joined(writes, order, from, to, start, end, fileEnd));
            }
            from = to;
        }
        return out;
    }

    private Write joined(List<Write> writes, Integer[] order, int from, int to, long start, long end, long fileEnd) {
        byte[] run = new byte[(int) (end - start)];
        // gaps hold the file's bytes; past the file's end there is nothing to keep
        long readable = Math.min(end, fileEnd) - start;
        if (readable > 0) {
            delegate.getData(start, run, 0, (int) readable);
        }
        // in commit order, so that where two writes overlap the later one wins
        Integer[] byCommit = java.util.Arrays.copyOfRange(order, from, to);
        java.util.Arrays.sort(byCommit);
        for (Integer i : byCommit) {
            Write w = writes.get(i);
            System.arraycopy(w.bytes(), 0, run, (int) (w.offset() - start), w.bytes().length);
        }
        return new Write(start, run);
    }

    /**
     * Forces the file to disk and starts the journal afresh: what it held is now in the file itself. Between
     * checkpoints a commit costs one forced write (its journal entry); the file is forced once per checkpoint.
     */
    private void checkpoint() {
        delegate.sync();
        tail = 0;
        entries = 0;
        generation = RANDOM.nextLong();
    }

    @Override
    public synchronized void close() {
        try {
            if (broken == null) {
                if (!pending.isEmpty()) {
                    sync();
                }
                checkpoint();
                if (journalChannel != null) {
                    journalChannel.truncate(0); // a clean stop leaves nothing to replay
                }
            }
        } catch (IOException e) {
            LOG.warn("store: emptying the journal at close failed (the next start replays it, harmlessly)", e);
        } finally {
            try {
                if (journalChannel != null) {
                    journalChannel.close();
                }
            } catch (IOException e) {
                LOG.warn("store: closing the journal failed", e);
            }
            super.close();
        }
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

    private void append(Entry entry) throws IOException {
        List<Write> writes = entry.writes();
        int size = 8 + 8 + HEADER + 4 + 16;
        for (Write w : writes) {
            size += 12 + w.bytes().length;
        }
        ByteBuffer buf = ByteBuffer.allocate(size);
        buf.putInt(MAGIC).putInt(FORMAT).putLong(entry.generation()).put(entry.before()).putInt(writes.size());
        for (Write w : writes) {
            buf.putLong(w.offset()).putInt(w.bytes().length).put(w.bytes());
        }
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), 0, buf.position());
        buf.putLong(crc.getValue()).putInt(writes.size()).putInt(MAGIC);
        buf.flip();
        // An interrupt during a channel call closes the channel: set it aside for the append (see InterruptSafeFileVol).
        boolean interrupted = Thread.interrupted();
        try {
            if (journalChannel == null || !journalChannel.isOpen()) {
                journalChannel = FileChannel.open(this.journal, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            }
            long at = tail;
            while (buf.hasRemaining()) {
                at += journalChannel.write(buf, at);
            }
            journalChannel.force(false);
            tail = at;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Replays the entries of {@code file}'s journal written since its last checkpoint, in order; returns how many
     * writes it replayed. Run before MapDB opens the file.
     */
    static int recover(Path file) {
        Path journal = journalOf(file);
        if (!Files.isRegularFile(journal) || !Files.isRegularFile(file)) {
            return 0;
        }
        try {
            List<Entry> found = read(ByteBuffer.wrap(Files.readAllBytes(journal)));
            if (found.isEmpty()) {
                return 0; // cut short before the file was touched: nothing to redo
            }
            byte[] now = new byte[HEADER];
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                ch.read(ByteBuffer.wrap(now), 0);
            }
            if (!belongs(now, found)) {
                LOG.warn("store: {} does not belong to {} as it is now (restored from a backup?); not replayed", journal, file);
                return 0;
            }
            int replayed = 0;
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                for (Entry e : found) {
                    for (Write w : e.writes()) {
                        ByteBuffer b = ByteBuffer.wrap(w.bytes());
                        long at = w.offset();
                        while (b.hasRemaining()) {
                            at += ch.write(b, at);
                        }
                        replayed++;
                    }
                }
                ch.force(true);
            }
            // Replayed and forced: the next start must not replay these onto a file that moved on.
            try (FileChannel ch = FileChannel.open(journal, StandardOpenOption.WRITE)) {
                ch.truncate(0);
                ch.force(true);
            }
            return replayed;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot replay the store journal " + journal, e);
        }
    }

    /** The file's header is the one before the first entry, or the one after any of them. */
    private static boolean belongs(byte[] header, List<Entry> entries) {
        if (java.util.Arrays.equals(header, entries.get(0).before())) {
            return true;
        }
        byte[] h = entries.get(0).before().clone();
        for (Entry e : entries) {
            for (Write w : e.writes()) {
                patch(h, 0, h.length, 0, w);
            }
            if (java.util.Arrays.equals(header, h)) {
                return true;
            }
        }
        return false;
    }

    /** The whole entries of the current generation from the start, stopping at the first cut short or damaged. */
    private static List<Entry> read(ByteBuffer buf) {
        List<Entry> entries = new ArrayList<>();
        Long generation = null;
        while (true) {
            int start = buf.position();
            Entry e = readEntry(buf);
            if (e == null || (generation != null && e.generation() != generation)) {
                return entries;
            }
            generation = e.generation();
            entries.add(e);
            if (buf.position() == start) {
                return entries;
            }
        }
    }

    private static Entry readEntry(ByteBuffer buf) {
        try {
            int start = buf.position();
            if (buf.remaining() < 40 + HEADER || buf.getInt() != MAGIC || buf.getInt() != FORMAT) {
                return null;
            }
            long generation = buf.getLong();
            byte[] before = new byte[HEADER];
            buf.get(before);
            int count = buf.getInt();
            if (count < 0) {
                return null;
            }
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
            crc.update(buf.array(), start, end - start);
            if (buf.getLong() != crc.getValue() || buf.getInt() != count || buf.getInt() != MAGIC) {
                return null;
            }
            return new Entry(generation, before, writes);
        } catch (java.nio.BufferUnderflowException e) {
            return null;
        }
    }
}
