package io.egress.capture.pcap;

/** The container format of a capture file, recognised from its first four bytes. */
public enum CaptureFormat {
    /** Classic libpcap format, microsecond or nanosecond timestamps, either byte order. */
    PCAP("pcap"),
    /** pcapng (several sections, interfaces and link types). */
    PCAPNG("pcapng");

    private final String label;

    CaptureFormat(String label) {
        this.label = label;
    }

    /** "pcap" or "pcapng", as printed by the CLI. */
    public String label() { return label; }
}
