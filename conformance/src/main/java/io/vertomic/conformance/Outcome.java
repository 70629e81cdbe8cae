package io.vertomic.conformance;

import java.util.Set;

/**
 * What one engine did with one read, normalised: an answer (its canonical text, and for a tuple or
 * scalar find spec with several candidate rows every row Datomic would accept), an error (Datomic's
 * exception, or Vertomic's anomaly with its category), a crash (Vertomic threw something other than
 * an anomaly, or an anomaly of category {@code fault}) or a timeout.
 */
public record Outcome(Status status, String canon, String detail, Set<String> acceptable) {

  /** How a read ended. */
  public enum Status {
    ANSWER,
    ERROR,
    CRASH,
    TIMEOUT
  }

  static Outcome answer(String canon, String shown) {
    return new Outcome(Status.ANSWER, canon, shown, Set.of());
  }

  static Outcome error(String detail) {
    return new Outcome(Status.ERROR, "#error", detail, Set.of());
  }

  static Outcome crash(String detail) {
    return new Outcome(Status.CRASH, "#crash", detail, Set.of());
  }

  static Outcome timeout() {
    return new Outcome(Status.TIMEOUT, "#timeout", "no answer in time", Set.of());
  }

  Outcome accepting(Set<String> rows) {
    return new Outcome(status, canon, detail, rows);
  }

  /** The answer or error for a report. */
  public String show() {
    return status == Status.ANSWER ? detail : status.name().toLowerCase() + ": " + detail;
  }
}
