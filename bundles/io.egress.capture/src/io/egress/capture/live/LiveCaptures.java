package io.egress.capture.live;

import io.egress.capture.internal.live.CaptureAccessCheck;
import io.egress.capture.internal.live.FilterCompiler;
import io.egress.capture.internal.live.InterfaceLister;
import io.egress.capture.internal.live.LiveCaptureSession;
import java.util.List;

/**
 * Entry point of live capture: lists interfaces, checks filters and rights, starts captures.
 * Holds no state; create one where needed (a DS component, a CLI command).
 */
public final class LiveCaptures {

    /** Interfaces libpcap can open, with addresses and up/down state. */
    public List<LiveInterface> interfaces() throws LiveCaptureException {
        return InterfaceLister.list();
    }

    /** Compiles {@code filter} for Ethernet frames; throws with libpcap's message when it is invalid. */
    public void checkFilter(String filter) throws InvalidFilterException {
        FilterCompiler.check(filter, 1);
    }

    /** Compiles {@code filter} for frames of one LINKTYPE_ (e.g. 1 Ethernet, 113 Linux SLL). */
    public void checkFilter(String filter, int linkType) throws InvalidFilterException {
        FilterCompiler.check(filter, linkType);
    }

    /** Which method can capture here without more rights, or the commands that grant them. */
    public CaptureAccess access() {
        return CaptureAccessCheck.check();
    }

    /**
     * Starts capturing. The filter is checked first; each interface is opened (direct) or its
     * dumpcap started before this returns, so a wrong name or missing right fails here.
     *
     * @param listener told of every new flow on the capture thread (keep it short)
     * @throws InvalidFilterException when the filter does not compile
     * @throws LiveCaptureException   when no interface could be opened, or there is no right to capture
     */
    public LiveCapture start(CaptureRequest request, NewFlowListener listener) throws LiveCaptureException, InvalidFilterException {
        return LiveCaptureSession.start(request, listener);
    }
}
