package io.egress.capture.live;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Skips a test, saying why, when this process may not capture directly. */
final class CaptureRights {
    private CaptureRights() {
    }

    static void assumeDirectCapture() {
        CaptureAccess access = new LiveCaptures().access();
        assumeTrue(access.method().filter(m -> m == CaptureMethod.DIRECT).isPresent(),
                "live capture not permitted here (run as root or with CAP_NET_RAW): " + access.explanation());
    }

    static void assumeLibpcap() {
        try {
            new LiveCaptures().interfaces();
        } catch (LiveCaptureException e) {
            assumeTrue(false, "libpcap not usable: " + e.getMessage());
        }
    }
}
