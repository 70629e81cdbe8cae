package io.vertomic.anomaly;

import io.vertomic.edn.Keyword;
import java.util.Map;
import java.util.Objects;

/**
 * The one failure type of Vertomic: a {@link Category}, a code such as {@code
 * :db.error/unique-conflict}, a message that names the bad input and where it is, and optional
 * data. Expected failures carry no stack trace (they are answers, not bugs); {@link Category#FAULT}
 * keeps one so it can be logged.
 *
 * <pre>{@code
 * try { conn.transact(tx).await(); }
 * catch (Anomaly a) { if (a.category() == Category.CONFLICT) ... }
 * }</pre>
 */
public final class Anomaly extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Category category;
  private final Keyword code;
  private final transient Map<Keyword, Object> data;

  public Anomaly(Category category, Keyword code, String message, Map<Keyword, Object> data) {
    this(category, code, message, data, null);
  }

  public Anomaly(
      Category category, Keyword code, String message, Map<Keyword, Object> data, Throwable cause) {
    super(message, cause, false, category == Category.FAULT);
    this.category = Objects.requireNonNull(category, "category");
    this.code = code;
    this.data = data == null ? Map.of() : Map.copyOf(data);
  }

  /** An {@link Category#INCORRECT} anomaly with the given code. */
  public static Anomaly incorrect(String code, String message) {
    return new Anomaly(Category.INCORRECT, Keyword.of(code), message, null);
  }

  /** A {@link Category#NOT_FOUND} anomaly with the given code. */
  public static Anomaly notFound(String code, String message) {
    return new Anomaly(Category.NOT_FOUND, Keyword.of(code), message, null);
  }

  /** A {@link Category#CONFLICT} anomaly with the given code. */
  public static Anomaly conflict(String code, String message) {
    return new Anomaly(Category.CONFLICT, Keyword.of(code), message, null);
  }

  /** A {@link Category#FORBIDDEN} anomaly with the given code. */
  public static Anomaly forbidden(String code, String message) {
    return new Anomaly(Category.FORBIDDEN, Keyword.of(code), message, null);
  }

  /** A {@link Category#UNAVAILABLE} anomaly wrapping its cause. */
  public static Anomaly unavailable(String message, Throwable cause) {
    return new Anomaly(
        Category.UNAVAILABLE, Keyword.of("vertomic.error/unavailable"), message, null, cause);
  }

  /** A {@link Category#FAULT} anomaly: a bug, with its stack trace. */
  public static Anomaly fault(String message, Throwable cause) {
    return new Anomaly(Category.FAULT, Keyword.of("vertomic.error/fault"), message, null, cause);
  }

  public Category category() {
    return category;
  }

  /** A keyword naming the precise error, e.g. {@code :db.error/unique-conflict}; may be null. */
  public Keyword code() {
    return code;
  }

  /** Extra facts about the failure, never null. */
  public Map<Keyword, Object> data() {
    return data;
  }

  @Override
  public String toString() {
    return "Anomaly["
        + category.wireName()
        + (code == null ? "" : " " + code)
        + "]: "
        + getMessage();
  }
}
