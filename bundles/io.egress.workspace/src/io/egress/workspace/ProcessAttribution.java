package io.egress.workspace;

import io.egress.core.process.ProcessKey;
import java.util.Objects;

/**
 * Which process a flow was attributed to, and how sure that is.
 *
 * @param process    the process (pid + start time); its details are in
 *                   {@link WorkspaceContent#processes()}
 * @param method     how it was found, e.g. {@code proc-fd}, {@code netlink}, {@code oshi}
 * @param confidence e.g. {@code high}, {@code medium}, {@code low}
 */
public record ProcessAttribution(ProcessKey process, String method, String confidence) {
    public ProcessAttribution {
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(confidence, "confidence");
    }
}
