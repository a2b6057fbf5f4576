package io.egress.enrich.internal.rdap;

import io.egress.core.json.JsonWriter;
import io.egress.core.net.IpAddresses;
import io.egress.enrich.internal.json.Json;
import io.egress.enrich.internal.json.JsonParseException;
import io.egress.enrich.internal.json.JsonParser;
import io.egress.enrich.rdap.RdapNetwork;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * RDAP answers by network range, in memory and (optionally) on disk as one JSON file per network:
 * {@code {"url", "registry", "fetchedAt", "body"}} where body is the registry's answer as received, so
 * that a better parser later reads old answers better. An address is answered by the smallest cached
 * range that contains it. Thread-safe.
 */
public final class RdapCache {
    private static final Logger LOG = System.getLogger(RdapCache.class.getName());
    private static final int MAX_FILES = 20_000;

    /** One cached answer. */
    public record Entry(URI url, String registry, Instant fetchedAt, String body, RdapNetwork network, byte[] first, byte[] last) {
    }

    private final Optional<Path> dir;
    private final int maxBodyBytes;
    private final List<Entry> entries = new ArrayList<>();
    private boolean loaded;

    public RdapCache(Optional<Path> dir, int maxBodyBytes) {
        this.dir = dir;
        this.maxBodyBytes = maxBodyBytes;
    }

    public synchronized Optional<Entry> find(byte[] address) {
        loadOnce();
        Entry best = null;
        for (Entry e : entries) {
            if (contains(e, address) && (best == null || span(e).compareTo(span(best)) < 0)) {
                best = e;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Keeps the answer; writing to disk failing is logged and leaves the in-memory copy. */
    public synchronized Entry store(URI url, String registry, Instant fetchedAt, String body, RdapNetwork network, byte[] asked) {
        loadOnce();
        Entry e = entry(url, registry, fetchedAt, body, network, asked);
        entries.removeIf(old -> Arrays.equals(old.first(), e.first()) && Arrays.equals(old.last(), e.last()));
        entries.add(e);
        dir.ifPresent(d -> write(d, e));
        return e;
    }

    private static Entry entry(URI url, String registry, Instant fetchedAt, String body, RdapNetwork n, byte[] asked) {
        byte[] first = asked;
        byte[] last = asked;
        try {
            byte[] f = IpAddresses.parseLiteral(n.startAddress());
            byte[] l = IpAddresses.parseLiteral(n.endAddress());
            if (f.length == asked.length && l.length == asked.length) {
                first = f;
                last = l;
            }
        } catch (IllegalArgumentException e) {
            LOG.log(Level.DEBUG, "RDAP range '" + n.startAddress() + " - " + n.endAddress() + "' unreadable; caching for the address only");
        }
        return new Entry(url, registry, fetchedAt, body, n, first, last);
    }

    private static boolean contains(Entry e, byte[] a) {
        return a.length == e.first().length && Arrays.compareUnsigned(e.first(), a) <= 0 && Arrays.compareUnsigned(a, e.last()) <= 0;
    }

    private static java.math.BigInteger span(Entry e) {
        return new java.math.BigInteger(1, e.last()).subtract(new java.math.BigInteger(1, e.first()));
    }

    private void write(Path d, Entry e) {
        StringBuilder sb = new StringBuilder();
        new JsonWriter(sb, true).beginObject().field("url", e.url().toString()).field("registry", e.registry())
                .field("fetchedAt", e.fetchedAt().toString()).field("body", e.body()).endObject();
        try {
            Files.createDirectories(d);
            Path target = d.resolve(fileName(e));
            Path tmp = Files.createTempFile(d, "rdap", ".tmp");
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException ex) {
            LOG.log(Level.WARNING, "cannot write the RDAP cache in " + d + ": " + ex.getMessage(), ex);
        }
    }

    private static String fileName(Entry e) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(e.first());
            md.update(e.last());
            return "net-" + HexFormat.of().formatHex(md.digest(), 0, 12) + ".json";
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
        }
    }

    private void loadOnce() {
        if (loaded || dir.isEmpty() || !Files.isDirectory(dir.get())) {
            loaded = true;
            return;
        }
        loaded = true;
        int count = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir.get(), "net-*.json")) {
            for (Path f : ds) {
                if (++count > MAX_FILES) {
                    LOG.log(Level.WARNING, "RDAP cache " + dir.get() + " has more than " + MAX_FILES + " files; the rest are ignored");
                    break;
                }
                read(f).ifPresent(entries::add);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot list the RDAP cache " + dir.get() + ": " + e.getMessage(), e);
        }
    }

    private Optional<Entry> read(Path f) {
        try {
            if (Files.size(f) > 2L * maxBodyBytes + 4096) {
                LOG.log(Level.WARNING, "ignoring oversized RDAP cache file " + f);
                return Optional.empty();
            }
            Json j = JsonParser.parse(Files.readString(f, StandardCharsets.UTF_8),
                    new JsonParser.Limits(4 * maxBodyBytes + 8192, 8, 2 * maxBodyBytes + 1024, 16));
            if (!(j instanceof Json.Obj o)) {
                throw new JsonParseException("not an object");
            }
            String body = o.string("body").orElseThrow(() -> new JsonParseException("no body"));
            RdapNetwork n = RdapJsonMapper.parseNetwork(body);
            URI url = URI.create(o.string("url").orElse(""));
            Instant at = Instant.parse(o.string("fetchedAt").orElseThrow(() -> new JsonParseException("no fetchedAt")));
            byte[] asked = IpAddresses.parseLiteral(n.startAddress());
            return Optional.of(entry(url, o.string("registry").orElse(""), at, body, n, asked));
        } catch (IOException | JsonParseException | RuntimeException e) {
            // a damaged cache file is skipped (and will be replaced by the next fetch), not fatal
            LOG.log(Level.WARNING, "ignoring unreadable RDAP cache file " + f + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
