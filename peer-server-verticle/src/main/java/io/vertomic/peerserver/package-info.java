/**
 * The peer server (API.md section 5): a verticle that hosts peer connections for remote clients and
 * serves them over HTTP, JSON for any language and MessagePack for the Java SDK, with chunk
 * streams, access keys, capacity limits, health and Prometheus metrics. Internal but for {@link
 * io.vertomic.peerserver.PeerServerMain} and {@link io.vertomic.peerserver.PeerServerVerticle}.
 */
package io.vertomic.peerserver;
