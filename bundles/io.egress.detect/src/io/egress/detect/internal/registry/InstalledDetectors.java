package io.egress.detect.internal.registry;

import io.egress.detect.BuiltInDetectors;
import io.egress.detect.DetectorCatalog;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;

/**
 * The detectors installed in this application: every contribution to the extension point when an
 * extension registry is running (OSGi), otherwise the built-in detectors (plain Java).
 */
public final class InstalledDetectors {
    private InstalledDetectors() {
    }

    public static DetectorCatalog catalog() {
        IExtensionRegistry registry = RegistryFactory.getRegistry();
        return registry == null ? BuiltInDetectors.catalog() : new DetectorRegistryReader().read(registry);
    }
}
