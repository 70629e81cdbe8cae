package io.vertomic.storage;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.edn.Keyword;

/**
 * The anomalies every backend answers with, worded once so that a failure reads the same on mem,
 * dev, sql and cass. Backends translate their driver's errors here, at the boundary.
 */
public final class StorageErrors {
  private StorageErrors() {}

  /** A lost compare-and-swap of a root. */
  public static Anomaly casFailed(String name, long expected, long actual) {
    return Anomaly.conflict(
        Storage.CAS_FAILED,
        "Root " + name + " is at revision " + actual + ", not the expected " + expected);
  }

  /** An append for a {@code t} the log already has. */
  public static Anomaly logTExists(String db, long t) {
    return Anomaly.conflict(
        Storage.LOG_T_EXISTS, "The log of database " + db + " already has an entry for t " + t);
  }

  /** Storage that could not be reached or refused the operation. */
  public static Anomaly unreachable(String storage, String operation, Throwable cause) {
    String why = cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage();
    return Anomaly.unavailable(
        "Storage " + redacted(storage) + " is unavailable (" + operation + ")" + why, cause);
  }

  /**
   * Storage that refused the operation for now because it is over its capacity (throttled), after
   * the driver's own retries: the caller may try again later.
   */
  public static Anomaly busy(String storage, String operation, Throwable cause) {
    String why = cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage();
    return new Anomaly(
        Category.BUSY,
        Keyword.of("storage/throttled"),
        "Storage " + redacted(storage) + " is over its capacity (" + operation + ")" + why,
        null,
        cause);
  }

  /** {@code storage} with the password of its {@code user:password@} part masked. */
  private static String redacted(String storage) {
    return storage.replaceAll("(://[^:/@?]+):[^@/?]*@", "$1:***@");
  }

  /** An operation on a storage instance that was closed. */
  public static Anomaly closed(String storage) {
    return Anomaly.unavailable("Storage " + redacted(storage) + " is closed", null);
  }
}
