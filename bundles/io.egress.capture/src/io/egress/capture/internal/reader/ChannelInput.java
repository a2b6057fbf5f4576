package io.egress.capture.internal.reader;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * A file read through large buffers, so that memory stays bounded whatever the file size. Three
 * ways, chosen by {@link ReadMode}: one direct buffer refilled in place (files up to 16 MiB),
 * read-ahead on a second thread ({@link ChunkPrefetcher}; the default above), or memory-mapped
 * windows. The current buffer is in
 * read mode: position is the next unread byte, limit the end of the valid data. Readers parse with
 * absolute gets between the two; {@link #buffer()} may return another buffer after
 * {@link #request(int)} or {@link #skip(long)}.
 */
public final class ChannelInput implements Closeable {
    /** How the file is brought into memory. */
    public enum ReadMode {
        /** One direct buffer, refilled by {@code read} calls on the decoding thread. */
        BUFFERED,
        /** Chunks read ahead on a second thread while the first decodes. */
        READ_AHEAD,
        /** Read-only mappings of {@value #MAP_WINDOW_MIB} MiB windows (no copy; the kernel pages the file in). */
        MAPPED;

        static final int MAP_WINDOW_MIB = 128;

        /**
         * From the system property {@code egress.capture.read} (buffered, read-ahead, mapped);
         * read-ahead when unset, which measured fastest on two shared cores.
         */
        static ReadMode configured() {
            String v = System.getProperty("egress.capture.read", "read-ahead");
            return switch (v) {
                case "buffered" -> BUFFERED;
                case "mapped" -> MAPPED;
                default -> READ_AHEAD;
            };
        }
    }

    /** Default buffer: large reads keep the per-read system call cost negligible. */
    static final int DEFAULT_CAPACITY = 4 << 20;
    /** Smaller files are always read with one buffer: nothing to overlap or map. */
    static final long LARGE_FILE = 16 << 20;
    private static final int READ_AHEAD_HEAD = 64 << 10;
    /** Read-ahead chunks small enough that a few of them stay in the shared cache between the two threads. */
    private static final int READ_AHEAD_CHUNK = 512 << 10;
    private static final long MAP_WINDOW = (long) ReadMode.MAP_WINDOW_MIB << 20;
    /** Largest single record accepted; a length above it is treated as corruption, never allocated. */
    public static final int MAX_RECORD = 64 << 20;

    private final Path file;
    private final FileChannel channel;
    private final long size;
    private final boolean mapped;
    private final ChunkPrefetcher prefetcher;
    private ByteBuffer buffer;
    /** File offset of buffer index 0. */
    private long bufferStart;
    private boolean endOfFile;
    /** File offset of the data of the next chunk the prefetcher will deliver. */
    private long nextChunkOffset;

    /** Reads the file the way {@link ReadMode#configured()} says (always buffered below 16 MiB). */
    public ChannelInput(Path file, FileChannel channel) throws IOException {
        this(file, channel, channel.size() > LARGE_FILE ? ReadMode.configured() : ReadMode.BUFFERED, DEFAULT_CAPACITY, READ_AHEAD_CHUNK,
                READ_AHEAD_HEAD);
    }

    /**
     * @param capacity buffer size in {@link ReadMode#BUFFERED} mode
     * @param chunk    chunk size in {@link ReadMode#READ_AHEAD} mode
     * @param head     head room in front of each read-ahead chunk (records up to this size cross chunks without a copy of the chunk)
     */
    ChannelInput(Path file, FileChannel channel, ReadMode mode, int capacity, int chunk, int head) throws IOException {
        this.file = file;
        this.channel = channel;
        this.size = channel.size();
        this.mapped = mode == ReadMode.MAPPED;
        this.prefetcher = mode == ReadMode.READ_AHEAD ? new ChunkPrefetcher(channel, head, chunk) : null;
        this.buffer = ByteBuffer.allocateDirect(mode == ReadMode.BUFFERED ? capacity : 0).order(ByteOrder.BIG_ENDIAN);
        buffer.limit(0);
    }

    public Path file() { return file; }

    public ByteBuffer buffer() { return buffer; }

    public long size() { return size; }

    /** File offset of the next unread byte. */
    public long offset() {
        return bufferStart + buffer.position();
    }

    /** File offset of a buffer index. */
    public long offsetOf(int index) {
        return bufferStart + index;
    }

    /**
     * Makes at least {@code n} unread bytes available from the buffer's position (which may move
     * when the buffer is compacted). False when the file ends first; what is left stays readable.
     */
    public boolean request(int n) throws IOException {
        if (buffer.remaining() >= n) {
            return true;
        }
        if (n > MAX_RECORD + 64) {
            throw new IllegalArgumentException("request of " + n + " bytes above the record limit");
        }
        if (n > size - offset()) {
            return false; // the file is too short: never size a buffer from a length the file cannot hold
        }
        if (prefetcher != null) {
            return requestAhead(n);
        }
        if (mapped) {
            return remap(n);
        }
        if (n > buffer.capacity()) {
            ByteBuffer bigger = ByteBuffer.allocateDirect(Math.max(n, buffer.capacity() * 2)).order(ByteOrder.BIG_ENDIAN);
            bufferStart += buffer.position();
            bigger.put(buffer);
            bigger.flip();
            buffer = bigger;
        }
        bufferStart += buffer.position();
        buffer.compact();
        while (buffer.position() < n && !endOfFile) {
            int read = channel.read(buffer);
            if (read < 0) {
                endOfFile = true;
            }
        }
        buffer.flip();
        return buffer.remaining() >= n;
    }

    /** Maps the next window of the file, starting at the first unread byte. */
    private boolean remap(int n) throws IOException {
        long start = offset();
        long length = Math.min(Math.max(MAP_WINDOW, n), size - start);
        if (length <= buffer.remaining()) {
            endOfFile = true;
            return false;
        }
        buffer = channel.map(FileChannel.MapMode.READ_ONLY, start, length).order(ByteOrder.BIG_ENDIAN);
        bufferStart = start;
        return buffer.remaining() >= n;
    }

    private boolean requestAhead(int n) throws IOException {
        while (buffer.remaining() < n && !endOfFile) {
            ByteBuffer next = prefetcher.next();
            int data = next.remaining();
            if (data == 0) {
                endOfFile = true;
                break;
            }
            long chunkOffset = nextChunkOffset;
            nextChunkOffset += data;
            int leftover = buffer.remaining();
            ByteBuffer previous = buffer;
            if (leftover <= prefetcher.head) {
                // The unread tail goes into the head room, right before the new data.
                int start = prefetcher.head - leftover;
                next.put(start, previous, previous.position(), leftover);
                next.position(start);
                buffer = next;
                bufferStart = chunkOffset - prefetcher.head;
            } else {
                // A record longer than the head room: join the two in a buffer of its own.
                ByteBuffer joined = ByteBuffer.allocateDirect(leftover + data).order(ByteOrder.BIG_ENDIAN);
                joined.put(previous).put(next).flip();
                prefetcher.recycle(next);
                buffer = joined;
                bufferStart = chunkOffset - leftover;
            }
            prefetcher.recycle(previous);
        }
        return buffer.remaining() >= n;
    }

    /** Moves past {@code n} bytes, seeking the channel when they are not buffered. */
    public void skip(long n) throws IOException {
        if (n <= buffer.remaining()) {
            buffer.position(buffer.position() + (int) n);
            return;
        }
        if (mapped) {
            long target = offset() + n;
            buffer.position(buffer.limit());
            bufferStart = target - buffer.limit();
            return;
        }
        if (prefetcher != null) {
            long left = n - buffer.remaining();
            buffer.position(buffer.limit());
            while (left > 0 && requestAhead(1)) {
                int step = (int) Math.min(left, buffer.remaining());
                buffer.position(buffer.position() + step);
                left -= step;
            }
            return;
        }
        long target = offset() + n;
        bufferStart = target;
        buffer.clear().limit(0);
        channel.position(Math.min(target, size));
        endOfFile = target >= size;
    }

    /**
     * The big-endian 32-bit word at a file offset, from the buffer when it holds it, else by a
     * positional read that leaves the buffer and the channel position alone. For looking ahead
     * (a block's trailer) without buffering everything in between.
     *
     * @throws IOException when the word is not in the file
     */
    public int peekInt(long fileOffset) throws IOException {
        long index = fileOffset - bufferStart;
        if (index >= 0 && index + 4 <= buffer.limit()) {
            return buffer.getInt((int) index);
        }
        ByteBuffer word = ByteBuffer.allocate(4);
        while (word.hasRemaining()) {
            if (channel.read(word, fileOffset + word.position()) < 0) {
                throw new IOException(file + ": no 4 bytes at offset " + fileOffset);
            }
        }
        return word.getInt(0);
    }

    /** Bytes left in the file after the read position. */
    public long remainingInFile() {
        return size - offset();
    }

    @Override
    public void close() throws IOException {
        if (prefetcher != null) {
            prefetcher.close();
        }
        channel.close();
    }
}
