package io.egress.cli.internal.ip;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The parsed arguments of {@code egress ip}. */
record IpOptions(List<String> addresses, List<Path> geoipDirs, boolean online, boolean reverseDns, Optional<String> resolver,
        Optional<Path> rdapBootstrap, Optional<URI> rdapBaseUrl, Optional<Path> rdapCache, boolean noRdapCache, String format) {

    /** A usage error, printed with the usage line; exit code 2. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static IpOptions parse(List<String> args) throws UsageException {
        List<String> addresses = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        boolean online = false;
        boolean rdns = false;
        String resolver = null;
        Path bootstrap = null;
        URI baseUrl = null;
        Path cache = null;
        boolean noCache = false;
        String format = "table";
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--geoip-dir" -> dirs.add(Path.of(value(args, ++i, a)));
                case "--online" -> online = true;
                case "--rdns" -> rdns = true;
                case "--resolver" -> resolver = value(args, ++i, a);
                case "--rdap-bootstrap" -> bootstrap = Path.of(value(args, ++i, a));
                case "--rdap-base-url" -> baseUrl = uri(value(args, ++i, a));
                case "--rdap-cache" -> cache = Path.of(value(args, ++i, a));
                case "--no-rdap-cache" -> noCache = true;
                case "--format" -> format = value(args, ++i, a);
                default -> {
                    if (a.startsWith("--format=")) {
                        format = a.substring("--format=".length());
                    } else if (a.startsWith("-") && !a.contains(":")) {
                        throw new UsageException("unknown option " + a);
                    } else {
                        addresses.add(a);
                    }
                }
            }
        }
        if (!format.equals("json") && !format.equals("table")) {
            throw new UsageException("--format must be json or table, not " + format);
        }
        if (addresses.isEmpty()) {
            throw new UsageException("no address given");
        }
        return new IpOptions(List.copyOf(addresses), List.copyOf(dirs), online, rdns, Optional.ofNullable(resolver),
                Optional.ofNullable(bootstrap), Optional.ofNullable(baseUrl), Optional.ofNullable(cache), noCache, format);
    }

    private static String value(List<String> args, int i, String option) throws UsageException {
        if (i >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i);
    }

    private static URI uri(String text) throws UsageException {
        try {
            URI u = URI.create(text.endsWith("/") ? text : text + "/");
            if (u.getScheme() == null || u.getHost() == null) {
                throw new UsageException("--rdap-base-url needs an absolute URL: " + text);
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new UsageException("--rdap-base-url is not a URL: " + text);
        }
    }
}
