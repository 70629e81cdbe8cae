package io.vertomic.bench;

import io.vertomic.bench.People.Person;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import io.vertomic.peer.Peer;
import io.vertomic.peer.impl.Catalog;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Queries over a database of about a million datoms in one storage (sql in the section {@code
 * storage-queries}, each storage in {@code storages}), loaded by a peer writing to it itself: q4
 * cold (the first query of a peer that has just connected, its caches empty), q4 cold with
 * memcached holding the segments (a peer joining a running system), and q4 warm, with Datomic's
 * in-memory peer on the same data as the reference for the warm figure. Prints the figures and the
 * cache hit ratios, and returns them as JSON fields.
 */
final class StorageQueryBench {
  static final int PERSONS = 125_000;
  static final String Q4 =
      "[:find ?e ?l ?a :where [?e :person/name \"Ivan\"] [?e :person/age ?a]"
          + " [?e :person/sex :male] [?e :person/last-name ?l]]";

  /** The storage system of each kind ({@code *} for the database name), with no transactor. */
  static final java.util.Map<String, String> STORAGES =
      java.util.Map.of(
          "dev", "vertomic:dev://127.0.0.1:4334/*",
          "sql", "vertomic:sql://*?postgresql://postgres@127.0.0.1:5432/test",
          "cass", "vertomic:cass://127.0.0.1:9042/vertomic_bench.embedded/*",
          "ddb", "vertomic:ddb://us-east-1/vertomic-bench/*?endpoint=http://127.0.0.1:4567");

  private static final String MEMCACHED = "memcached:127.0.0.1:11211";

  private final int colds;
  private final int warms;
  private final String kind;
  private final String system;
  private final String uri;
  long blackhole;

  StorageQueryBench(int colds, int warms, String kind) {
    this.colds = colds;
    this.warms = warms;
    this.kind = kind;
    this.system = STORAGES.get(kind);
    this.uri = system.replace("*", "bench-1m");
  }

  String run() throws Exception {
    StorageSchemas.install(system);
    List<Person> persons = People.generate(PERSONS);
    long loadStart = System.nanoTime();
    Engine.Session session =
        new VertomicEngine("vertomic-" + kind, system.replace("*", "%s")).fresh("bench-1m");
    long[] ids = loadAll(session, persons, 5_000);
    Connection conn = Peer.connect(uri);
    conn.requestIndex().toCompletionStage().toCompletableFuture().join();
    double loadMs = (System.nanoTime() - loadStart) / 1e6;
    long datoms = 0;
    for (var ignored : conn.db().datoms(":eavt")) {
      datoms++;
    }
    blackhole += ids[ids.length - 1];

    double[] cold = colds(null);
    Catalog.CacheStats afterCold = Catalog.instance().cacheStats(uri);
    double[] warm = warm();
    Catalog.CacheStats afterWarm = Catalog.instance().cacheStats(uri);
    colds(MEMCACHED); // fills memcached
    double[] coldMemcached = colds(MEMCACHED);
    Catalog.CacheStats tier = Catalog.instance().cacheStats(uri);
    Peer.configure(Peer.options().setSegmentCache(null));
    Peer.shutdown();

    Engine.Session datomic = new DatomicEngine().fresh("bench-1m");
    loadAll(datomic, persons, 5_000);
    double[] datomicWarm = new double[warms];
    for (int i = 0; i < warms; i++) {
      long t = System.nanoTime();
      blackhole += datomic.q(Q4);
      datomicWarm[i] = (System.nanoTime() - t) / 1e6;
    }
    datomic.close();
    Peer.deleteDatabase(uri);
    Peer.shutdown();

    System.out.printf(
        Locale.ROOT,
        "%n%s storage, %d datoms (%d persons), loaded and indexed in %.0f ms%n",
        kind,
        datoms,
        PERSONS,
        loadMs);
    System.out.printf(
        Locale.ROOT,
        "q4 cold (fresh peer)          p50 %8.2f ms  p99 %8.2f ms%n",
        p(cold, 50),
        p(cold, 99));
    System.out.printf(
        Locale.ROOT,
        "q4 cold, memcached warm       p50 %8.2f ms  p99 %8.2f ms%n",
        p(coldMemcached, 50),
        p(coldMemcached, 99));
    System.out.printf(
        Locale.ROOT,
        "q4 warm                       p50 %8.2f ms  p99 %8.2f ms%n",
        p(warm, 50),
        p(warm, 99));
    System.out.printf(
        Locale.ROOT,
        "q4 Datomic mem (reference)    p50 %8.2f ms  p99 %8.2f ms  ratio warm %.2f%n",
        p(datomicWarm, 50),
        p(datomicWarm, 99),
        p(datomicWarm, 50) / p(warm, 50));
    System.out.printf(
        Locale.ROOT,
        "object cache hit ratio: %.3f after the cold queries, %.3f after the warm ones;"
            + " memcached: %d segment reads served, %d went to storage%n",
        afterCold.hitRatio(),
        afterWarm.hitRatio(),
        tier.tierHits(),
        tier.tierMisses());
    return String.format(
        Locale.ROOT,
        "{\"storage\": \"%s\", \"datoms\": %d, \"load_index_ms\": %.1f, \"q4_cold_p50_ms\": %.3f,"
            + " \"q4_cold_memcached_p50_ms\": %.3f, \"q4_warm_p50_ms\": %.3f,"
            + " \"q4_datomic_mem_p50_ms\": %.3f, \"ratio_warm\": %.3f,"
            + " \"object_cache_hit_ratio_cold\": %.3f, \"object_cache_hit_ratio_warm\": %.3f,"
            + " \"memcached_hits\": %d, \"memcached_misses\": %d}",
        kind,
        datoms,
        loadMs,
        p(cold, 50),
        p(coldMemcached, 50),
        p(warm, 50),
        p(datomicWarm, 50),
        p(datomicWarm, 50) / p(warm, 50),
        afterCold.hitRatio(),
        afterWarm.hitRatio(),
        tier.tierHits(),
        tier.tierMisses());
  }

  private double[] colds(String segmentCache) {
    double[] out = new double[colds];
    for (int i = 0; i < colds; i++) {
      Peer.shutdown();
      if (segmentCache != null) {
        Peer.configure(Peer.options().setSegmentCache(segmentCache));
      }
      long t = System.nanoTime();
      Database db = Peer.connect(uri).db();
      blackhole += ((java.util.Collection<?>) Peer.q(Q4, db)).size();
      out[i] = (System.nanoTime() - t) / 1e6;
    }
    return out;
  }

  private double[] warm() {
    double[] out = new double[warms];
    Database db = Peer.connect(uri).db();
    for (int i = 0; i < warms; i++) {
      long t = System.nanoTime();
      blackhole += ((java.util.Collection<?>) Peer.q(Q4, db)).size();
      out[i] = (System.nanoTime() - t) / 1e6;
    }
    return out;
  }

  private static long[] loadAll(Engine.Session s, List<Person> persons, int batch) {
    long[] ids = new long[persons.size()];
    for (int start = 0; start < persons.size(); start += batch) {
      int end = Math.min(persons.size(), start + batch);
      int first = start;
      long[] created =
          s.transactPersons(persons.subList(start, end), i -> i < first ? ids[i] : null);
      System.arraycopy(created, 0, ids, start, created.length);
    }
    return ids;
  }

  private static double p(double[] xs, int pct) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s[Math.min(s.length - 1, (int) Math.ceil(pct / 100.0 * s.length) - 1)];
  }
}
