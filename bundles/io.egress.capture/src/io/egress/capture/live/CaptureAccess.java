package io.egress.capture.live;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether and how this process can capture, decided without starting a capture.
 *
 * @param method      the least-privileged way that works here, empty when none does
 * @param explanation one sentence on why (e.g. "CAP_NET_RAW is effective"); when {@code method}
 *                    is empty it also gives the exact commands that grant capture rights
 */
public record CaptureAccess(Optional<CaptureMethod> method, String explanation) {

    public CaptureAccess {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(explanation, "explanation");
    }

    public boolean canCapture() {
        return method.isPresent();
    }
}
