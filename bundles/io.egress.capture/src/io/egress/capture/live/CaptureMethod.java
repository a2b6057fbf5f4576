package io.egress.capture.live;

/** How packets reach the process. */
public enum CaptureMethod {
    /** libpcap in this process (needs root or CAP_NET_RAW). */
    DIRECT("direct"),
    /** a {@code dumpcap} child process streaming pcapng to this process (needs no rights of ours). */
    DUMPCAP("dumpcap");

    private final String id;

    CaptureMethod(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
