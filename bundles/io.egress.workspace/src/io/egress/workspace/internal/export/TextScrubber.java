package io.egress.workspace.internal.export;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces what identifies people in free text (notes, finding explanations, evidence JSON, command
 * lines): every IPv4 or IPv6 literal that is internal, and every known host and user name,
 * case-insensitively, wherever no letter or digit touches it (so "alice" in "/home/alice/x" and
 * "zeek.org" in "tls-zeek.org.pcap" are replaced, "alice" in "malice" is not). Replacing too much
 * costs a shared report little; replacing too little leaks.
 */
final class TextScrubber {
    private static final Pattern IPV4 = Pattern.compile("(?<![0-9.])(?:\\d{1,3}\\.){3}\\d{1,3}(?![0-9])");
    private static final Pattern IPV6 = Pattern.compile("(?<![0-9A-Za-z:.])(?=[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*:)[0-9A-Fa-f:.]{2,45}(?![0-9A-Za-z:])");

    private final Pseudonymiser pseudonyms;
    private final Set<String> hosts = new LinkedHashSet<>();
    private final Set<String> users = new LinkedHashSet<>();
    private Pattern hostPattern;
    private Pattern userPattern;

    TextScrubber(Pseudonymiser pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    void knownHost(String name) {
        if (!name.isBlank()) {
            hosts.add(name);
            hostPattern = null;
        }
    }

    void knownUser(String user) {
        // Numeric "users" are uids, not names.
        if (!user.isBlank() && !user.chars().allMatch(Character::isDigit)) {
            users.add(user);
            userPattern = null;
        }
    }

    String scrub(String text) {
        String out = replace(IPV4, text, pseudonyms::addressText);
        out = replace(IPV6, out, pseudonyms::addressText);
        if (!hosts.isEmpty()) {
            hostPattern = hostPattern != null ? hostPattern : words(hosts, "[A-Za-z0-9]");
            out = replace(hostPattern, out, pseudonyms::hostName);
        }
        if (!users.isEmpty()) {
            userPattern = userPattern != null ? userPattern : words(users, "[A-Za-z0-9]");
            out = replace(userPattern, out, m -> pseudonyms.userName(canonical(users, m)));
        }
        return out;
    }

    private static String canonical(Set<String> known, String match) {
        return known.stream().filter(k -> k.equalsIgnoreCase(match)).findFirst().orElse(match);
    }

    /** A pattern for any of the words, longest first, not inside a longer word made of {@code wordChar}s. */
    private static Pattern words(Set<String> words, String wordChar) {
        List<String> sorted = words.stream().sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote).toList();
        return Pattern.compile("(?<!" + wordChar + ")(?:" + String.join("|", sorted) + ")(?!" + wordChar + ")", Pattern.CASE_INSENSITIVE);
    }

    private interface Replacement {
        String of(String match);
    }

    private static String replace(Pattern p, String text, Replacement r) {
        Matcher m = p.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(r.of(m.group())));
        }
        return m.appendTail(sb).toString();
    }
}
