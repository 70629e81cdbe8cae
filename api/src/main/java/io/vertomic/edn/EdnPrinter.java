package io.vertomic.edn;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The canonical EDN printer behind {@link Edn#write}. Deterministic: set elements and map entries
 * are printed in {@link EdnOrder}, sequences keep their order; maps separate entries with {@code ,
 * } as Clojure does. Stateless; each call builds its own string.
 */
final class EdnPrinter {
  // maps up to this size with keyword keys are sorted by insertion, in place
  private static final int SMALL_MAP = 16;
  private final StringBuilder sb = new StringBuilder();

  private EdnPrinter() {}

  static String print(Object value) {
    EdnPrinter p = new EdnPrinter();
    p.write(value);
    return p.sb.toString();
  }

  private void write(Object v) {
    if (v == null) {
      sb.append("nil");
    } else if (v instanceof String str) {
      string(str);
    } else if (v instanceof Keyword || v instanceof Symbol || v instanceof Boolean) {
      sb.append(v);
    } else if (v instanceof Long
        || v instanceof Integer
        || v instanceof Short
        || v instanceof Byte) {
      sb.append(v);
    } else if (v instanceof Double d) {
      sb.append(DoubleText.of(d));
    } else if (v instanceof Float f) {
      sb.append(DoubleText.of(f));
    } else if (v instanceof BigInteger) {
      sb.append(v).append('N');
    } else if (v instanceof BigDecimal) {
      sb.append(v).append('M');
    } else if (v instanceof Character c) {
      character(c);
    } else if (v instanceof EdnList l) {
      sequence('(', l, ')');
    } else if (v instanceof List<?> l) {
      sequence('[', l, ']');
    } else if (v instanceof Object[] a) {
      sequence('[', Arrays.asList(a), ']');
    } else if (v instanceof Set<?> set) {
      sequence("#{", EdnOrder.sorted(set), '}');
    } else if (v instanceof Map<?, ?> m) {
      map(m);
    } else if (v instanceof Map.Entry<?, ?> e) {
      sb.append('[');
      write(e.getKey());
      sb.append(' ');
      write(e.getValue());
      sb.append(']');
    } else {
      tagged(v);
    }
  }

  private void tagged(Object v) {
    if (v instanceof Date d) {
      sb.append("#inst \"").append(InstText.format(d)).append('"');
    } else if (v instanceof UUID) {
      sb.append("#uuid \"").append(v).append('"');
    } else if (v instanceof URI u) {
      sb.append("#uri ");
      string(u.toString());
    } else if (v instanceof byte[] b) {
      sb.append("#bytes \"").append(Base64.getEncoder().encodeToString(b)).append('"');
    } else if (v instanceof Tagged t) {
      sb.append('#').append(t.tag()).append(' ');
      write(t.value());
    } else if (v instanceof DbId id) {
      sb.append("#db/id[");
      write(id.partition());
      sb.append(' ').append(id.idx()).append(']');
    } else if (v instanceof DbFn f) {
      function(f);
    } else {
      sb.append(v);
    }
  }

  // Datomic's order of keys, not EdnOrder's: the text looks like what Datomic prints
  private void function(DbFn f) {
    sb.append("#db/fn{:lang ");
    write(f.lang());
    sb.append(", :imports ");
    write(f.imports());
    sb.append(", :requires ");
    write(f.requires());
    sb.append(", :params ");
    write(f.params());
    sb.append(", :code ");
    string(f.code());
    sb.append('}');
  }

  private void sequence(char open, Collection<?> items, char close) {
    sequence(String.valueOf(open), items, close);
  }

  private void sequence(String open, Collection<?> items, char close) {
    sb.append(open);
    boolean first = true;
    for (Object item : items) {
      if (!first) {
        sb.append(' ');
      }
      first = false;
      write(item);
    }
    sb.append(close);
  }

  private void map(Map<?, ?> m) {
    sb.append('{');
    if (!smallKeywordMap(m)) {
      boolean first = true;
      for (Object entry : EdnOrder.sortedEntries(m)) {
        List<?> kv = (List<?>) entry;
        if (!first) {
          sb.append(", ");
        }
        first = false;
        write(kv.get(0));
        sb.append(' ');
        write(kv.get(1));
      }
    }
    sb.append('}');
  }

  // the common map, an entity's: a few keyword keys, sorted in place (EdnOrder's order for them)
  // without an entry list to sort; false, having printed nothing, for any other map
  private boolean smallKeywordMap(Map<?, ?> m) {
    int n = m.size();
    if (n > SMALL_MAP) {
      return false;
    }
    Keyword[] keys = new Keyword[n];
    Object[] values = new Object[n];
    int i = 0;
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (i == n || !(e.getKey() instanceof Keyword k)) {
        return false;
      }
      int at = i++;
      for (; at > 0 && keys[at - 1].compareTo(k) > 0; at--) {
        keys[at] = keys[at - 1];
        values[at] = values[at - 1];
      }
      keys[at] = k;
      values[at] = e.getValue();
    }
    for (int j = 0; j < i; j++) {
      if (j > 0) {
        sb.append(", ");
      }
      sb.append(keys[j]);
      sb.append(' ');
      write(values[j]);
    }
    return true;
  }

  private void string(String str) {
    sb.append('"');
    for (int i = 0; i < str.length(); i++) {
      char c = str.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            unicodeEscape(c);
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  private void character(char c) {
    switch (c) {
      case '\n' -> sb.append("\\newline");
      case ' ' -> sb.append("\\space");
      case '\t' -> sb.append("\\tab");
      case '\r' -> sb.append("\\return");
      case '\b' -> sb.append("\\backspace");
      case '\f' -> sb.append("\\formfeed");
      default -> {
        if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSurrogate(c)) {
          unicodeEscape(c);
        } else {
          sb.append('\\').append(c);
        }
      }
    }
  }

  private void unicodeEscape(char c) {
    sb.append("\\u");
    String hex = Integer.toHexString(c);
    sb.append("0".repeat(4 - hex.length())).append(hex);
  }
}
