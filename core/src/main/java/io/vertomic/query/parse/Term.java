package io.vertomic.query.parse;

import io.vertomic.edn.Symbol;

/**
 * One position of a clause: a logic variable ({@code ?e}), a constant ({@code :person/name}, {@code
 * 42}, a lookup ref), a source ({@code $}, {@code $hist}) or the blank {@code _}.
 */
public sealed interface Term permits Term.Var, Term.Constant, Term.SrcVar, Term.Blank {

  /** A logic variable such as {@code ?e}. */
  record Var(Symbol symbol) implements Term {
    @Override
    public String toString() {
      return symbol.text();
    }
  }

  /** A constant value, exactly as written (idents and lookup refs resolve at run time). */
  record Constant(Object value) implements Term {}

  /** A database source such as {@code $} or {@code $a}. */
  record SrcVar(Symbol symbol) implements Term {
    /** The default source {@code $}. */
    public static final SrcVar DEFAULT = new SrcVar(Symbol.of("$"));

    @Override
    public String toString() {
      return symbol.text();
    }
  }

  /** The placeholder {@code _}: matches anything, binds nothing. */
  record Blank() implements Term {}

  /** The term {@code x} denotes (a symbol's kind is told by its first character). */
  static Term of(Object x) {
    if (x instanceof Symbol s && s.namespace() == null) {
      String n = s.name();
      if (n.equals("_")) {
        return new Blank();
      }
      if (n.startsWith("?")) {
        return new Var(s);
      }
      if (n.startsWith("$")) {
        return new SrcVar(s);
      }
    }
    return new Constant(x);
  }
}
