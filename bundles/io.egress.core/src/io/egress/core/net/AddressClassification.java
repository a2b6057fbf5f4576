package io.egress.core.net;

/**
 * The class of one address and the special-purpose range that decided it.
 *
 * @param addressClass the class
 * @param range the CIDR of the deciding range, or {@code null} for public addresses
 * @param rangeName the registry's name for that range (e.g. "Private-Use", "Shared Address Space")
 */
public record AddressClassification(AddressClass addressClass, String range, String rangeName) {
}
