package io.egress.attribution.internal.oshi;

import oshi.SystemInfo;
import oshi.software.os.OperatingSystem;

/**
 * One lazily created OSHI entry point per service (creating it loads native libraries and
 * platform probes, so it is not done until needed, and never globally).
 */
public final class OshiSystem {
    private volatile OperatingSystem os;

    public OperatingSystem os() {
        OperatingSystem o = os;
        if (o == null) {
            synchronized (this) {
                o = os;
                if (o == null) {
                    o = new SystemInfo().getOperatingSystem();
                    os = o;
                }
            }
        }
        return o;
    }
}
