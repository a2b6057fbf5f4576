package io.egress.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.BooleanSupplier;

import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.swt.widgets.Display;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/** The running workbench for UI tests, and waiting on it without sleeping the event loop. */
public final class Workbench {
    private Workbench() {
    }

    /** The workbench the UI harness started, through its OSGi service. */
    public static IWorkbench workbench() {
        BundleContext ctx = FrameworkUtil.getBundle(Workbench.class).getBundleContext();
        ServiceReference<IWorkbench> ref = ctx.getServiceReference(IWorkbench.class);
        assertNotNull(ref, "IWorkbench service");
        return ctx.getService(ref);
    }

    /** Spins the event loop (jobs post to it) until the condition holds; fails after the timeout. */
    public static void waitUntil(BooleanSupplier condition, long timeoutMs) throws InterruptedException {
        Display display = Display.getCurrent();
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            while (display.readAndDispatch()) {
                // drain
            }
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(20);
        }
        fail("condition not met within " + timeoutMs + " ms");
    }
}
