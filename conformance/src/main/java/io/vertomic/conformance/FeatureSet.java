package io.vertomic.conformance;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The features a run generates, by name: {@code all} (everything), {@code slice} (everything on
 * which the engines agree today: the fixed-seed test slice runs it), or {@code all-but:F1,F2}.
 * {@link #SWITCHED_OFF} says what the slice leaves out and why; each entry goes when the engine is
 * fixed.
 */
public record FeatureSet(String name, Set<Feature> on) {

  /** The features the slice leaves out, each with the difference it still shows. */
  public static final Map<Feature, String> SWITCHED_OFF = switchedOff();

  private static Map<Feature, String> switchedOff() {
    Map<Feature, String> off = new LinkedHashMap<>();
    off.put(Feature.TYPE_BYTES, "Datomic compares byte[] by identity, and fails inside on some");
    off.put(Feature.IN_COLLECTION_SOURCE, "Vertomic refuses a collection as a data source ($c)");
    off.put(
        Feature.PULL, "pull of an entity with none of the attributes: Datomic nil, Vertomic {}");
    off.put(Feature.PULL_MANY, "as PULL");
    off.put(Feature.FIND_PULL, "as PULL; and Datomic keeps equal pulled maps of distinct entities");
    off.put(Feature.INVALID_PULL, "Datomic answers nil for an unknown attribute, Vertomic refuses");
    off.put(
        Feature.ENTITY, "a lookup ref in an as-of/since view: Datomic nil, Vertomic the entity");
    off.put(Feature.INVALID_QUERY, "Datomic refuses unknown attributes, ignores extra inputs");
    off.put(Feature.TX_INVALID, "Vertomic accepts some transactions Datomic refuses");
    off.put(Feature.TX_MANY_LOOKUP_REF, "[:e/name x] as a card-many value: Datomic two values");
    off.put(Feature.TUPLE_COMPOSITE, "Datomic refuses some :db/tupleAttrs Vertomic installs");
    off.put(Feature.DATOMS, "AVET datoms of a non-indexed attribute: Datomic refuses");
    off.put(Feature.AGGREGATE_N, "(min n ?x): Datomic keeps duplicates of the aggregated bag");
    off.put(
        Feature.QUERY_LOOKUP_REF, "an unresolvable lookup ref: Datomic refuses, Vertomic empty");
    off.put(Feature.QUERY_GROUND, "ground bound to a relation [[?a ?b]]: Vertomic finds nothing");
    return Collections.unmodifiableMap(off);
  }

  /** Every feature. */
  public static FeatureSet all() {
    return new FeatureSet("all", Collections.unmodifiableSet(EnumSet.allOf(Feature.class)));
  }

  /** Every feature but those of {@link #SWITCHED_OFF}. */
  public static FeatureSet slice() {
    EnumSet<Feature> on = EnumSet.allOf(Feature.class);
    on.removeAll(SWITCHED_OFF.keySet());
    return new FeatureSet("slice", Collections.unmodifiableSet(on));
  }

  /** The set named {@code name}: {@code all}, {@code slice} or {@code all-but:F1,F2,...}. */
  public static FeatureSet named(String name) {
    if (name.equals("all")) {
      return all();
    }
    if (name.equals("slice")) {
      return slice();
    }
    if (name.startsWith("all-but:")) {
      EnumSet<Feature> on = EnumSet.allOf(Feature.class);
      for (String f : name.substring(8).split(",")) {
        on.remove(Feature.valueOf(f.trim().toUpperCase().replace('-', '_')));
      }
      return new FeatureSet(name, Collections.unmodifiableSet(on));
    }
    throw new IllegalArgumentException("unknown feature set " + name);
  }

  /** Whether {@code f} is on. */
  public boolean has(Feature f) {
    return on.contains(f);
  }
}
