package io.egress.capture.pcap;

import io.egress.capture.internal.reader.ChannelInput;
import io.egress.capture.internal.reader.PcapReader;
import io.egress.capture.internal.reader.PcapngReader;
import java.io.IOException;
import java.nio.ByteOrder;
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
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            ChannelInput in = new ChannelInput(file, channel);
            if (!in.request(4)) {
                throw new CaptureFormatException(file, 0, "magic", "file too short to be a capture file (" + channel.size() + " bytes)");
            }
            int magic = in.buffer().order(ByteOrder.BIG_ENDIAN).getInt(in.buffer().position());
            PacketSource source;
            if (PcapReader.isMagic(magic)) {
                source = new PcapReader(in);
            } else if (magic == PcapngReader.SHB_TYPE) {
                source = new PcapngReader(in);
            } else {
                throw new CaptureFormatException(file, 0, "magic", String.format("0x%08x is neither a pcap nor a pcapng magic number", magic));
            }
            return source;
        } catch (IOException | RuntimeException e) {
            try {
                channel.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

}
