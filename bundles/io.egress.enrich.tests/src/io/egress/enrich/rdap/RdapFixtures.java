package io.egress.enrich.rdap;

/**
 * RDAP answers shaped like those of the five registries (structure as in RFC 9083 and each registry's habits;
 * the names, handles and contacts are invented).
 */
final class RdapFixtures {
    private RdapFixtures() {
    }

    /** ARIN: registrant entity with the abuse contact nested inside, cidr0 extension, events. */
    static final String ARIN = """
            {"rdapConformance":["nro_rdap_profile_0","rdap_level_0","cidr0","arin_originas0"],
             "objectClassName":"ip network","handle":"NET-24-199-96-0-1","name":"EXAMPLE-HOSTING-24-199-96-0",
             "type":"DIRECT ALLOCATION","parentHandle":"NET-24-0-0-0-0","ipVersion":"v4",
             "startAddress":"24.199.96.0","endAddress":"24.199.127.255",
             "cidr0_cidrs":[{"v4prefix":"24.199.96.0","length":19}],
             "events":[{"eventAction":"last changed","eventDate":"2022-08-09T15:19:49-04:00"},
                       {"eventAction":"registration","eventDate":"2022-08-09T15:19:49-04:00"}],
             "entities":[{"objectClassName":"entity","handle":"EH-123","roles":["registrant"],
               "vcardArray":["vcard",[["version",{},"text","4.0"],["fn",{},"text","Example Hosting, LLC"],
                 ["adr",{"label":"1 Example Street\\nNew York\\nNY\\n10001\\nUnited States"},"text",["","","","","","",""]],["kind",{},"text","org"]]],
               "entities":[{"objectClassName":"entity","handle":"ABUSE5250-ARIN","roles":["abuse"],
                 "vcardArray":["vcard",[["version",{},"text","4.0"],["fn",{},"text","Abuse"],["org",{},"text","Abuse"],["kind",{},"text","group"],
                   ["email",{},"text","abuse@hosting.example"],["tel",{"type":["work","voice"]},"text","+1-555-0100"]]]}]}],
             "port43":"whois.arin.net","status":["active"]}
            """;

    /** RIPE NCC: abuse entity at the top, registrant organisation entity, no cidr0 (range only), country. */
    static final String RIPE = """
            {"objectClassName":"ip network","handle":"81.2.69.0 - 81.2.69.255","startAddress":"81.2.69.0","endAddress":"81.2.69.255",
             "ipVersion":"v4","name":"EXAMPLE-GB-NET","type":"ASSIGNED PA","country":"gb","parentHandle":"81.2.0.0 - 81.2.127.255",
             "entities":[{"handle":"EX1-RIPE","vcardArray":["vcard",[["version",{},"text","4.0"],["fn",{},"text","Example Abuse Team"],
                 ["kind",{},"text","group"],["email",{"type":"abuse"},"text","abuse@example.co.uk"]]],"roles":["abuse"],"objectClassName":"entity"},
               {"handle":"ORG-EL1-RIPE","vcardArray":["vcard",[["version",{},"text","4.0"],["fn",{},"text","Example Ltd"],["kind",{},"text","org"]]],
                 "roles":["registrant"],"objectClassName":"entity"},
               {"handle":"EX2-RIPE","roles":["administrative","technical"],"objectClassName":"entity"}],
             "remarks":[{"description":["Example customer network"]}],
             "events":[{"eventAction":"registration","eventDate":"2004-06-03T10:00:00Z"},{"eventAction":"last changed","eventDate":"2021-11-02T08:41:12Z"}],
             "rdapConformance":["cidr0","rdap_level_0","nro_rdap_profile_0","redacted"],"port43":"whois.ripe.net"}
            """;

    /** APNIC: no registrant entity; the description remark names the holder; IRT abuse contact. */
    static final String APNIC = """
            {"handle":"1.1.1.0 - 1.1.1.255","startAddress":"1.1.1.0","endAddress":"1.1.1.255","ipVersion":"v4","name":"EXAMPLE-LABS",
             "type":"ASSIGNED PORTABLE","country":"AU","parentHandle":"1.1.0.0 - 1.1.255.255","objectClassName":"ip network",
             "remarks":[{"title":"description","description":["Example Research Lab","Prefix used for research"]}],
             "entities":[{"handle":"IRT-EXAMPLE-AU","vcardArray":["vcard",[["version",{},"text","4.0"],["fn",{},"text","IRT-EXAMPLE-AU"],
                 ["kind",{},"text","group"],["email",{"pref":"1"},"text","helpdesk@lab.example"]]],"roles":["abuse"],"objectClassName":"entity"},
               {"handle":"AR302-AP","roles":["administrative","technical"],"objectClassName":"entity"}],
             "events":[{"eventAction":"registration","eventDate":"2011-08-10T23:12:35Z"},{"eventAction":"last changed","eventDate":"2023-04-26T22:57:58Z"}],
             "cidr0_cidrs":[{"v4prefix":"1.1.1.0","length":24}],"rdapConformance":["history_version_0","nro_rdap_profile_0","cidr0","rdap_level_0"],
             "port43":"whois.apnic.net"}
            """;

    /** LACNIC: registrant entity with an org vCard, abuse nested in it. */
    static final String LACNIC = """
            {"rdapConformance":["rdap_level_0","cidr0","nro_rdap_profile_0"],"objectClassName":"ip network","handle":"200.7.84.0/23",
             "startAddress":"200.7.84.0","endAddress":"200.7.85.255","ipVersion":"v4","name":"EXAMPLE-CL","type":"ASSIGNED PA","country":"CL",
             "cidr0_cidrs":[{"v4prefix":"200.7.84.0","length":23}],
             "entities":[{"objectClassName":"entity","handle":"CL-EXMP-LACNIC","roles":["registrant"],
               "vcardArray":["vcard",[["version",{},"text","4.0"],["fn",{},"text","Example Chile S.A."],["org",{},"text","Example Chile S.A."],
                 ["kind",{},"text","org"]]],
               "entities":[{"objectClassName":"entity","handle":"EXA2","roles":["abuse","technical"],
                 "vcardArray":["vcard",[["version",{},"text","4.0"],["fn",{},"text","Example NOC"],["email",{},"text","noc@example.cl"]]]}]}],
             "events":[{"eventAction":"registration","eventDate":"2009-05-11T00:00:00Z"},{"eventAction":"last changed","eventDate":"2019-02-27T14:20:03Z"}],
             "port43":"whois.lacnic.net"}
            """;

    /** AFRINIC: RIPE-like, with an org registrant entity and a top-level abuse entity. */
    static final String AFRINIC = """
            {"rdapConformance":["rdap_level_0"],"objectClassName":"ip network","handle":"41.0.0.0 - 41.0.255.255",
             "startAddress":"41.0.0.0","endAddress":"41.0.255.255","ipVersion":"v4","name":"EXAMPLE-ZA-NET","type":"ALLOCATED PA","country":"ZA",
             "entities":[{"objectClassName":"entity","handle":"ORG-EZ1-AFRINIC","roles":["registrant"],
                 "vcardArray":["vcard",[["version",{},"text","4.0"],["fn",{},"text","Example South Africa (Pty) Ltd"],["kind",{},"text","org"]]]},
               {"objectClassName":"entity","handle":"AB1-AFRINIC","roles":["abuse"],
                 "vcardArray":["vcard",[["version",{},"text","4.0"],["fn",{},"text","Abuse desk"],["email",{},"text","abuse@example.co.za"]]]}],
             "events":[{"eventAction":"registration","eventDate":"2007-10-23T12:00:00Z"},{"eventAction":"last changed","eventDate":"2020-01-14T09:30:00Z"}],
             "port43":"whois.afrinic.net"}
            """;

    /** ARIN IPv6, with a v6 cidr0 entry. */
    static final String ARIN_V6 = """
            {"objectClassName":"ip network","handle":"NET6-2600-1F00-1","name":"EXAMPLE-CLOUD-V6","ipVersion":"v6",
             "startAddress":"2600:1f00::","endAddress":"2600:1fff:ffff:ffff:ffff:ffff:ffff:ffff",
             "cidr0_cidrs":[{"v6prefix":"2600:1f00::","length":24}],
             "entities":[{"objectClassName":"entity","handle":"EC-1","roles":["registrant"],
               "vcardArray":["vcard",[["version",{},"text","4.0"],["fn",{},"text","Example Cloud, Inc."]]]}]}
            """;

    /** Markup and terminal escapes in fields: kept as text, controls stripped. */
    static final String HOSTILE = """
            {"objectClassName":"ip network","handle":"NET-HOSTILE","name":"<script>alert('x')</script>\\u001b[31mRED\\u0000\\u202eevil",
             "startAddress":"5.5.5.0","endAddress":"5.5.5.255","country":"<b>NL</b>",
             "entities":[{"roles":["registrant"],"vcardArray":["vcard",[["fn",{},"text","<img src=x onerror=alert(1)>\\r\\nInjected: header"]]]}]}
            """;
}
