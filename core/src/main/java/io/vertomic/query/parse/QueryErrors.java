package io.vertomic.query.parse;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.edn.Edn;

/** The {@code incorrect} anomalies of query parsing and validation, named in one place. */
public final class QueryErrors {
  private QueryErrors() {}

  /** An {@code incorrect} anomaly {@code :query.error/<code>}. */
  public static Anomaly incorrect(String code, String message) {
    return Anomaly.incorrect("query.error/" + code, message);
  }

  /** The EDN text of a form, for messages. */
  public static String text(Object form) {
    try {
      return Edn.write(form);
    } catch (RuntimeException e) {
      return String.valueOf(form);
    }
  }
}
