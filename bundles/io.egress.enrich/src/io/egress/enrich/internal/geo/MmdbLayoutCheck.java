package io.egress.enrich.internal.geo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Checks the layout that the MaxMind DB format promises before the library trusts it: the metadata
 * marker, and the 16 zero bytes that separate the search tree (node_count × record_size / 4 bytes)
 * from the data section. The geoip2 reader does not check this on open, so a file whose node count
 * is wrong would otherwise fail later on random lookups instead of being refused once, clearly.
 */
final class MmdbLayoutCheck {
    private static final byte[] MARKER = "\u00ab\u00cd\u00efMaxMind.com".getBytes(StandardCharsets.ISO_8859_1);
    /** The format puts the metadata in the last 128 KiB. */
    private static final int METADATA_WINDOW = 128 * 1024;
    private static final int SEPARATOR_BYTES = 16;

    private MmdbLayoutCheck() {
    }

    /** Where the parts of a checked file are. */
    record Layout(long nodeCount, int recordSize, long metadataStart) {
        long treeSize() {
            return nodeCount * recordSize / 4;
        }

        long dataStart() {
            return treeSize() + SEPARATOR_BYTES;
        }
    }

    /**
     * @return the checked layout
     * @throws CorruptDatabaseException with a sentence saying what is wrong
     */
    static Layout check(Path file) throws IOException, CorruptDatabaseException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            int window = (int) Math.min(size, METADATA_WINDOW);
            ByteBuffer tail = ByteBuffer.allocate(window);
            readFully(ch, tail, size - window);
            int marker = lastIndexOf(tail.array(), MARKER);
            if (marker < 0) {
                throw new CorruptDatabaseException("not a MaxMind DB: no metadata marker in the last " + window + " bytes");
            }
            long metadataStart = size - window + marker;
            MetadataNumbers numbers = MetadataNumbers.decode(tail.array(), marker + MARKER.length);
            if (numbers.recordSize() != 24 && numbers.recordSize() != 28 && numbers.recordSize() != 32) {
                throw new CorruptDatabaseException("invalid record_size " + numbers.recordSize() + " in the metadata");
            }
            if (numbers.nodeCount() < 0 || numbers.nodeCount() > metadataStart) {
                throw new CorruptDatabaseException("metadata node_count " + numbers.nodeCount() + " does not fit a file of "
                        + size + " bytes");
            }
            long treeSize = numbers.nodeCount() * numbers.recordSize() / 4;
            if (treeSize + SEPARATOR_BYTES > metadataStart) {
                throw new CorruptDatabaseException("metadata node_count " + numbers.nodeCount() + " needs a search tree of "
                        + treeSize + " bytes but the file has only " + metadataStart + " bytes before its metadata");
            }
            ByteBuffer separator = ByteBuffer.allocate(SEPARATOR_BYTES);
            readFully(ch, separator, treeSize);
            for (byte b : separator.array()) {
                if (b != 0) {
                    throw new CorruptDatabaseException("no data section separator after the search tree: metadata node_count "
                            + numbers.nodeCount() + " does not match the file");
                }
            }
            return new Layout(numbers.nodeCount(), (int) numbers.recordSize(), metadataStart);
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new IOException("unexpected end of file at " + pos);
            }
            pos += n;
        }
    }

    private static int lastIndexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = data.length - needle.length; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
