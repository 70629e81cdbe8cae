/**
 * Internal: the implementation behind {@link io.vertomic.peer.Peer}: the catalog of databases and
 * connections per URI, mem connections, and {@link io.vertomic.peer.impl.PeerDb}, the public
 * database over a value. May use every other package of core and Vert.x core.
 */
package io.vertomic.peer.impl;
