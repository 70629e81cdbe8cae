package io.vertomic.query.parse;

import io.vertomic.edn.EdnList;
import io.vertomic.edn.Symbol;
import java.util.List;

/**
 * Tells list forms {@code (f ...)} from vectors. The EDN reader returns {@link EdnList} for lists,
 * but Java callers pass {@link List} for both, so a List whose head is a plain symbol (a function,
 * rule or clause keyword such as {@code not}) counts as a list too: no data pattern or binding
 * starts with one.
 */
final class Forms {
  private Forms() {}

  /** Whether {@code x} is a symbol that is not a variable, source, blank or ellipsis. */
  static boolean isPlainSymbol(Object x) {
    if (!(x instanceof Symbol s)) {
      return false;
    }
    String n = s.name();
    return s.namespace() != null
        || !(n.startsWith("?") || n.startsWith("$") || n.equals("_") || n.equals("..."));
  }

  /** Whether {@code x} is a source symbol such as {@code $} or {@code $a}. */
  static boolean isSrc(Object x) {
    return x instanceof Symbol s && s.namespace() == null && s.name().startsWith("$");
  }

  /** Whether {@code x} is a call form {@code (f ...)}, possibly source-prefixed. */
  static boolean isList(Object x) {
    if (x instanceof EdnList) {
      return true;
    }
    if (!(x instanceof List<?> l) || l.isEmpty()) {
      return false;
    }
    if (isPlainSymbol(l.get(0))) {
      return true;
    }
    return isSrc(l.get(0)) && l.size() > 1 && isPlainSymbol(l.get(1));
  }

  /** Whether {@code x} is a symbol with this exact name. */
  static boolean isSymbol(Object x, String name) {
    return x instanceof Symbol s && s.namespace() == null && s.name().equals(name);
  }

  /** {@code x} as a list, or an {@code incorrect} anomaly naming {@code what}. */
  static List<?> list(Object x, String code, String what) {
    if (x instanceof List<?> l) {
      return l;
    }
    throw QueryErrors.incorrect(
        code, what + " must be a list or vector, got " + QueryErrors.text(x));
  }
}
