package io.egress.enrich.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the smallest MaxMind DB file the layout check accepts: one search-tree node whose two
 * 24-bit records say "no data" (or both point at the one data record given), the 16-byte
 * separator, and a metadata map made of the entries the caller chooses (MaxMind DB format 2.0,
 * written for the fuzz regression tests).
 */
final class TinyMmdb {
    private static final byte[] MARKER = "\u00ab\u00cd\u00efMaxMind.com".getBytes(StandardCharsets.ISO_8859_1);

    private final ByteArrayOutputStream metadata = new ByteArrayOutputStream();
    private int entries;
    private byte[] record;

    /** Every address resolves to this data record (both records of node 0 point at data offset 0). */
    TinyMmdb record(byte[] data) {
        record = data.clone();
        return this;
    }

    TinyMmdb string(String key, String value) {
        key(key);
        text(value);
        return this;
    }

    TinyMmdb uint16(String key, int value) {
        key(key);
        metadata.write(0xa2); // type 5 (uint16), 2 bytes
        metadata.write(value >> 8);
        metadata.write(value);
        return this;
    }

    TinyMmdb uint32(String key, int value) {
        key(key);
        metadata.write(0xc4); // type 6 (uint32), 4 bytes
        for (int shift = 24; shift >= 0; shift -= 8) {
            metadata.write(value >> shift);
        }
        return this;
    }

    TinyMmdb uint64(String key, long value) {
        key(key);
        metadata.write(0x08); // extended type, 8 bytes
        metadata.write(9 - 7); // type 9 (uint64)
        for (int shift = 56; shift >= 0; shift -= 8) {
            metadata.write((int) (value >> shift));
        }
        return this;
    }

    private void key(String key) {
        entries++;
        text(key);
    }

    private void text(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length >= 29) {
            throw new IllegalArgumentException("only short strings: " + s);
        }
        metadata.write(0x40 | b.length); // type 2 (UTF-8 string)
        metadata.writeBytes(b);
    }

    byte[] bytes() {
        if (entries >= 29) {
            throw new IllegalStateException("only short maps");
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        if (record == null) {
            // node 0: left and right records = node_count (1): "no data"
            file.writeBytes(new byte[] { 0, 0, 1, 0, 0, 1 });
        } else {
            // node_count + 16 + offset: data offset 0
            file.writeBytes(new byte[] { 0, 0, 17, 0, 0, 17 });
        }
        file.writeBytes(new byte[16]);
        if (record != null) {
            file.writeBytes(record);
        }
        file.writeBytes(MARKER);
        file.write(0xe0 | entries); // type 7 (map)
        file.writeBytes(metadata.toByteArray());
        return file.toByteArray();
    }
}
