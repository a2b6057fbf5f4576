package io.egress.detect.internal.registry;

import io.egress.detect.Detector;
import io.egress.detect.DetectorCatalog;
import io.egress.detect.DetectorDescriptor;
import io.egress.detect.DetectorFailure;
import io.egress.detect.Parameters;
import io.egress.detect.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.InvalidRegistryObjectException;

/**
 * The one reader of the {@code io.egress.detect.detectors} extension point. Every contribution is
 * validated and its class created once; a contribution that is invalid or whose class cannot be
 * created is logged, reported in {@link DetectorCatalog#loadFailures()} and skipped, so one broken
 * plug-in never hides the others. The catalog is ordered by priority.
 */
public final class DetectorRegistryReader {
    public static final String EXTENSION_POINT = "io.egress.detect.detectors";

    private static final System.Logger LOG = System.getLogger(DetectorRegistryReader.class.getName());

    /** Reads all contributions currently in the registry. */
    public DetectorCatalog read(IExtensionRegistry registry) {
        List<DetectorDescriptor> detectors = new ArrayList<>();
        List<DetectorFailure> failures = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (IConfigurationElement element : registry.getConfigurationElementsFor(EXTENSION_POINT)) {
            if (!"detector".equals(element.getName())) {
                continue;
            }
            String label = label(element);
            try {
                DetectorDescriptor d = descriptor(element);
                if (!ids.add(d.id())) {
                    throw new ContributionException("another contribution already uses the id " + d.id());
                }
                detectors.add(d);
            } catch (ContributionException | CoreException | InvalidRegistryObjectException | ClassCastException e) {
                DetectorFailure failure = new DetectorFailure(label, DetectorFailure.Kind.LOAD_FAILED, e.getMessage()
                        + " (contributed by " + contributor(element) + ")");
                LOG.log(System.Logger.Level.ERROR, failure.toString(), e);
                failures.add(failure);
            }
        }
        return new DetectorCatalog(detectors, failures);
    }

    private static DetectorDescriptor descriptor(IConfigurationElement e) throws CoreException, ContributionException {
        String id = required(e, "id");
        String className = required(e, "class");
        Severity severity;
        try {
            severity = Severity.fromId(attribute(e, "severity", "medium"));
        } catch (IllegalArgumentException bad) {
            throw new ContributionException(bad.getMessage());
        }
        int priority = number(e, "priority", 0);
        int budgetSeconds = number(e, "timeBudgetSeconds", (int) DetectorDescriptor.DEFAULT_TIME_BUDGET.toSeconds());
        Map<String, String> parameters = new LinkedHashMap<>();
        for (IConfigurationElement p : e.getChildren("parameter")) {
            parameters.put(required(p, "name"), attribute(p, "default", ""));
        }
        // Create once now so that a missing or wrong class is reported at load time, not per run.
        Object probe = e.createExecutableExtension("class");
        if (!(probe instanceof Detector)) {
            throw new ContributionException("class " + className + " does not implement " + Detector.class.getName());
        }
        Supplier<Detector> factory = () -> create(e);
        return new DetectorDescriptor(id, attribute(e, "name", id), attribute(e, "description", ""), attribute(e, "category", "other"),
                severity, priority, Duration.ofSeconds(budgetSeconds), Parameters.of(parameters), factory);
    }

    private static Detector create(IConfigurationElement e) {
        try {
            return (Detector) e.createExecutableExtension("class");
        } catch (CoreException failed) {
            throw new IllegalStateException("cannot create detector " + e.getAttribute("id") + ": " + failed.getMessage(), failed);
        }
    }

    private static String required(IConfigurationElement e, String name) throws ContributionException {
        String v = e.getAttribute(name);
        if (v == null || v.isBlank()) {
            throw new ContributionException("<" + e.getName() + "> lacks the required attribute '" + name + "'");
        }
        return v.trim();
    }

    private static String attribute(IConfigurationElement e, String name, String fallback) {
        String v = e.getAttribute(name);
        return v == null ? fallback : v.trim();
    }

    private static int number(IConfigurationElement e, String name, int fallback) throws ContributionException {
        String v = e.getAttribute(name);
        try {
            return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
        } catch (NumberFormatException bad) {
            throw new ContributionException("attribute '" + name + "' must be a whole number, not '" + v + "'");
        }
    }

    private static String label(IConfigurationElement e) {
        String id = e.getAttribute("id");
        return id == null || id.isBlank() ? "(no id)" : id;
    }

    private static String contributor(IConfigurationElement e) {
        return e.getContributor() == null ? "unknown" : e.getContributor().getName();
    }

    /** A contribution that breaks the schema's rules. */
    private static final class ContributionException extends Exception {
        private static final long serialVersionUID = 1L;

        ContributionException(String message) {
            super(message);
        }
    }
}
