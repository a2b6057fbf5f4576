package io.egress.fuzz;

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
import io.egress.fuzz.targets.WorkspaceTarget;

/** Every fuzz target, in the order "all" runs them. */
public final class Targets {
    private Targets() {
    }

    public static List<FuzzTarget> all() {
        return List.of(CaptureFileTarget.pcap(), CaptureFileTarget.pcapng(), new DecoderTarget(), new DnsTarget(), new TlsTarget(),
                new QuicTarget(), new QuicFramesTarget(), new HttpTarget(), new ProcNetTarget(), new NetlinkTarget(), new RdapTarget(),
                new GeoIpTarget(), new WorkspaceTarget());
    }
}
