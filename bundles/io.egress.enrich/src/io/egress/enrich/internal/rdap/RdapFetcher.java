package io.egress.enrich.internal.rdap;

import io.egress.core.net.IpAddresses;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches one RDAP document with everything bounded: total time (redirects included), size, number
 * of redirects. Only HTTPS, except plain HTTP to a loopback address when explicitly allowed (tests).
 * Redirects are followed by hand so that each target passes the same check.
 */
public final class RdapFetcher {
    /** A fetched document and the URL it finally came from. */
    public record Fetched(URI url, String body) {
    }

    private static final int MAX_REDIRECTS = 3;

    private final HttpClient client;
    private final Duration timeout;
    private final int maxBytes;
    private final boolean allowPlainHttpToLoopback;

    public RdapFetcher(Duration timeout, int maxBytes, boolean allowPlainHttpToLoopback) {
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.allowPlainHttpToLoopback = allowPlainHttpToLoopback;
    }

    public Fetched fetch(URI url) throws RdapFetchException {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI current = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            checkAllowed(current);
            HttpResponse<byte[]> r = send(current, deadline);
            int code = r.statusCode();
            if (code >= 300 && code < 400 && r.headers().firstValue("Location").isPresent()) {
                current = current.resolve(r.headers().firstValue("Location").get());
                continue;
            }
            if (code == 404) {
                throw new RdapFetchException("the registry has no record for this address (HTTP 404)", 404);
            }
            if (code == 429) {
                throw new RdapFetchException("the registry is rate-limiting us (HTTP 429); try later", 429);
            }
            if (code != 200) {
                throw new RdapFetchException("the registry answered HTTP " + code, code);
            }
            String type = r.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            if (type.contains("html") || type.contains("xml")) {
                throw new RdapFetchException("not an RDAP answer (content type " + type + ")", code);
            }
            return new Fetched(current, new String(r.body(), StandardCharsets.UTF_8));
        }
        throw new RdapFetchException("more than " + MAX_REDIRECTS + " redirects from " + url, -1);
    }

    private HttpResponse<byte[]> send(URI url, long deadline) throws RdapFetchException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new RdapFetchException("no answer within " + timeout.toSeconds() + " s", -1);
        }
        HttpRequest req = HttpRequest.newBuilder(url).timeout(Duration.ofNanos(left))
                .header("Accept", "application/rdap+json, application/json").header("User-Agent", "Egress").GET().build();
        CompletableFuture<HttpResponse<byte[]>> f = client.sendAsync(req, BoundedBody.handler(maxBytes));
        try {
            return f.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true); // stops a server that sends its body slowly
            throw new RdapFetchException("no complete answer within " + timeout.toMillis() + " ms from " + url.getHost(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            throw new RdapFetchException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            while (c != null && !(c instanceof BoundedBody.TooLargeException) && c.getCause() != null) {
                c = c.getCause();
            }
            if (c instanceof BoundedBody.TooLargeException big) {
                throw new RdapFetchException(big.getMessage(), big);
            }
            throw new RdapFetchException("cannot fetch " + url + ": " + e.getCause(), e.getCause());
        }
    }

    private void checkAllowed(URI url) throws RdapFetchException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return;
        }
        if (scheme.equals("http") && allowPlainHttpToLoopback && isLoopbackLiteral(url.getHost())) {
            return;
        }
        throw new RdapFetchException("refusing " + url + ": RDAP is fetched over HTTPS only", -1);
    }

    /** Literal loopback only: a name could resolve anywhere. */
    private static boolean isLoopbackLiteral(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        try {
            return IpAddresses.parse(h).isLoopbackAddress();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
