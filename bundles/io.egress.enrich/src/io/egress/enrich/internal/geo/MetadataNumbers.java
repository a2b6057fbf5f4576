package io.egress.enrich.internal.geo;

import java.nio.charset.StandardCharsets;

/**
 * Reads {@code node_count} and {@code record_size} from the metadata map of a MaxMind DB (the
 * library keeps them to itself). Understands just enough of the data format to walk one map:
 * control byte = type (3 bits, 0 = extended) and size (5 bits, 29..31 = longer sizes follow).
 */
record MetadataNumbers(long nodeCount, long recordSize) {
    private static final int POINTER = 1;
    private static final int UTF8 = 2;
    private static final int MAP = 7;
    private static final int ARRAY = 11;
    private static final int BOOLEAN = 14;
    private static final int MAX_DEPTH = 8;

    static MetadataNumbers decode(byte[] data, int offset) throws CorruptDatabaseException {
        Cursor c = new Cursor(data, offset);
        Header map = c.resolved(c.header());
        if (map.type != MAP) {
            throw new CorruptDatabaseException("metadata is not a map (type " + map.type + ")");
        }
        long nodeCount = -1;
        long recordSize = -1;
        for (long i = 0; i < map.size; i++) {
            String name = c.keyString();
            Header value = c.header();
            if (name.equals("node_count")) {
                nodeCount = c.unsignedAt(value);
            } else if (name.equals("record_size")) {
                recordSize = c.unsignedAt(value);
            } else {
                c.skip(value, 0);
            }
        }
        if (nodeCount < 0 || recordSize < 0) {
            throw new CorruptDatabaseException("metadata lacks node_count or record_size");
        }
        return new MetadataNumbers(nodeCount, recordSize);
    }

    private record Header(int type, long size) {
    }

    private static final class Cursor {
        private final byte[] data;
        private final int base;
        private int pos;

        Cursor(byte[] data, int pos) {
            this.data = data;
            this.base = pos;
            this.pos = pos;
        }

        Header header() throws CorruptDatabaseException {
            int ctrl = u8();
            int type = ctrl >>> 5;
            if (type == 0) {
                type = 7 + u8();
            }
            long size = ctrl & 0x1f;
            if (type == POINTER) {
                return new Header(POINTER, size);
            }
            if (size == 29) {
                size = 29 + u8();
            } else if (size == 30) {
                size = 285 + (u8() << 8 | u8());
            } else if (size == 31) {
                size = 65821 + (u8() << 16 | u8() << 8 | u8());
            }
            return new Header(type, size);
        }

        /** Metadata may share strings through pointers, relative to the start of the metadata. */
        String keyString() throws CorruptDatabaseException {
            Header key = header();
            if (key.type == POINTER) {
                int back = pos + pointerBytes(key);
                pos = base + pointerTarget(key);
                Header target = header();
                if (target.type != UTF8) {
                    throw new CorruptDatabaseException("metadata key pointer does not point at a string");
                }
                String s = string((int) target.size);
                pos = back;
                return s;
            }
            if (key.type != UTF8) {
                throw new CorruptDatabaseException("metadata key is not a string (type " + key.type + ")");
            }
            return string((int) key.size);
        }

        long unsignedAt(Header h) throws CorruptDatabaseException {
            if (h.type != POINTER) {
                return unsigned(h);
            }
            int back = pos + pointerBytes(h);
            pos = base + pointerTarget(h);
            long v = unsigned(header());
            pos = back;
            return v;
        }

        Header resolved(Header h) throws CorruptDatabaseException {
            if (h.type != POINTER) {
                return h;
            }
            pos = base + pointerTarget(h);
            return header();
        }

        private static int pointerBytes(Header h) {
            return (int) ((h.size >>> 3) & 0x3) + 1;
        }

        /** Reads the pointer's value without moving the cursor (it stays at the pointer's payload). */
        private int pointerTarget(Header h) throws CorruptDatabaseException {
            int n = pointerBytes(h);
            need(n);
            long v = n == 4 ? 0 : (h.size & 0x7);
            for (int i = 0; i < n; i++) {
                v = v << 8 | (data[pos + i] & 0xff);
            }
            v += switch (n) {
                case 2 -> 2048;
                case 3 -> 526336;
                default -> 0;
            };
            if (base + v >= data.length || v < 0) {
                throw new CorruptDatabaseException("metadata pointer past the end of the file");
            }
            return (int) v;
        }

        String string(int length) throws CorruptDatabaseException {
            need(length);
            String s = new String(data, pos, length, StandardCharsets.UTF_8);
            pos += length;
            return s;
        }

        long unsigned(Header h) throws CorruptDatabaseException {
            if (h.type != 5 && h.type != 6 && h.type != 9) {
                throw new CorruptDatabaseException("metadata number has type " + h.type);
            }
            if (h.size > 8) {
                throw new CorruptDatabaseException("metadata number of " + h.size + " bytes");
            }
            long v = 0;
            for (int i = 0; i < h.size; i++) {
                v = v << 8 | u8();
            }
            return v;
        }

        void skip(Header h, int depth) throws CorruptDatabaseException {
            if (depth > MAX_DEPTH) {
                throw new CorruptDatabaseException("metadata nested too deep");
            }
            switch (h.type) {
                case MAP -> {
                    for (long i = 0; i < h.size * 2; i++) {
                        skip(header(), depth + 1);
                    }
                }
                case ARRAY -> {
                    for (long i = 0; i < h.size; i++) {
                        skip(header(), depth + 1);
                    }
                }
                case BOOLEAN -> {
                    // the value is in the size bits
                }
                case POINTER -> advance(pointerBytes(h));
                case 3 -> advance(8);
                case 15 -> advance(4);
                default -> advance(h.size);
            }
        }

        private void advance(long n) throws CorruptDatabaseException {
            need(n);
            pos += (int) n;
        }

        private int u8() throws CorruptDatabaseException {
            need(1);
            return data[pos++] & 0xff;
        }

        private void need(long n) throws CorruptDatabaseException {
            if (pos + n > data.length) {
                throw new CorruptDatabaseException("metadata runs past the end of the file");
            }
        }
    }
}
