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
    /** {@link #CONNECTIONS_SOURCE} value for the live capture's flows (running, stopped or saved with the workspace). */
    public static final String LIVE_CAPTURE = "live-capture";
    /** {@code true} when Save stores the captures' packets in the workspace (File &gt; Store Packets in Workspace). */
    public static final String EMBED_PACKETS = "workspace.embedPackets";
    /** The selected time range, {@code START:END} epoch nanoseconds; absent: all. */
    public static final String TIME_RANGE = "timeline.range";
    /** The timeline's visible window (its zoom), {@code CAPTURE:START:END} epoch nanoseconds. */
    public static final String TIMELINE_WINDOW = "timeline.window";
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

    /** A {@link #TIMELINE_WINDOW} value as {capture, start, end}; empty when it is not one. */
    public static Optional<long[]> window(String value) {
        String[] p = value.split(":");
        if (p.length != 3) {
            return Optional.empty();
        }
        try {
            long[] w = {Long.parseLong(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2])};
            return w[0] >= 0 && w[2] > w[1] ? Optional.of(w) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
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
