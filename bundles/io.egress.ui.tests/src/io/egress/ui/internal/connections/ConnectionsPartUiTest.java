package io.egress.ui.internal.connections;

import static io.egress.ui.tests.Workbench.waitUntil;
import static io.egress.ui.tests.Workbench.workbench;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.Test;

import io.egress.core.connections.ConnectionColumn;

/** Runs inside the real workbench (UI harness): the connections view lists a socket this test opens. */
class ConnectionsPartUiTest {

    @Test
    void workbenchShowsConnectionsViewWithOwnSocketUnderOwnProcess() throws Exception {
        MApplication app = workbench().getApplication();
        EModelService models = app.getContext().get(EModelService.class);
        MPart part = (MPart) models.find("io.egress.ui.part.connections", app);
        assertNotNull(part, "connections part in the application model");
        // it polls only while visible: bring it to the top (another test may have shown a capture)
        app.getContext().get(EPartService.class).showPart(part, EPartService.PartState.ACTIVATE);
        assertTrue(part.isToBeRendered() && part.isVisible());
        ConnectionsPart view = (ConnectionsPart) part.getObject();
        assertNotNull(view, "connections part was created");
        // an earlier test may have opened a capture, which the view shows at once
        view.showLiveSockets();

        String pid = Long.toString(ProcessHandle.current().pid());
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                Socket accepted = server.accept()) {
            String serverEndpoint = "127.0.0.1:" + server.getLocalPort();
            String clientEndpoint = "127.0.0.1:" + client.getLocalPort();
            // listening sockets are hidden by default; the connected pair is shown
            waitUntil(() -> rowsUnderPid(view, pid).stream().anyMatch(r -> r.contains(clientEndpoint + "|" + serverEndpoint)), 30_000);
            List<String> rows = rowsUnderPid(view, pid);
            assertTrue(rows.stream().anyMatch(r -> r.contains(clientEndpoint + "|" + serverEndpoint + "|loopback|ESTABLISHED")), rows.toString());
            assertTrue(rows.stream().anyMatch(r -> r.contains(serverEndpoint + "|" + clientEndpoint + "|loopback|ESTABLISHED")), rows.toString());
            TreeItem group = groupItem(view, pid);
            assertEquals(pid, group.getText(ConnectionColumn.PID.ordinal()));
            assertTrue(group.getText(ConnectionColumn.PROCESS.ordinal()).startsWith("java"), group.getText(0));
        }
    }

    /** Child rows of the group whose PID column is pid, as "local|remote|class|state". */
    private static List<String> rowsUnderPid(ConnectionsPart view, String pid) {
        List<String> out = new ArrayList<>();
        TreeItem group = groupItem(view, pid);
        if (group == null) {
            return out;
        }
        view.viewer().expandToLevel(group.getData(), 1);
        for (TreeItem row : group.getItems()) {
            out.add(row.getText(ConnectionColumn.LOCAL.ordinal()) + "|" + row.getText(ConnectionColumn.REMOTE.ordinal()) + "|"
                    + row.getText(ConnectionColumn.REMOTE_CLASS.ordinal()) + "|" + row.getText(ConnectionColumn.STATE.ordinal()));
        }
        return out;
    }

    private static TreeItem groupItem(ConnectionsPart view, String pid) {
        for (TreeItem item : view.viewer().getTree().getItems()) {
            if (pid.equals(item.getText(ConnectionColumn.PID.ordinal()))) {
                return item;
            }
        }
        return null;
    }
}
