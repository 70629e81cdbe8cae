package io.vertomic.bench;

import io.vertomic.conformance.fulltext.TextCorpus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The data of the fulltext workloads: 200,000 values of {@code :doc/text} (a {@code :db/fulltext}
 * string) from {@link TextCorpus} (seed 42, 10,000 made-up words, 3 to 30 words a value), as EDN
 * transactions of 1,000 values after the schema, and the searches the workloads cycle through,
 * drawn from the same corpus: single words (half drawn with the corpus's Zipf law, so common, half
 * uniform from rank 500 on, so rare), two-word phrases of adjacent made-up words of actual values,
 * and three-letter prefixes {@code abc*} of words drawn the same two ways.
 */
final class FulltextData {
  static final int VALUES = Integer.getInteger("bench.fulltext.values", 200_000);
  static final int SEARCHES = 50;
  static final int BATCH = 1_000;

  static final String SCHEMA =
      "[{:db/ident :doc/text :db/valueType :db.type/string"
          + " :db/cardinality :db.cardinality/one :db/fulltext true}]";

  /** The query every fulltext workload runs, passed as text on each call with its search. */
  static final String QUERY =
      "[:find ?e ?v ?score :in $ ?search"
          + " :where [(fulltext $ :doc/text ?search) [[?e ?v _ ?score]]]]";

  private static FulltextData data;

  final List<String> values;
  final List<String> terms = new ArrayList<>();
  final List<String> phrases = new ArrayList<>();
  final List<String> prefixes = new ArrayList<>();

  private FulltextData(int n) {
    TextCorpus corpus = new TextCorpus(42, 10_000);
    values = corpus.values(n);
    Set<String> vocabulary = new HashSet<>(corpus.vocabulary());
    for (int i = 0; i < SEARCHES; i++) {
      terms.add(i % 2 == 0 ? corpus.word() : corpus.rareWord(500));
    }
    while (prefixes.size() < SEARCHES) {
      String w = prefixes.size() % 2 == 0 ? corpus.word() : corpus.rareWord(500);
      if (w.length() > 3) {
        prefixes.add(w.substring(0, 3) + "*");
      }
    }
    Random random = corpus.random();
    while (phrases.size() < SEARCHES) {
      String[] words = values.get(random.nextInt(values.size())).split(" ");
      int from = random.nextInt(words.length);
      for (int i = from; i + 1 < words.length; i++) {
        // a phrase stops at punctuation: the first word must not end a clause
        String a = words[i].toLowerCase(Locale.ROOT);
        String b = words[i + 1].toLowerCase(Locale.ROOT).replaceAll("[,.!]$", "");
        if (vocabulary.contains(a) && vocabulary.contains(b)) {
          phrases.add('"' + a + ' ' + b + '"');
          break;
        }
      }
    }
  }

  /** The data at {@link #VALUES} values, generated once. */
  static synchronized FulltextData get() {
    if (data == null) {
      data = new FulltextData(VALUES);
    }
    return data;
  }

  /** The schema, then the values in transactions of {@link #BATCH}, as EDN text. */
  List<String> transactions() {
    List<String> out = new ArrayList<>();
    out.add(SCHEMA);
    for (int start = 0; start < values.size(); start += BATCH) {
      StringBuilder tx = new StringBuilder("[");
      for (String v : values.subList(start, Math.min(values.size(), start + BATCH))) {
        tx.append("{:doc/text \"")
            .append(v.replace("\\", "\\\\").replace("\"", "\\\""))
            .append("\"}");
      }
      out.add(tx.append(']').toString());
    }
    return out;
  }
}
