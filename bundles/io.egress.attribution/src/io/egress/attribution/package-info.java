/**
 * The socket table: which process owns which TCP/UDP socket on this machine.
 *
 * <p>Entry point: {@link io.egress.attribution.SocketTableService}. Results are the immutable
 * model types of {@code io.egress.core.socket} and {@code io.egress.core.process}. Everything
 * under {@code io.egress.attribution.internal} is implementation and may change.
 */
package io.egress.attribution;
