package io.egress.capture.internal.live;

import io.egress.capture.live.CaptureAccess;
import io.egress.capture.live.CaptureMethod;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Chooses the least-privileged way to capture: our own libpcap when we may, else dumpcap. */
public final class CaptureAccessCheck {
    private CaptureAccessCheck() {
    }

    public static CaptureAccess check() {
        if (Capabilities.effective(Capabilities.CAP_NET_RAW)) {
            return new CaptureAccess(Optional.of(CaptureMethod.DIRECT), "this process may capture (CAP_NET_RAW is effective)");
        }
        Optional<Path> dumpcap = dumpcap();
        if (dumpcap.isPresent()) {
            return new CaptureAccess(Optional.of(CaptureMethod.DUMPCAP),
                    "capturing through " + dumpcap.get() + " (this process lacks CAP_NET_RAW)");
        }
        return new CaptureAccess(Optional.empty(), "this process may not capture and dumpcap is not installed. " + grantCommands());
    }

    /** The first executable dumpcap on the PATH. */
    public static Optional<Path> dumpcap() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "dumpcap");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The exact commands that give capture rights, for messages. */
    public static String grantCommands() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path real = java;
        try {
            real = java.toRealPath();
        } catch (java.io.IOException e) {
            // keep the unresolved path: the message is still useful
        }
        Path lib = real.getParent().getParent().resolve("lib");
        return "To capture, either let dumpcap capture for you: 'sudo apt-get install wireshark-common', "
                + "'sudo dpkg-reconfigure wireshark-common' (answer yes), 'sudo usermod -aG wireshark $USER', then log in again; "
                + "or give this Java the capture capabilities: 'sudo setcap cap_net_raw,cap_net_admin=eip " + real + "' and, because "
                + "a binary with capabilities ignores its own library path, 'echo " + lib + " | sudo tee /etc/ld.so.conf.d/egress-java.conf "
                + "&& echo " + lib.resolve("server") + " | sudo tee -a /etc/ld.so.conf.d/egress-java.conf && sudo ldconfig'.";
    }
}
