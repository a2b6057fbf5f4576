package io.egress.capture.internal.proto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.egress.tests.support.SharedData;

/**
 * Test-only: the transport payloads of a shared capture file, so the parser tests can use real
 * traffic before the capture engine's reader exists. Deliberately minimal (pcap and pcapng;
 * Ethernet with VLAN tags, BSD NULL, Linux SLL/SLL2, raw IP; IPv4; IPv6 with the common extension
 * headers; unfragmented TCP, UDP, ICMP and ICMPv6) and trusting: the captures are known good.
 */
final class CapturePackets {

    /** One transport-layer packet: addresses, protocol, ports (ICMP: type and code) and payload. */
    record Segment(int frameNumber, byte[] src, byte[] dst, int protocol, int srcPort, int dstPort, byte[] payload) {
        @Override
        public String toString() {
            return "frame " + frameNumber + " proto " + protocol + " " + srcPort + "->" + dstPort + " " + payload.length + " bytes";
        }
    }

    private CapturePackets() {
    }

    static Path capture(String name) {
        return SharedData.captures().resolve(name);
    }

    /** Every decodable TCP/UDP/ICMP segment of the file, numbered like Wireshark frames (from 1). */
    static List<Segment> segments(String fileName) throws IOException {
        ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(capture(fileName)));
        List<Segment> out = new ArrayList<>();
        int magic = file.getInt(0);
        if (magic == 0x0a0d0d0a) {
            readPcapng(file, out);
        } else {
            readPcap(file, out);
        }
        return out;
    }

    static List<Segment> udp(String fileName, int port) throws IOException {
        return segments(fileName).stream()
                .filter(s -> s.protocol() == 17 && (s.srcPort() == port || s.dstPort() == port)).toList();
    }

    static List<Segment> tcpWithPayload(String fileName, int port) throws IOException {
        return segments(fileName).stream()
                .filter(s -> s.protocol() == 6 && s.payload().length > 0 && (s.srcPort() == port || s.dstPort() == port))
                .toList();
    }

    private static void readPcap(ByteBuffer file, List<Segment> out) {
        int magic = file.getInt(0);
        file.order(magic == 0xa1b2c3d4 || magic == 0xa1b23c4d ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int linkType = file.getInt(20) & 0xffff;
        int pos = 24;
        int frame = 0;
        while (pos + 16 <= file.limit()) {
            int captured = file.getInt(pos + 8);
            if (pos + 16 + captured > file.limit()) {
                break;
            }
            frame++;
            decodeFrame(frame, linkType, Arrays.copyOfRange(file.array(), pos + 16, pos + 16 + captured), out);
            pos += 16 + captured;
        }
    }

    private static void readPcapng(ByteBuffer file, List<Segment> out) {
        List<Integer> linkTypes = new ArrayList<>();
        int pos = 0;
        int frame = 0;
        while (pos + 12 <= file.limit()) {
            if (file.getInt(pos) == 0x0a0d0d0a) {
                int bom = file.order(ByteOrder.BIG_ENDIAN).getInt(pos + 8);
                file.order(bom == 0x1a2b3c4d ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
                linkTypes.clear();
            }
            int type = file.getInt(pos);
            int length = file.getInt(pos + 4);
            if (type == 1) {
                linkTypes.add(file.getShort(pos + 8) & 0xffff);
            } else if (type == 6) {
                frame++;
                int iface = file.getInt(pos + 8);
                int captured = file.getInt(pos + 20);
                decodeFrame(frame, linkTypes.get(iface), Arrays.copyOfRange(file.array(), pos + 28, pos + 28 + captured), out);
            }
            pos += length;
        }
    }

    private static void decodeFrame(int frame, int linkType, byte[] f, List<Segment> out) {
        ByteBuffer b = ByteBuffer.wrap(f);
        int ethertype;
        int pos;
        switch (linkType) {
            case 1 -> {
                pos = 12;
                ethertype = b.getShort(pos) & 0xffff;
                while (ethertype == 0x8100 || ethertype == 0x88a8) {
                    pos += 4;
                    ethertype = b.getShort(pos) & 0xffff;
                }
                pos += 2;
            }
            case 0 -> {
                int family = f[0] == 0 ? b.getInt(0) : Integer.reverseBytes(b.getInt(0));
                ethertype = family == 2 ? 0x0800 : 0x86dd;
                pos = 4;
            }
            case 113 -> {
                ethertype = b.getShort(14) & 0xffff;
                pos = 16;
            }
            case 276 -> {
                ethertype = b.getShort(0) & 0xffff;
                pos = 20;
            }
            case 101 -> {
                ethertype = (f[0] >>> 4) == 4 ? 0x0800 : 0x86dd;
                pos = 0;
            }
            default -> {
                return;
            }
        }
        if (ethertype == 0x0800) {
            decodeIpv4(frame, b, pos, out);
        } else if (ethertype == 0x86dd) {
            decodeIpv6(frame, b, pos, out);
        }
    }

    private static void decodeIpv4(int frame, ByteBuffer b, int pos, List<Segment> out) {
        int headerLength = (b.get(pos) & 0x0f) * 4;
        int total = b.getShort(pos + 2) & 0xffff;
        int fragment = b.getShort(pos + 6) & 0x3fff;
        if (fragment != 0) {
            return;
        }
        int protocol = b.get(pos + 9) & 0xff;
        byte[] src = Arrays.copyOfRange(b.array(), pos + 12, pos + 16);
        byte[] dst = Arrays.copyOfRange(b.array(), pos + 16, pos + 20);
        int end = Math.min(b.limit(), pos + total);
        transport(frame, b, pos + headerLength, end, protocol, src, dst, out);
    }

    private static void decodeIpv6(int frame, ByteBuffer b, int pos, List<Segment> out) {
        int payloadLength = b.getShort(pos + 4) & 0xffff;
        int next = b.get(pos + 6) & 0xff;
        byte[] src = Arrays.copyOfRange(b.array(), pos + 8, pos + 24);
        byte[] dst = Arrays.copyOfRange(b.array(), pos + 24, pos + 40);
        int end = Math.min(b.limit(), pos + 40 + payloadLength);
        pos += 40;
        while (next == 0 || next == 43 || next == 60 || next == 44) {
            if (next == 44 && (b.getShort(pos + 2) & 0xfff9) != 0) {
                return; // a real fragment: not reassembled here
            }
            int length = next == 44 ? 8 : (b.get(pos + 1) & 0xff) * 8 + 8;
            next = b.get(pos) & 0xff;
            pos += length;
        }
        transport(frame, b, pos, end, next, src, dst, out);
    }

    private static void transport(int frame, ByteBuffer b, int pos, int end, int protocol, byte[] src, byte[] dst,
            List<Segment> out) {
        int srcPort;
        int dstPort;
        int payloadStart;
        switch (protocol) {
            case 6 -> {
                srcPort = b.getShort(pos) & 0xffff;
                dstPort = b.getShort(pos + 2) & 0xffff;
                payloadStart = pos + ((b.get(pos + 12) & 0xf0) >>> 4) * 4;
            }
            case 17 -> {
                srcPort = b.getShort(pos) & 0xffff;
                dstPort = b.getShort(pos + 2) & 0xffff;
                payloadStart = pos + 8;
            }
            case 1, 58 -> {
                srcPort = b.get(pos) & 0xff;
                dstPort = b.get(pos + 1) & 0xff;
                payloadStart = pos + 4;
            }
            default -> {
                return;
            }
        }
        byte[] payload = Arrays.copyOfRange(b.array(), Math.min(payloadStart, end), end);
        out.add(new Segment(frame, src, dst, protocol, srcPort, dstPort, payload));
    }
}
