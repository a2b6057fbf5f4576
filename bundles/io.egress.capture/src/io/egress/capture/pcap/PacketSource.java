package io.egress.capture.pcap;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * A stream of packet records read from a capture file with bounded memory. Not thread-safe.
 * Damage after the file header (a record cut short, a corrupt block) ends the stream early and adds
 * a warning naming the offset; the packets before it are kept.
 */
public interface PacketSource extends Closeable {
    /** Fills {@code record} with the next packet; false at the end of the file. */
    boolean next(PacketRecord record) throws IOException;

    CaptureFormat format();

    /** LINKTYPE_ values the file declares so far (pcap header, or pcapng interfaces), without repeats. */
    List<Integer> linkTypes();

    /** Problems met so far, one line each, in file order. */
    List<String> warnings();

    /** Bytes consumed so far (for progress). */
    long position();

    /** File size in bytes. */
    long size();
}
