package io.egress.fuzz.targets;

import java.util.List;

/** Small RDAP "ip network" answers in the shapes the registries send (written for the fuzzer). */
final class RdapSeedDocuments {
    private RdapSeedDocuments() {
    }

    static List<String> all() {
        return List.of(arinLike(), ripeLike(), apnicLike(), ipv6Range());
    }

    private static String arinLike() {
        return """
                {"objectClassName":"ip network","handle":"NET-192-0-2-0-1","name":"EXAMPLE-NET","type":"DIRECT ALLOCATION",
                 "startAddress":"192.0.2.0","endAddress":"192.0.2.255","ipVersion":"v4","parentHandle":"NET-192-0-0-0-0",
                 "cidr0_cidrs":[{"v4prefix":"192.0.2.0","length":24}],
                 "events":[{"eventAction":"registration","eventDate":"2001-02-03T04:05:06-05:00"},
                           {"eventAction":"last changed","eventDate":"2020-01-01T00:00:00Z"}],
                 "entities":[{"objectClassName":"entity","handle":"EX-1","roles":["registrant"],
                   "vcardArray":["vcard",[["version",{},"text","4.0"],["fn",{},"text","Example Org"],["kind",{},"text","org"]]],
                   "entities":[{"objectClassName":"entity","roles":["abuse"],
                     "vcardArray":["vcard",[["version",{},"text","4.0"],["email",{},"text","abuse@example.net"]]]}]}]}
                """;
    }

    private static String ripeLike() {
        return """
                {"objectClassName":"ip network","handle":"81.2.69.0 - 81.2.69.255","startAddress":"81.2.69.0",
                 "endAddress":"81.2.69.255","name":"EXAMPLE-RIPE","type":"ASSIGNED PA","country":"gb",
                 "entities":[{"roles":["registrant"],"vcardArray":["vcard",[["version",{},"text","4.0"],
                   ["org",{},"text",["Example Ltd","Dept"]],["adr",{"label":"1 Street\\nTown"},"text",["","","","","","",""]]]]},
                   {"roles":["abuse"],"vcardArray":["vcard",[["email",{"type":"abuse"},"text","abuse@example.org"]]]}],
                 "remarks":[{"description":["line one","line \\u00e9 two"]}],
                 "events":[{"eventAction":"last changed","eventDate":"2019-05-06T07:08:09Z"}]}
                """;
    }

    private static String apnicLike() {
        return """
                {"objectClassName":"ip network","handle":"1.1.1.0 - 1.1.1.255","startAddress":"1.1.1.0","endAddress":"1.1.1.255",
                 "name":"APNIC-LABS","country":"AU","type":"ASSIGNED PORTABLE",
                 "remarks":[{"title":"description","description":["APNIC and Cloudflare DNS Resolver project"]}],
                 "entities":[{"roles":["technical"],"handle":"AA1-AP"}],"events":[]}
                """;
    }

    private static String ipv6Range() {
        return """
                {"objectClassName":"ip network","handle":"2001:db8::/33","startAddress":"2001:db8::",
                 "endAddress":"2001:db8:7fff:ffff:ffff:ffff:ffff:ffff","ipVersion":"v6","name":"V6-EXAMPLE",
                 "entities":[{"roles":["registrant"],"vcardArray":["vcard",[["fn",{},"text","V6 Org"]]]}]}
                """;
    }
}
