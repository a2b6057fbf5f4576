package io.egress.core.timeline;

import java.util.Map;
import java.util.Optional;

/**
 * Where inside a flow its packets were. Flow records keep only their first and last packet, so the
 * timeline spreads a flow's packets evenly over its bar unless a packet pass recorded its bursts:
 * then a beacon held on one long connection shows as a tick every interval instead of a solid bar.
 */
@FunctionalInterface
public interface FlowActivity {
    /** Nothing known beyond first and last packet. */
    FlowActivity NONE = flow -> Optional.empty();

    /** The bursts of a flow (its index in the capture), when they were recorded. */
    Optional<Bursts> of(int flowIndex);

    /** Bursts keyed by flow index. */
    static FlowActivity of(Map<Integer, Bursts> byFlow) {
        Map<Integer, Bursts> copy = Map.copyOf(byFlow);
        return flow -> Optional.ofNullable(copy.get(flow));
    }

    /**
     * Packet bursts of one flow in time order; burst {@code i} ran from {@code startNanos[i]} to
     * {@code endNanos[i]} and held {@code packets[i]} packets of {@code bytes[i]} bytes. Not
     * copied: treat as read-only.
     */
    record Bursts(long[] startNanos, long[] endNanos, long[] packets, long[] bytes) {
        public Bursts {
            if (startNanos.length != endNanos.length || startNanos.length != packets.length || startNanos.length != bytes.length) {
                throw new IllegalArgumentException("one start, end, packet and byte count per burst");
            }
        }

        public int count() {
            return startNanos.length;
        }

        /** The first burst that ends at or after {@code t} (bursts do not overlap, so ends ascend too). */
        int firstEndingAtOrAfter(long t) {
            int lo = 0;
            int hi = endNanos.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (endNanos[mid] < t) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }
}
