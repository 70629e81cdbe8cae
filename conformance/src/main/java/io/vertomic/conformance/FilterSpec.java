package io.vertomic.conformance;

import io.vertomic.edn.Keyword;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;

/**
 * The filter ({@code filter}) a read runs through, as engine-neutral EDN in its {@code :filter}
 * part, with {@code :filter-first} saying whether the filter is applied before the read's time view
 * or after it. Kinds, each a test of one datom of the view:
 *
 * <ul>
 *   <li>{@code [:attr-not :ns/a]}: the datom's attribute is not {@code :ns/a};
 *   <li>{@code [:value-not v]}: its value is not {@code v} (a long, string, keyword or boolean);
 *   <li>{@code [:tx-at-most n]}: it was added by the n-th data transaction or earlier;
 *   <li>{@code [:assertions]}: it is an assertion (a history view also has retractions);
 *   <li>{@code [:entity-has :ns/a]}: its entity has {@code :ns/a} in the database the predicate is
 *       given (the unfiltered one, in the same view);
 *   <li>{@code [:and f g]}: two filters, composed by filtering the filtered value again.
 * </ul>
 */
final class FilterSpec {
  private FilterSpec() {}

  private static final Keyword AND = Keyword.of("and");

  /** {@code read} run through a generated filter. */
  static Read add(Random r, History h, Pool pool, Read read) {
    if (read.features().contains(Feature.INVALID_PULL)) {
      // a malformed pull option is compared only where the entity has the attribute (see
      // docs/datomic-differences.md), which a filter may hide
      return read;
    }
    Set<Feature> used = EnumSet.of(Feature.FILTER);
    used.addAll(read.features());
    Object spec =
        r.nextInt(5) == 0
            ? List.of(AND, simple(r, h, pool), simple(r, h, pool))
            : simple(r, h, pool);
    Read out = new Read(read.kind(), read.body(), used).with("filter", spec);
    // a filter before $with would transact against the filtered value in Datomic, the unfiltered
    // one in Vertomic (docs/datomic-differences.md)
    boolean first = read.get("with") == null && r.nextBoolean();
    return out.with("filter-first", first ? Boolean.TRUE : null);
  }

  private static List<Object> simple(Random r, History h, Pool pool) {
    List<Attr> attrs = h.schema();
    Attr a = attrs.get(r.nextInt(attrs.size()));
    switch (r.nextInt(5)) {
      case 0:
        return List.of(Keyword.of("attr-not"), a.ident());
      case 1:
        if (Set.of("long", "string", "keyword", "boolean").contains(a.type())) {
          Object v = pool.value(r, a);
          if (v != null) {
            return List.of(Keyword.of("value-not"), v);
          }
        }
        return List.of(Keyword.of("assertions"));
      case 2:
        return List.of(
            Keyword.of("tx-at-most"), (long) (1 + r.nextInt(Math.max(1, h.txs().size()))));
      case 3:
        return List.of(Keyword.of("assertions"));
      default:
        return List.of(Keyword.of("entity-has"), a.ident());
    }
  }

  /** The engine's id of attribute {@code ident}, or -1 when it has none (no datom has it). */
  private static long idOf(Function<Keyword, Long> attrId, Object ident) {
    Long id = attrId.apply((Keyword) ident);
    return id == null ? -1 : id;
  }

  /** One datom of an engine, and whether its entity has an attribute in the given database. */
  interface DatomView<D, T> {
    long e(T datom);

    long a(T datom);

    Object v(T datom);

    long tx(T datom);

    boolean added(T datom);

    boolean entityHas(D unfiltered, long e, long a);
  }

  /** One engine's test of one datom, given the database the engine passes to a filter. */
  interface Test<D, T> {
    boolean keep(D unfiltered, T datom);
  }

  /**
   * The tests {@code spec} stands for, one per filter to apply in order: {@code attrId} gives the
   * engine's id of an attribute, {@code txOf} the engine's tx id of the n-th data transaction, and
   * {@code value} an EDN value as the engine's datoms hold it.
   */
  static <D, T> List<Test<D, T>> bind(
      Object spec,
      DatomView<D, T> view,
      Function<Keyword, Long> attrId,
      LongUnaryOperator txOf,
      Function<Object, Object> value) {
    List<?> s = (List<?>) spec;
    List<Test<D, T>> out = new ArrayList<>();
    if (s.get(0).equals(AND)) {
      out.addAll(bind(s.get(1), view, attrId, txOf, value));
      out.addAll(bind(s.get(2), view, attrId, txOf, value));
      return out;
    }
    String kind = ((Keyword) s.get(0)).name();
    switch (kind) {
      case "attr-not" -> {
        long a = idOf(attrId, s.get(1));
        out.add((u, d) -> view.a(d) != a);
      }
      case "value-not" -> {
        Object v = value.apply(s.get(1));
        out.add((u, d) -> !Objects.equals(view.v(d), v));
      }
      case "tx-at-most" -> {
        long tx = txOf.applyAsLong((Long) s.get(1));
        out.add((u, d) -> view.tx(d) <= tx);
      }
      case "assertions" -> out.add((u, d) -> view.added(d));
      case "entity-has" -> {
        long a = idOf(attrId, s.get(1));
        out.add((u, d) -> a >= 0 && view.entityHas(u, view.e(d), a));
      }
      default -> throw new IllegalArgumentException("unknown filter " + spec);
    }
    return out;
  }
}
