package io.egress.capture.internal.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Linux capabilities of this process, from the CapEff line of /proc/self/status. */
final class Capabilities {
    static final int CAP_NET_ADMIN = 12;
    static final int CAP_NET_RAW = 13;

    private Capabilities() {
    }

    /** Whether {@code cap} is effective; false when the status cannot be read (not Linux). */
    static boolean effective(int cap) {
        try {
            return effective(Files.readAllLines(Path.of("/proc/self/status")), cap);
        } catch (IOException e) {
            return false;
        }
    }

    static boolean effective(List<String> statusLines, int cap) {
        for (String line : statusLines) {
            if (line.startsWith("CapEff:")) {
                long mask = Long.parseUnsignedLong(line.substring(7).strip(), 16);
                return (mask >>> cap & 1) != 0;
            }
        }
        return false;
    }
}
