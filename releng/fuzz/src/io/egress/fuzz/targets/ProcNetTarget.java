package io.egress.fuzz.targets;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.egress.attribution.internal.proc.ProcNetFormatException;
import io.egress.attribution.internal.proc.ProcNetParser;
import io.egress.core.socket.Protocol;
import io.egress.fuzz.FuzzTarget;
import io.egress.fuzz.Mutator;
import io.egress.fuzz.TextMutator;

/** ProcNetParser.parseLine on lines of /proc/net/{tcp,tcp6,udp,udp6}; documents ProcNetFormatException. */
public final class ProcNetTarget implements FuzzTarget {
    private final ProcNetParser little = new ProcNetParser(ByteOrder.LITTLE_ENDIAN);
    private final ProcNetParser big = new ProcNetParser(ByteOrder.BIG_ENDIAN);

    @Override
    public String name() {
        return "procnet";
    }

    @Override
    public List<byte[]> seeds() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6", "udp", "udp6")) {
            Path p = Path.of("/proc/net", table);
            if (Files.isReadable(p)) {
                Files.readAllLines(p).stream().skip(1).limit(50).forEach(l -> seeds.add(l.getBytes(StandardCharsets.ISO_8859_1)));
            }
        }
        // Generated lines: an IPv4-mapped tcp6 socket, the largest inode, a UDP receiver.
        seeds.add(("   0: 0000000000000000FFFF00000100007F:1F90 0000000000000000FFFF00000A01A8C0:D431 01 00000000:00000000"
                + " 00:00000000 00000000     0        0 18446744073709551615 1 0000000000000000 20 4 30 10 -1").getBytes(StandardCharsets.ISO_8859_1));
        seeds.add(("  12: 0100007F:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000   101        0 3000000000 2"
                + " 0000000000000000 0").getBytes(StandardCharsets.ISO_8859_1));
        return seeds;
    }

    @Override
    public void run(byte[] input) {
        String line = new String(input, StandardCharsets.ISO_8859_1);
        Protocol protocol = input.length > 0 && (input[input.length - 1] & 1) == 0 ? Protocol.TCP : Protocol.UDP;
        little.parseLine(line, protocol).toString();
        big.parseLine(line, protocol);
    }

    @Override
    public boolean isDocumented(Throwable failure) {
        return failure instanceof ProcNetFormatException;
    }

    @Override
    public Mutator mutator(Random random, List<byte[]> seeds) {
        return new TextMutator(random, seeds, " ", ":", "  ", "-1", "0", "FFFFFFFF", "18446744073709551616", "\t",
                "0000000000000000FFFF0000", "99999999999999999999", "+1", "0x1F");
    }
}
