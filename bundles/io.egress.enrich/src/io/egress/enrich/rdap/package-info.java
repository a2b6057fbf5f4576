/**
 * RDAP (registration data) for IP networks: {@link io.egress.enrich.rdap.RdapService} picks the registry from
 * the IANA bootstrap ({@link io.egress.enrich.rdap.RdapBootstrap}), uses the network only when allowed, bounds
 * hostile answers and caches them on disk.
 */
package io.egress.enrich.rdap;
