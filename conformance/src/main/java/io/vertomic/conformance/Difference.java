package io.vertomic.conformance;

/**
 * A read (or a transaction) on which the engines differ: what each did, and the category of the
 * difference ({@code query/answer}, {@code pull/vertomic-throws}, {@code transact/datomic-rejects}
 * ...: the read's kind, then which side differs).
 */
public record Difference(
    long seed,
    long caseIndex,
    History history,
    Read read,
    Outcome datomic,
    Outcome vertomic,
    String category) {

  /** The category of the outcomes of {@code read}, or null when the engines agree. */
  static String category(String kind, Outcome d, Outcome v) {
    String what;
    if (d.status() == Outcome.Status.TIMEOUT) {
      return null;
    }
    switch (v.status()) {
      case CRASH:
        what = "vertomic-crash";
        break;
      case TIMEOUT:
        what = "vertomic-timeout";
        break;
      case ERROR:
        what = d.status() == Outcome.Status.ERROR ? null : "vertomic-throws";
        break;
      default:
        if (d.status() == Outcome.Status.ERROR) {
          what =
              d.detail().startsWith(DatomicSession.INTERNAL)
                  ? "datomic-internal-error"
                  : "datomic-throws";
        } else if (d.canon().equals(v.canon()) || d.acceptable().contains(v.canon())) {
          what = null;
        } else {
          what = "answer";
        }
    }
    return what == null ? null : kind + "/" + what;
  }
}
