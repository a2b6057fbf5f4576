package io.egress.capture.internal.proto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Expected values from tshark 4.0.17 ({@code -Y http.request -e http.request.method -e http.request.uri -e http.host}). */
class HttpRequestTest {

    private static final List<String> TSHARK_WIKIPEDIA = List.of(
            "6 GET / www.wikipedia.org",
            "12 GET /skins-1.5/monobook/main.css bits.wikimedia.org",
            "53 GET /wikipedia/commons/6/63/Wikipedia-logo.png upload.wikimedia.org",
            "56 GET /wikipedia/commons/thumb/b/bb/Wikipedia_wordmark.svg/174px-Wikipedia_wordmark.svg.png upload.wikimedia.org",
            "59 GET /wikipedia/commons/b/bd/Bookshelf-40x201_6.png upload.wikimedia.org",
            "64 GET /wikipedia/commons/4/4a/Wiktionary-logo-en-35px.png upload.wikimedia.org",
            "65 GET /wikipedia/commons/thumb/8/8a/Wikinews-logo.png/35px-Wikinews-logo.png upload.wikimedia.org",
            "68 GET /wikipedia/commons/thumb/f/fa/Wikiquote-logo.svg/35px-Wikiquote-logo.svg.png upload.wikimedia.org",
            "71 GET /images/wikimedia-button.png meta.wikimedia.org",
            "76 GET /wikipedia/commons/thumb/f/fa/Wikibooks-logo.svg/35px-Wikibooks-logo.svg.png upload.wikimedia.org",
            "79 GET /wikipedia/commons/thumb/d/df/Wikispecies-logo.svg/35px-Wikispecies-logo.svg.png upload.wikimedia.org",
            "83 GET /wikipedia/commons/thumb/4/4c/Wikisource-logo.svg/35px-Wikisource-logo.svg.png upload.wikimedia.org",
            "91 GET /wikipedia/commons/thumb/9/91/Wikiversity-logo.svg/35px-Wikiversity-logo.svg.png upload.wikimedia.org",
            "92 GET /wikipedia/commons/thumb/4/4a/Commons-logo.svg/35px-Commons-logo.svg.png upload.wikimedia.org",
            "95 GET /wikipedia/commons/thumb/7/75/Wikimedia_Community_Logo.svg/35px-Wikimedia_Community_Logo.svg.png upload.wikimedia.org");

    private static HttpRequest parse(String text) throws ProtocolParseException {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        return HttpRequest.parse(b, 0, b.length);
    }

    @Test
    void everyRequestOfWikipediaMatchesTshark() throws Exception {
        List<String> seen = new ArrayList<>();
        for (CapturePackets.Segment s : CapturePackets.tcpWithPayload("zeek-wikipedia.pcap", 80)) {
            if (s.dstPort() != 80) {
                continue;
            }
            HttpRequest r = HttpRequest.parse(s.payload(), 0, s.payload().length);
            assertEquals("HTTP/1.1", r.version());
            assertTrue(r.complete());
            seen.add(s.frameNumber() + " " + r.method() + " " + r.target() + " " + r.host().orElseThrow());
        }
        assertEquals(TSHARK_WIKIPEDIA, seen);
    }

    @Test
    void headerNamesAreCaseInsensitiveAndValuesTrimmed() throws Exception {
        HttpRequest r = parse("POST /api?x=1 HTTP/1.0\r\nUser-Agent: x\r\nhOsT: \t example.org:8080 \r\n\r\nbody");
        assertEquals("POST", r.method());
        assertEquals("/api?x=1", r.target());
        assertEquals("HTTP/1.0", r.version());
        assertEquals(Optional.of("example.org:8080"), r.host());
        assertTrue(r.complete());
    }

    @Test
    void bareLineFeedsAndMissingHost() throws Exception {
        HttpRequest r = parse("GET http://proxy.example/x HTTP/1.1\nAccept: */*\n\n");
        assertEquals("http://proxy.example/x", r.target());
        assertEquals(Optional.empty(), r.host());
        assertTrue(r.complete());
    }

    @Test
    void headersCutByTheSegmentEndAreNotComplete() throws Exception {
        HttpRequest r = parse("GET / HTTP/1.1\r\nHost: a.example\r\nAccept: te");
        assertEquals(Optional.of("a.example"), r.host());
        assertFalse(r.complete());
        assertTrue(assertThrows(ProtocolParseException.class, () -> parse("GET / HTT")).isTruncated());
    }

    @Test
    void nonHttpAndOverlongLinesAreRejected() {
        for (String bad : List.of("SSH-2.0-OpenSSH_9.6\r\n", "GET /\r\n", "GET  / HTTP/1.1\r\n", "G\u00e9T / HTTP/1.1\r\n",
                "GET / HTTP/2.0\r\n", " / HTTP/1.1\r\n")) {
            ProtocolParseException e = assertThrows(ProtocolParseException.class, () -> parse(bad), bad);
            assertFalse(e.isTruncated(), bad);
        }
        String longTarget = "GET /" + "a".repeat(HttpRequestParser.MAX_LINE) + " HTTP/1.1\r\n\r\n";
        assertEquals("http.request_line", assertThrows(ProtocolParseException.class, () -> parse(longTarget)).field());
        StringBuilder manyHeaders = new StringBuilder("GET / HTTP/1.1\r\n");
        for (int i = 0; i < 1000; i++) {
            manyHeaders.append("X-").append(i).append(": y\r\n");
        }
        manyHeaders.append("Host: late.example\r\n\r\n");
        try {
            HttpRequest r = parse(manyHeaders.toString());
            assertEquals(Optional.empty(), r.host(), "only the first headers are looked at");
            assertFalse(r.complete());
        } catch (ProtocolParseException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void controlBytesInTheTargetAreEscaped() throws Exception {
        HttpRequest r = HttpRequest.parse(ByteBuffer.wrap("GET /a\u0001b HTTP/1.1\r\nHost: h\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("/a\\001b", r.target());
    }

    @Test
    void truncationsAndMutantsOnlyEverThrowParseExceptions() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        for (CapturePackets.Segment s : CapturePackets.tcpWithPayload("zeek-wikipedia.pcap", 80)) {
            if (s.dstPort() == 80 && seeds.size() < 3) {
                seeds.add(s.payload());
            }
        }
        HostileInputs.assertOnlyParseExceptions(seeds, 5000, HttpRequest::parse);
    }
}
