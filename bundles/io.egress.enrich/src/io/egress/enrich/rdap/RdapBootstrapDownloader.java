package io.egress.enrich.rdap;

import io.egress.enrich.internal.rdap.RdapFetchException;
import io.egress.enrich.internal.rdap.RdapFetcher;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Refreshes the bootstrap from IANA (or a mirror): downloads ipv4.json, ipv6.json and asn.json with
 * the same bounds as RDAP answers, checks that all three parse, and only then replaces the files in
 * the target folder. Blocking; call it only when the analyst allows network access.
 */
public final class RdapBootstrapDownloader {
    /** Where IANA publishes the bootstrap files. */
    public static final URI IANA = URI.create("https://data.iana.org/rdap/");
    private static final String[] FILES = {"ipv4.json", "ipv6.json", "asn.json"};

    private final RdapFetcher fetcher;

    public RdapBootstrapDownloader(RdapConfig config) {
        this.fetcher = new RdapFetcher(config.timeout(), config.maxBytes(), config.allowPlainHttpToLoopback());
    }

    /** @return the new bootstrap, also saved in {@code dir} for {@link RdapBootstrap#fromDirectory(Path)} */
    public RdapBootstrap download(URI base, Path dir) throws IOException {
        Map<String, String> docs = new LinkedHashMap<>();
        for (String name : FILES) {
            try {
                docs.put(name, fetcher.fetch(base.resolve(name)).body());
            } catch (RdapFetchException e) {
                throw new IOException("cannot download " + base.resolve(name) + ": " + e.getMessage(), e);
            }
        }
        RdapBootstrap parsed = RdapBootstrap.parse(docs.get("ipv4.json"), docs.get("ipv6.json"), docs.get("asn.json"));
        Files.createDirectories(dir);
        for (Map.Entry<String, String> d : docs.entrySet()) {
            Path tmp = Files.createTempFile(dir, "bootstrap", ".tmp");
            Files.writeString(tmp, d.getValue(), StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(d.getKey()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return parsed;
    }
}
