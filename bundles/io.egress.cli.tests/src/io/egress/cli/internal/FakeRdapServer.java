package io.egress.cli.internal;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** An RDAP server on loopback that answers every request with one IP network, counting the requests. */
public final class FakeRdapServer implements AutoCloseable {
    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    /** Serves {@code {"objectClassName":"ip network", ...}} with these fields. */
    public FakeRdapServer(String handle, String name, String start, String end, String country) throws IOException {
        byte[] body = ("{\"objectClassName\":\"ip network\",\"handle\":\"" + handle + "\",\"name\":\"" + name + "\",\"startAddress\":\""
                + start + "\",\"endAddress\":\"" + end + "\",\"country\":\"" + country + "\"}").getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            requests.incrementAndGet();
            ex.getResponseHeaders().set("Content-Type", "application/rdap+json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }

    /** The base URL to pass as {@code --rdap-base-url}. */
    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
