package io.egress.detect;

/**
 * The activity inside one long-lived flow as bursts of packets (packets less than a gap apart
 * belong to one burst). A beacon that keeps one UDP or TCP flow open shows up as periodic bursts.
 *
 * @param startNanos start time of each burst, ascending
 * @param endNanos   time of the last packet of each burst
 * @param packets    packets of each burst, both directions
 * @param bytes      wire bytes of each burst, both directions
 * @param truncated  true when the flow had more bursts than were kept (the first ones are kept)
 */
public record FlowBursts(long[] startNanos, long[] endNanos, long[] packets, long[] bytes, boolean truncated) {
    public FlowBursts {
        if (startNanos.length != bytes.length || startNanos.length != endNanos.length || startNanos.length != packets.length) {
            throw new IllegalArgumentException("one end, packet and byte count per burst: " + startNanos.length + " starts, "
                    + endNanos.length + " ends, " + packets.length + " packet counts, " + bytes.length + " byte counts");
        }
        startNanos = startNanos.clone();
        endNanos = endNanos.clone();
        packets = packets.clone();
        bytes = bytes.clone();
    }

    /** The first {@code n} bursts. */
    public FlowBursts first(int n, boolean nowTruncated) {
        return new FlowBursts(java.util.Arrays.copyOf(startNanos, n), java.util.Arrays.copyOf(endNanos, n),
                java.util.Arrays.copyOf(packets, n), java.util.Arrays.copyOf(bytes, n), nowTruncated);
    }

    @Override
    public long[] startNanos() { return startNanos.clone(); }

    @Override
    public long[] endNanos() { return endNanos.clone(); }

    @Override
    public long[] packets() { return packets.clone(); }

    @Override
    public long[] bytes() { return bytes.clone(); }

    public int count() { return startNanos.length; }

    public long startNanos(int burst) { return startNanos[burst]; }

    public long endNanos(int burst) { return endNanos[burst]; }

    public long packets(int burst) { return packets[burst]; }

    public long bytes(int burst) { return bytes[burst]; }
}
