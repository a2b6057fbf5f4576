package io.egress.workspace.internal.export;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces what identifies people in free text (notes, finding explanations, evidence JSON, command
 * lines, paths): the capture files' own paths and names, every IPv4 or IPv6 literal that is
 * internal, the user of any home folder ({@code /home/U/}, {@code /Users/U/}, {@code C:\Users\U\}),
 * every word shaped like a host name (labels with dots, the last one letters; not a file name
 * such as {@code x.pcap}), and every known host and user name, case-insensitively, wherever no
 * letter or digit touches it (so "alice" in "/home/alice/x" and "zeek.org" in "tls-zeek.org.pcap"
 * are replaced, "alice" in "malice" is not). Host names that only a detector saw (DNS query names
 * in a finding's evidence) are replaced too. Replacing too much costs a shared report little;
 * replacing too little leaks.
 */
final class TextScrubber {
    private static final Pattern IPV4 = Pattern.compile("(?<![0-9.])(?:\\d{1,3}\\.){3}\\d{1,3}(?![0-9])");
    private static final Pattern IPV6 = Pattern.compile("(?<![0-9A-Za-z:.])(?=[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*:)[0-9A-Fa-f:.]{2,45}(?![0-9A-Za-z:])");

    /** A word shaped like a DNS name: two or more labels, the last of letters. */
    private static final Pattern HOST = Pattern.compile(
            "(?<![A-Za-z0-9_.-])(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62})\\.)+([A-Za-z][A-Za-z-]{0,62}[A-Za-z])(?![A-Za-z0-9_-])");
    /** Last labels that make a word a file name or a pseudonym, not a host name. */
    private static final Set<String> NOT_HOSTS = Set.of("pcap", "pcapng", "cap", "egress", "mmdb", "json", "csv", "txt", "log", "xml",
            "html", "htm", "js", "py", "sh", "jar", "java", "class", "so", "exe", "dll", "zip", "gz", "tgz", "tar", "bin", "hex", "md",
            "png", "jpg", "conf", "cfg", "ini", "yaml", "yml", "pid", "sock", "lock", "tmp", "invalid", "service", "desktop", "deb");
    private static final Pattern HOME = Pattern.compile("(/home/|/Users/|\\\\Users\\\\)([^/\\\\\\s\"']+)");

    private final Pseudonymiser pseudonyms;
    private final java.util.Map<String, String> literals = new java.util.LinkedHashMap<>();
    private Pattern literalPattern;
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

    /** A text to replace as a whole wherever it appears (a capture's path and file name). */
    void knownLiteral(String original, String replacement) {
        if (!original.isBlank()) {
            literals.put(original, replacement);
            literalPattern = null;
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
        String out = text;
        if (!literals.isEmpty()) {
            literalPattern = literalPattern != null ? literalPattern : Pattern.compile(literals.keySet().stream()
                    .sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote).reduce((a, b) -> a + "|" + b).orElseThrow());
            out = replace(literalPattern, out, literals::get);
        }
        out = replace(IPV4, out, pseudonyms::addressText);
        out = replace(IPV6, out, pseudonyms::addressText);
        Matcher home = HOME.matcher(out);
        StringBuilder homes = new StringBuilder();
        while (home.find()) {
            home.appendReplacement(homes, Matcher.quoteReplacement(home.group(1) + pseudonyms.userName(home.group(2))));
        }
        out = home.appendTail(homes).toString();
        out = replace(HOST, out, m -> NOT_HOSTS.contains(lastLabel(m).toLowerCase(java.util.Locale.ROOT)) ? m : pseudonyms.hostName(m));
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

    private static String lastLabel(String host) {
        return host.substring(host.lastIndexOf('.') + 1);
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
