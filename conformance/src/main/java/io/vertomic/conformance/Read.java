package io.vertomic.conformance;

import io.vertomic.edn.Keyword;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One generated read of a history, as EDN both engines run: {@code kind} is {@code query}, {@code
 * pull}, {@code pull-many}, {@code entity}, {@code datoms} or {@code index-range}, and {@code body}
 * holds its parts under {@code :query :inputs :with :db :selector :eid :index :components :attr
 * :start :end}. Database views are named as in the conformance suite ({@code $}, {@code $history},
 * {@code $as-of-N}, {@code $since-N}, {@code $with}); {@code #e "e3"} names an entity by tempid.
 */
public record Read(String kind, Map<Keyword, Object> body, Set<Feature> features) {

  public Read {
    body = Collections.unmodifiableMap(new LinkedHashMap<>(body));
  }

  static Read of(String kind, Set<Feature> features, Object... keysAndValues) {
    Map<Keyword, Object> body = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        body.put(Keyword.of((String) keysAndValues[i]), keysAndValues[i + 1]);
      }
    }
    return new Read(kind, body, features.isEmpty() ? EnumSet.noneOf(Feature.class) : features);
  }

  /** The part named {@code key}, or null. */
  public Object get(String key) {
    return body.get(Keyword.of(key));
  }

  /** The same read with part {@code key} replaced (removed when {@code value} is null). */
  public Read with(String key, Object value) {
    Map<Keyword, Object> b = new LinkedHashMap<>(body);
    if (value == null) {
      b.remove(Keyword.of(key));
    } else {
      b.put(Keyword.of(key), value);
    }
    return new Read(kind, b, features);
  }

  /** The read as the EDN map a case file holds. */
  public Map<Keyword, Object> toEdn() {
    Map<Keyword, Object> m = new LinkedHashMap<>();
    m.put(Keyword.of("kind"), Keyword.of(kind));
    m.putAll(body);
    return m;
  }

  /** The read of a case file's EDN map. */
  public static Read fromEdn(Map<?, ?> m) {
    Map<Keyword, Object> body = new LinkedHashMap<>();
    String kind = null;
    for (Map.Entry<?, ?> e : m.entrySet()) {
      Keyword k = (Keyword) e.getKey();
      if (k.name().equals("kind")) {
        kind = ((Keyword) e.getValue()).name();
      } else {
        body.put(k, e.getValue());
      }
    }
    return new Read(kind, body, EnumSet.noneOf(Feature.class));
  }
}
