package io.egress.cli.internal.capture;

import io.egress.live.LiveSnapshot;
import io.egress.live.LiveStatistics;
import java.util.List;

/** What a finished capture prints: its flows with owners, its counters and settings. */
record CaptureResult(String method, String filter, LiveSnapshot flows, LiveStatistics statistics, List<String> warnings) {
}
