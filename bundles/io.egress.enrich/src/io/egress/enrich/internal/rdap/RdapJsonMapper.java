package io.egress.enrich.internal.rdap;

import io.egress.core.net.IpAddresses;
import io.egress.enrich.internal.json.Json;
import io.egress.enrich.internal.json.JsonParseException;
import io.egress.enrich.internal.json.JsonParser;
import io.egress.enrich.internal.text.PlainText;
import io.egress.enrich.rdap.RdapNetwork;

import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps an RDAP IP network object (RFC 9083 section 5.4) to {@link RdapNetwork}. Registries differ:
 * ARIN and LACNIC name the registrant as an entity with role "registrant" and nest the abuse contact
 * inside it; RIPE NCC and AFRINIC put the abuse entity at the top; APNIC often has no registrant
 * entity, so its "description" remark stands in. Every string is cleaned to plain text.
 */
public final class RdapJsonMapper {
    private static final int MAX_ENTITY_DEPTH = 4;

    private RdapJsonMapper() {
    }

    /** @throws JsonParseException when the text is not JSON or not an IP network object */
    public static RdapNetwork parseNetwork(String body) throws JsonParseException {
        if (!(JsonParser.parse(body) instanceof Json.Obj root)) {
            throw new JsonParseException("RDAP answer is not a JSON object");
        }
        String objectClass = root.string("objectClassName").orElse("");
        if (!objectClass.equals("ip network")) {
            throw new JsonParseException(-1, "$.objectClassName",
                    "RDAP answer is not an IP network (objectClassName '" + PlainText.clean(objectClass, 40) + "')");
        }
        String start = text(root, "startAddress");
        String end = text(root, "endAddress");
        Optional<String> registrant = findEntity(root, "registrant", 0).flatMap(e -> vcard(e, "org").or(() -> vcard(e, "fn")))
                .or(() -> descriptionRemark(root));
        Optional<String> abuse = findEntity(root, "abuse", 0).flatMap(e -> vcard(e, "email"));
        return new RdapNetwork(text(root, "handle"), text(root, "name"), text(root, "type"), start, end, cidrs(root, start, end),
                opt(root, "country").map(c -> c.toUpperCase(Locale.ROOT)), registrant, abuse, event(root, "registration"),
                event(root, "last changed"), opt(root, "parentHandle"));
    }

    private static String text(Json.Obj o, String name) {
        return o.string(name).map(PlainText::clean).orElse("");
    }

    private static Optional<String> opt(Json.Obj o, String name) {
        return o.string(name).map(PlainText::clean).filter(s -> !s.isEmpty());
    }

    private static List<String> cidrs(Json.Obj root, String start, String end) {
        List<String> out = new ArrayList<>();
        for (Json j : root.array("cidr0_cidrs")) {
            if (j instanceof Json.Obj c) {
                Optional<String> prefix = c.string("v4prefix").or(() -> c.string("v6prefix"));
                Optional<Integer> len = c.number("length").map(n -> n.intValue());
                if (prefix.isPresent() && len.isPresent()) {
                    out.add(PlainText.clean(prefix.get(), 60) + "/" + len.get());
                }
            }
        }
        if (out.isEmpty() && !start.isEmpty() && !end.isEmpty()) {
            out.addAll(RangeToCidrs.of(start, end));
        }
        return out;
    }

    private static Optional<Json.Obj> findEntity(Json.Obj holder, String role, int depth) {
        if (depth > MAX_ENTITY_DEPTH) {
            return Optional.empty();
        }
        for (Json j : holder.array("entities")) {
            if (j instanceof Json.Obj e && e.array("roles").stream().anyMatch(r -> r instanceof Json.Str s && s.value().equalsIgnoreCase(role))) {
                return Optional.of(e);
            }
        }
        for (Json j : holder.array("entities")) {
            if (j instanceof Json.Obj e) {
                Optional<Json.Obj> nested = findEntity(e, role, depth + 1);
                if (nested.isPresent()) {
                    return nested;
                }
            }
        }
        return Optional.empty();
    }

    /** The first value of a vCard property in jCard form: ["vcard", [[name, params, type, value], ...]]. */
    private static Optional<String> vcard(Json.Obj entity, String property) {
        List<Json> card = entity.array("vcardArray");
        if (card.size() < 2 || !(card.get(1) instanceof Json.Arr props)) {
            return Optional.empty();
        }
        for (Json p : props.items()) {
            if (p instanceof Json.Arr prop && prop.items().size() >= 4 && prop.items().get(0) instanceof Json.Str n
                    && n.value().equalsIgnoreCase(property)) {
                Json v = prop.items().get(3);
                String value = v instanceof Json.Str s ? s.value()
                        : v instanceof Json.Arr a && !a.items().isEmpty() && a.items().get(0) instanceof Json.Str s0 ? s0.value() : "";
                String clean = PlainText.clean(value);
                if (!clean.isEmpty()) {
                    return Optional.of(clean);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> descriptionRemark(Json.Obj root) {
        for (Json j : root.array("remarks")) {
            if (j instanceof Json.Obj r && r.string("title").map(t -> t.equalsIgnoreCase("description")).orElse(false)) {
                for (Json line : r.array("description")) {
                    if (line instanceof Json.Str s && !PlainText.clean(s.value()).isEmpty()) {
                        return Optional.of(PlainText.clean(s.value()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> event(Json.Obj root, String action) {
        for (Json j : root.array("events")) {
            if (j instanceof Json.Obj e && e.string("eventAction").map(a -> a.equalsIgnoreCase(action)).orElse(false)) {
                Optional<String> date = e.string("eventDate");
                if (date.isPresent()) {
                    try {
                        return Optional.of(OffsetDateTime.parse(date.get().strip()).toInstant());
                    } catch (DateTimeParseException ex) {
                        return Optional.empty(); // a date we cannot read is shown as no date, not as garbage
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Splits an address range into CIDRs (when the registry gives no cidr0 extension). */
    static final class RangeToCidrs {
        private static final int MAX_CIDRS = 64;

        private RangeToCidrs() {
        }

        static List<String> of(String start, String end) {
            List<String> out = new ArrayList<>();
            byte[] a;
            byte[] b;
            try {
                a = IpAddresses.parseLiteral(start);
                b = IpAddresses.parseLiteral(end);
            } catch (IllegalArgumentException e) {
                return out; // the registry's range text is shown as is; no CIDRs from text we cannot read
            }
            if (a.length != b.length) {
                return out;
            }
            int bits = a.length * 8;
            BigInteger lo = new BigInteger(1, a);
            BigInteger hi = new BigInteger(1, b);
            while (lo.compareTo(hi) <= 0 && out.size() < MAX_CIDRS) {
                int size = lo.signum() == 0 ? bits : Math.min(lo.getLowestSetBit(), bits);
                while (size > 0 && lo.add(BigInteger.ONE.shiftLeft(size)).subtract(BigInteger.ONE).compareTo(hi) > 0) {
                    size--;
                }
                out.add(IpAddresses.format(toBytes(lo, a.length)) + "/" + (bits - size));
                lo = lo.add(BigInteger.ONE.shiftLeft(size));
            }
            return out;
        }

        private static byte[] toBytes(BigInteger v, int len) {
            byte[] raw = v.toByteArray();
            byte[] out = new byte[len];
            int copy = Math.min(raw.length, len);
            System.arraycopy(raw, raw.length - copy, out, len - copy, copy);
            return out;
        }
    }
}
