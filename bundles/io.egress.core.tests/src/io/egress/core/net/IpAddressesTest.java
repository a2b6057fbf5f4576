package io.egress.core.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {

    @ParameterizedTest
    @CsvSource({
            "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
            "0:0:0:0:0:0:0:0, ::",
            "0:0:0:0:0:0:0:1, ::1",
            "fe80:0:0:0:0:0:0:0, fe80::",
            "::ffff:c000:0280, ::ffff:192.0.2.128",
            "[2001:DB8::A], 2001:db8::a",
            "fe80::1%eth0, fe80::1",
            "192.168.001.010, 192.168.1.10" })
    void formatsCanonically(String in, String out) {
        assertEquals(out, IpAddresses.format(IpAddresses.parseLiteral(in)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.256", "1.2.3.4.5", "::1::", "12345::", "g::1", "1:2:3:4:5:6:7:8:9", "example.com", "1.2.3.-1"})
    void rejectsNonLiterals(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IpAddresses.parseLiteral(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }

    @Test
    void unmapsIpv4MappedOnly() {
        assertArrayEquals(new byte[] {10, 0, 0, 1}, IpAddresses.unmapV4(IpAddresses.parseLiteral("::ffff:10.0.0.1")));
        assertEquals(16, IpAddresses.unmapV4(IpAddresses.parseLiteral("::10.0.0.1")).length);
    }

    @Test
    void formatsEndpoints() {
        assertEquals("[2001:db8::1]:443", IpAddresses.formatEndpoint(IpAddresses.parseLiteral("2001:db8::1"), 443));
        assertEquals("127.0.0.1:8080", IpAddresses.formatEndpoint(IpAddresses.parseLiteral("127.0.0.1"), 8080));
    }

    @Test
    void cidrContainsOnlyItsFamily() {
        Cidr c = Cidr.parse("172.16.0.0/12");
        assertTrue(c.contains(IpAddresses.parseLiteral("172.31.255.255")));
        assertEquals(false, c.contains(IpAddresses.parseLiteral("172.32.0.0")));
        assertEquals(false, c.contains(IpAddresses.parseLiteral("::ffff:172.16.0.1")));
        assertEquals("172.16.0.0/12", Cidr.parse("172.20.1.1/12").toString());
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/33"));
    }
}
