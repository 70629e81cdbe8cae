/**
 * Internal: the transaction log ({@link io.vertomic.log.TxLog}). In memory today; the durable
 * storage issue keeps it in storage. May use: {@code io.vertomic.peer} (records), {@code
 * io.vertomic.datom}.
 */
package io.vertomic.log;
