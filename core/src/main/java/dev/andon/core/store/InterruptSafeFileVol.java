package dev.andon.core.store;

import org.mapdb.DBException;
import org.mapdb.DataIO;
import org.mapdb.DataInput2;
import org.mapdb.volume.Volume;

import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;

/**
 * The store file as a MapDB volume over a {@link FileChannel}, deaf to thread interrupts. A file channel closes itself
 * for everyone when a thread is interrupted during an I/O call (MapDB's own {@code FileChannelVol} then fails every
 * later read and write); in a service that cancels slow work — a language model that does not answer in time — that
 * would close the store until a restart. Here the interrupt flag is set aside during each call and restored after,
 * and a channel closed by an interrupt that arrived mid-call is reopened and the call repeated.
 */
final class InterruptSafeFileVol extends Volume {
    private static final int ATTEMPTS = 3;

    private interface Io<T> {
        T run(FileChannel ch) throws IOException;
    }

    private final File file;
    private final int sliceShift;
    private final int sliceSize;
    private volatile FileChannel channel;
    /**
     * Read-only maps of the file, one per whole slice below {@link #size}, made on first read. Reads are most of the
     * store's I/O (B-tree nodes, about 70 per intake alert) and a positioned read is a system call each; a mapped read
     * is a memory access. Writes stay on the channel: a full disk answers a channel write with an IOException (a 503
     * and a rollback), where a write into a mapped page would kill the JVM with SIGBUS. Reading a mapped page never
     * allocates disk, and only whole slices already inside the file are mapped, so a read cannot pass its end.
     * The kernel keeps channel writes and mapped reads of one file coherent (one page cache).
     */
    private volatile java.nio.MappedByteBuffer[] mapped = new java.nio.MappedByteBuffer[0];
    private FileLock lock;
    private volatile long size;

    InterruptSafeFileVol(File file, int sliceShift) {
        this.file = file;
        this.sliceShift = sliceShift;
        this.sliceSize = 1 << sliceShift;
        try {
            this.channel = open();
            this.size = channel.size();
        } catch (IOException e) {
            throw new DBException.VolumeIOError(e.getMessage(), e);
        }
    }

    private FileChannel open() throws IOException {
        FileChannel ch = FileChannel.open(file.toPath(), StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
        // One process per store: a second Andon on the same data folder is refused instead of corrupting it.
        try {
            lock = ch.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            ch.close();
            throw new IOException("the store " + file + " is already open (another Andon on the same data folder?)");
        }
        return ch;
    }

    private <T> T call(Io<T> io) {
        boolean interrupted = Thread.interrupted();
        try {
            for (int attempt = 1; ; attempt++) {
                FileChannel ch = channel;
                try {
                    return io.run(ch);
                } catch (ClosedChannelException e) {
                    if (isClosed()) {
                        throw new DBException.VolumeClosed(e);
                    }
                    if (attempt == ATTEMPTS) {
                        throw new DBException.VolumeIOError(e);
                    }
                    interrupted |= Thread.interrupted();
                    reopen(ch);
                } catch (IOException e) {
                    throw new DBException.VolumeIOError(e);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private synchronized void reopen(FileChannel broken) {
        if (channel != broken) {
            return; // another thread reopened it already
        }
        try {
            channel = open();
        } catch (IOException e) {
            throw new DBException.VolumeIOError(e);
        }
    }

    private void readFully(long offset, ByteBuffer buf) {
        int start = buf.position();
        call(ch -> {
            buf.position(start);
            long at = offset;
            while (buf.hasRemaining()) {
                int n = ch.read(buf, at);
                if (n < 0) {
                    throw new EOFException("reading " + file + " at " + offset);
                }
                at += n;
            }
            return null;
        });
    }

    private void writeFully(long offset, ByteBuffer buf) {
        int start = buf.position();
        call(ch -> {
            buf.position(start);
            long at = offset;
            while (buf.hasRemaining()) {
                at += ch.write(buf, at);
            }
            return null;
        });
    }

    @Override
    public void ensureAvailable(long offset) {
        long end = DataIO.roundUp(offset, sliceSize);
        if (end <= size) {
            return;
        }
        synchronized (this) {
            if (end > size) {
                writeFully(end - 1, ByteBuffer.allocate(1));
                size = end;
            }
        }
    }

    @Override
    public synchronized void truncate(long newSize) {
        // forget the maps first: a mapped page past the new end would answer a read with SIGBUS
        size = Math.min(size, newSize);
        mapped = new java.nio.MappedByteBuffer[0];
        call(ch -> ch.truncate(newSize));
        size = newSize;
    }

    @Override public void putLong(long offset, long value) { writeFully(offset, ByteBuffer.allocate(8).putLong(0, value)); }
    @Override public void putInt(long offset, int value) { writeFully(offset, ByteBuffer.allocate(4).putInt(0, value)); }
    @Override public void putByte(long offset, byte value) { writeFully(offset, ByteBuffer.allocate(1).put(0, value)); }
    @Override public void putData(long offset, byte[] src, int srcPos, int srcSize) { writeFully(offset, ByteBuffer.wrap(src, srcPos, srcSize)); }
    @Override public void putData(long offset, ByteBuffer buf) { writeFully(offset, buf); }

    @Override
    public long getLong(long offset) {
        ByteBuffer m = slice(offset, 8);
        return m != null ? m.getLong((int) (offset & (sliceSize - 1))) : read(offset, 8).getLong(0);
    }

    @Override
    public int getInt(long offset) {
        ByteBuffer m = slice(offset, 4);
        return m != null ? m.getInt((int) (offset & (sliceSize - 1))) : read(offset, 4).getInt(0);
    }

    @Override
    public byte getByte(long offset) {
        ByteBuffer m = slice(offset, 1);
        return m != null ? m.get((int) (offset & (sliceSize - 1))) : read(offset, 1).get(0);
    }

    @Override
    public DataInput2 getDataInput(long offset, int size) {
        ByteBuffer m = slice(offset, size);
        // DataInput2.ByteBuffer reads at absolute positions: one shared map serves concurrent readers
        return m != null ? new DataInput2.ByteBuffer(m, (int) (offset & (sliceSize - 1)))
                : new DataInput2.ByteBuffer(read(offset, size), 0);
    }

    private ByteBuffer read(long offset, int size) {
        ByteBuffer b = ByteBuffer.allocate(size);
        readFully(offset, b);
        return b;
    }

    @Override
    public void getData(long offset, byte[] bytes, int bytesPos, int length) {
        ByteBuffer m = slice(offset, length);
        if (m != null) {
            m.get((int) (offset & (sliceSize - 1)), bytes, bytesPos, length);
        } else {
            readFully(offset, ByteBuffer.wrap(bytes, bytesPos, length));
        }
    }

    /**
     * The mapped slice holding {@code [offset, offset + length)}, or null when that range crosses a slice or lies in
     * a slice not wholly inside the file (then the channel reads it).
     */
    private ByteBuffer slice(long offset, int length) {
        long index = offset >>> sliceShift;
        if (offset < 0 || (offset + length - 1) >>> sliceShift != index || (index + 1) << sliceShift > size) {
            return null;
        }
        java.nio.MappedByteBuffer[] m = mapped;
        if (index < m.length && m[(int) index] != null) {
            return m[(int) index];
        }
        return map((int) index);
    }

    private synchronized ByteBuffer map(int index) {
        java.nio.MappedByteBuffer[] m = mapped;
        if (index < m.length && m[index] != null) {
            return m[index];
        }
        if (((long) index + 1) << sliceShift > size || isClosed()) {
            return null;
        }
        java.nio.MappedByteBuffer slice = call(ch -> ch.map(FileChannel.MapMode.READ_ONLY, (long) index << sliceShift, sliceSize));
        java.nio.MappedByteBuffer[] grown = java.util.Arrays.copyOf(m, Math.max(m.length, index + 1));
        grown[index] = slice;
        mapped = grown;
        return slice;
    }

    @Override
    public void sync() {
        call(ch -> {
            ch.force(true);
            return null;
        });
    }

    @Override
    public void clear(long startOffset, long endOffset) {
        for (long at = startOffset; at < endOffset; at += 1 << 16) {
            writeFully(at, ByteBuffer.allocate((int) Math.min(1 << 16, endOffset - at)));
        }
    }

    @Override public int sliceSize() { return -1; }
    @Override public boolean isSliced() { return false; }
    @Override public long length() { return call(FileChannel::size); }
    @Override public boolean isReadOnly() { return false; }
    @Override public File getFile() { return file; }
    @Override public boolean getFileLocked() { return lock != null && lock.isValid(); }

    @Override
    public synchronized void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        mapped = new java.nio.MappedByteBuffer[0];
        try {
            channel.close(); // releases the lock with it
        } catch (IOException e) {
            throw new DBException.VolumeIOError(e);
        }
    }
}
