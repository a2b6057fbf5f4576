package io.egress.capture.internal.live;

import io.egress.capture.live.InvalidFilterException;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.namednumber.DataLinkType;

/** Compiles BPF expressions with libpcap on a dead handle, which needs no capture rights. */
public final class FilterCompiler {
    private static final int SNAP = 65_535;

    private FilterCompiler() {
    }

    public static void check(String filter, int linkType) throws InvalidFilterException {
        if (filter.isBlank()) {
            return;
        }
        // a dead handle keeps libpcap's error text (Pcaps.compileFilter loses it)
        try (PcapHandle dead = Pcaps.openDead(DataLinkType.getInstance(linkType), SNAP)) {
            BpfProgram program = dead.compileFilter(filter, BpfProgram.BpfCompileMode.OPTIMIZE, PcapHandle.PCAP_NETMASK_UNKNOWN);
            program.free();
        } catch (NotOpenException e) {
            throw new IllegalStateException("a fresh dead pcap handle is closed", e);
        } catch (PcapNativeException e) {
            throw new InvalidFilterException(filter, reason(e.getMessage()));
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new InvalidFilterException(filter, "cannot be checked: " + LibpcapMissing.MESSAGE);
        }
    }

    /** pcap4j appends " Filter expression: ..." to libpcap's text; keep libpcap's words. */
    static String reason(String message) {
        if (message == null || message.isBlank()) {
            return "rejected by libpcap";
        }
        int tail = message.indexOf(" Filter expression:");
        return (tail >= 0 ? message.substring(0, tail) : message).strip();
    }
}
