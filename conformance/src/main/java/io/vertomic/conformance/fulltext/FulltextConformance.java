package io.vertomic.conformance.fulltext;

import io.vertomic.conformance.fulltext.FulltextEngine.Answer;
import io.vertomic.conformance.fulltext.FulltextEngine.Hit;
import io.vertomic.conformance.fulltext.FulltextEngine.View;
import io.vertomic.conformance.fulltext.FulltextQueries.Search;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Fulltext side by side with Datomic: {@code ./scripts/conformance --fulltext [--values N]
 * [--queries Q] [--small-queries Q] [--seed S]} loads a small data set (about 2,000 values, with
 * values replaced, retracted and re-asserted) and a large one ({@code N} texts, default 200,000)
 * into Datomic's and Vertomic's in-memory databases alike, runs generated searches on both (the
 * small set's on its current, asOf, since and history views), and compares what they find: the same
 * entities and rows, the same order by score wherever Datomic's scores differ by more than
 * rounding. Prints each difference and a summary.
 */
public final class FulltextConformance {
  /** Scores this far apart, relatively, are ordered; nearer ones may tie or swap by rounding. */
  static final double ORDER_TOLERANCE = 1e-4;

  /** A normalized score further than this from Datomic's is a difference. */
  static final double SCORE_TOLERANCE = 1e-3;

  /** How many hits of the index Datomic's fulltext keeps (its default limit), and Vertomic's. */
  static final int LIMIT = 10_000;

  /** One search whose answers differ. */
  record Difference(String dataSet, View view, Search search, String what) {
    @Override
    public String toString() {
      return "[" + dataSet + " " + view + "] " + search + ": " + what;
    }
  }

  /** What a run found. */
  static final class Summary {
    final Map<String, Integer> queries = new LinkedHashMap<>();
    final List<Difference> differences = new ArrayList<>();
    int badRefusedByBoth;
    // searches that kept other hits among those tied at the 10,000th score, and those hits
    int capTies;
    long capTieRows;
    int badQueries;
    int withHits;
    long hits;
    double maxScoreDiff;
    long millis;
    long datomicNanos;
    long vertomicNanos;
    final Map<String, Long> loadMillis = new LinkedHashMap<>();

    void print(PrintStream out) {
      out.println();
      queries.forEach((k, v) -> out.printf("  %-22s %,6d searches%n", k, v));
      out.printf(
          "searches: %,d (%,d found something, %,d hits compared); bad searches refused by both:"
              + " %d of %d%n",
          queries.values().stream().mapToInt(i -> i).sum(),
          withHits,
          hits,
          badRefusedByBoth,
          badQueries);
      loadMillis.forEach((k, v) -> out.printf("  loading %-14s %.1f s%n", k, v / 1000.0));
      out.printf("max normalized score difference: %.3g%n", maxScoreDiff);
      out.printf(
          "searches cut at %,d hits that kept other hits tied at the last score (known"
              + " difference): %d (%,d hits)%n",
          LIMIT, capTies, capTieRows);
      Map<String, Long> byKind =
          differences.stream()
              .collect(
                  Collectors.groupingBy(
                      d -> d.what().replaceAll(":.*", ""),
                      TreeMapSupplier.INSTANCE,
                      Collectors.counting()));
      out.printf("differences: %d %s%n", differences.size(), byKind);
      out.printf(
          "time: %.1f s (searching: datomic %.1f s, vertomic %.1f s)%n",
          millis / 1000.0, datomicNanos / 1e9, vertomicNanos / 1e9);
    }
  }

  private enum TreeMapSupplier implements java.util.function.Supplier<Map<String, Long>> {
    INSTANCE;

    @Override
    public Map<String, Long> get() {
      return new java.util.TreeMap<>();
    }
  }

  private FulltextConformance() {}

  public static void main(String[] args) throws Exception {
    int values = 200_000;
    int queries = 100;
    int smallQueries = 100;
    int smallEntities = 800;
    long seed = 1;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--fulltext" -> {}
        case "--values" -> values = Integer.parseInt(args[++i]);
        case "--queries" -> queries = Integer.parseInt(args[++i]);
        case "--small-queries" -> smallQueries = Integer.parseInt(args[++i]);
        case "--small-entities" -> smallEntities = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    System.out.printf(
        "fulltext conformance: seed %d, small set of %d entities (%d searches x 4 views),"
            + " large set of %,d texts (%d searches)%n",
        seed, smallEntities, smallQueries, values, queries);
    Summary s = run(seed, smallEntities, smallQueries, values, queries, System.out::println);
    s.print(System.out);
    System.exit(s.differences.isEmpty() ? 0 : 1);
  }

  /** Runs both data sets; {@code log} gets progress and each difference. */
  static Summary run(
      long seed, int smallEntities, int smallQueries, int values, int queries, Consumer<String> log)
      throws Exception {
    long start = System.currentTimeMillis();
    Summary s = new Summary();
    if (smallEntities > 0) {
      TextCorpus corpus = new TextCorpus(seed, 3_000);
      FulltextData small = FulltextData.small(corpus, smallEntities);
      runSet(small, corpus, seed, smallQueries, List.of(View.values()), s, log);
    }
    if (values > 0) {
      TextCorpus corpus = new TextCorpus(seed + 1, 20_000);
      FulltextData large = FulltextData.large(corpus, values);
      runSet(large, corpus, seed + 1, queries, List.of(View.CURRENT), s, log);
    }
    s.millis = System.currentTimeMillis() - start;
    return s;
  }

  private static void runSet(
      FulltextData data,
      TextCorpus corpus,
      long seed,
      int queries,
      List<View> views,
      Summary s,
      Consumer<String> log)
      throws Exception {
    try (FulltextEngine datomic = new FulltextEngine.Datomic();
        FulltextEngine vertomic = new FulltextEngine.Vertomic()) {
      long t0 = System.currentTimeMillis();
      for (List<Object> tx : data.txs()) {
        datomic.transact(tx);
        vertomic.transact(tx);
      }
      datomic.loaded();
      vertomic.loaded();
      s.loadMillis.put(data.name(), System.currentTimeMillis() - t0);
      log.accept(
          String.format(
              "%s: %,d fulltext values in %d transactions, loaded in %.1f s",
              data.name(),
              data.values(),
              data.txs().size(),
              (System.currentTimeMillis() - t0) / 1000.0));
      Random r = new Random(seed * 31 + 7);
      List<Search> searches = new FulltextQueries(r, corpus, data.texts()).generate(queries);
      List<Search> bad = FulltextQueries.bad(r, corpus.vocabulary().subList(0, 500));
      for (View view : views) {
        int at = view == View.SINCE ? data.since() : data.asOf();
        String key = data.name() + " " + view.name().toLowerCase();
        for (Search q : searches) {
          compare(data.name(), view, at, q, datomic, vertomic, s, log);
          s.queries.merge(key, 1, Integer::sum);
        }
        if (view == views.get(0)) {
          for (Search q : bad) {
            s.badQueries++;
            if (compare(data.name(), view, at, q, datomic, vertomic, s, log)) {
              s.badRefusedByBoth++;
            }
          }
        }
      }
    }
  }

  /** Compares one search; true when both refused it. */
  static boolean compare(
      String set,
      View view,
      int at,
      Search q,
      FulltextEngine datomic,
      FulltextEngine vertomic,
      Summary s,
      Consumer<String> log) {
    long t0 = System.nanoTime();
    Answer d = datomic.search(view, at, q.attr(), q.search());
    long t1 = System.nanoTime();
    Answer v = vertomic.search(view, at, q.attr(), q.search());
    s.datomicNanos += t1 - t0;
    s.vertomicNanos += System.nanoTime() - t1;
    List<String> problems = new ArrayList<>();
    if (v.refused() && !v.refusal().startsWith(FulltextEngine.INCORRECT)) {
      problems.add("vertomic failed: " + v.refusal());
    }
    if (d.refused() || v.refused()) {
      if (!d.refused()) {
        problems.add(
            "only vertomic refuses: " + v.refusal() + " (datomic: " + d.hits().size() + " hits)");
      } else if (!v.refused()) {
        problems.add(
            "only datomic refuses: " + d.refusal() + " (vertomic: " + v.hits().size() + " hits)");
      }
      report(set, view, q, problems, s, log);
      return d.refused() && v.refused();
    }
    if (q.bad()) {
      log.accept("  (bad search answered by both: " + q + ")");
    }
    problems.addAll(differences(d.hits(), v.hits(), s));
    if (!d.hits().isEmpty()) {
      s.withHits++;
    }
    s.hits += d.hits().size();
    report(set, view, q, problems, s, log);
    return false;
  }

  private static void report(
      String set, View view, Search q, List<String> problems, Summary s, Consumer<String> log) {
    for (String p : problems) {
      Difference diff = new Difference(set, view, q, p);
      s.differences.add(diff);
      log.accept(diff.toString());
    }
  }

  /** What differs between Datomic's hits {@code d} and Vertomic's {@code v}. */
  static List<String> differences(List<Hit> d, List<Hit> v, Summary s) {
    List<String> out = new ArrayList<>();
    List<Hit> dAbove = d;
    List<Hit> vAbove = v;
    if (d.size() == LIMIT || v.size() == LIMIT) {
      // Both keep the best LIMIT hits of the index; which of those tied at the last score each
      // keeps depends on the order of its index's documents (a known difference): the hits above
      // that score must be the same, and as many at it.
      double cut = d.stream().mapToDouble(Hit::score).min().orElse(0);
      double tie = cut * (1 + ORDER_TOLERANCE);
      double vCut = v.stream().mapToDouble(Hit::score).min().orElse(0);
      dAbove = d.stream().filter(h -> h.score() > tie).toList();
      vAbove = v.stream().filter(h -> h.score() > tie).toList();
      int dAt = d.size() - dAbove.size();
      int vAt = v.size() - vAbove.size();
      if (d.size() != v.size() || dAt != vAt || Math.abs(vCut - cut) > cut * ORDER_TOLERANCE) {
        out.add(
            "cap: datomic "
                + d.size()
                + " hits, "
                + dAt
                + " at the last score "
                + cut
                + "; vertomic "
                + v.size()
                + ", "
                + vAt
                + " at its last "
                + vCut);
      } else {
        Set<String> rows = new java.util.HashSet<>();
        d.forEach(h -> rows.add(h.row()));
        long differ = v.stream().filter(h -> !rows.contains(h.row())).count();
        if (differ > 0) {
          s.capTies++;
          s.capTieRows += differ;
        }
      }
    }
    Set<Long> de = new TreeSet<>();
    Set<Long> ve = new TreeSet<>();
    dAbove.forEach(h -> de.add(h.key()));
    vAbove.forEach(h -> ve.add(h.key()));
    if (!de.equals(ve)) {
      out.add(
          "entities: datomic "
              + de.size()
              + ", vertomic "
              + ve.size()
              + "; only datomic "
              + sample(minus(de, ve), d)
              + ", only vertomic "
              + sample(minus(ve, de), v));
    }
    Map<String, Hit> dr = new HashMap<>();
    Map<String, Hit> vr = new HashMap<>();
    dAbove.forEach(h -> dr.put(h.row(), h));
    vAbove.forEach(h -> vr.put(h.row(), h));
    if (!dr.keySet().equals(vr.keySet()) && de.equals(ve)) {
      List<String> onlyD = dr.keySet().stream().filter(k -> !vr.containsKey(k)).limit(3).toList();
      List<String> onlyV = vr.keySet().stream().filter(k -> !dr.containsKey(k)).limit(3).toList();
      out.add(
          "rows: datomic "
              + dr.size()
              + ", vertomic "
              + vr.size()
              + "; only datomic "
              + onlyD
              + ", only vertomic "
              + onlyV);
    }
    d.forEach(h -> dr.put(h.row(), h));
    v.forEach(h -> vr.put(h.row(), h));
    // the rows both found, by Datomic's score, best first
    List<Hit[]> both = new ArrayList<>();
    double maxDiff = 0;
    Hit[] worst = null;
    for (Map.Entry<String, Hit> e : dr.entrySet()) {
      Hit w = vr.get(e.getKey());
      if (w != null) {
        both.add(new Hit[] {e.getValue(), w});
        double diff = Math.abs(e.getValue().score() - w.score());
        if (diff > maxDiff) {
          maxDiff = diff;
          worst = new Hit[] {e.getValue(), w};
        }
      }
    }
    s.maxScoreDiff = Math.max(s.maxScoreDiff, maxDiff);
    if (maxDiff > SCORE_TOLERANCE) {
      out.add(
          "scores: differ by up to "
              + String.format("%.4g", maxDiff)
              + ", e.g. "
              + worst[0]
              + " vs "
              + worst[1].score());
    }
    String order = orderViolation(both);
    if (order != null) {
      out.add("order: " + order);
    }
    return out;
  }

  /**
   * The first pair that Datomic's scores order (apart by more than {@link #ORDER_TOLERANCE}) and
   * Vertomic's do not order the same way, or null.
   */
  static String orderViolation(List<Hit[]> both) {
    both.sort(Comparator.comparingDouble((Hit[] p) -> -p[0].score()));
    int n = both.size();
    // prefixMin[i]: the least Vertomic score among the first i+1 rows, and where
    double[] prefixMin = new double[n];
    int[] argMin = new int[n];
    for (int i = 0; i < n; i++) {
      double vs = both.get(i)[1].score();
      if (i == 0 || vs < prefixMin[i - 1]) {
        prefixMin[i] = vs;
        argMin[i] = i;
      } else {
        prefixMin[i] = prefixMin[i - 1];
        argMin[i] = argMin[i - 1];
      }
    }
    int above = 0; // rows [0, above) score more than row j's by the tolerance
    for (int j = 0; j < n; j++) {
      double dj = both.get(j)[0].score();
      while (above < j && both.get(above)[0].score() > dj * (1 + ORDER_TOLERANCE)) {
        above++;
      }
      if (above > 0 && prefixMin[above - 1] <= both.get(j)[1].score()) {
        Hit[] hi = both.get(argMin[above - 1]);
        Hit[] lo = both.get(j);
        return "datomic "
            + hi[0]
            + " above "
            + lo[0]
            + ", vertomic scores "
            + hi[1].score()
            + " and "
            + lo[1].score();
      }
    }
    return null;
  }

  private static Set<Long> minus(Set<Long> a, Set<Long> b) {
    Set<Long> out = new TreeSet<>(a);
    out.removeAll(b);
    return out;
  }

  private static String sample(Set<Long> keys, List<Hit> hits) {
    List<String> out = new ArrayList<>();
    for (Hit h : hits) {
      if (keys.contains(h.key()) && out.size() < 3) {
        out.add(h.key() + " \"" + h.value() + "\"");
      }
    }
    return keys.size() + " " + out;
  }

  static String show(Object[] a) {
    return Arrays.toString(a);
  }
}
