package io.egress.capture.internal.decode;

/** LINKTYPE_ numbers (tcpdump.org/linktypes.html) the decoder understands, and their short names. */
public final class LinkTypes {
    public static final int NULL = 0;
    public static final int ETHERNET = 1;
    public static final int RAW_BSD_12 = 12;
    public static final int RAW_BSD_14 = 14;
    public static final int RAW = 101;
    public static final int LOOP = 108;
    public static final int LINUX_SLL = 113;
    public static final int IPV4 = 228;
    public static final int IPV6 = 229;
    public static final int LINUX_SLL2 = 276;

    private LinkTypes() {
    }

    public static boolean supported(int linkType) {
        return switch (linkType) {
            case NULL, ETHERNET, RAW_BSD_12, RAW_BSD_14, RAW, LOOP, LINUX_SLL, IPV4, IPV6, LINUX_SLL2 -> true;
            default -> false;
        };
    }

    /** Short name as capinfos prints it (ether, linux-sll, null...), else {@code linktype-N}. */
    public static String name(int linkType) {
        return switch (linkType) {
            case NULL -> "null";
            case ETHERNET -> "ether";
            case RAW_BSD_12, RAW_BSD_14, RAW -> "rawip";
            case LOOP -> "loop";
            case LINUX_SLL -> "linux-sll";
            case IPV4 -> "rawip4";
            case IPV6 -> "rawip6";
            case LINUX_SLL2 -> "linux-sll2";
            default -> linkType >= 147 && linkType <= 162 ? "user" + (linkType - 147) : "linktype-" + linkType;
        };
    }
}
