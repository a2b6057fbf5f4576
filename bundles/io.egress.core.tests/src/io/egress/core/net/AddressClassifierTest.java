package io.egress.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressClassifierTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            // IPv4, with the edges of each range and the addresses just outside
            "0.0.0.0, unspecified",
            "0.0.0.1, reserved",
            "0.255.255.255, reserved",
            "1.0.0.0, public",
            "9.255.255.255, public",
            "10.0.0.0, private",
            "10.255.255.255, private",
            "11.0.0.0, public",
            "100.63.255.255, public",
            "100.64.0.0, cgnat",
            "100.127.255.255, cgnat",
            "100.128.0.0, public",
            "126.255.255.255, public",
            "127.0.0.0, loopback",
            "127.0.0.1, loopback",
            "127.255.255.255, loopback",
            "128.0.0.0, public",
            "169.253.255.255, public",
            "169.254.0.0, link-local",
            "169.254.255.255, link-local",
            "169.255.0.0, public",
            "172.15.255.255, public",
            "172.16.0.0, private",
            "172.31.255.255, private",
            "172.32.0.0, public",
            "192.0.0.0, reserved",
            "192.0.0.255, reserved",
            "192.0.2.0, documentation",
            "192.0.2.255, documentation",
            "192.0.3.0, public",
            "192.31.196.1, reserved",
            "192.52.193.1, reserved",
            "192.88.99.1, reserved",
            "192.167.255.255, public",
            "192.168.0.0, private",
            "192.168.255.255, private",
            "192.169.0.0, public",
            "192.175.48.1, reserved",
            "198.17.255.255, public",
            "198.18.0.0, benchmarking",
            "198.19.255.255, benchmarking",
            "198.20.0.0, public",
            "198.51.100.7, documentation",
            "203.0.113.255, documentation",
            "203.0.114.0, public",
            "223.255.255.255, public",
            "224.0.0.0, multicast",
            "224.0.0.251, multicast",
            "239.255.255.255, multicast",
            "240.0.0.0, reserved",
            "255.255.255.254, reserved",
            "255.255.255.255, broadcast",
            "151.101.1.69, public",
            // IPv6
            "::, unspecified",
            "::1, loopback",
            "::2, reserved",
            "::ffff:127.0.0.1, loopback",
            "::ffff:10.1.2.3, private",
            "::ffff:151.101.1.69, public",
            "::ffff:100.64.0.1, cgnat",
            "64:ff9b::192.168.1.1, private",
            "64:ff9b::8.8.8.8, public",
            "64:ff9b:1::1, private",
            "100::, reserved",
            "100::ffff:ffff:ffff:ffff, reserved",
            "2001::1, reserved",
            "2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff, reserved",
            "2001:200::, public",
            "2001:2::1, benchmarking",
            "2001:db8::, documentation",
            "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff, documentation",
            "2001:db9::, public",
            "3fff::1, documentation",
            "3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff, documentation",
            "3fff:1000::, public",
            "5f00::1, reserved",
            "2a00:1450:4001:82a::200e, public",
            "2606:4700::1111, public",
            "fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, reserved",
            "fc00::, unique-local",
            "fd12:3456:789a::1, unique-local",
            "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, unique-local",
            "fe80::, link-local",
            "febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff, link-local",
            "fec0::1, reserved",
            "ff02::1, multicast",
            "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, multicast",
            "4000::1, reserved" })
    void classifiesByIanaRegistry(String address, String expected) {
        assertEquals(expected, AddressClassifier.classOf(IpAddresses.parse(address)).id());
    }

    @ParameterizedTest
    @CsvSource({
            "10.1.2.3, 10.0.0.0/8, Private-Use (RFC 1918)",
            "100.100.100.100, 100.64.0.0/10, Shared Address Space (RFC 6598)",
            "fd00::1, fc00::/7, Unique-Local (RFC 4193)" })
    void namesTheDecidingRange(String address, String range, String name) {
        AddressClassification c = AddressClassifier.classify(IpAddresses.parse(address));
        assertEquals(range, c.range());
        assertEquals(name, c.rangeName());
    }
}
