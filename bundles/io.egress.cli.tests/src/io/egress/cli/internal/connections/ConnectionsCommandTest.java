package io.egress.cli.internal.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Live: the command lists sockets this test opens, under this JVM's pid and executable. */
class ConnectionsCommandTest {

    @Test
    void jsonListsOwnListenerAndConnectedPairWithPidAndExecutable() throws Exception {
        long pid = ProcessHandle.current().pid();
        String exe = ProcessHandle.current().info().command().orElse("");
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
                Socket client = new Socket("127.0.0.1", server.getLocalPort());
                Socket accepted = server.accept()) {
            String json = run("--format", "json");
            String listener = "\"localPort\": " + server.getLocalPort() + ",\n    \"remoteAddress\": \"0.0.0.0\",\n    \"remotePort\": 0,\n    \"state\": \"LISTEN\"";
            assertTrue(json.contains(listener), "listener missing");
            String clientRow = "\"localPort\": " + client.getLocalPort() + ",\n    \"remoteAddress\": \"127.0.0.1\",\n    \"remotePort\": "
                    + server.getLocalPort() + ",\n    \"state\": \"ESTABLISHED\",\n    \"remoteClass\": \"loopback\"";
            int at = json.indexOf(clientRow);
            assertTrue(at > 0, "client side missing");
            String after = json.substring(at, Math.min(json.length(), at + 1500));
            assertTrue(after.contains("\"pid\": " + pid + ","), after);
            assertTrue(after.contains("\"exe\": \"" + exe + "\""), after);
        }
    }

    @Test
    void tableHidesListenersOnRequest() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            String port = ":" + server.getLocalPort() + " ";
            assertTrue(run("--format", "table").contains(port));
            assertTrue(!run("--format", "table", "--hide-listening").contains(port));
        }
    }

    @Test
    void csvHasHeaderAndOneRowPerSocket() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            List<String> lines = run("--format", "csv", "--filter", Integer.toString(server.getLocalPort())).lines().toList();
            assertEquals("protocol,family,localAddress,localPort,remoteAddress,remotePort,state,remoteClass,remoteRange,pid,processName,"
                    + "exe,cmdline,user,processUid,parentPid,startTime,executable,uid,inode,mappedFromIpv6,attributionMethod,"
                    + "attributionConfidence,attributionNote", lines.get(0));
            List<String> mine = lines.stream().filter(l -> l.contains("," + server.getLocalPort() + ",0.0.0.0,0,LISTEN")).toList();
            assertEquals(1, mine.size(), lines.toString());
            // the JVM's listener: every documented field, no cell with a comma in this row except none
            java.util.Map<String, String> row = new java.util.HashMap<>();
            String[] header = lines.get(0).split(",");
            String[] cells = mine.get(0).split(",", -1);
            if (cells.length == header.length) {
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], cells[i]);
                }
                assertEquals("tcp", row.get("protocol"));
                assertEquals("loopback", row.get("remoteClass"));
                assertEquals(Long.toString(ProcessHandle.current().pid()), row.get("pid"));
                assertEquals(Long.toString(ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L)), row.get("parentPid"));
                assertEquals("present", row.get("executable"));
                assertEquals("true", row.get("mappedFromIpv6")); // Java listens on an AF_INET6 socket
                assertTrue(row.get("startTime").matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), row.get("startTime"));
                assertEquals(row.get("uid"), row.get("processUid"));
                assertTrue(java.util.Set.of("high", "exact").contains(row.get("attributionConfidence")), row.toString());
            } else {
                // the command line has a comma (quoted cell): check the fixed tail instead
                assertTrue(mine.get(0).matches(".*,(true|false),[a-z-]+,[a-z]+,.*"), mine.get(0));
            }
        }
    }

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new ConnectionsCommand().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(0, code);
        return out.toString(StandardCharsets.UTF_8);
    }
}
