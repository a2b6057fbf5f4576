package io.egress.workspace;

import java.util.Objects;

/**
 * A capture of an opened workspace that is not at hand. The rest of the workspace opened.
 *
 * @param index   index into {@link WorkspaceContent#captures()}
 * @param capture the reference as stored
 * @param problem plain words, e.g. "no longer at /home/a/x.pcap (its packets are embedded)"
 */
public record CaptureProblem(int index, CaptureRef capture, String problem) {
    public CaptureProblem {
        Objects.requireNonNull(capture, "capture");
        Objects.requireNonNull(problem, "problem");
    }
}
