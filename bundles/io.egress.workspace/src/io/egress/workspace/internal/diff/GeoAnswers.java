package io.egress.workspace.internal.diff;

import io.egress.workspace.EnrichmentAnswer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ASN and country of addresses from stored GeoIP answers. Reads both the IP details form
 * ({@code "asn": {"number": 2635}}, {@code "country": {"isoCode": "US"}}) and a flat one
 * ({@code "asn": 2635}, {@code "country": "US"}); the latest answer per address wins.
 */
final class GeoAnswers {
    private static final Pattern ASN = Pattern.compile("\"asn\"\\s*:\\s*(?:\\{[^}]*?\"number\"\\s*:\\s*(\\d+)|(\\d+))");
    private static final Pattern COUNTRY = Pattern.compile("\"country\"\\s*:\\s*(?:\\{[^}]*?\"isoCode\"\\s*:\\s*\"([A-Za-z]{2})\"|\"([A-Za-z]{2})\")");

    private final Map<String, String> asn = new HashMap<>();
    private final Map<String, String> country = new HashMap<>();

    GeoAnswers(List<EnrichmentAnswer> answers) {
        answers.stream().filter(a -> a.kind().equals(EnrichmentAnswer.GEOIP))
                .sorted(java.util.Comparator.comparingLong(EnrichmentAnswer::timeMillis)).forEach(a -> {
                    first(ASN, a.json()).ifPresent(v -> asn.put(a.address(), "AS" + v));
                    first(COUNTRY, a.json()).ifPresent(v -> country.put(a.address(), v.toUpperCase(java.util.Locale.ROOT)));
                });
    }

    String asn(String address) {
        return asn.getOrDefault(address, "");
    }

    String country(String address) {
        return country.getOrDefault(address, "");
    }

    private static java.util.Optional<String> first(Pattern p, String json) {
        Matcher m = p.matcher(json);
        if (!m.find()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(m.group(1) != null ? m.group(1) : m.group(2));
    }
}
