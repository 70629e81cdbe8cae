package io.vertomic.cluster.bus;

/**
 * Event-bus addresses. Every transactor, standby or active, takes requests at an address of its
 * own, registered when it starts, so a takeover registers nothing (a cluster that has not yet
 * noticed a dead member may be slow to register); a standby refuses what it receives. Tx reports
 * and index notices go out per database.
 */
public final class Addresses {
  private Addresses() {}

  public static String transactor(String owner) {
    return "vertomic.transactor." + owner;
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
