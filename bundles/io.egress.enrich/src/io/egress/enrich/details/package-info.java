/**
 * The IP details view model ({@link io.egress.enrich.details.IpDetails}) that the editor renders and the CLI
 * prints, assembled by {@link io.egress.enrich.details.IpDetailsService}, with its JSON form in
 * {@link io.egress.enrich.details.IpDetailsJson}.
 */
package io.egress.enrich.details;
