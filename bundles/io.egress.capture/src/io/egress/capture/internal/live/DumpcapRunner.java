package io.egress.capture.internal.live;

import io.egress.capture.live.CaptureMethod;
import io.egress.capture.live.CaptureRequest;
import io.egress.capture.live.InterfaceState;
import io.egress.capture.live.LiveCaptureException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One interface through a {@code dumpcap} child process writing pcapng to its stdout, for when
 * this process may not capture itself. Stopped by terminating dumpcap, which then writes its
 * interface statistics (kernel received and dropped) and exits.
 */
final class DumpcapRunner extends InterfaceRunner {
    private static final System.Logger LOG = System.getLogger(DumpcapRunner.class.getName());
    private static final long START_TIMEOUT_SECONDS = 10;

    private final CaptureRequest request;
    private final Path dumpcap;
    private final CountDownLatch headerRead = new CountDownLatch(1);
    private Process process;
    private Path errors;
    private PcapngStream stream;

    DumpcapRunner(LiveCaptureSession session, String name, CaptureRequest request, Path dumpcap) {
        super(session, name, CaptureMethod.DUMPCAP);
        this.request = request;
        this.dumpcap = dumpcap;
    }

    List<String> command() {
        List<String> cmd = new ArrayList<>(List.of(dumpcap.toString(), "-q", "-i", name, "-s", Integer.toString(request.snapLength()), "-B",
                Integer.toString(Math.max(1, request.bufferBytes() >> 20)), "-w", "-"));
        if (!request.filter().isBlank()) {
            cmd.add("-f");
            cmd.add(request.filter());
        }
        return cmd;
    }

    /** Starts dumpcap and waits until its interface description arrived (or it failed). */
    @Override
    void open() throws LiveCaptureException {
        try {
            errors = Files.createTempFile("egress-dumpcap-", ".err");
            process = new ProcessBuilder(command()).redirectError(errors.toFile()).start();
        } catch (IOException e) {
            throw new LiveCaptureException(name + ": cannot start " + dumpcap + ": " + e.getMessage(), e);
        }
        stream = new PcapngStream(new BufferedInputStream(process.getInputStream(), 1 << 16), new StreamEvents());
        startThread();
        try {
            if (!headerRead.await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new LiveCaptureException(name + ": dumpcap did not start within " + START_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new LiveCaptureException(name + ": interrupted while starting dumpcap", e);
        }
        if (linkType < 0) {
            throw new LiveCaptureException(name + ": dumpcap could not capture: " + errorText() + hint());
        }
    }

    private String hint() {
        String e = errorText();
        return e.contains("ermission") || e.contains("not permitted") ? ". " + CaptureAccessCheck.grantCommands() : "";
    }

    @Override
    void loop() {
        PcapngStream.Packet p = new PcapngStream.Packet();
        try {
            while (stream.next(p)) {
                session.frame(this, p.linkType, p.epochNanos, p.data, p.offset, p.capturedLength, p.wireLength);
            }
        } catch (IOException e) {
            LOG.log(Level.INFO, "dumpcap stream of {0} ended: {1}", name, e.getMessage());
        } finally {
            if (linkType < 0) {
                linkType = stream.firstLinkType();
            }
            headerRead.countDown();
            finish();
        }
    }

    /** The stream ended: find out whether because we asked. */
    private void finish() {
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            int status = process.exitValue();
            if (stopRequested) {
                end(InterfaceState.STOPPED, "");
            } else {
                end(InterfaceState.FAILED, "dumpcap exited with status " + status + ": " + errorText());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            end(InterfaceState.FAILED, "interrupted while waiting for dumpcap");
        } catch (IllegalThreadStateException e) {
            end(InterfaceState.FAILED, "dumpcap did not exit");
        } finally {
            deleteErrors();
        }
    }

    /** dumpcap's stderr, without its "Capturing on" chatter. */
    private String errorText() {
        try {
            if (errors == null || !Files.exists(errors)) {
                return "";
            }
            return String.join(" ", Files.readAllLines(errors, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("Capturing on") && !l.startsWith("File:")).toList());
        } catch (IOException e) {
            return "(its messages could not be read: " + e.getMessage() + ")";
        }
    }

    private void deleteErrors() {
        try {
            Files.deleteIfExists(errors);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "could not delete {0}: {1}", errors, e.getMessage());
        }
    }

    private final class StreamEvents implements PcapngStream.Events {
        @Override
        public void interfaceDeclared(int interfaceId, int declaredLinkType) {
            if (interfaceId == 0) {
                linkType = declaredLinkType;
                headerRead.countDown();
            }
        }

        @Override
        public void statistics(int interfaceId, long received, long dropped) {
            kernelReceived = received;
            kernelDropped = dropped;
        }
    }

    @Override
    void requestStop() {
        if (process != null) {
            // SIGTERM through the handle: Process.destroy() would also close our end of the pipe,
            // losing the statistics block dumpcap writes before it exits
            process.toHandle().destroy();
        }
    }

    /** For tests: the stream dumpcap writes to. */
    InputStream output() {
        return process.getInputStream();
    }
}
