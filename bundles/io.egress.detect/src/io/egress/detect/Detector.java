package io.egress.detect;

import java.util.List;

/**
 * Looks at a {@link DetectionInput} and reports what it finds suspicious. Contributed through the
 * {@code io.egress.detect.detectors} extension point (see {@code schema/detectors.exsd}) or
 * instantiated directly in plain Java.
 * <p>
 * Implementations need a public no-argument constructor when contributed. They must not keep state
 * between calls and should return within their time budget; a runner reports a detector that throws
 * or overruns and carries on with the others. Long loops should check
 * {@link DetectorContext#cancelled()} and stop early.
 */
@FunctionalInterface
public interface Detector {
    /** The findings for this input, most important first; an empty list when nothing is wrong. */
    List<Finding> detect(DetectionInput input, DetectorContext context) throws Exception;
}
