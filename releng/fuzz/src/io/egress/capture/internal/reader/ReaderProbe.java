package io.egress.capture.internal.reader;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.egress.capture.pcap.CaptureFiles;
import io.egress.capture.pcap.CaptureFormatException;
import io.egress.capture.pcap.PacketSource;

/**
 * Fuzzing access to the readers with small buffers and every read mode, so that records crossing
 * buffer and chunk boundaries are reached by small inputs. The mode comes from the input's length,
 * so a saved input replays the same way.
 */
public final class ReaderProbe {
    private ReaderProbe() {
    }

    public static PacketSource open(Path file, int inputLength) throws IOException {
        int variant = inputLength % 8;
        if (variant == 0) {
            return CaptureFiles.open(file); // the product's own path (4 MiB buffer)
        }
        ChannelInput.ReadMode mode = variant == 6 ? ChannelInput.ReadMode.READ_AHEAD
                : variant == 7 ? ChannelInput.ReadMode.MAPPED : ChannelInput.ReadMode.BUFFERED;
        int capacity = 16 << variant; // 32 bytes to 512 bytes: records are larger than the buffer
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        ChannelInput in = new ChannelInput(file, channel, mode, capacity, 256, 64);
        try {
            if (!in.request(4)) {
                throw new CaptureFormatException(file, 0, "magic", "file too short");
            }
            int magic = in.buffer().getInt(in.buffer().position());
            if (PcapReader.isMagic(magic)) {
                return new PcapReader(in);
            }
            if (magic == PcapngReader.SHB_TYPE) {
                return new PcapngReader(in);
            }
            throw new CaptureFormatException(file, 0, "magic", "not a capture");
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }
}
