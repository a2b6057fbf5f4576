package io.egress.fuzz;

import java.util.ArrayList;
import java.util.List;

import io.egress.fuzz.targets.CaptureFileTarget;
import io.egress.fuzz.targets.DecoderTarget;
import io.egress.fuzz.targets.DnsTarget;
import io.egress.fuzz.targets.GeoIpTarget;
import io.egress.fuzz.targets.HttpTarget;
import io.egress.fuzz.targets.NetlinkTarget;
import io.egress.fuzz.targets.ProcNetTarget;
import io.egress.fuzz.targets.QuicFramesTarget;
import io.egress.fuzz.targets.QuicTarget;
import io.egress.fuzz.targets.RdapTarget;
import io.egress.fuzz.targets.TlsTarget;

/** Every fuzz target, in the order "all" runs them. */
public final class Targets {
    /**
     * Hook for workspace opening: a class of this name (in releng/fuzz/src, implementing FuzzTarget
     * with a public no-argument constructor) joins "all" as soon as it exists; the fuzz script puts
     * bundles/io.egress.workspace/target/classes on the class path when it is there.
     */
    static final String WORKSPACE_TARGET = "io.egress.fuzz.targets.WorkspaceTarget";

    private Targets() {
    }

    public static List<FuzzTarget> all() {
        List<FuzzTarget> all = new ArrayList<>(List.of(CaptureFileTarget.pcap(), CaptureFileTarget.pcapng(), new DecoderTarget(),
                new DnsTarget(), new TlsTarget(), new QuicTarget(), new QuicFramesTarget(), new HttpTarget(), new ProcNetTarget(),
                new NetlinkTarget(), new RdapTarget(), new GeoIpTarget()));
        workspace().ifPresent(all::add);
        return all;
    }

    private static java.util.Optional<FuzzTarget> workspace() {
        try {
            return java.util.Optional.of((FuzzTarget) Class.forName(WORKSPACE_TARGET).getConstructor().newInstance());
        } catch (ClassNotFoundException notYet) {
            return java.util.Optional.empty();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + WORKSPACE_TARGET, e);
        }
    }
}
