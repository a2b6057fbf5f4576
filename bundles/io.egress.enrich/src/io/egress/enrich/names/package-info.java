/**
 * Names of addresses with their source: {@link io.egress.enrich.names.NameBook} collects names seen in the
 * capture (DNS answers, TLS SNI, HTTP Host); {@link io.egress.enrich.names.ReverseDnsService} adds PTR names
 * when the analyst enables reverse DNS (off by default).
 */
package io.egress.enrich.names;
