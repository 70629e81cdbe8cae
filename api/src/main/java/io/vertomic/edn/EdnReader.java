package io.vertomic.edn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The EDN parser: the structure (collections, {@code #} dispatch, discard) on top of the atoms read
 * by {@link EdnScanner}. Single pass over the input, no regular expressions. Collections come out
 * immutable: lists as {@link EdnList}, vectors as unmodifiable {@link ArrayList}s, maps and sets
 * insertion-ordered. Not thread-safe: one reader per string.
 */
final class EdnReader extends EdnScanner {
  /**
   * Deeper nesting is refused rather than risking a {@link StackOverflowError}; should the caller's
   * stack still run out first, that too is reported as malformed input.
   */
  static final int MAX_DEPTH = 512;

  private static final Object EOF = new Object();
  private static final Object CLOSE = new Object();

  private int depth;
  private int lastStart;

  EdnReader(String text) {
    super(text);
  }

  /** Exactly one value, with only whitespace, comments and discarded forms around it. */
  Object readOne() {
    try {
      return readOneValue();
    } catch (StackOverflowError e) {
      throw error(pos, "nesting too deep for the stack");
    }
  }

  private Object readOneValue() {
    Object v = next((char) 0, null);
    if (v == EOF) {
      throw error(pos, "empty input: expected one EDN value");
    }
    if (next((char) 0, null) != EOF) {
      throw error(lastStart, "unexpected second value after the first one");
    }
    return v;
  }

  /** Every value up to the end of the input, in order. */
  List<Object> readAll() {
    List<Object> out = new ArrayList<>();
    try {
      for (Object v = next((char) 0, null); v != EOF; v = next((char) 0, null)) {
        out.add(v);
      }
    } catch (StackOverflowError e) {
      throw error(pos, "nesting too deep for the stack");
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The next value; {@code CLOSE} when {@code closer} comes first, {@code EOF} at the end. With
   * {@code need} set a value is required (after a tag or {@code #_}) and its absence is an error.
   */
  private Object next(char closer, String need) {
    if (++depth > MAX_DEPTH) {
      throw error(pos, "nesting deeper than " + MAX_DEPTH + " levels");
    }
    for (; ; ) {
      skipSpace();
      if (pos >= len) {
        if (need != null) {
          throw error(pos, "expected a value after " + need + " but the input ended");
        }
        depth--;
        return EOF;
      }
      char c = s.charAt(pos);
      if (c == ')' || c == ']' || c == '}') {
        if (need != null) {
          throw error(pos, "expected a value after " + need + " but found '" + c + "'");
        }
        if (c == closer) {
          pos++;
          depth--;
          return CLOSE;
        }
        String expected = closer == 0 ? "unmatched '" : "expected '" + closer + "' but found '";
        throw error(pos, expected + c + "'");
      }
      if (c == '#' && pos + 1 < len && s.charAt(pos + 1) == '_') {
        pos += 2;
        next((char) 0, "#_");
        continue;
      }
      int start = pos;
      Object v = value(c);
      lastStart = start;
      depth--;
      return v;
    }
  }

  private Object value(char c) {
    switch (c) {
      case '"':
        return string();
      case '(':
        return new EdnList(sequence(')', "list").toArray());
      case '[':
        return Collections.unmodifiableList(sequence(']', "vector"));
      case '{':
        return map(pos, null);
      case '#':
        return dispatch();
      case ':':
        return keyword();
      case '\\':
        return character();
      default:
        if (EdnTokens.isDigit(c)
            || ((c == '+' || c == '-') && pos + 1 < len && EdnTokens.isDigit(s.charAt(pos + 1)))) {
          return number();
        }
        return symbol();
    }
  }

  private List<Object> sequence(char closer, String kind) {
    int open = pos++;
    List<Object> out = new ArrayList<>();
    for (Object v = next(closer, null); v != CLOSE; v = next(closer, null)) {
      if (v == EOF) {
        throw unclosed(open, kind, closer);
      }
      out.add(v);
    }
    return out;
  }

  private Map<Object, Object> map(int open, String namespace) {
    pos++;
    Map<Object, Object> out = new LinkedHashMap<>();
    for (Object k = next('}', null); k != CLOSE; k = next('}', null)) {
      int keyAt = lastStart;
      Object v = k == EOF ? EOF : next('}', null);
      if (v == EOF) {
        throw unclosed(open, "map", '}');
      }
      if (v == CLOSE) {
        throw error(keyAt, "map key " + excerpt(k) + " has no value (odd number of forms in map)");
      }
      if (namespace != null) {
        k = qualify(k, namespace);
      }
      int size = out.size();
      out.put(k, v);
      if (out.size() == size) {
        throw error(keyAt, "duplicate key " + excerpt(k) + " in map");
      }
    }
    return Collections.unmodifiableMap(out);
  }

  private Set<Object> set() {
    int open = pos;
    pos += 2;
    Set<Object> out = new LinkedHashSet<>();
    for (Object v = next('}', null); v != CLOSE; v = next('}', null)) {
      if (v == EOF) {
        throw unclosed(open, "set", '}');
      }
      if (!out.add(v)) {
        throw error(lastStart, "duplicate element " + excerpt(v) + " in set");
      }
    }
    return Collections.unmodifiableSet(out);
  }

  private Object dispatch() {
    int at = pos;
    if (pos + 1 >= len) {
      throw error(at, "'#' at the end of the input");
    }
    char d = s.charAt(pos + 1);
    if (d == '{') {
      return set();
    }
    if (d == '#') {
      return symbolicValue(at);
    }
    if (d == ':') {
      return namespacedMap(at);
    }
    if ((d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z')) {
      return tagged(at);
    }
    throw error(at, "unknown dispatch: '#' followed by " + EdnTokens.describe(d));
  }

  private Double symbolicValue(int at) {
    pos += 2;
    String tok = token();
    switch (tok) {
      case "Inf":
        return Double.POSITIVE_INFINITY;
      case "-Inf":
        return Double.NEGATIVE_INFINITY;
      case "NaN":
        return Double.NaN;
      default:
        throw error(at, "unknown symbolic value '##" + tok + "'");
    }
  }

  private Object tagged(int at) {
    pos++;
    String tok = token();
    String problem = EdnTokens.nameProblem(tok, false);
    if (problem != null) {
      throw error(at, "invalid tag '#" + tok + "': " + problem);
    }
    Object v = next((char) 0, "#" + tok);
    try {
      return EdnTags.read(Symbol.of(tok), v);
    } catch (IllegalArgumentException e) {
      throw error(at, "invalid #" + tok + " " + excerpt(v) + ": " + e.getMessage());
    }
  }

  /** {@code #:ns{:a 1, :_/b 2, :x/c 3}} reads as {@code {:ns/a 1, :b 2, :x/c 3}}. */
  private Map<Object, Object> namespacedMap(int at) {
    pos += 2;
    String ns = token();
    if (ns.startsWith(":")) {
      throw error(at, "auto-resolved namespaced map '#::' is not EDN");
    }
    String problem = ns.isEmpty() ? "missing namespace" : EdnTokens.nameProblem(ns, true);
    if (problem == null && ns.indexOf('/') >= 0) {
      problem = "a namespace cannot contain '/'";
    }
    if (problem != null) {
      throw error(at, "invalid namespaced map '#:" + ns + "': " + problem);
    }
    skipSpace();
    if (pos >= len || s.charAt(pos) != '{') {
      throw error(at, "expected '{' after '#:" + ns + "'");
    }
    return map(pos, ns);
  }

  private static Object qualify(Object key, String ns) {
    if (key instanceof Keyword k && (k.namespace() == null || k.namespace().equals("_"))) {
      return k.namespace() == null ? Keyword.of(ns, k.name()) : Keyword.of(k.name());
    }
    if (key instanceof Symbol sym && (sym.namespace() == null || sym.namespace().equals("_"))) {
      return new Symbol(sym.namespace() == null ? ns : null, sym.name());
    }
    return key;
  }

  private static String excerpt(Object v) {
    String text = Edn.write(v);
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
