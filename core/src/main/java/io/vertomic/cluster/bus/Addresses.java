package io.vertomic.cluster.bus;

/**
 * Event-bus addresses. Every transactor, standby or active, takes requests at an address of its
 * own, registered when it starts, so a takeover registers nothing (a cluster that has not yet
 * noticed a dead member may be slow to register); a standby refuses what it receives. Next to its
 * transaction address it takes the requests a peer makes of the writer of a database (index, gc)
 * and of the storage's catalog (rename). Tx reports, index and rename notices go out per database.
 */
public final class Addresses {
  private Addresses() {}

  public static String transactor(String owner) {
    return "vertomic.transactor." + owner;
  }

  /** Index requests to the transactor at {@code transactor}: {@code {"db": NAME, "id": ID}}. */
  public static String index(String transactor) {
    return transactor + ".index";
  }

  /**
   * Storage garbage collection requests to the transactor at {@code transactor}: {@code {"db":
   * NAME, "id": ID, "olderThan": MILLIS}}, answered {@code {"deleted": N}}.
   */
  public static String gc(String transactor) {
    return transactor + ".gc";
  }

  /**
   * Rename requests to the transactor at {@code transactor}: {@code {"db": NAME, "to": NEW}},
   * answered {@code {"renamed": true}}.
   */
  public static String rename(String transactor) {
    return transactor + ".rename";
  }

  /** Tx reports of database {@code dbId} (the log entry of each transaction, in t order). */
  public static String reports(String dbId) {
    return "vertomic.reports." + dbId;
  }

  /** Notices that database {@code dbId} has a new durable index. */
  public static String indexed(String dbId) {
    return "vertomic.indexed." + dbId;
  }

  /** Notices that database {@code dbId} is now named {@code {"name": NEW}}. */
  public static String renamed(String dbId) {
    return "vertomic.renamed." + dbId;
  }
}
