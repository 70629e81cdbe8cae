package io.vertomic.schema;

import io.vertomic.edn.Keyword;

/**
 * The uniqueness of an attribute: none, {@code :db.unique/value} or {@code :db.unique/identity}.
 */
public enum Unique {
  NONE(null),
  VALUE(Keyword.of("db.unique/value")),
  IDENTITY(Keyword.of("db.unique/identity"));

  private final Keyword ident;

  Unique(Keyword ident) {
    this.ident = ident;
  }

  /** The ident, or null for {@link #NONE}. */
  public Keyword ident() {
    return ident;
  }

  /** The uniqueness named by {@code ident}, or null when it names none. */
  public static Unique of(Keyword ident) {
    if (ident == VALUE.ident) {
      return VALUE;
    }
    return ident == IDENTITY.ident ? IDENTITY : null;
  }
}
