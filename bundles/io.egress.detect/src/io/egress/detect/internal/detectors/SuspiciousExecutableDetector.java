package io.egress.detect.internal.detectors;

import io.egress.core.flow.Flow;
import io.egress.core.net.AddressClass;
import io.egress.core.process.ExecutableState;
import io.egress.core.process.ProcessInfo;
import io.egress.detect.DetectionInput;
import io.egress.detect.Detector;
import io.egress.detect.DetectorContext;
import io.egress.detect.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A process that talks to the network although its executable looks wrong: deleted or replaced
 * since it started, run from a temporary or memory-backed folder, from a hidden folder, or under a
 * name that does not match its file. Needs flows attributed to processes.
 */
public final class SuspiciousExecutableDetector implements Detector {
    public static final String ID = "io.egress.detect.suspiciousexecutable";
    public static final Map<String, String> DEFAULTS = BeaconingDetector.ordered(
            "temporaryFolders", "/tmp/,/var/tmp/,/dev/shm/,/run/user/",
            "allowedHiddenFolders", "/.local/bin/,/.cargo/bin/,/.vscode/,/.vscode-server/,/.nvm/,/.sdkman/,/.pyenv/,/.rustup/");

    @Override
    public List<Finding> detect(DetectionInput input, DetectorContext context) {
        List<String> temporary = context.parameters().list("temporaryFolders", DEFAULTS.get("temporaryFolders"));
        List<String> allowedHidden = context.parameters().list("allowedHiddenFolders", DEFAULTS.get("allowedHiddenFolders"));
        Map<String, List<Integer>> flowsByProcess = new LinkedHashMap<>();
        Map<String, ProcessInfo> processes = new LinkedHashMap<>();
        List<Flow> flows = input.flows();
        for (int i = 0; i < flows.size(); i++) {
            Optional<ProcessInfo> p = input.processes().processOf(i);
            if (p.isEmpty() || FlowFacts.classOf(flows.get(i).responder()) == AddressClass.LOOPBACK) {
                continue;
            }
            String key = FlowFacts.processKey(p.get());
            processes.putIfAbsent(key, p.get());
            flowsByProcess.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        List<Finding> findings = new ArrayList<>();
        processes.forEach((key, p) -> {
            Findings b = new Findings(input, context).flows(flowsByProcess.get(key));
            List<String> reasons = new ArrayList<>();
            double strength = 0;
            String technique = null;
            if (p.executable() == ExecutableState.DELETED || p.executable() == ExecutableState.REPLACED) {
                reasons.add(p.executable().meaning());
                b.sub("executable-" + p.executable().id(), 1, p.executable().meaning());
                strength = Math.max(strength, 0.9);
                technique = "T1070.004";
            }
            String exe = p.exePath();
            temporary.stream().filter(exe::startsWith).findFirst().ifPresent(folder -> {
                reasons.add("it runs from " + folder + ", a folder anyone can write to and that is emptied at reboot");
                b.sub("temporary-folder", 1, exe);
            });
            if (temporary.stream().anyMatch(exe::startsWith)) {
                strength = Math.max(strength, 0.85);
                technique = technique == null ? "T1036" : technique;
            }
            if (hiddenFolder(exe) && allowedHidden.stream().noneMatch(exe::contains)) {
                reasons.add("it runs from a hidden folder (" + exe + ")");
                b.sub("hidden-folder", 0.7, exe);
                strength = Math.max(strength, 0.7);
                technique = technique == null ? "T1564.001" : technique;
            }
            if (nameMismatch(p)) {
                reasons.add("it calls itself '" + p.name() + "' but runs the file " + exe);
                b.sub("name-mismatch", 0.75, "name " + p.name() + ", file " + fileName(exe));
                strength = Math.max(strength, 0.75);
                technique = technique == null ? "T1036.005" : technique;
            }
            if (!reasons.isEmpty()) {
                var severity = strength >= 0.85 ? context.defaultSeverity() : context.defaultSeverity().shifted(-1);
                findings.add(b.build(severity, strength, "suspicious executable " + p.describe() + " talks to the network",
                        "The program " + p.describe() + " has network connections and " + String.join("; ", reasons)
                                + ". Malware often runs from such places, deletes its own file or borrows a familiar name.",
                        technique));
            }
        });
        return findings;
    }

    private static boolean hiddenFolder(String exe) {
        String[] parts = exe.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].startsWith(".") && parts[i].length() > 1 && !parts[i].equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** The kernel cuts names to 15 characters and interpreters add versions (python3 vs python3.11). */
    private static boolean nameMismatch(ProcessInfo p) {
        if (p.name().isEmpty() || p.exePath().isEmpty()) {
            return false;
        }
        String file = fileName(p.exePath());
        String name = p.name();
        return !(file.startsWith(name) || name.startsWith(file) || (name.length() >= 15 && file.startsWith(name.substring(0, 15))));
    }

    private static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return slash >= 0 ? path.substring(slash + 1) : path;
    }
}
