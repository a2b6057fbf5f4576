package io.egress.capture.internal.live;

import io.egress.capture.live.CaptureMethod;
import io.egress.capture.live.CaptureRequest;
import io.egress.capture.live.InterfaceState;
import io.egress.capture.live.LiveCaptureException;
import java.lang.System.Logger.Level;
import java.sql.Timestamp;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface.PromiscuousMode;
import org.pcap4j.core.PcapStat;
import org.pcap4j.core.RawPacketListener;

/**
 * One interface through libpcap in this process: immediate mode, a large buffer, nanosecond
 * timestamps, raw bytes through pcap4j's loop (no packet objects). Stopped with pcap_breakloop,
 * because the read timeout never fires on an idle interface.
 */
final class PcapRunner extends InterfaceRunner implements RawPacketListener {
    private static final System.Logger LOG = System.getLogger(PcapRunner.class.getName());

    private final CaptureRequest request;
    /** Guards the handle against use after close (counters are read from other threads). */
    private final Object handleLock = new Object();
    private PcapHandle handle;
    private boolean closed;
    private long frameErrors;

    PcapRunner(LiveCaptureSession session, String name, CaptureRequest request) {
        super(session, name, CaptureMethod.DIRECT);
        this.request = request;
    }

    @Override
    void open() throws LiveCaptureException {
        try {
            handle = new PcapHandle.Builder(name).snaplen(request.snapLength()).promiscuousMode(PromiscuousMode.NONPROMISCUOUS)
                    .timeoutMillis(250).bufferSize(request.bufferBytes()).immediateMode(true)
                    .timestampPrecision(PcapHandle.TimestampPrecision.NANO).build();
        } catch (PcapNativeException e) {
            throw new LiveCaptureException(name + ": cannot capture: " + e.getMessage() + permissionHint(e.getMessage()), e);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new LiveCaptureException(LibpcapMissing.MESSAGE, e);
        }
        linkType = handle.getDlt().value();
        if (!request.filter().isBlank()) {
            try {
                handle.setFilter(request.filter(), BpfProgram.BpfCompileMode.OPTIMIZE);
            } catch (PcapNativeException | NotOpenException e) {
                handle.close();
                throw new LiveCaptureException(name + ": filter '" + request.filter() + "' rejected for link type " + linkType + ": "
                        + FilterCompiler.reason(e.getMessage()), e);
            }
        }
    }

    private static String permissionHint(String message) {
        if (message != null && (message.contains("ermission") || message.contains("not permitted"))) {
            return ". " + CaptureAccessCheck.grantCommands();
        }
        return "";
    }

    @Override
    void loop() {
        try {
            handle.loop(-1, this);
            end(InterfaceState.FAILED, "libpcap ended the capture");
        } catch (InterruptedException e) {
            // pcap4j's way of saying pcap_breakloop was called: a requested stop
            end(stopRequested ? InterfaceState.STOPPED : InterfaceState.FAILED, stopRequested ? "" : "capture loop broken");
        } catch (PcapNativeException e) {
            // e.g. "The interface went down": this interface ends, the others go on
            LOG.log(Level.INFO, "capture on {0} ended: {1}", name, e.getMessage());
            end(InterfaceState.FAILED, message(e));
        } catch (NotOpenException e) {
            end(stopRequested ? InterfaceState.STOPPED : InterfaceState.FAILED, "handle closed");
        } finally {
            synchronized (handleLock) {
                readCounters();
                handle.close();
                closed = true;
            }
        }
    }

    private static String message(PcapNativeException e) {
        String m = e.getMessage() == null ? "libpcap error" : e.getMessage();
        String prefix = "Error occurred: ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    @Override
    public void gotPacket(byte[] data) {
        Timestamp ts = handle.getTimestamp();
        long nanos = Math.floorDiv(ts.getTime(), 1000L) * 1_000_000_000L + ts.getNanos();
        Integer wire = handle.getOriginalLength();
        try {
            session.frame(this, linkType, nanos, data, 0, data.length, wire == null ? data.length : wire);
        } catch (RuntimeException e) {
            // a decoder bug must not kill the capture; it is logged, not hidden
            if (frameErrors++ == 0) {
                LOG.log(Level.ERROR, "frame on " + name + " could not be counted (further ones only counted)", e);
            }
        }
    }

    @Override
    void requestStop() {
        synchronized (handleLock) {
            if (closed || handle == null) {
                return;
            }
            try {
                handle.breakLoop();
            } catch (NotOpenException e) {
                LOG.log(Level.DEBUG, "{0} already closed when stopping", name);
            }
        }
    }

    @Override
    void refreshCounters() {
        synchronized (handleLock) {
            if (!closed && handle != null) {
                readCounters();
            }
        }
    }

    private void readCounters() {
        try {
            PcapStat s = handle.getStats();
            kernelReceived = s.getNumPacketsReceived();
            kernelDropped = s.getNumPacketsDropped();
            interfaceDropped = s.getNumPacketsDroppedByIf();
        } catch (PcapNativeException | NotOpenException e) {
            LOG.log(Level.DEBUG, "no pcap_stats for {0}: {1}", name, e.getMessage());
        }
    }
}
