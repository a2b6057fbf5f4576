package io.egress.capture.internal.live;

/** The text shown when libpcap cannot be loaded. */
final class LibpcapMissing {
    static final String MESSAGE = "libpcap is not installed or cannot be loaded (Debian: sudo apt-get install libpcap0.8)";

    private LibpcapMissing() {
    }
}
