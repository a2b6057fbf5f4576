/**
 * Offline GeoIP and ASN lookups in MaxMind-format databases (GeoIP2, GeoLite2, DB-IP Lite, IPinfo Lite):
 * {@link io.egress.enrich.geo.GeoIpService} answers {@link io.egress.enrich.geo.GeoAnswer}s that record the
 * database type and build date of every field, and its {@link io.egress.enrich.geo.GeoCatalogue} lists every
 * database file found with its status for the preferences page.
 */
package io.egress.enrich.geo;
