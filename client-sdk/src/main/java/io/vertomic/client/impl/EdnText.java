package io.vertomic.client.impl;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.edn.Edn;
import io.vertomic.edn.Keyword;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The EDN text of the request fields that hold EDN (query, tx data, selector, eid, components,
 * attribute, bounds, args). Where the API takes "EDN or Java data" a {@code String} is EDN text,
 * sent as it is, and anything else is printed with {@link Edn#write}; query args are always Java
 * values.
 */
final class EdnText {
  private static final Keyword DB_ID = Keyword.of("db/id");
  private static final Keyword IDEMPOTENCY_KEY = Keyword.of("vertomic.tx/idempotency-key");

  private EdnText() {}

  /** The EDN text of {@code value}, named {@code name} when it is null. */
  static String of(Object value, String name) {
    Objects.requireNonNull(value, name);
    return value instanceof String s ? s : Edn.write(value);
  }

  /** The EDN vector of {@code items}, each an EDN string or a Java value (null prints nil). */
  static String vector(Object[] items) {
    StringJoiner joined = new StringJoiner(" ", "[", "]");
    for (Object item : items) {
      joined.add(item instanceof String s ? s : Edn.write(item));
    }
    return joined.toString();
  }

  /** The EDN vector of the query args {@code args}, all Java values. */
  static String args(Object[] args) {
    return Edn.write(Arrays.asList(args));
  }

  /**
   * The tx data {@code txData} with {@code {:db/id "datomic.tx" :vertomic.tx/idempotency-key KEY}}
   * added at the end.
   *
   * @throws Anomaly {@code incorrect} when {@code txData} is malformed EDN or not a list
   */
  static String withIdempotencyKey(Object txData, String key) {
    Objects.requireNonNull(txData, "txData");
    Objects.requireNonNull(key, "idempotencyKey");
    Object data = txData instanceof String s ? Edn.read(s) : txData;
    if (!(data instanceof List<?> items)) {
      String text = Edn.write(data);
      throw Anomaly.incorrect(
          "vertomic.error/bad-tx-data",
          "Tx data given an idempotency key must be a list, not "
              + (text.length() > 80 ? text.substring(0, 80) + "..." : text));
    }
    List<Object> all = new ArrayList<>(items);
    all.add(Map.of(DB_ID, "datomic.tx", IDEMPOTENCY_KEY, key));
    return Edn.write(all);
  }
}
