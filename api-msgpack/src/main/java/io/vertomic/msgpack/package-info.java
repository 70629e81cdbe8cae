/**
 * The MessagePack value encoding of the HTTP API ({@link io.vertomic.msgpack.MsgpackValues}):
 * public, shared by the peer server and the client SDK so the two ends cannot drift apart.
 */
package io.vertomic.msgpack;
