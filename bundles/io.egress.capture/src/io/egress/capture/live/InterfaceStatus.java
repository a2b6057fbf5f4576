package io.egress.capture.live;

import java.util.Objects;

/**
 * One interface of a running or finished capture.
 *
 * @param name            interface name
 * @param method          direct libpcap or dumpcap
 * @param linkType        LINKTYPE_ value of its frames, -1 until known
 * @param state           see {@link InterfaceState}
 * @param message         why it ended when {@link InterfaceState#FAILED}, else {@code ""}
 * @param packets         frames handed to the flow engine
 * @param kernelReceived  packets the kernel passed the filter (pcap_stats ps_recv; on {@code lo}
 *                        about twice {@code packets}: libpcap drops the outgoing copies), -1 unknown
 * @param kernelDropped   packets dropped for lack of buffer space (ps_drop), -1 unknown
 * @param interfaceDropped packets the interface or driver dropped (ps_ifdrop), -1 unknown
 */
public record InterfaceStatus(String name, CaptureMethod method, int linkType, InterfaceState state, String message, long packets,
        long kernelReceived, long kernelDropped, long interfaceDropped) {

    public InterfaceStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(message, "message");
    }

    /** A short line for a status bar: "lo: running, 1200 packets, 0 dropped". */
    public String describe() {
        StringBuilder b = new StringBuilder(name).append(": ").append(state.name().toLowerCase(java.util.Locale.ROOT));
        b.append(", ").append(packets).append(" packets");
        if (kernelDropped >= 0) {
            b.append(", ").append(kernelDropped + Math.max(0, interfaceDropped)).append(" dropped");
        }
        if (!message.isEmpty()) {
            b.append(" (").append(message).append(')');
        }
        return b.toString();
    }
}
