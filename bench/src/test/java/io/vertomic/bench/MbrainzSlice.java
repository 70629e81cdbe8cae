package io.vertomic.bench;

import io.vertomic.edn.Edn;
import io.vertomic.edn.Keyword;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A small, self-contained slice of the mbrainz file for tests: the schema, enums and countries
 * whole, the languages and scripts in use, every {@code n}th release plus the releases of a few
 * named artists, the artists, labels and abstract releases those reference, every {@code n}th
 * artist, and the statements between kept entities only, so every reference resolves.
 */
final class MbrainzSlice {
  private static final Keyword RELEASE_ARTISTS = Keyword.of("release", "artists");
  private static final Keyword ARTIST_NAME = Keyword.of("artist", "name");
  private static final Set<String> NAMED =
      Set.of("George Harrison", "Pink Floyd", "The Beatles", "Ravi Shankar");

  private MbrainzSlice() {}

  static RealData of(int n) {
    List<List<?>> txs = new ArrayList<>();
    for (String line : RealData.mbrainz().transactions()) {
      txs.add((List<?>) Edn.read(line));
    }
    Set<UUID> kept = new HashSet<>();
    Set<Keyword> idents = new HashSet<>();
    Map<UUID, String> names = new HashMap<>();
    int releases = 0;
    int artists = 0;
    for (List<?> tx : txs) {
      for (Object o : tx) {
        if (o instanceof Map<?, ?> m && gid(m) != null) {
          UUID g = gid(m);
          String kind = gidKey(m).namespace();
          if (kind.equals("release") && releases++ % n == 0
              || kind.equals("artist") && artists++ % n == 0) {
            kept.add(g);
          }
          if (m.get(ARTIST_NAME) instanceof String name) {
            names.put(g, name);
          }
        }
      }
    }
    for (List<?> tx : txs) {
      for (Object o : tx) {
        if (o instanceof List<?> add
            && add.get(2).equals(RELEASE_ARTISTS)
            && NAMED.contains(names.get(id(add.get(3))))) {
          kept.add(id(add.get(1)));
        }
      }
    }
    for (List<?> tx : txs) {
      for (Object o : tx) {
        if (o instanceof List<?> add && add.get(2).equals(RELEASE_ARTISTS)) {
          if (kept.contains(id(add.get(1)))) {
            kept.add(id(add.get(3)));
          }
        } else if (o instanceof Map<?, ?> m && kept.contains(gid(m))) {
          for (Object v : m.values()) {
            addRefs(v, kept);
            if (v instanceof Keyword k) {
              idents.add(k);
            }
          }
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (List<?> tx : txs) {
      List<Object> keep = new ArrayList<>();
      for (Object o : tx) {
        if (o instanceof Map<?, ?> m) {
          if (gid(m) == null ? keptIdent(m, idents) : kept.contains(gid(m))) {
            keep.add(m);
          }
        } else if (kept.contains(id(((List<?>) o).get(1)))
            && kept.contains(id(((List<?>) o).get(3)))) {
          keep.add(o);
        }
      }
      if (!keep.isEmpty()) {
        out.add(Edn.write(keep));
      }
    }
    return new RealData("mbrainz-slice-" + n, out);
  }

  /** Schema, enums and countries whole; languages and scripts only where a kept entity uses one. */
  private static boolean keptIdent(Map<?, ?> m, Set<Keyword> used) {
    Object ident = m.get(Keyword.of("db", "ident"));
    return !(ident instanceof Keyword k)
        || m.containsKey(Keyword.of("db", "valueType"))
        || !k.namespace().equals("language") && !k.namespace().equals("script")
        || used.contains(k);
  }

  private static void addRefs(Object v, Set<UUID> kept) {
    if (v instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof List<?>) {
      l.forEach(x -> addRefs(x, kept));
    } else if (id(v) != null) {
      kept.add(id(v));
    }
  }

  private static Keyword gidKey(Map<?, ?> m) {
    for (Object k : m.keySet()) {
      if (k instanceof Keyword kw && kw.name().equals("gid")) {
        return kw;
      }
    }
    return null;
  }

  private static UUID gid(Map<?, ?> m) {
    Keyword k = gidKey(m);
    return k == null ? null : (UUID) m.get(k);
  }

  /** The gid a lookup ref {@code [:artist/gid #uuid ...]} or tempid {@code "new-<gid>"} names. */
  private static UUID id(Object ref) {
    if (ref instanceof List<?> l && l.size() == 2 && l.get(1) instanceof UUID u) {
      return u;
    }
    if (ref instanceof String s && s.startsWith("new-")) {
      return UUID.fromString(s.substring(4));
    }
    return null;
  }
}
