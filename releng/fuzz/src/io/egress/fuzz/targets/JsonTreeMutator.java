package io.egress.fuzz.targets;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.egress.enrich.internal.json.Json;
import io.egress.enrich.internal.json.JsonParseException;
import io.egress.enrich.internal.json.JsonParser;
import io.egress.fuzz.TextMutator;

/**
 * Mutates JSON as a tree, so that most mutants are valid JSON and reach the code behind the parser
 * (the RDAP mapping: ranges, CIDRs, entities, vCards, dates): a value replaced by a hostile one of
 * any type (huge, empty, HTML and script, control and bidi characters, reversed or malformed
 * ranges, extreme numbers), a member dropped or duplicated under another name, an array emptied
 * or nested deeper, subtrees swapped. Every fourth mutant, or a parent that does not parse, gets
 * the byte-level text mutations instead.
 */
final class JsonTreeMutator extends TextMutator {
    private static final List<String> STRINGS = List.of("", " ", "ip network", "::", "0.0.0.0", "255.255.255.255",
            "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "1.2.3.4", "10.0.0.0", "2001:db8::", "2001:db8::/129", "1.2.3.0/33",
            "not an address", "999.1.1.1", "::ffff:1.2.3.4", "1.2.3.4%eth0", "registrant", "abuse", "technical",
            "vcard", "fn", "org", "email", "adr", "text", "uri", "2024-02-30T25:61:61Z", "0000-00-00", "+999999999-01-01T00:00:00Z",
            "<script>alert(1)</script>", "<b>Fastly</b>", "\u202eevil", "\u0000\u0001\u001b[31m", "a".repeat(5000),
            "\ud83d\ude00", "registration", "last changed", "AS13335", "v4prefix", "v6prefix");
    private static final List<BigDecimal> NUMBERS = List.of(BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.valueOf(-1),
            BigDecimal.valueOf(32), BigDecimal.valueOf(33), BigDecimal.valueOf(128), BigDecimal.valueOf(129),
            new BigDecimal("1e400"), new BigDecimal("-1e-400"), new BigDecimal("2147483648"), new BigDecimal("0.5"));

    JsonTreeMutator(Random random, List<byte[]> seeds, String... tokens) {
        super(random, seeds, tokens);
    }

    @Override
    public byte[] mutate(byte[] input) {
        if (random.nextInt(4) == 0) {
            return super.mutate(input);
        }
        Json tree;
        try {
            tree = JsonParser.parse(new String(input, StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            return super.mutate(input);
        }
        int rounds = 1 + random.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            tree = mutateSomewhere(tree, 0);
        }
        StringBuilder sb = new StringBuilder();
        write(tree, sb);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Walks down a random path and changes what it finds there. */
    private Json mutateSomewhere(Json node, int depth) {
        // the document itself stays an object (else the mapper refuses it at once), mostly
        boolean here = depth > 12 || (depth > 0 && random.nextInt(4) == 0) || (depth == 0 && random.nextInt(32) == 0);
        if (node instanceof Json.Obj o && !o.members().isEmpty() && !here) {
            List<String> keys = new ArrayList<>(o.members().keySet());
            String k = keys.get(random.nextInt(keys.size()));
            if (k.equals("objectClassName") && keys.size() > 1 && random.nextInt(8) != 0) {
                k = keys.get((keys.indexOf(k) + 1) % keys.size()); // mostly keep it an "ip network"
            }
            Map<String, Json> m = new LinkedHashMap<>(o.members());
            m.put(k, mutateSomewhere(m.get(k), depth + 1));
            return new Json.Obj(m);
        }
        if (node instanceof Json.Arr a && !a.items().isEmpty() && !here) {
            List<Json> items = new ArrayList<>(a.items());
            int i = random.nextInt(items.size());
            items.set(i, mutateSomewhere(items.get(i), depth + 1));
            return new Json.Arr(items);
        }
        return change(node);
    }

    private Json change(Json node) {
        switch (random.nextInt(8)) {
            case 0:
                return new Json.Str(STRINGS.get(random.nextInt(STRINGS.size())));
            case 1:
                return new Json.Num(NUMBERS.get(random.nextInt(NUMBERS.size())));
            case 2:
                return random.nextBoolean() ? Json.Null.INSTANCE : new Json.Bool(random.nextBoolean());
            case 3:
                return new Json.Arr(random.nextBoolean() ? List.of() : List.of(node, node)); // empty, or doubled and nested
            case 4:
                if (node instanceof Json.Obj o && !o.members().isEmpty()) { // drop a member
                    Map<String, Json> m = new LinkedHashMap<>(o.members());
                    m.remove(new ArrayList<>(m.keySet()).get(random.nextInt(m.size())));
                    return new Json.Obj(m);
                }
                return new Json.Obj(Map.of());
            case 5:
                if (node instanceof Json.Obj o) { // a member under a name the mapper reads
                    Map<String, Json> m = new LinkedHashMap<>(o.members());
                    m.put(STRINGS.get(random.nextInt(STRINGS.size())), o);
                    return new Json.Obj(m);
                }
                return new Json.Obj(Map.of("entities", new Json.Arr(List.of(node))));
            case 6:
                if (node instanceof Json.Arr a && a.items().size() > 1) { // reorder
                    List<Json> items = new ArrayList<>(a.items());
                    java.util.Collections.swap(items, 0, items.size() - 1);
                    return new Json.Arr(items);
                }
                return node;
            default:
                if (node instanceof Json.Str s && !s.value().isEmpty()) { // damage a string a little
                    StringBuilder v = new StringBuilder(s.value());
                    int p = random.nextInt(v.length());
                    v.setCharAt(p, (char) (random.nextBoolean() ? v.charAt(p) + 1 : random.nextInt(0x3000)));
                    return new Json.Str(v.toString());
                }
                return new Json.Str(STRINGS.get(random.nextInt(STRINGS.size())));
        }
    }

    private static void write(Json node, StringBuilder sb) {
        switch (node) {
            case Json.Obj o -> {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<String, Json> e : o.members().entrySet()) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    string(e.getKey(), sb);
                    sb.append(':');
                    write(e.getValue(), sb);
                }
                sb.append('}');
            }
            case Json.Arr a -> {
                sb.append('[');
                for (int i = 0; i < a.items().size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    write(a.items().get(i), sb);
                }
                sb.append(']');
            }
            case Json.Str s -> string(s.value(), sb);
            case Json.Num n -> sb.append(n.value().toString());
            case Json.Bool b -> sb.append(b.value());
            case Json.Null x -> sb.append("null");
        }
    }

    private static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }
}
