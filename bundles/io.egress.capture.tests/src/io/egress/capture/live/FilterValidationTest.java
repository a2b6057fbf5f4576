package io.egress.capture.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FilterValidationTest {

    @Test
    void validFiltersCompile() throws Exception {
        CaptureRights.assumeLibpcap();
        LiveCaptures captures = new LiveCaptures();
        captures.checkFilter("");
        captures.checkFilter("tcp port 443 or udp port 53");
        captures.checkFilter("ip6 and not host ::1", 1);
        captures.checkFilter("tcp", 113);
    }

    @Test
    void invalidFilterNamesFilterAndLibpcapReason() {
        CaptureRights.assumeLibpcap();
        InvalidFilterException e = assertThrows(InvalidFilterException.class, () -> new LiveCaptures().checkFilter("tcp port"));
        assertEquals("tcp port", e.filter());
        assertTrue(e.reason().contains("syntax error"), e.reason());
        assertTrue(e.getMessage().contains("'tcp port'"), e.getMessage());
        InvalidFilterException badPort = assertThrows(InvalidFilterException.class, () -> new LiveCaptures().checkFilter("port 70000"));
        assertTrue(badPort.reason().contains("70000"), badPort.reason());
    }

    @Test
    void startRefusesAnInvalidFilterBeforeOpeningAnything() {
        CaptureRights.assumeLibpcap();
        assertThrows(InvalidFilterException.class,
                () -> new LiveCaptures().start(CaptureRequest.of(List.of("lo")).withFilter("host nowhere..invalid"), f -> { }));
    }
}
