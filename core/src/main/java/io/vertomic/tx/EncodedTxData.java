package io.vertomic.tx;

/**
 * Transaction data still in the form it travelled in (MessagePack off the bus, say), read when the
 * transaction is processed: on the writer's thread, not on the event loop that took the message.
 */
public interface EncodedTxData {
  /**
   * The data, as lists and maps.
   *
   * @throws io.vertomic.anomaly.Anomaly {@code incorrect} when it does not read
   */
  Object read();
}
