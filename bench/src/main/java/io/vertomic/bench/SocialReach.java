package io.vertomic.bench;

import java.util.List;
import java.util.Locale;

/**
 * The recursive reachability rule ({@code social-reach}) on a social graph of any size, on one
 * engine, outside the side-by-side harness: for the run on a 20,000-user graph within a 1 GB heap,
 * where Datomic may run out of memory and would end the whole benchmark.
 *
 * <p>Usage: {@code java -Xmx1g -cp ... io.vertomic.bench.SocialReach USERS ENGINE [RUNS] [QUERY]},
 * ENGINE {@code vertomic} or {@code datomic}, QUERY a {@code social-*} workload name (default
 * {@code social-reach}). Prints the load time, then each run's time and answer size.
 */
public final class SocialReach {
  private SocialReach() {}

  public static void main(String[] args) {
    int status = 1;
    try {
      run(args);
      status = 0;
    } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
      System.out.println("FAILED: " + e);
    } finally {
      System.exit(status);
    }
  }

  private static void run(String[] args) {
    int users = Integer.parseInt(args[0]);
    String engine = args[1];
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    String name = args.length > 3 ? args[3] : "social-reach";
    RealQuery query =
        SocialQueries.ALL.stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
    RealData data = SocialGraph.of(users);
    try (RealDb db = RealDb.create(engine, "reach-" + users)) {
      long start = System.nanoTime();
      data.loadInto(db);
      System.out.printf(
          Locale.ROOT,
          "%s: loaded %d users in %.1f s; max heap %d MB%n",
          engine,
          users,
          (System.nanoTime() - start) / 1e9,
          Runtime.getRuntime().maxMemory() >> 20);
      List<Object> inputs = query.inputs().stream().map(db::read).toList();
      for (int i = 0; i < runs; i++) {
        start = System.nanoTime();
        Object answer = db.q(query.query(), inputs);
        System.out.printf(
            Locale.ROOT,
            "%s %s run %d: %.1f ms, %d rows%n",
            engine,
            name,
            i + 1,
            (System.nanoTime() - start) / 1e6,
            Answers.size(answer));
      }
    }
    if (engine.equals("datomic")) {
      datomic.Peer.shutdown(false);
    }
  }
}
