package io.egress.tests.support;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the project's read-only shared material ({@code ../shared} from the project root).
 * Tests that need it skip with a visible reason when it is absent, except under CI ({@code CI=true})
 * where its absence fails the test.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The project root: the nearest ancestor of the working directory with {@code bundles/} and {@code pom.xml}. */
    public static Path projectRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("bundles")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("no project root above " + dir);
    }

    /** {@code ../shared} from the project root; skips (or fails under CI) when it is missing. */
    public static Path shared() {
        Path shared = projectRoot().resolve("../shared").normalize();
        if (!Files.isDirectory(shared)) {
            String reason = "shared test material not found at " + shared + " (expected ../shared beside the project)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(reason);
            }
            assumeTrue(false, reason);
        }
        return shared;
    }

    public static Path captures() {
        return shared().resolve("captures");
    }

    public static Path geoip() {
        return shared().resolve("geoip");
    }
}
