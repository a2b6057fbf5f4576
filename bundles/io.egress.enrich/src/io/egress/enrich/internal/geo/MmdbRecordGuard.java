package io.egress.enrich.internal.geo;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Walks the data record an address resolves to, with bounds, before maxmind-db decodes it. The
 * library sizes its maps and arrays from the record's own size fields (a damaged map header of 16 M
 * entries made it allocate 128 MiB for one lookup) and follows pointers without a limit. A record
 * is refused, naming the address, the data-section offset and the field, when a size does not fit
 * the bytes left in the data section, when it nests deeper than {@value #MAX_DEPTH}, or when it
 * holds more than {@value #MAX_VALUES} values (pointers make cycles possible). Real records hold a
 * few hundred. Reads the file through a read-only mapping; absolute reads, so thread-safe.
 */
final class MmdbRecordGuard implements Closeable {
    static final int MAX_DEPTH = 32;
    static final int MAX_VALUES = 50_000;
    private static final int POINTER = 1;
    private static final int UTF8 = 2;
    private static final int MAP = 7;
    private static final int ARRAY = 11;
    private static final int BOOLEAN = 14;
    private static final int LAST_TYPE = 15;
    private static final int DATA_POINTER_OFFSET = 16;

    private final FileChannel channel;
    private final MappedByteBuffer file;
    private final MmdbLayoutCheck.Layout layout;
    private final long dataStart;
    private final long dataEnd;
    private final long ipv4Start;

    private MmdbRecordGuard(FileChannel channel, MappedByteBuffer file, MmdbLayoutCheck.Layout layout, int ipVersion) {
        this.channel = channel;
        this.file = file;
        this.layout = layout;
        this.dataStart = layout.dataStart();
        this.dataEnd = layout.metadataStart();
        this.ipv4Start = ipVersion == 6 ? descendZeros(96) : 0;
    }

    /** Maps a file whose layout {@link MmdbLayoutCheck} accepted. */
    static MmdbRecordGuard open(Path file, MmdbLayoutCheck.Layout layout, int ipVersion) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            if (ch.size() > Integer.MAX_VALUE) {
                throw new IOException(file + ": " + ch.size() + " bytes is larger than a MaxMind DB can be read here (2 GiB)");
            }
            return new MmdbRecordGuard(ch, ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()), layout, ipVersion);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /**
     * Checks the record that {@code address} resolves to; an address without a record passes.
     *
     * @throws CorruptDatabaseException naming the address, offset and field of the damage
     */
    void check(InetAddress address) throws CorruptDatabaseException {
        long offset = recordOffset(address.getAddress());
        if (offset < 0) {
            return;
        }
        new Walk(address).value(dataStart + offset, 0);
    }

    /** The record's offset in the data section, or -1 when the address has none. */
    private long recordOffset(byte[] ip) throws CorruptDatabaseException {
        long nodeCount = layout.nodeCount();
        long node = ip.length == 4 ? ipv4Start : 0;
        for (int i = 0; i < ip.length * 8 && node < nodeCount; i++) {
            node = record(node, (ip[i >>> 3] >>> (7 - (i & 7))) & 1);
        }
        if (node <= nodeCount) {
            return -1; // no record, or the bits ran out inside the tree: the library reports that itself
        }
        long offset = node - nodeCount - DATA_POINTER_OFFSET;
        if (offset < 0 || dataStart + offset >= dataEnd) {
            throw new CorruptDatabaseException("search tree points at data offset " + offset + ", outside the data section of "
                    + (dataEnd - dataStart) + " bytes");
        }
        return offset;
    }

    private long descendZeros(int bits) {
        long node = 0;
        for (int i = 0; i < bits && node < layout.nodeCount(); i++) {
            node = record(node, 0);
        }
        return node;
    }

    private long record(long node, int bit) {
        int base = (int) (node * layout.recordSize() / 4);
        return switch (layout.recordSize()) {
            case 24 -> u24(base + bit * 3);
            case 28 -> bit == 0 ? (long) (u8(base + 3) & 0xF0) << 20 | u24(base) : (long) (u8(base + 3) & 0x0F) << 24 | u24(base + 4);
            default -> (long) u24(base + bit * 4) << 8 | u8(base + bit * 4 + 3);
        };
    }

    private int u8(long pos) {
        return file.get((int) pos) & 0xff;
    }

    private int u24(long pos) {
        return u8(pos) << 16 | u8(pos + 1) << 8 | u8(pos + 2);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** One record's walk: counts the values it has seen. */
    private final class Walk {
        private final InetAddress address;
        private int values;

        Walk(InetAddress address) {
            this.address = address;
        }

        /** Walks the value at {@code pos}; returns the position after it. */
        long value(long pos, int depth) throws CorruptDatabaseException {
            if (++values > MAX_VALUES) {
                throw damaged(pos, "record holds more than " + MAX_VALUES + " values (a pointer cycle?)");
            }
            if (depth > MAX_DEPTH) {
                throw damaged(pos, "record nests deeper than " + MAX_DEPTH + " levels");
            }
            long p = pos;
            int ctrl = byteAt(p++, "control byte");
            int type = ctrl >>> 5;
            if (type == POINTER) {
                return pointer(pos, p, ctrl, depth);
            }
            if (type == 0) {
                type = 7 + byteAt(p++, "extended type");
                if (type > LAST_TYPE || type == 12 || type == 13) {
                    throw damaged(pos, "unknown data type " + type);
                }
            }
            long size = ctrl & 0x1f;
            if (size >= 29) {
                int extra = (int) size - 28;
                long n = 0;
                for (int i = 0; i < extra; i++) {
                    n = n << 8 | byteAt(p++, "size");
                }
                size = n + (extra == 1 ? 29 : extra == 2 ? 285 : 65821);
            }
            return switch (type) {
                case MAP -> {
                    fits(pos, p, size * 2, "map of " + size + " entries");
                    for (long i = 0; i < size; i++) {
                        p = value(p, depth + 1);
                        p = value(p, depth + 1);
                    }
                    yield p;
                }
                case ARRAY -> {
                    fits(pos, p, size, "array of " + size + " elements");
                    for (long i = 0; i < size; i++) {
                        p = value(p, depth + 1);
                    }
                    yield p;
                }
                case BOOLEAN -> p;
                default -> {
                    fits(pos, p, size, (type == UTF8 ? "string" : "value of type " + type) + " of " + size + " bytes");
                    yield p + size;
                }
            };
        }

        private long pointer(long pos, long p, int ctrl, int depth) throws CorruptDatabaseException {
            int n = ((ctrl >>> 3) & 0x3) + 1;
            fits(pos, p, n, "pointer");
            long v = n == 4 ? 0 : ctrl & 0x7;
            for (int i = 0; i < n; i++) {
                v = v << 8 | u8(p + i);
            }
            v += n == 2 ? 2048 : n == 3 ? 526336 : 0;
            if (dataStart + v >= dataEnd) {
                throw damaged(pos, "pointer to data offset " + v + ", outside the data section");
            }
            value(dataStart + v, depth + 1);
            return p + n;
        }

        private int byteAt(long pos, String field) throws CorruptDatabaseException {
            if (pos >= dataEnd) {
                throw damaged(pos, field + " past the end of the data section");
            }
            return u8(pos);
        }

        private void fits(long start, long pos, long bytes, String what) throws CorruptDatabaseException {
            if (bytes > dataEnd - pos) {
                throw damaged(start, what + " needs at least " + bytes + " bytes, " + (dataEnd - pos) + " are left");
            }
        }

        private CorruptDatabaseException damaged(long pos, String what) {
            return new CorruptDatabaseException("damaged data record for " + address.getHostAddress() + " at data offset "
                    + (pos - dataStart) + ": " + what);
        }
    }
}
