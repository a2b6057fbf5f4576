package io.egress.core.flow;

/**
 * Counters of one direction of a flow: packets, bytes on the wire (frame lengths as captured from
 * the wire, before any snap-length cut) and transport payload bytes (from the IP length fields).
 */
public record DirectionStats(long packets, long bytes, long payloadBytes) {
    public static final DirectionStats EMPTY = new DirectionStats(0, 0, 0);
}
