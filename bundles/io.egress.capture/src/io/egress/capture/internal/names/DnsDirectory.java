package io.egress.capture.internal.names;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Address-to-name answers seen in DNS responses of a capture, with the time of each answer.
 * Bounded: at most {@value #MAX_ADDRESSES} addresses and {@value #MAX_NAMES_PER_ADDRESS} names
 * per address are kept (the newest win), so a DNS flood cannot exhaust memory.
 */
public final class DnsDirectory {
    static final int MAX_ADDRESSES = 1 << 20;
    static final int MAX_NAMES_PER_ADDRESS = 4;

    /** An address as two longs plus its family. */
    record Address(long hi, long lo, boolean v6) {
    }

    /** One answer: the name and when it was seen. */
    public record Answer(String name, long timeNanos) {
    }

    private final Map<Address, List<Answer>> answers = new HashMap<>();

    public void add(byte[] address, String name, long timeNanos) {
        Address key = key(address);
        List<Answer> list = answers.get(key);
        if (list == null) {
            if (answers.size() >= MAX_ADDRESSES) {
                return;
            }
            list = new ArrayList<>(1);
            answers.put(key, list);
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).name().equals(name)) {
                list.remove(i);
                break;
            }
        }
        if (list.size() >= MAX_NAMES_PER_ADDRESS) {
            list.remove(0);
        }
        list.add(new Answer(name, timeNanos));
    }

    /** Answers for an address seen at or before {@code untilNanos}, oldest first. */
    public List<Answer> lookup(boolean v6, long hi, long lo, long untilNanos) {
        if (answers.isEmpty()) {
            return List.of();
        }
        List<Answer> list = answers.get(new Address(hi, lo, v6));
        if (list == null) {
            return List.of();
        }
        List<Answer> out = new ArrayList<>(list.size());
        for (Answer a : list) {
            if (a.timeNanos() <= untilNanos) {
                out.add(a);
            }
        }
        return out;
    }

    public boolean isEmpty() {
        return answers.isEmpty();
    }

    /** A snapshot that later additions do not change. */
    public DnsDirectory copy() {
        DnsDirectory c = new DnsDirectory();
        answers.forEach((k, v) -> c.answers.put(k, new ArrayList<>(v)));
        return c;
    }

    private static Address key(byte[] a) {
        if (a.length == 4) {
            return new Address(0, ((a[0] & 0xffL) << 24) | ((a[1] & 0xffL) << 16) | ((a[2] & 0xffL) << 8) | (a[3] & 0xffL), false);
        }
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = (hi << 8) | (a[i] & 0xffL);
            lo = (lo << 8) | (a[8 + i] & 0xffL);
        }
        return new Address(hi, lo, true);
    }
}
