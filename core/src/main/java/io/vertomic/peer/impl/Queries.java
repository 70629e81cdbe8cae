package io.vertomic.peer.impl;

import io.vertomic.edn.Keyword;
import io.vertomic.metrics.QueryMeters;
import io.vertomic.peer.Log;
import io.vertomic.query.exec.QueryExecutor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Behind {@code Peer.q}, {@code Peer.query} and {@code Peer.explain}: unwraps the peer's {@link
 * PeerDb} inputs to their database values and its {@link Log}s to {@link LogInput}s, so the query
 * engine never sees the peer API.
 */
public final class Queries {
  private Queries() {}

  public static Object q(Object query, Object... inputs) {
    return measured(() -> QueryExecutor.q(query, unwrap(inputs)));
  }

  public static Object query(Map<?, ?> request) {
    Map<Object, Object> copy = new LinkedHashMap<>(request);
    for (Map.Entry<?, ?> e : request.entrySet()) {
      if (e.getValue() instanceof List<?> args && isArgs(e.getKey())) {
        copy.put(e.getKey(), new ArrayList<>(Arrays.asList(unwrap(args.toArray()))));
      }
    }
    return measured(() -> QueryExecutor.query(copy));
  }

  // the query meters of the registry in force; a failed query is timed with no rows
  private static Object measured(Supplier<Object> run) {
    QueryMeters meters = Catalog.instance().meters().query();
    long start = System.nanoTime();
    long rows = -1;
    try {
      Object result = run.get();
      rows = rows(result);
      return result;
    } finally {
      meters.ran(System.nanoTime() - start, rows);
    }
  }

  // a relation or collection has its size; a tuple or scalar is one row, or none when not found
  private static long rows(Object result) {
    return result instanceof Collection<?> c ? c.size() : result == null ? 0 : 1;
  }

  public static Iterable<?> qseq(Object query, Object... inputs) {
    if (query instanceof Map<?, ?> m
        && (m.containsKey(Keyword.of("query")) || m.containsKey(":query"))) {
      Map<Object, Object> copy = new LinkedHashMap<>(m);
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (e.getValue() instanceof List<?> args && isArgs(e.getKey())) {
          copy.put(e.getKey(), new ArrayList<>(Arrays.asList(unwrap(args.toArray()))));
        }
      }
      return (Iterable<?>) measured(() -> QueryExecutor.qseq(copy, unwrap(inputs)));
    }
    return (Iterable<?>) measured(() -> QueryExecutor.qseq(query, unwrap(inputs)));
  }

  public static Object explain(Object query, Object... inputs) {
    return QueryExecutor.explain(query, unwrap(inputs));
  }

  private static boolean isArgs(Object key) {
    String k = String.valueOf(key);
    return k.equals(":args") || k.equals("args");
  }

  private static Object[] unwrap(Object[] inputs) {
    if (inputs == null) {
      return new Object[0];
    }
    Object[] out = inputs.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] instanceof PeerDb p) {
        out[i] = p.value();
      } else if (out[i] instanceof Log log) {
        out[i] = new LogInput(log);
      }
    }
    return out;
  }
}
