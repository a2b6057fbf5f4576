package io.egress.capture.pcap;

import io.egress.capture.internal.reader.ChannelInput;
import io.egress.capture.internal.reader.PcapReader;
import io.egress.capture.internal.reader.PcapngReader;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Opens capture files, recognising the format from the magic number, never the file name. */
public final class CaptureFiles {
    private CaptureFiles() {
    }

    /**
     * Opens a pcap or pcapng file and reads its file header (pcap) or first section header (pcapng).
     * An empty (0-byte) file is an error; a pcapng file with only a section header has no packets.
     *
     * @throws CaptureFormatException when the file is not a capture file this reader supports
     * @throws IOException            when it cannot be read
     */
    public static PacketSource open(Path file) throws IOException {
        ChannelInput in = input(file);
        try {
            if (!in.request(4)) {
                throw new CaptureFormatException(file, 0, "magic", "file too short to be a capture file (" + in.size() + " bytes)");
            }
            int magic = in.buffer().getInt(in.buffer().position());
            if (PcapReader.isMagic(magic)) {
                return new PcapReader(in);
            }
            if (magic == PcapngReader.SHB_TYPE) {
                return new PcapngReader(in);
            }
            throw new CaptureFormatException(file, 0, "magic", String.format("0x%08x is neither a pcap nor a pcapng magic number", magic));
        } catch (IOException | RuntimeException e) {
            // Also stops the read-ahead thread of a large file.
            try {
                in.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private static ChannelInput input(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new ChannelInput(file, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }
}
