package io.egress.capture.live;

/**
 * A live capture could not be listed or started: no capture rights (the message says how to get
 * them), an unknown interface, libpcap missing, or dumpcap failing.
 */
public final class LiveCaptureException extends Exception {
    private static final long serialVersionUID = 1L;

    public LiveCaptureException(String message) {
        super(message);
    }

    public LiveCaptureException(String message, Throwable cause) {
        super(message, cause);
    }
}
