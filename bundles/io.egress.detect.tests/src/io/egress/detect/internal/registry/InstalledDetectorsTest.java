package io.egress.detect.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egress.detect.BuiltInDetectors;
import io.egress.detect.DetectorCatalog;
import io.egress.detect.DetectorDescriptor;
import java.util.List;
import org.eclipse.core.runtime.RegistryFactory;
import org.junit.jupiter.api.Test;

class InstalledDetectorsTest {
    @Test
    void theInstalledCatalogHoldsEveryBuiltInDetectorWithoutLoadFailures() {
        DetectorCatalog installed = InstalledDetectors.catalog();
        List<String> ids = installed.detectors().stream().map(DetectorDescriptor::id).toList();
        List<String> builtIn = BuiltInDetectors.catalog().detectors().stream().map(DetectorDescriptor::id).toList();
        assertTrue(ids.containsAll(builtIn), ids.toString());
        assertEquals(List.of(), installed.loadFailures());
        if (RegistryFactory.getRegistry() != null) {
            // Under OSGi the catalog came from plugin.xml through the platform's registry.
            assertEquals("io.egress.detect.beaconing", ids.get(0));
        }
    }
}
