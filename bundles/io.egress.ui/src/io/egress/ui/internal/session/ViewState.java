package io.egress.ui.internal.session;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.egress.capture.CaptureAnalysis;

/**
 * The views' state saved with a workspace ({@link Investigation#viewState()}), as opaque strings.
 * Captures are named by their position in {@link Investigation#captures()}. After a workspace is
 * opened, the restored state is posted once on {@link #RESTORED}; views that keep state of their own
 * (the Connections view's source) apply it from there, the others follow the usual selection topics.
 *
 * @param entries the restored entries, keys as below
 */
public record ViewState(Map<String, String> entries) {
    /** Topic of the post after a workspace was opened; data: a {@link ViewState}. */
    public static final String RESTORED = "egress/workspace/restored";

    /** The Connections view's source: {@code live} or {@code capture:N}. */
    public static final String CONNECTIONS_SOURCE = "connections.source";
    /** The selected time range, {@code START:END} epoch nanoseconds; absent: all. */
    public static final String TIME_RANGE = "timeline.range";
    /** The selected flow, {@code CAPTURE:FLOWINDEX}. */
    public static final String FLOW = "flow.selected";

    public ViewState {
        entries = Map.copyOf(entries);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** {@code capture:N} for the N-th capture, {@code live} otherwise. */
    public static String source(int captureIndex) {
        return captureIndex < 0 ? "live" : "capture:" + captureIndex;
    }

    /** The capture index of a {@link #source} value, -1 for live or anything unreadable. */
    public static int sourceIndex(String value) {
        if (value != null && value.startsWith("capture:")) {
            try {
                return Integer.parseInt(value.substring("capture:".length()));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    /** The position of a capture in the list, by identity; -1 when it is not there. */
    public static int indexOf(List<CaptureAnalysis> captures, CaptureAnalysis capture) {
        for (int i = 0; i < captures.size(); i++) {
            if (captures.get(i) == capture) {
                return i;
            }
        }
        return -1;
    }
}
