package io.vertomic.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A query workload on a real data set ({@link MbrainzQueries}, {@link SocialQueries}): the data is
 * loaded once per engine (untimed) and shared by every run. Before it is timed, {@link #check()}
 * runs the query once on each engine and compares the answers ({@link Answers}); a difference is
 * printed with both answers and kept for the summary, never hidden, and the workload is still
 * timed. A query that fails on either engine is reported and not timed.
 */
final class RealWorkload implements Workload<RealSession> {
  private static final Map<String, Map<String, RealDb>> LOADED = new HashMap<>();
  private static final List<String> PROBLEMS = new ArrayList<>();

  private final RealQuery query;
  private final String dataName;
  private final Supplier<RealData> data;
  private final Map<String, List<Object>> inputs = new HashMap<>();
  private Boolean checked;
  private int samplesFactor = 10;

  RealWorkload(RealQuery query, String dataName, Supplier<RealData> data) {
    this.query = query;
    this.dataName = dataName;
    this.data = data;
  }

  /** The workloads of both data sets by name; the social graph has {@code users} users. */
  static Map<String, RealWorkload> all(int users) {
    Map<String, RealWorkload> all = new LinkedHashMap<>();
    for (RealQuery q : MbrainzQueries.ALL) {
      all.put(q.name(), new RealWorkload(q, "mbrainz", RealData::mbrainz));
    }
    RealData[] social = new RealData[1];
    for (RealQuery q : SocialQueries.ALL) {
      all.put(
          q.name(),
          new RealWorkload(
              q,
              "social",
              () -> social[0] == null ? social[0] = SocialGraph.of(users) : social[0]));
    }
    return all;
  }

  /** {@code names} with the groups {@code mbrainz} and {@code social} expanded. */
  static String expandGroups(String names, Map<String, RealWorkload> all) {
    List<String> out = new ArrayList<>();
    for (String n : names.split(",")) {
      String name = n.trim();
      if (name.equals("mbrainz") || name.equals("social")) {
        all.values().stream().filter(w -> w.dataName.equals(name)).forEach(w -> out.add(w.name()));
      } else {
        out.add(name);
      }
    }
    return String.join(",", out);
  }

  /** The answer differences and failures found so far, one paragraph each. */
  static List<String> problems() {
    return PROBLEMS;
  }

  RealQuery query() {
    return query;
  }

  @Override
  public String name() {
    return query.name();
  }

  /**
   * Runs the query once on each engine and compares the answers; false when it failed on an engine
   * (then it is not timed). Slow queries (over 200 ms) get fewer samples.
   */
  boolean check() {
    if (checked == null) {
      Map<String, Object> answers = new LinkedHashMap<>();
      long slowest = 0;
      List<String> failures = new ArrayList<>();
      for (String engine : List.of("vertomic", "datomic")) {
        long start = System.nanoTime();
        try {
          answers.put(engine, run(db(engine), engine));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
          failures.add(engine + ": " + e);
        }
        slowest = Math.max(slowest, System.nanoTime() - start);
      }
      if (!failures.isEmpty()) {
        String p =
            name()
                + " fails on "
                + String.join("; and on ", failures)
                + "\n  query: "
                + query.query()
                + answers.keySet().stream()
                    .map(
                        e -> "\n  " + e + " answers: " + shorten(Answers.canonical(answers.get(e))))
                    .reduce("", String::concat);
        PROBLEMS.add(p);
        System.out.println("FAILS " + p);
        checked = false;
        return false;
      }
      samplesFactor = slowest > 200_000_000L ? 1 : 10;
      String v = Answers.canonical(answers.get("vertomic"));
      String d = Answers.canonical(answers.get("datomic"));
      if (!v.equals(d)) {
        String p =
            String.format(
                Locale.ROOT,
                "%s: answers differ (vertomic %d rows, datomic %d rows)%n  query: %s%n  inputs: %s"
                    + "%n  vertomic: %s%n  datomic:  %s",
                name(),
                Answers.size(answers.get("vertomic")),
                Answers.size(answers.get("datomic")),
                query.query(),
                query.inputs().size() > 1 ? query.inputs().subList(1, query.inputs().size()) : "",
                shorten(v),
                shorten(d));
        PROBLEMS.add(p);
        System.out.println("ANSWERS DIFFER " + p);
      }
      checked = true;
    }
    return checked;
  }

  private static String shorten(String s) {
    return s.length() <= 1_500 ? s : s.substring(0, 1_500) + " ... (" + s.length() + " chars)";
  }

  private Object run(RealDb db, String engine) {
    List<Object> in =
        inputs.computeIfAbsent(engine, k -> query.inputs().stream().map(db::read).toList());
    return db.q(query.query(), in);
  }

  private RealDb db(String engine) {
    RealData d = data.get();
    return LOADED
        .computeIfAbsent(d.name(), k -> new HashMap<>())
        .computeIfAbsent(
            engine,
            k -> {
              RealDb db = RealDb.create(engine, "real-" + d.name() + "-" + engine);
              long start = System.nanoTime();
              d.loadInto(db);
              System.out.printf(
                  Locale.ROOT,
                  "(loaded %s into %s: %d transactions in %.1f s, untimed)%n",
                  d.name(),
                  engine,
                  d.transactions().size(),
                  (System.nanoTime() - start) / 1e9);
              return db;
            });
  }

  @Override
  public RealSession setUp(Engine engine, String dbName) {
    String e = engine.name();
    RealDb db = db(e);
    return new RealSession(() -> Answers.size(run(db, e)));
  }

  @Override
  public long run(RealSession session) {
    return session.op().get();
  }

  @Override
  public int samplesFactor() {
    return samplesFactor;
  }
}
