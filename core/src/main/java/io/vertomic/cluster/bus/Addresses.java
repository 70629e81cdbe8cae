package io.vertomic.cluster.bus;

/**
 * Event-bus addresses. A transactor takes transactions on an address of its own and epoch, so a
 * message for a transactor that has lost its lease never reaches its successor by mistake; tx
 * reports and index notices go out per database.
 */
public final class Addresses {
  private Addresses() {}

  public static String transactor(String owner, long epoch) {
    return "vertomic.transactor." + owner + "." + epoch;
  }

  /** Tx reports of database {@code dbId} (the log entry of each transaction, in t order). */
  public static String reports(String dbId) {
    return "vertomic.reports." + dbId;
  }

  /** Notices that database {@code dbId} has a new durable index. */
  public static String indexed(String dbId) {
    return "vertomic.indexed." + dbId;
  }
}
