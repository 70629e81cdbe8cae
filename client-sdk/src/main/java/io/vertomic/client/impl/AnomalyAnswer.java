package io.vertomic.client.impl;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.edn.Keyword;
import java.util.Map;

/**
 * Turns a failure answer of the peer server into an {@link Anomaly}, the one place the SDK does so
 * (for whole answers and for the last map of a chunk stream). An answer {@code {"anomaly": "busy",
 * "message": "...", "code": ":db.error/..."}} gives its category ({@link Category#fromWireName}),
 * message and code; the code may be a string (JSON) or a keyword (MessagePack). An answer without
 * an {@code anomaly} field (a proxy's error page, a body limit) gets the category of its HTTP
 * status and a message naming the status and the request.
 */
final class AnomalyAnswer {
  private static final int MAX_TEXT = 200;

  private AnomalyAnswer() {}

  /** Whether {@code body} is an anomaly map. */
  static boolean isAnomaly(Object body) {
    return body instanceof Map<?, ?> m && m.get("anomaly") != null;
  }

  /** The anomaly of an answer with HTTP {@code status} and decoded {@code body} to {@code what}. */
  static Anomaly of(int status, Object body, String what) {
    if (isAnomaly(body)) {
      return fromMap((Map<?, ?>) body);
    }
    String text = String.valueOf(body);
    if (text.length() > MAX_TEXT) {
      text = text.substring(0, MAX_TEXT) + "...";
    }
    return new Anomaly(
        categoryOfStatus(status),
        null,
        "HTTP " + status + " without an anomaly answering " + what + ": " + text,
        null);
  }

  /** The anomaly an {@code {"anomaly": ..., "message": ...}} map describes. */
  static Anomaly fromMap(Map<?, ?> m) {
    Object name = m.get("anomaly");
    Category category =
        Category.fromWireName(name instanceof Keyword k ? k.name() : name.toString());
    Object message = m.get("message");
    return new Anomaly(
        category, code(m.get("code")), message == null ? "(no message)" : message.toString(), null);
  }

  private static Keyword code(Object code) {
    if (code instanceof Keyword k) {
      return k;
    }
    if (code instanceof String s && !s.isBlank() && !s.equals(":")) {
      return Keyword.of(s);
    }
    return null;
  }

  /** The category the peer server answers with {@code status} (API.md section 6). */
  static Category categoryOfStatus(int status) {
    return switch (status) {
      case 400, 405, 413, 414, 415, 422 -> Category.INCORRECT;
      case 401, 403 -> Category.FORBIDDEN;
      case 404 -> Category.NOT_FOUND;
      case 409 -> Category.CONFLICT;
      case 429 -> Category.BUSY;
      case 502, 503 -> Category.UNAVAILABLE;
      case 408, 504 -> Category.INTERRUPTED;
      default -> Category.FAULT;
    };
  }
}
