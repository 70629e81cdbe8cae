package io.vertomic.conformance;

import io.vertomic.edn.Symbol;
import io.vertomic.edn.Tagged;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One engine's entity ids as names both engines share: {@code #e "e3"} for the entity its
 * transactions' tempid {@code "e3"} resolved to, {@code #tx 2} for the second data transaction.
 * Answers have their ids replaced by these tokens before comparison (raw ids never compare), and
 * reads that name an entity by token get this engine's id for it.
 */
final class IdTokens {
  static final Symbol ENTITY = Symbol.of("e");
  static final Symbol TX = Symbol.of("tx");

  private final Map<Long, Tagged> byId = new HashMap<>();
  private final Map<String, Long> byName = new HashMap<>();
  private final Map<Long, io.vertomic.edn.Keyword> idents = new HashMap<>();

  /** Entity {@code id} is an ident entity (an attribute or enum) named {@code ident}. */
  void ident(long id, io.vertomic.edn.Keyword ident) {
    idents.put(id, ident);
  }

  /** Whether the idents of this engine are known yet. */
  boolean hasIdents() {
    return !idents.isEmpty();
  }

  /**
   * {@code v}, or its ident when it is the id of an ident entity: for values known to be entity ids
   * only (see {@link IdentRefs}), as a small long may equal an ident entity's id.
   */
  Object ref(Object v) {
    io.vertomic.edn.Keyword k = v instanceof Long l ? idents.get(l) : null;
    return k == null ? v : k;
  }

  void entity(String name, long id) {
    byName.putIfAbsent(name, id);
    byId.putIfAbsent(id, new Tagged(ENTITY, name));
  }

  void tx(int position, long id) {
    byId.put(id, new Tagged(TX, (long) position));
  }

  /** The entity id tempid {@code name} resolved to, or null. */
  Long id(String name) {
    return byName.get(name);
  }

  /** {@code v} with every known entity or transaction id replaced by its token. */
  Object tokens(Object v) {
    if (v instanceof Long l) {
      Tagged t = byId.get(l);
      return t == null ? l : t;
    }
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(tokens(k), tokens(x)));
      return out;
    }
    if (v instanceof Set<?> s) {
      Set<Object> out = new LinkedHashSet<>();
      s.forEach(x -> out.add(tokens(x)));
      return out;
    }
    if (v instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>();
      c.forEach(x -> out.add(tokens(x)));
      return out;
    }
    return v;
  }

  /** {@code v} with every {@code #e "name"} token replaced by this engine's id for it. */
  Object ids(Object v) {
    if (v instanceof Tagged t && t.tag().equals(ENTITY)) {
      Long id = byName.get((String) t.value());
      return id == null ? Long.valueOf(-1) : id;
    }
    if (v instanceof io.vertomic.edn.EdnList l) {
      return io.vertomic.edn.EdnList.copyOf(l.stream().map(this::ids).toList());
    }
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(ids(k), ids(x)));
      return out;
    }
    if (v instanceof Set<?> s) {
      Set<Object> out = new LinkedHashSet<>();
      s.forEach(x -> out.add(ids(x)));
      return out;
    }
    if (v instanceof List<?> c) {
      List<Object> out = new ArrayList<>();
      c.forEach(x -> out.add(ids(x)));
      return out;
    }
    return v;
  }
}
