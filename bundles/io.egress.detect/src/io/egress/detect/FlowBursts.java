package io.egress.detect;

/**
 * The activity inside one long-lived flow as bursts of packets (packets less than a gap apart
 * belong to one burst). A beacon that keeps one UDP or TCP flow open shows up as periodic bursts.
 *
 * @param startNanos start time of each burst, ascending
 * @param bytes      wire bytes of each burst, both directions
 * @param truncated  true when the flow had more bursts than were kept (the first ones are kept)
 */
public record FlowBursts(long[] startNanos, long[] bytes, boolean truncated) {
    public FlowBursts {
        if (startNanos.length != bytes.length) {
            throw new IllegalArgumentException("one byte count per burst: " + startNanos.length + " != " + bytes.length);
        }
        startNanos = startNanos.clone();
        bytes = bytes.clone();
    }

    @Override
    public long[] startNanos() { return startNanos.clone(); }

    @Override
    public long[] bytes() { return bytes.clone(); }

    public int count() { return startNanos.length; }

    public long startNanos(int burst) { return startNanos[burst]; }

    public long bytes(int burst) { return bytes[burst]; }
}
