package io.egress.capture.live;

import io.egress.capture.FlowList;
import io.egress.core.flow.FlowKey;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/**
 * A running capture on one or more interfaces, all feeding one flow engine. Thread-safe: any
 * thread may take {@link #flows()} and {@link #statistics()} (a few times a second, not per packet).
 * An interface that goes down ends alone, with state FAILED and a message; the others go on.
 */
public interface LiveCapture extends AutoCloseable {

    /** The flows so far, in the order first seen; indexes match {@link NewFlow#flowIndex()}. */
    FlowList flows();

    CaptureStatistics statistics();

    CaptureMethod method();

    /** Decoder problems so far (unknown link types, unparsable payloads), one line each. */
    java.util.List<String> warnings();

    /** Stops every interface (breaks libpcap's loop, or ends dumpcap); returns at once. */
    void stop();

    /** Waits until every interface has ended; false on timeout. */
    boolean awaitStopped(Duration timeout) throws InterruptedException;

    /**
     * Writes the spooled packets (see {@link CaptureRequest#spool()}) to a pcapng file, each
     * packet with the comment {@code comments} gives for its flow (none when it returns {@code ""}),
     * e.g. the owning process. Call after the capture has stopped.
     *
     * @throws IllegalStateException when no spool was requested or the capture is still running
     */
    void exportPcapng(Path target, Function<FlowKey, String> comments) throws IOException;

    /** Stops, waits briefly, releases handles and deletes the spool. */
    @Override
    void close();
}
