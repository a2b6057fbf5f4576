package io.egress.fuzz.targets;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.egress.attribution.internal.netlink.DiagRecord;
import io.egress.attribution.internal.netlink.DiagRecordsProbe;
import io.egress.attribution.internal.netlink.DiagResponseParser;
import io.egress.attribution.internal.netlink.NetlinkException;
import io.egress.core.socket.Protocol;
import io.egress.fuzz.FuzzTarget;
import io.egress.fuzz.SharedFiles;

/**
 * DiagResponseParser.parse on sock_diag answer datagrams, then each record to a socket entry.
 * Seeds: the real kernel answers of the attribution tests' fixture (tcp6-sock-diag.hex).
 */
public final class NetlinkTarget implements FuzzTarget {
    private static final Path FIXTURE = Path.of("bundles/io.egress.attribution.tests/src/io/egress/attribution/internal/netlink/tcp6-sock-diag.hex");

    private final DiagResponseParser parser = new DiagResponseParser(ByteOrder.LITTLE_ENDIAN);

    @Override
    public String name() {
        return "netlink";
    }

    @Override
    public List<byte[]> seeds() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        for (String line : Files.readAllLines(SharedFiles.projectRoot().resolve(FIXTURE))) {
            String[] parts = line.split(" ");
            if (parts.length == 2 && parts[0].endsWith("-response")) {
                seeds.add(HexFormat.of().parseHex(parts[1]));
            }
        }
        if (seeds.isEmpty()) {
            throw new IllegalStateException("no responses in " + FIXTURE);
        }
        return seeds;
    }

    @Override
    public void run(byte[] input) throws Exception {
        // answer the sequence number of the first message, so mutants keep matching their request
        int sequence = input.length >= 12 ? ByteBuffer.wrap(input, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() : 1;
        List<DiagRecord> records = new ArrayList<>();
        parser.parse(ByteBuffer.wrap(input), sequence, records);
        for (DiagRecord r : records) {
            DiagRecordsProbe.toEntry(r, Protocol.TCP).toString();
        }
    }

    @Override
    public boolean isDocumented(Throwable failure) {
        return failure instanceof NetlinkException;
    }
}
