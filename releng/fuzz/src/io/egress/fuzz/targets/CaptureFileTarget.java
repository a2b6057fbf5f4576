package io.egress.fuzz.targets;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import io.egress.capture.internal.reader.ReaderProbe;
import io.egress.capture.pcap.CaptureFormatException;
import io.egress.capture.pcap.PacketRecord;
import io.egress.capture.pcap.PacketSource;
import io.egress.fuzz.FuzzTarget;
import io.egress.fuzz.Mutator;
import io.egress.fuzz.SharedFiles;
import io.egress.fuzz.TempInput;

/** pcap or pcapng file reading: CaptureFiles.open on a file, then every record. */
public final class CaptureFileTarget implements FuzzTarget {
    private static final int MAX_RECORDS = 1_000_000;

    private final String name;
    private final String suffix;
    private final PacketRecord record = new PacketRecord();

    private CaptureFileTarget(String name, String suffix) {
        this.name = name;
        this.suffix = suffix;
    }

    public static CaptureFileTarget pcap() {
        return new CaptureFileTarget("pcap", ".pcap");
    }

    public static CaptureFileTarget pcapng() {
        return new CaptureFileTarget("pcapng", ".pcapng");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<byte[]> seeds() throws Exception {
        return SharedFiles.seedsOf(SharedFiles.files(SharedFiles.shared("captures"), suffix));
    }

    @Override
    public void run(byte[] input) throws Exception {
        Path file = TempInput.write("input" + suffix, input);
        try (PacketSource source = ReaderProbe.open(file, input.length)) {
            for (int i = 0; i < MAX_RECORDS && source.next(record); i++) {
                record.timestamp();
            }
            source.warnings();
            source.linkTypes();
        }
    }

    @Override
    public boolean isDocumented(Throwable failure) {
        return failure instanceof CaptureFormatException;
    }

    @Override
    public Mutator mutator(Random random, List<byte[]> seeds) {
        return suffix.equals(".pcapng") ? new PcapngMutator(random, seeds) : new PcapMutator(random, seeds);
    }
}
