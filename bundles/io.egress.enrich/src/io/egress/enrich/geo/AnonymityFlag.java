package io.egress.enrich.geo;

/** The flags of the Anonymous-IP database; the id is the database's own field name. */
public enum AnonymityFlag {
    ANONYMOUS("is_anonymous"),
    ANONYMOUS_VPN("is_anonymous_vpn"),
    HOSTING_PROVIDER("is_hosting_provider"),
    PUBLIC_PROXY("is_public_proxy"),
    RESIDENTIAL_PROXY("is_residential_proxy"),
    TOR_EXIT_NODE("is_tor_exit_node");

    private final String id;

    AnonymityFlag(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
