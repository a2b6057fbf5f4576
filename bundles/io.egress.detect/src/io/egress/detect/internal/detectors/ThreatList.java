package io.egress.detect.internal.detectors;

import io.egress.core.net.Cidr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Indicators from threat-intelligence list files: addresses, CIDR networks and domains, one per
 * line or anywhere in the cells of a CSV file (a header row and other columns are ignored because
 * they are neither addresses nor domain names). {@code #} starts a comment.
 */
final class ThreatList {
    private static final Pattern DOMAIN = Pattern.compile("(\\*\\.)?([a-z0-9_-]{1,63}\\.)+[a-z][a-z0-9-]{1,62}");

    private final List<Entry> networks = new ArrayList<>();
    private final List<Entry> domains = new ArrayList<>();

    /** One indicator and the list it came from. */
    record Entry(String indicator, Cidr network, String source) {
    }

    void load(Path file) throws IOException {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            add(line, file.getFileName().toString());
        }
    }

    /** Adds the indicators of one line (plain or CSV). */
    void add(String line, String source) {
        int hash = line.indexOf('#');
        String content = hash >= 0 ? line.substring(0, hash) : line;
        for (String cell : content.split("[,;\\t]")) {
            String c = cell.trim().replace("\"", "").toLowerCase(Locale.ROOT);
            if (c.isEmpty()) {
                continue;
            }
            Optional<Cidr> network = network(c);
            if (network.isPresent()) {
                networks.add(new Entry(c, network.get(), source));
            } else if (DOMAIN.matcher(c).matches()) {
                domains.add(new Entry(c.startsWith("*.") ? c.substring(2) : c, null, source));
            }
        }
    }

    private static Optional<Cidr> network(String text) {
        if (!(Character.isDigit(text.charAt(0)) || text.indexOf(':') >= 0)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Cidr.parse(text));
        } catch (IllegalArgumentException notANetwork) {
            // Cells like "1.0" or dates are not networks; such a cell is simply not an indicator.
            return Optional.empty();
        }
    }

    Optional<Entry> matchAddress(byte[] address) {
        return networks.stream().filter(e -> e.network().contains(address)).findFirst();
    }

    /** The entry whose domain is the name or one of its parents. */
    Optional<Entry> matchName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return domains.stream().filter(e -> n.equals(e.indicator()) || n.endsWith("." + e.indicator())).findFirst();
    }

    int size() {
        return networks.size() + domains.size();
    }
}
