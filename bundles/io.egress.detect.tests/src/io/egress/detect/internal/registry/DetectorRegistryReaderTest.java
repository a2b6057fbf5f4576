package io.egress.detect.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egress.detect.BuiltInDetectors;
import io.egress.detect.Detector;
import io.egress.detect.DetectorCatalog;
import io.egress.detect.DetectorDescriptor;
import io.egress.detect.DetectorFailure;
import io.egress.detect.Finding;
import io.egress.detect.Severity;
import io.egress.tests.support.SharedData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.core.runtime.ContributorFactorySimple;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.RegistryFactory;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.spi.RegistryContributor;
import org.eclipse.core.runtime.spi.RegistryStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reads contributions through a stand-alone extension registry (no OSGi needed): the real
 * plugin.xml of io.egress.detect plus test contributions, some of them broken.
 */
class DetectorRegistryReaderTest {
    private final Object token = new Object();
    private IExtensionRegistry registry;

    /** A public detector for the test contributions. */
    public static final class Quiet implements Detector {
        @Override
        public List<Finding> detect(io.egress.detect.DetectionInput input, io.egress.detect.DetectorContext context) {
            return List.of();
        }
    }

    /** Creates classes with this test's class loader, which sees the host bundle's classes. */
    private static final class TestStrategy extends RegistryStrategy {
        TestStrategy() {
            super(null, null);
        }

        @Override
        public Object createExecutableExtension(RegistryContributor contributor, String className, String overriddenContributorName)
                throws CoreException {
            try {
                return Class.forName(className, true, DetectorRegistryReaderTest.class.getClassLoader()).getConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new CoreException(new Status(IStatus.ERROR, "io.egress.detect.tests", "cannot create " + className, e));
            }
        }
    }

    @BeforeEach
    void createRegistry() throws IOException {
        registry = RegistryFactory.createRegistry(new TestStrategy(), token, null);
        byte[] pluginXml = Files.readAllBytes(SharedData.projectRoot().resolve("bundles/io.egress.detect/plugin.xml"));
        contribute("io.egress.detect", new ByteArrayInputStream(pluginXml));
    }

    @AfterEach
    void stopRegistry() {
        registry.stop(token);
    }

    private void contribute(String bundle, InputStream xml) {
        assertTrue(registry.addContribution(xml, ContributorFactorySimple.createContributor(bundle), false, bundle, null, token),
                "contribution of " + bundle + " was not accepted");
    }

    private void contribute(String bundle, String detectors) {
        String xml = "<?xml version=\"1.0\"?><plugin><extension point=\"io.egress.detect.detectors\">" + detectors + "</extension></plugin>";
        contribute(bundle, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void pluginXmlDeclaresExactlyTheBuiltInDetectors() {
        DetectorCatalog read = new DetectorRegistryReader().read(registry);
        DetectorCatalog builtIn = BuiltInDetectors.catalog();
        assertEquals(List.of(), read.loadFailures());
        assertEquals(builtIn.detectors().size(), read.detectors().size());
        assertEquals(9, read.detectors().size());
        for (int i = 0; i < builtIn.detectors().size(); i++) {
            DetectorDescriptor a = builtIn.detectors().get(i);
            DetectorDescriptor b = read.detectors().get(i);
            assertEquals(List.of(a.id(), a.name(), a.description(), a.category(), a.defaultSeverity(), a.priority(), a.timeBudget()),
                    List.of(b.id(), b.name(), b.description(), b.category(), b.defaultSeverity(), b.priority(), b.timeBudget()));
            assertEquals(a.parameters().asMap(), b.parameters().asMap(), a.id());
            assertEquals(a.factory().get().getClass(), b.factory().get().getClass());
        }
        assertEquals("io.egress.detect.beaconing", read.detectors().get(0).id());
    }

    @Test
    void brokenContributionsAreReportedAndSkippedTheRestIsOrderedByPriority() {
        String quiet = Quiet.class.getName();
        contribute("com.example", """
                <detector id="com.example.first" name="First" severity="high" priority="500" timeBudgetSeconds="7" class="%1$s">
                   <parameter name="ports" default="4444,1337"/>
                </detector>
                <detector id="com.example.missing" name="Missing class" class="com.example.DoesNotExist"/>
                <detector id="com.example.wrongtype" name="Not a detector" class="java.lang.Object"/>
                <detector id="com.example.badseverity" name="Bad severity" severity="dire" class="%1$s"/>
                <detector id="com.example.badpriority" name="Bad priority" priority="high" class="%1$s"/>
                <detector name="No id" class="%1$s"/>
                <detector id="io.egress.detect.beaconing" name="Duplicate id" class="%1$s"/>
                <detector id="com.example.last" name="Last" priority="-5" class="%1$s"/>
                """.formatted(quiet));

        DetectorCatalog catalog = new DetectorRegistryReader().read(registry);

        assertEquals(11, catalog.detectors().size());
        DetectorDescriptor first = catalog.detectors().get(0);
        assertEquals("com.example.first", first.id());
        assertEquals(Severity.HIGH, first.defaultSeverity());
        assertEquals(Duration.ofSeconds(7), first.timeBudget());
        assertEquals(Map.of("ports", "4444,1337"), first.parameters().asMap());
        assertEquals("com.example.last", catalog.detectors().get(10).id());
        assertEquals(List.of("com.example.missing", "com.example.wrongtype", "com.example.badseverity", "com.example.badpriority",
                "(no id)", "io.egress.detect.beaconing"), catalog.loadFailures().stream().map(DetectorFailure::detector).toList());
        assertTrue(catalog.loadFailures().stream().allMatch(f -> f.kind() == DetectorFailure.Kind.LOAD_FAILED));
        assertTrue(catalog.loadFailures().get(1).message().contains("does not implement io.egress.detect.Detector"),
                catalog.loadFailures().get(1).message());
        assertTrue(catalog.loadFailures().get(5).message().contains("already uses the id"), catalog.loadFailures().get(5).message());
        assertTrue(catalog.loadFailures().get(0).message().contains("contributed by com.example"), catalog.loadFailures().get(0).message());
    }
}
