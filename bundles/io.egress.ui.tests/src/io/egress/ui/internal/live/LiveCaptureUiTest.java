package io.egress.ui.internal.live;

import static io.egress.ui.tests.Workbench.waitUntil;
import static io.egress.ui.tests.Workbench.workbench;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.egress.capture.live.CaptureAccess;
import io.egress.capture.live.CaptureRequest;
import io.egress.capture.live.LiveCaptures;
import io.egress.ui.internal.connections.ConnectionsPart;

/**
 * Runs inside the real workbench (UI harness, as root): a live capture on lo started through the
 * menu's code path shows the test's own loopback connection under the test's pid in the connections
 * view; after Capture &gt; Stop the flow is still there and the source still selectable.
 */
class LiveCaptureUiTest {
    private IEclipseContext context;

    @AfterEach
    void stopCapture() {
        if (context != null) {
            context.get(LiveCapturing.class).stop();
        }
    }

    @Test
    void liveCaptureOnLoopbackShowsOwnFlowUnderOwnPidAndKeepsItAfterStop() throws Exception {
        CaptureAccess access = new LiveCaptures().access();
        assumeTrue(access.canCapture() || "true".equals(System.getenv("CI")), "may not capture here: " + access.explanation());
        MApplication app = workbench().getApplication();
        context = app.getContext();
        EModelService models = context.get(EModelService.class);
        MPart part = (MPart) models.find("io.egress.ui.part.connections", app);
        assertNotNull(part, "connections part in the application model");
        context.get(EPartService.class).showPart(part, EPartService.PartState.ACTIVATE);
        ConnectionsPart view = (ConnectionsPart) part.getObject();
        assertNotNull(view, "connections part was created");
        LiveCapturing capturing = context.get(LiveCapturing.class);
        assertNotNull(capturing, "LiveCapturing in the application context");
        assertTrue(canExecute(new StartCaptureHandler()), "Capture > Start... enabled before a capture");
        assertTrue(!canExecute(new StopCaptureHandler()), "Capture > Stop disabled before a capture");

        String pid = Long.toString(ProcessHandle.current().pid());
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            int port = server.getLocalPort();
            // what the dialog hands over after OK: lo, a filter the dialog validated
            Job job = LiveCaptureStarting.start(CaptureRequest.of(List.of("lo")).withFilter("tcp port " + port), context);
            assertNotNull(job, "a start job");
            waitUntil(capturing::running, 30_000);
            assertTrue(canExecute(new StopCaptureHandler()), "Capture > Stop enabled while capturing");
            // a capture starting switches the view to its source
            waitUntil(() -> view.sourceItems().stream().anyMatch(s -> s.contains("lo") && s.contains("running")), 10_000);

            String serverEndpoint = "127.0.0.1:" + port;
            String clientEndpoint;
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port); Socket accepted = server.accept()) {
                clientEndpoint = "127.0.0.1:" + client.getLocalPort();
                OutputStream out = client.getOutputStream();
                out.write("hello egress".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = accepted.getInputStream();
                assertEquals('h', in.read());
                accepted.getOutputStream().write(new byte[64]);
                String flow = clientEndpoint + "|" + serverEndpoint;
                waitUntil(() -> rowsUnderPid(view, pid).stream().anyMatch(r -> r.startsWith(flow + "|trigger")
                        || r.startsWith(flow + "|poll")), 30_000);
            }
            String flow = clientEndpoint + "|" + serverEndpoint;
            TreeItem group = groupItem(view, pid);
            assertTrue(group.getText(0).startsWith("java"), group.getText(0));
            assertTrue(view.statusText().contains("packets"), view.statusText());

            // Capture > Stop, as the menu runs it
            ContextInjectionFactory.invoke(new StopCaptureHandler(), Execute.class, context);
            waitUntil(() -> !capturing.running() && view.sourceItems().stream().anyMatch(s -> s.contains("stopped")), 10_000);
            assertTrue(canExecute(new StartCaptureHandler()), "Capture > Start... enabled again");
            // the flows stay for review, through further refreshes and after switching sources
            spin(1500);
            assertTrue(rowsUnderPid(view, pid).stream().anyMatch(r -> r.startsWith(flow)), rowsUnderPid(view, pid).toString());
            view.showLiveSockets();
            spin(300);
            assertTrue(view.showLiveCapture(), "the stopped capture is still a source");
            waitUntil(() -> rowsUnderPid(view, pid).stream().anyMatch(r -> r.startsWith(flow)), 10_000);
            assertTrue(view.statusText().startsWith("Stopped"), view.statusText());
        }
    }

    private boolean canExecute(Object handler) {
        return Boolean.TRUE.equals(ContextInjectionFactory.invoke(handler, CanExecute.class, context, Boolean.FALSE));
    }

    /** Child rows of the live group whose PID column is pid, as "from|to|method". */
    private static List<String> rowsUnderPid(ConnectionsPart view, String pid) {
        List<String> out = new ArrayList<>();
        TreeItem group = groupItem(view, pid);
        if (group == null) {
            return out;
        }
        view.liveViewer().expandToLevel(group.getData(), 1);
        for (TreeItem row : group.getItems()) {
            out.add(row.getText(3) + "|" + row.getText(4) + "|" + row.getText(8));
        }
        return out;
    }

    private static TreeItem groupItem(ConnectionsPart view, String pid) {
        for (TreeItem item : view.liveViewer().getTree().getItems()) {
            if (pid.equals(item.getText(1))) {
                return item;
            }
        }
        return null;
    }

    private static void spin(long ms) throws InterruptedException {
        Display display = Display.getCurrent();
        long deadline = System.currentTimeMillis() + ms;
        while (System.currentTimeMillis() < deadline) {
            while (display.readAndDispatch()) {
                // drain
            }
            Thread.sleep(20);
        }
    }
}
