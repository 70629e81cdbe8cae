package io.vertomic.bench;

import io.vertomic.edn.Edn;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import io.vertomic.peer.Peer;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * A cold peer's fulltext queries on PostgreSQL (issue 19): the 200,000 values of {@link
 * FulltextData} loaded into a {@code vertomic:sql://} database by a peer writing to it itself (as
 * {@link StorageQueryBench} loads), an index requested and awaited, then, several times, a fresh
 * peer ({@link Peer#shutdown()}: no connection, empty caches) connects and runs its first fulltext
 * query (a single word), then the next searches of the term list. The index job stored the fulltext
 * index beside the trees, so that first query reads the manifest and the chunks of the Lucene files
 * it touches through the segment cache, and builds nothing.
 */
final class FulltextColdBench {
  private static final String SYSTEM = StorageQueryBench.STORAGES.get("sql");
  private static final String URI = SYSTEM.replace("*", "bench-fulltext");

  private final int colds;
  private final int nexts;
  long blackhole;

  FulltextColdBench(int colds, int nexts) {
    this.colds = colds;
    this.nexts = nexts;
  }

  String run() throws Exception {
    StorageSchemas.install(SYSTEM);
    FulltextData data = FulltextData.get();
    long loadStart = System.nanoTime();
    Peer.deleteDatabase(URI);
    Peer.createDatabase(URI);
    Connection conn = Peer.connect(URI);
    for (String tx : data.transactions()) {
      conn.transact((List<?>) Edn.read(tx)).toCompletionStage().toCompletableFuture().join();
    }
    conn.requestIndex().toCompletionStage().toCompletableFuture().join();
    double loadMs = (System.nanoTime() - loadStart) / 1e6;

    double[] connect = new double[colds];
    double[] first = new double[colds];
    double[] next = new double[colds * nexts];
    List<String> terms = data.terms;
    for (int c = 0; c < colds; c++) {
      Peer.shutdown();
      System.gc(); // the previous peer's index is garbage: collect it outside the timed part
      long t = System.nanoTime();
      Database db = Peer.connect(URI).db();
      connect[c] = (System.nanoTime() - t) / 1e6;
      t = System.nanoTime();
      blackhole += q(db, terms.get(0));
      first[c] = (System.nanoTime() - t) / 1e6;
      for (int i = 0; i < nexts; i++) {
        t = System.nanoTime();
        blackhole += q(db, terms.get(1 + i % (terms.size() - 1)));
        next[c * nexts + i] = (System.nanoTime() - t) / 1e6;
      }
    }
    Peer.deleteDatabase(URI);
    Peer.shutdown();

    System.out.printf(
        Locale.ROOT,
        "%nfulltext, cold peer on sql: %d values loaded and indexed in %.0f ms;"
            + " %d fresh peers (shutdown, empty caches)%n",
        data.values.size(),
        loadMs,
        colds);
    System.out.printf(
        Locale.ROOT,
        "connect + db                      p50 %9.2f ms  (each: %s)%n",
        p(connect, 50),
        each(connect));
    System.out.printf(
        Locale.ROOT,
        "first fulltext query (stored index) p50 %9.2f ms  (each: %s)%n",
        p(first, 50),
        each(first));
    System.out.printf(
        Locale.ROOT,
        "next %d fulltext queries per peer p50 %9.2f ms  p99 %9.2f ms%n",
        nexts,
        p(next, 50),
        p(next, 99));
    return String.format(
        Locale.ROOT,
        "{\"storage\": \"sql\", \"values\": %d, \"load_index_ms\": %.1f, \"connect_p50_ms\": %.3f,"
            + " \"first_query_p50_ms\": %.3f, \"first_query_ms\": [%s],"
            + " \"next_queries_p50_ms\": %.3f,"
            + " \"next_queries_p99_ms\": %.3f}",
        data.values.size(),
        loadMs,
        p(connect, 50),
        p(first, 50),
        each(first),
        p(next, 50),
        p(next, 99));
  }

  private static long q(Database db, String search) {
    long n = 0;
    for (Object ignored : (Collection<?>) Peer.q(FulltextData.QUERY, db, search)) {
      n++;
    }
    return n;
  }

  private static String each(double[] xs) {
    StringBuilder b = new StringBuilder();
    for (double x : xs) {
      b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", x));
    }
    return b.toString();
  }

  private static double p(double[] xs, int pct) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s[Math.min(s.length - 1, (int) Math.ceil(pct / 100.0 * s.length) - 1)];
  }
}
