package io.egress.capture.internal.live;

import io.egress.capture.FlowEngine;
import io.egress.capture.FlowList;
import io.egress.capture.live.CaptureAccess;
import io.egress.capture.live.CaptureMethod;
import io.egress.capture.live.CaptureRequest;
import io.egress.capture.live.CaptureStatistics;
import io.egress.capture.live.InterfaceStatus;
import io.egress.capture.live.InvalidFilterException;
import io.egress.capture.live.LiveCapture;
import io.egress.capture.live.LiveCaptureException;
import io.egress.capture.live.NewFlow;
import io.egress.capture.live.NewFlowListener;
import io.egress.core.flow.FlowKey;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One live capture: one runner per interface, all feeding one flow engine. The engine is
 * single-threaded, so frames and snapshots are serialised on {@link #lock}; the lock is held for
 * the few hundred nanoseconds a frame costs, never while a listener or the disk waits.
 */
public final class LiveCaptureSession implements LiveCapture {
    private static final System.Logger LOG = System.getLogger(LiveCaptureSession.class.getName());

    private final Object lock = new Object();
    private final FlowEngine engine = new FlowEngine(4096);
    private final NewFlowWatcher watcher = new NewFlowWatcher();
    private final NewFlowListener listener;
    private final CaptureMethod method;
    private final CaptureRequest request;
    private final List<InterfaceRunner> runners = new ArrayList<>();
    private final Optional<Spool> spool;
    private ByteBuffer wrapped;
    private byte[] wrappedArray;
    private long listenerErrors;

    private LiveCaptureSession(CaptureRequest request, CaptureMethod method, NewFlowListener listener, Optional<Spool> spool) {
        this.request = request;
        this.method = method;
        this.listener = listener;
        this.spool = spool;
    }

    public static LiveCapture start(CaptureRequest request, NewFlowListener listener) throws LiveCaptureException, InvalidFilterException {
        CaptureMethod method = request.method().isPresent() ? request.method().get() : chooseMethod();
        FilterCompiler.check(request.filter(), 1);
        Optional<Path> dumpcap = Optional.empty();
        if (method == CaptureMethod.DUMPCAP) {
            dumpcap = CaptureAccessCheck.dumpcap();
            if (dumpcap.isEmpty()) {
                throw new LiveCaptureException("dumpcap is not installed (Debian: sudo apt-get install wireshark-common). "
                        + CaptureAccessCheck.grantCommands());
            }
        }
        Optional<Spool> spool = request.spool().isPresent() ? Optional.of(Spool.create(request.spool().get())) : Optional.empty();
        LiveCaptureSession session = new LiveCaptureSession(request, method, listener, spool);
        try {
            for (String name : request.interfaces()) {
                InterfaceRunner r = method == CaptureMethod.DIRECT ? new PcapRunner(session, name, request)
                        : new DumpcapRunner(session, name, request, dumpcap.get());
                session.runners.add(r);
                r.open();
            }
        } catch (LiveCaptureException | RuntimeException e) {
            session.close();
            throw e;
        }
        session.runners.forEach(InterfaceRunner::startThread);
        LinkWatcher watcher = new LinkWatcher(session.runners);
        if (watcher.watchesAny()) {
            Thread t = new Thread(watcher, "egress-capture-links");
            t.setDaemon(true);
            t.start();
        }
        return session;
    }

    private static CaptureMethod chooseMethod() throws LiveCaptureException {
        CaptureAccess access = CaptureAccessCheck.check();
        return access.method().orElseThrow(() -> new LiveCaptureException(access.explanation()));
    }

    /** Called by runners on their threads for every frame. */
    void frame(InterfaceRunner source, int linkType, long timeNanos, byte[] data, int offset, int capturedLength, int wireLength) {
        Optional<NewFlow> created = Optional.empty();
        synchronized (lock) {
            ByteBuffer buffer = wrap(data);
            int before = engine.flowCount();
            engine.frame(linkType, timeNanos, buffer, offset, capturedLength, wireLength);
            source.packets++;
            if (engine.flowCount() > before) {
                created = watcher.describe(engine.flowCount() - 1, source.name(), linkType, timeNanos, buffer, offset, capturedLength);
            }
            if (spool.isPresent()) {
                spool.get().write(source, linkType, request.snapLength(), timeNanos, data, offset, capturedLength, wireLength);
            }
        }
        if (created.isPresent()) {
            tell(created.get());
        }
    }

    private ByteBuffer wrap(byte[] data) {
        if (data != wrappedArray) {
            wrappedArray = data;
            wrapped = ByteBuffer.wrap(data);
        }
        return wrapped;
    }

    private void tell(NewFlow flow) {
        try {
            listener.newFlow(flow);
        } catch (RuntimeException e) {
            // the capture must go on; the failure is logged once and counted
            if (listenerErrors++ == 0) {
                LOG.log(Level.ERROR, "new-flow listener failed (further failures only counted)", e);
            }
        }
    }

    @Override
    public FlowList flows() {
        synchronized (lock) {
            return engine.snapshot();
        }
    }

    @Override
    public CaptureStatistics statistics() {
        List<InterfaceStatus> statuses = new ArrayList<>();
        long packets;
        int flows;
        List<Long> counts = new ArrayList<>();
        synchronized (lock) {
            packets = engine.packets();
            flows = engine.flowCount();
            for (InterfaceRunner r : runners) {
                counts.add(r.packets);
            }
        }
        long dropped = 0;
        for (int i = 0; i < runners.size(); i++) {
            InterfaceStatus s = runners.get(i).status(counts.get(i));
            statuses.add(s);
            dropped += Math.max(0, s.kernelDropped()) + Math.max(0, s.interfaceDropped());
        }
        return new CaptureStatistics(packets, flows, dropped, statuses);
    }

    @Override
    public List<String> warnings() {
        synchronized (lock) {
            return engine.warnings();
        }
    }

    @Override
    public CaptureMethod method() {
        return method;
    }

    @Override
    public void stop() {
        runners.forEach(InterfaceRunner::stop);
    }

    @Override
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (InterfaceRunner r : runners) {
            if (!r.await(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void exportPcapng(Path target, Function<FlowKey, String> comments) throws IOException {
        if (spool.isEmpty()) {
            throw new IllegalStateException("this capture keeps no packets: request a spool file");
        }
        if (runners.stream().anyMatch(r -> !r.hasEnded())) {
            throw new IllegalStateException("the capture is still running");
        }
        synchronized (lock) {
            spool.get().export(target, comments, new NewFlowWatcher());
        }
    }

    @Override
    public void close() {
        stop();
        try {
            if (!awaitStopped(Duration.ofSeconds(5))) {
                LOG.log(Level.WARNING, "a capture thread did not end within 5 s of stopping");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            spool.ifPresent(Spool::delete);
        }
    }
}
