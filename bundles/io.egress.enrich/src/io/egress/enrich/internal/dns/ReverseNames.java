package io.egress.enrich.internal.dns;

/** The PTR query name of an address: {@code 4.3.2.1.in-addr.arpa} or nibble-reversed {@code ip6.arpa}. */
public final class ReverseNames {
    private ReverseNames() {
    }

    public static String of(byte[] raw) {
        StringBuilder sb = new StringBuilder(72);
        if (raw.length == 4) {
            for (int i = 3; i >= 0; i--) {
                sb.append(raw[i] & 0xff).append('.');
            }
            return sb.append("in-addr.arpa").toString();
        }
        for (int i = 15; i >= 0; i--) {
            sb.append(Character.forDigit(raw[i] & 0xf, 16)).append('.');
            sb.append(Character.forDigit((raw[i] >> 4) & 0xf, 16)).append('.');
        }
        return sb.append("ip6.arpa").toString();
    }
}
