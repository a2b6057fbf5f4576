package io.egress.ui.internal.session;

import io.egress.capture.CaptureAnalysis;

/**
 * One flow of an open capture, by position in its flow list (stable for the life of the analysis).
 *
 * @param source which view posted it, so that it does not react to its own post
 */
public record FlowSelection(CaptureAnalysis capture, int flowIndex, String source) {
}
