package io.egress.enrich.internal.dns;

import io.egress.core.net.IpAddresses;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads the first {@code nameserver} line of a resolv.conf. */
public final class ResolvConf {
    private static final Logger LOG = System.getLogger(ResolvConf.class.getName());

    private ResolvConf() {
    }

    public static Optional<InetSocketAddress> firstNameserver(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return firstNameserver(Files.readAllLines(file, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot read " + file + ": " + e.getMessage(), e);
            return Optional.empty();
        }
    }

    public static Optional<InetSocketAddress> firstNameserver(List<String> lines) {
        for (String line : lines) {
            String[] words = line.strip().split("\\s+");
            if (words.length >= 2 && words[0].equals("nameserver")) {
                try {
                    // literal only: resolving a name here would need the resolver we are looking for
                    return Optional.of(new InetSocketAddress(IpAddresses.parse(words[1]), 53));
                } catch (IllegalArgumentException e) {
                    LOG.log(Level.DEBUG, "skipping resolv.conf line '" + line + "': " + e.getMessage());
                }
            }
        }
        return Optional.empty();
    }
}
