package io.vertomic.edn;

import java.util.Objects;

/**
 * An EDN symbol such as {@code ?e}, {@code _}, {@code count} or {@code clojure.string/upper-case}.
 * Immutable value; equal when the text is equal.
 */
public record Symbol(String namespace, String name) implements Comparable<Symbol> {

  public Symbol {
    Objects.requireNonNull(name, "name");
  }

  /** The symbol written {@code text} ({@code "ns/name"} or {@code "name"}). */
  public static Symbol of(String text) {
    Objects.requireNonNull(text, "text");
    int slash = text.indexOf('/');
    if (slash > 0 && slash < text.length() - 1) {
      return new Symbol(text.substring(0, slash), text.substring(slash + 1));
    }
    return new Symbol(null, text);
  }

  /** {@code "ns/name"} or {@code "name"}. */
  public String text() {
    return namespace == null ? name : namespace + "/" + name;
  }

  @Override
  public int compareTo(Symbol o) {
    return text().compareTo(o.text());
  }

  @Override
  public String toString() {
    return text();
  }
}
