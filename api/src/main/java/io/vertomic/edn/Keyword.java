package io.vertomic.edn;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An EDN keyword such as {@code :person/name} or {@code :male}. Keywords are interned: two keywords
 * with the same namespace and name are the same object, so {@code ==} and {@link #equals} agree and
 * hashing is cheap. Thread-safe.
 *
 * <pre>{@code Keyword.of("person/name").namespace() // => "person"}</pre>
 */
public final class Keyword implements Comparable<Keyword> {
  private static final ConcurrentHashMap<String, Keyword> INTERNED = new ConcurrentHashMap<>();

  private final String namespace;
  private final String name;
  private final String text;
  private final int hash;

  private Keyword(String namespace, String name, String text) {
    this.namespace = namespace;
    this.name = name;
    this.text = text;
    this.hash = text.hashCode() * 31 + 7;
  }

  /**
   * The keyword written {@code :text}; {@code text} is {@code "ns/name"} or {@code "name"} and may
   * start with the colon.
   */
  public static Keyword of(String text) {
    Objects.requireNonNull(text, "text");
    String body = text.startsWith(":") ? text.substring(1) : text;
    Keyword k = INTERNED.get(body);
    return k != null ? k : INTERNED.computeIfAbsent(body, Keyword::create);
  }

  /** The keyword {@code :namespace/name}; a null namespace gives {@code :name}. */
  public static Keyword of(String namespace, String name) {
    Objects.requireNonNull(name, "name");
    return of(namespace == null ? name : namespace + "/" + name);
  }

  private static Keyword create(String body) {
    if (body.isEmpty()) {
      throw new IllegalArgumentException("a keyword needs a name");
    }
    int slash = body.indexOf('/');
    if (slash > 0 && slash < body.length() - 1) {
      return new Keyword(body.substring(0, slash), body.substring(slash + 1), body);
    }
    return new Keyword(null, body, body);
  }

  /** The namespace, or null when the keyword has none. */
  public String namespace() {
    return namespace;
  }

  /** The name, after the slash when there is a namespace. */
  public String name() {
    return name;
  }

  /** {@code "ns/name"} without the leading colon. */
  public String text() {
    return text;
  }

  @Override
  public int compareTo(Keyword o) {
    if (this == o) {
      return 0;
    }
    int c = compareNullable(namespace, o.namespace);
    return c != 0 ? c : name.compareTo(o.name);
  }

  private static int compareNullable(String a, String b) {
    if (a == null) {
      return b == null ? 0 : -1;
    }
    return b == null ? 1 : a.compareTo(b);
  }

  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return ":" + text;
  }
}
