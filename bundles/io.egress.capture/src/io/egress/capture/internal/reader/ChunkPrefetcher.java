package io.egress.capture.internal.reader;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a file ahead on its own thread into a small ring of direct buffers, so that copying from
 * the page cache overlaps with decoding on the other core. Each buffer keeps {@link #head} bytes
 * free in front of its data: the consumer copies the unread tail of the previous chunk there, so a
 * record crossing a chunk boundary is contiguous without copying the chunk.
 */
final class ChunkPrefetcher implements AutoCloseable {
    private static final int BUFFERS = 4;

    private final FileChannel channel;
    final int head;
    private final BlockingQueue<ByteBuffer> free = new ArrayBlockingQueue<>(BUFFERS);
    /** Filled chunks in file order; an empty chunk (no data after the head) marks the end. */
    private final BlockingQueue<ByteBuffer> filled = new ArrayBlockingQueue<>(BUFFERS + 1);
    private final ByteBuffer[] pool = new ByteBuffer[BUFFERS];
    private final Thread thread;
    private volatile IOException failure;
    private volatile boolean closed;

    ChunkPrefetcher(FileChannel channel, int head, int chunk) {
        this.channel = channel;
        this.head = head;
        for (int i = 0; i < BUFFERS; i++) {
            pool[i] = ByteBuffer.allocateDirect(head + chunk).order(ByteOrder.BIG_ENDIAN);
            free.add(pool[i]);
        }
        thread = Thread.ofPlatform().daemon().name("egress-capture-read-ahead").unstarted(this::run);
        thread.start();
    }

    private void run() {
        try {
            while (!closed) {
                ByteBuffer b = free.take();
                b.clear().position(head);
                int total = 0;
                while (b.hasRemaining()) {
                    int n = channel.read(b);
                    if (n < 0) {
                        break;
                    }
                    total += n;
                }
                b.flip().position(head);
                filled.put(b);
                if (total == 0) {
                    return;
                }
            }
        } catch (IOException e) {
            failure = e;
            filled.offer(ByteBuffer.allocate(0));
        } catch (InterruptedException e) {
            // closed while waiting: the consumer is gone
            Thread.currentThread().interrupt();
        }
    }

    /** The next chunk (position at its data, limit at its end); no remaining data at the end of the file. */
    ByteBuffer next() throws IOException {
        try {
            ByteBuffer b = filled.take();
            if (failure != null) {
                throw new IOException("reading ahead failed: " + failure.getMessage(), failure);
            }
            return b;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the file");
        }
    }

    /** Gives a consumed chunk back for reuse; other buffers (joined records, the initial empty one) are ignored. */
    void recycle(ByteBuffer b) {
        for (ByteBuffer p : pool) {
            if (p == b) {
                if (!free.offer(b)) {
                    throw new IllegalStateException("more buffers recycled than exist");
                }
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
