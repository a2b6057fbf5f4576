package io.egress.enrich.rdap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** An RDAP server on 127.0.0.1 that answers /ip/ADDRESS from a table and counts every request. */
final class FakeRdapServer implements AutoCloseable {
    /** How to answer one address. */
    record Answer(int status, String contentType, String body, Mode mode) {
        static Answer json(String body) {
            return new Answer(200, "application/rdap+json", body, Mode.NORMAL);
        }
    }

    enum Mode { NORMAL, SLOW_BODY, HUGE_BODY }

    final Map<String, Answer> answers = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> hangups = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    FakeRdapServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        requests.add(path);
        Answer a = answers.getOrDefault(path.startsWith("/ip/") ? path.substring(4) : path,
                new Answer(404, "application/rdap+json", "{\"errorCode\":404,\"title\":\"Not Found\"}", Mode.NORMAL));
        ex.getResponseHeaders().set("Content-Type", a.contentType());
        byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = ex.getResponseBody()) {
            switch (a.mode()) {
                case NORMAL -> {
                    ex.sendResponseHeaders(a.status(), body.length);
                    out.write(body);
                }
                case SLOW_BODY -> {
                    ex.sendResponseHeaders(a.status(), 0);
                    for (byte b : body) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(100);
                    }
                }
                case HUGE_BODY -> {
                    ex.sendResponseHeaders(a.status(), 0);
                    out.write("{\"objectClassName\":\"ip network\",\"name\":\"".getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = "A".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
                    for (int i = 0; i < 64; i++) {
                        out.write(chunk);
                    }
                    out.write("\"}".getBytes(StandardCharsets.US_ASCII));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            hangups.add(path + ": " + e.getMessage()); // the client hung up on a slow or huge answer, as it should
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
