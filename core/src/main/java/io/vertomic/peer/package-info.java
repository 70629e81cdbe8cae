/**
 * Public API of the peer library (API.md section 3): {@link io.vertomic.peer.Peer}, {@link
 * io.vertomic.peer.Connection}, {@link io.vertomic.peer.Database}, {@link
 * io.vertomic.peer.TxReport} and the values they return. Interfaces and records only. May use:
 * {@code io.vertomic.datom}, the api module, Vert.x {@code Future}; the one upward edge is {@code
 * Peer}'s static methods delegating to {@code io.vertomic.peer.impl}.
 */
package io.vertomic.peer;
