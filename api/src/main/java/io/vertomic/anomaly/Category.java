package io.vertomic.anomaly;

/**
 * The eight kinds of failure (API.md section 6), each with the HTTP status the peer server answers
 * with and the name used on the wire ({@code "incorrect"}, {@code "not-found"}, ...).
 */
public enum Category {
  /** Malformed input, unknown attribute, wrong value type, bad query. */
  INCORRECT("incorrect", 400),
  /** No such database, entity for a lookup ref, or route. */
  NOT_FOUND("not-found", 404),
  /** Unique value conflict, {@code :db/cas} mismatch, concurrent schema change. */
  CONFLICT("conflict", 409),
  /** Missing or wrong credentials, or a query calling a function that is not allowed. */
  FORBIDDEN("forbidden", 403),
  /** Transactor queue or peer server full: try again later. */
  BUSY("busy", 429),
  /** Transactor or storage unreachable. */
  UNAVAILABLE("unavailable", 503),
  /** A query or transaction passed its timeout. */
  INTERRUPTED("interrupted", 504),
  /** A bug: logged with a stack trace, never shown to a client. */
  FAULT("fault", 500);

  private final String wireName;
  private final int httpStatus;

  Category(String wireName, int httpStatus) {
    this.wireName = wireName;
    this.httpStatus = httpStatus;
  }

  /** The name used in JSON answers, e.g. {@code "not-found"}. */
  public String wireName() {
    return wireName;
  }

  /** The HTTP status the peer server answers with. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Whether retrying the same request later may succeed. */
  public boolean retryable() {
    return this == BUSY || this == UNAVAILABLE || this == INTERRUPTED;
  }

  /** The category named {@code wireName}, or {@link #FAULT} for an unknown name. */
  public static Category fromWireName(String wireName) {
    for (Category c : values()) {
      if (c.wireName.equals(wireName)) {
        return c;
      }
    }
    return FAULT;
  }
}
