package io.egress.workspace.internal.export;

import io.egress.core.net.AddressClass;
import io.egress.core.net.AddressClassifier;
import io.egress.core.net.IpAddresses;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Consistent pseudonyms for one export: the same input always gets the same pseudonym (HMAC-SHA256
 * under a key made for this export and then forgotten, so pseudonyms of two exports cannot be
 * linked and cannot be reversed by hashing guesses).
 *
 * <ul>
 * <li>internal addresses (every class but public, multicast, broadcast and unspecified, which
 * identify nobody) become addresses that no real host has: IPv4 in 240.0.0.0/4 (reserved), IPv6 in
 * 100::/64 (discard-only);</li>
 * <li>host names become {@code host-XXXXXXXX.invalid};</li>
 * <li>user names become {@code user-XXXXXX}.</li>
 * </ul>
 * Not thread-safe.
 */
public final class Pseudonymiser {
    private final Mac mac;
    private final Map<String, String> pseudonyms = new HashMap<>();
    private final Set<String> used = new HashSet<>();

    public Pseudonymiser(byte[] key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            // Every Java platform must provide HmacSHA256.
            throw new IllegalStateException(e);
        }
    }

    /** A pseudonymiser with a fresh random key. */
    public static Pseudonymiser withRandomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new Pseudonymiser(key);
    }

    /** Whether an address must be replaced. */
    public static boolean isInternal(byte[] raw) {
        AddressClass c = AddressClassifier.classOf(IpAddresses.toInet(raw));
        return switch (c) {
            case PUBLIC, MULTICAST, BROADCAST, UNSPECIFIED -> false;
            default -> true;
        };
    }

    /** The pseudonym of an internal address (4 or 16 bytes, same length), or the address itself. */
    public byte[] address(byte[] raw) {
        if (!isInternal(raw)) {
            return raw.clone();
        }
        String original = IpAddresses.format(raw);
        return IpAddresses.parseLiteral(pseudonym("ip", original, (hash, attempt) -> {
            if (raw.length == 4) {
                return IpAddresses.format(new byte[] {(byte) (0xf0 | (hash[0] & 0x0f)), hash[1], hash[2], hash[3]});
            }
            byte[] v6 = new byte[16];
            v6[0] = 0x01;
            System.arraycopy(hash, 0, v6, 8, 8);
            return IpAddresses.format(v6);
        }));
    }

    /** The address text with an internal address replaced; text that is not an address comes back unchanged. */
    public String addressText(String text) {
        byte[] raw;
        try {
            raw = IpAddresses.parseLiteral(text);
        } catch (IllegalArgumentException e) {
            return text;
        }
        return raw == null ? text : IpAddresses.format(address(raw));
    }

    public String hostName(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return pseudonym("host", key, (hash, attempt) -> "host-" + HexFormat.of().formatHex(hash, 0, 4) + ".invalid");
    }

    public String userName(String user) {
        return pseudonym("user", user, (hash, attempt) -> "user-" + HexFormat.of().formatHex(hash, 0, 3));
    }

    private interface Shape {
        String of(byte[] hash, int attempt);
    }

    private String pseudonym(String kind, String original, Shape shape) {
        String key = kind + ":" + original;
        String known = pseudonyms.get(key);
        if (known != null) {
            return known;
        }
        // Two originals must never share a pseudonym: on a (rare) collision, hash again.
        for (int attempt = 0;; attempt++) {
            byte[] hash = mac.doFinal((key + "#" + attempt).getBytes(StandardCharsets.UTF_8));
            String candidate = shape.of(hash, attempt);
            if (used.add(candidate)) {
                pseudonyms.put(key, candidate);
                return candidate;
            }
        }
    }
}
