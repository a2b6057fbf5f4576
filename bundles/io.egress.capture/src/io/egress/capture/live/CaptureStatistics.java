package io.egress.capture.live;

import java.util.List;

/**
 * Counters of a live capture at one moment.
 *
 * @param packets    frames handed to the flow engine, all interfaces
 * @param flows      flows in the engine
 * @param dropped    packets lost before reaching us (kernel buffer plus interface drops), all
 *                   interfaces whose counters are known
 * @param interfaces one status per interface, in request order
 */
public record CaptureStatistics(long packets, int flows, long dropped, List<InterfaceStatus> interfaces) {

    public CaptureStatistics {
        interfaces = List.copyOf(interfaces);
    }

    /** True while at least one interface is still capturing. */
    public boolean running() {
        return interfaces.stream().anyMatch(i -> i.state() == InterfaceState.RUNNING || i.state() == InterfaceState.STARTING);
    }
}
