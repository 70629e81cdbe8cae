package io.vertomic.conformance.fulltext;

import io.vertomic.edn.Keyword;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A data set for the side-by-side runs: the schema transaction, then transactions of entities with
 * a unique {@code :doc/key}, a {@code :doc/text} (fulltext, cardinality one), {@code :doc/tags}
 * (fulltext, cardinality many) and {@code :doc/plain} (a string without fulltext); for the small
 * set, then transactions that replace, retract and re-assert values, so the views differ.
 *
 * @param txs the transactions in order (the schema's first)
 * @param asOf the ordinal of the transaction an {@code asOf} view stops at
 * @param since the ordinal of the transaction a {@code since} view starts after
 * @param texts every value written, to draw searches from
 * @param values how many fulltext values were asserted
 */
record FulltextData(
    String name, List<List<Object>> txs, int asOf, int since, List<String> texts, int values) {

  static final Keyword TEXT = Keyword.of("doc/text");
  static final Keyword TAGS = Keyword.of("doc/tags");
  static final Keyword PLAIN = Keyword.of("doc/plain");
  static final Keyword KEY = Keyword.of("doc/key");

  static List<Object> schema() {
    return List.of(
        attr(KEY, "long", "one", Map.of(Keyword.of("db/unique"), Keyword.of("db.unique/identity"))),
        attr(TEXT, "string", "one", Map.of(Keyword.of("db/fulltext"), true)),
        attr(TAGS, "string", "many", Map.of(Keyword.of("db/fulltext"), true)),
        attr(PLAIN, "string", "one", Map.of()));
  }

  private static Map<Object, Object> attr(
      Keyword ident, String type, String card, Map<Object, Object> more) {
    Map<Object, Object> m = new LinkedHashMap<>();
    m.put(Keyword.of("db/ident"), ident);
    m.put(Keyword.of("db/valueType"), Keyword.of("db.type/" + type));
    m.put(Keyword.of("db/cardinality"), Keyword.of("db.cardinality/" + card));
    m.putAll(more);
    return m;
  }

  /**
   * The small set: {@code entities} entities (a text, a plain value, 0 to 2 tags each) in
   * transactions of 200, then five transactions that replace texts, retract texts and tags,
   * re-assert retracted values and add tags.
   */
  static FulltextData small(TextCorpus corpus, int entities) {
    Random r = corpus.random();
    List<List<Object>> txs = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    txs.add(schema());
    String[] text = new String[entities];
    List<List<String>> tags = new ArrayList<>();
    int values = 0;
    List<Object> tx = new ArrayList<>();
    for (int i = 0; i < entities; i++) {
      Map<Object, Object> m = new LinkedHashMap<>();
      m.put(KEY, (long) i);
      text[i] = corpus.value(3, 30);
      m.put(TEXT, text[i]);
      m.put(PLAIN, corpus.value(2, 8));
      List<String> ts = new ArrayList<>();
      for (int k = r.nextInt(3); k > 0; k--) {
        ts.add(corpus.value(1, 4));
      }
      tags.add(ts);
      if (!ts.isEmpty()) {
        m.put(TAGS, List.copyOf(ts));
      }
      texts.add(text[i]);
      texts.addAll(ts);
      values += 1 + ts.size();
      tx.add(m);
      if (tx.size() == 200) {
        txs.add(tx);
        tx = new ArrayList<>();
      }
    }
    if (!tx.isEmpty()) {
      txs.add(tx);
    }
    int loaded = txs.size() - 1;
    // 1: replace a tenth of the texts (an old value may come back: a value of another entity)
    tx = new ArrayList<>();
    for (int i = 0; i < entities; i += 10) {
      String v = r.nextInt(5) == 0 ? text[r.nextInt(entities)] : corpus.value(3, 30);
      if (!v.equals(text[i])) {
        text[i] = v;
        tx.add(List.of(Keyword.of("db/add"), List.of(KEY, (long) i), TEXT, v));
        texts.add(v);
        values++;
      }
    }
    txs.add(tx);
    // 2: retract the text of every 13th entity and the first tag of every 7th
    tx = new ArrayList<>();
    List<String> retracted = new ArrayList<>();
    for (int i = 3; i < entities; i += 13) {
      tx.add(List.of(Keyword.of("db/retract"), List.of(KEY, (long) i), TEXT, text[i]));
      retracted.add(i + "\u0000" + text[i]);
    }
    for (int i = 5; i < entities; i += 7) {
      if (!tags.get(i).isEmpty()) {
        String v = tags.get(i).remove(0);
        tx.add(List.of(Keyword.of("db/retract"), List.of(KEY, (long) i), TAGS, v));
      }
    }
    txs.add(tx);
    int middle = txs.size() - 1;
    // 3: re-assert half of the retracted texts, the same values
    tx = new ArrayList<>();
    for (int k = 0; k < retracted.size(); k += 2) {
      String[] p = retracted.get(k).split("\u0000", 2);
      tx.add(List.of(Keyword.of("db/add"), List.of(KEY, Long.parseLong(p[0])), TEXT, p[1]));
      values++;
    }
    txs.add(tx);
    // 4: new tags, and texts replaced again
    tx = new ArrayList<>();
    for (int i = 1; i < entities; i += 9) {
      String v = corpus.value(1, 4);
      tags.get(i).add(v);
      tx.add(List.of(Keyword.of("db/add"), List.of(KEY, (long) i), TAGS, v));
      texts.add(v);
      values++;
    }
    for (int i = 0; i < entities; i += 20) {
      String v = corpus.value(3, 30);
      text[i] = v;
      tx.add(List.of(Keyword.of("db/add"), List.of(KEY, (long) i), TEXT, v));
      texts.add(v);
      values++;
    }
    txs.add(tx);
    return new FulltextData("small", txs, middle, loaded, texts, values);
  }

  /**
   * The large set: {@code n} texts, in transactions of 1,000 entities; every tenth entity also has
   * two tags, every fiftieth a plain value.
   */
  static FulltextData large(TextCorpus corpus, int n) {
    List<List<Object>> txs = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    txs.add(schema());
    List<Object> tx = new ArrayList<>();
    int values = 0;
    for (int i = 0; i < n; i++) {
      Map<Object, Object> m = new LinkedHashMap<>();
      m.put(KEY, (long) i);
      String v = corpus.value(3, 30);
      m.put(TEXT, v);
      texts.add(v);
      values++;
      if (i % 10 == 0) {
        List<String> ts = List.of(corpus.value(1, 4), corpus.value(1, 4));
        if (!ts.get(0).equals(ts.get(1))) {
          m.put(TAGS, ts);
          texts.addAll(ts);
          values += 2;
        }
      }
      if (i % 50 == 0) {
        m.put(PLAIN, corpus.value(2, 8));
      }
      tx.add(m);
      if (tx.size() == 1000) {
        txs.add(tx);
        tx = new ArrayList<>();
      }
    }
    if (!tx.isEmpty()) {
      txs.add(tx);
    }
    return new FulltextData("large", txs, txs.size() - 1, 0, texts, values);
  }
}
