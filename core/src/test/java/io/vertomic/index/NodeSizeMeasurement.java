package io.vertomic.index;

import io.vertomic.datom.Datom;
import io.vertomic.datom.IndexOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * A micro measurement (not a test) to choose {@link NodeLimits#DEFAULT}: for each leaf and branch
 * size, the best of 15 timings (after two warm-up rounds) of inserting 20 batches of 8,000 sorted
 * datoms into an empty tree (new entities appended at the end, as in EAVT, and entities scattered
 * at random), of one single-datom change in the resulting 160,000-datom tree, of a full scan and of
 * 10,000 lookups, plus how full leaves are after 20,000 one-datom appends. Run with {@code java -cp
 * core/target/classes:core/target/test-classes:<api, junit and opentest4j jars>
 * io.vertomic.index.NodeSizeMeasurement}.
 *
 * <p>Measured on the shared 2-CPU development container, JDK 17:
 *
 * <pre>
 * leaf branch | append 20x8000 | scattered 20x8000 | 1 change | scan 160k | 10k gets
 *   64   32   |   1.9 ms       |   7.2 ms          |  1.4 us  |  0.48 ms  | 2.7 ms
 *  128   64   |   1.9 ms       |   6.7 ms          |  1.6 us  |  0.55 ms  | 2.4 ms
 *  256  128   |   1.8 ms       |   6.5 ms          |  2.1 us  |  0.60 ms  | 2.3 ms
 *  512   64   |   1.8 ms       |   6.2 ms          |  1.6 us  |  0.53 ms  | 2.4 ms
 *  512  128   |   1.8 ms       |   6.0 ms          |  2.1 us  |  0.47 ms  | 2.3 ms
 *  512  256   |   1.8 ms       |   5.9 ms          |  3.1 us  |  0.44 ms  | 2.3 ms
 * 1024  128   |   1.7 ms       |   5.3 ms          |  2.2 us  |  0.46 ms  | 2.4 ms
 * 2048  128   |   1.7 ms       |   5.7 ms          |  2.4 us  |  0.38 ms  | 2.3 ms
 * </pre>
 *
 * <p>Batch inserts are bound by comparisons (about one binary search per datom) and barely depend
 * on node size from 256 up; a single change costs one path copy, which grows with the branch size
 * (copying 256 references costs more than copying a 2048-datom leaf), not the leaf size. Leaves of
 * 512 are as fast as any larger size and make segments of a few tens of kilobytes once stored;
 * branches of 128 keep single changes near 2 us and a 100-million-datom index three branch levels
 * deep (one fewer storage round trip on a cold read than branches of 64).
 *
 * <p>Leaves of 2048 were tried again for stored indexes (one segment read would bring 2048 datoms):
 * the benchmark's load-single took 187 ms instead of 101 ms (every transaction copies the leaves it
 * changes in eight trees); with 2048-datom leaves for stored trees only, a cold q4 on a
 * million-datom PostgreSQL database took 756 ms instead of 553 ms (about as many segment reads,
 * each four times larger). Leaves stay at 512.
 */
final class NodeSizeMeasurement {
  private static final Comparator<Datom> EAVT = IndexOrder.EAVT.comparator();
  private static final int BATCHES = 20;
  private static final int BATCH = 8_000;

  public static void main(String[] args) {
    int[] leafSizes = {64, 128, 256, 512, 1024, 2048};
    int[] branchSizes = {32, 64, 128, 256};
    List<List<Datom>> appends = batches(false);
    List<List<Datom>> scattered = batches(true);
    for (int round = 0; round < 3; round++) {
      boolean print = round == 2;
      if (print) {
        System.out.println(
            "leaf branch | append 20x8000 ms | scattered 20x8000 ms | 1 change us | scan ms | 10k"
                + " gets ms | leaves | fill after 1-datom appends");
      }
      for (int leaf : leafSizes) {
        for (int branch : branchSizes) {
          measure(new NodeLimits(leaf, branch), appends, scattered, print);
        }
      }
    }
  }

  private static void measure(
      NodeLimits limits, List<List<Datom>> appends, List<List<Datom>> scattered, boolean print) {
    int runs = 15;
    double[] append = new double[runs];
    double[] scatter = new double[runs];
    double[] single = new double[runs];
    double[] scan = new double[runs];
    double[] gets = new double[runs];
    DatomTree tree = null;
    long sink = 0;
    Random random = new Random(7);
    for (int r = 0; r < runs; r++) {
      long t0 = System.nanoTime();
      DatomTree a = insert(limits, appends);
      append[r] = (System.nanoTime() - t0) / 1e6;
      t0 = System.nanoTime();
      tree = insert(limits, scattered);
      scatter[r] = (System.nanoTime() - t0) / 1e6;
      List<Datom> all = DatomTreeTest.list(tree.iterator());
      t0 = System.nanoTime();
      for (int i = 0; i < 1_000; i++) {
        Datom d = all.get(random.nextInt(all.size()));
        sink +=
            tree.withChanges(List.of(new Datom(d.e(), d.a(), d.v(), 99, true)), List.of()).size();
      }
      single[r] = (System.nanoTime() - t0) / 1e3 / 1_000;
      t0 = System.nanoTime();
      for (Iterator<Datom> it = tree.iterator(); it.hasNext(); ) {
        sink += it.next().e();
      }
      scan[r] = (System.nanoTime() - t0) / 1e6;
      t0 = System.nanoTime();
      for (int i = 0; i < 10_000; i++) {
        sink += tree.get(all.get(random.nextInt(all.size()))).a();
      }
      gets[r] = (System.nanoTime() - t0) / 1e6;
      sink += a.size();
    }
    if (print) {
      System.out.printf(
          "%4d %4d | %8.1f | %8.1f | %6.1f | %5.2f | %5.2f | %d | %.0f%%%s%n",
          limits.leafMax(),
          limits.branchMax(),
          best(append),
          best(scatter),
          best(single),
          best(scan),
          best(gets),
          TreeInvariants.leaves(tree),
          singleAppendFill(limits),
          sink == 42 ? "!" : "");
    }
  }

  /** How full leaves are, in percent, after 20,000 transactions that each append one datom. */
  private static double singleAppendFill(NodeLimits limits) {
    DatomTree t = DatomTree.of(EAVT, Leaf.EMPTY, NodeSource.NONE, limits);
    for (long e = 0; e < 20_000; e++) {
      t = t.withChanges(List.of(new Datom(e, 1, e, 13_000, true)), List.of());
    }
    return 100.0 * t.size() / TreeInvariants.leaves(t) / limits.leafMax();
  }

  private static DatomTree insert(NodeLimits limits, List<List<Datom>> batches) {
    DatomTree t = DatomTree.of(EAVT, Leaf.EMPTY, NodeSource.NONE, limits);
    for (List<Datom> batch : batches) {
      t = t.withChanges(batch, List.of());
    }
    return t;
  }

  /** 20 sorted batches of 8,000 datoms of 10 attributes each, new entities or random ones. */
  private static List<List<Datom>> batches(boolean scattered) {
    Random random = new Random(42);
    List<List<Datom>> out = new ArrayList<>();
    long next = 1_000;
    for (int b = 0; b < BATCHES; b++) {
      List<Datom> batch = new ArrayList<>();
      while (batch.size() < BATCH) {
        long e = scattered ? random.nextInt(1 << 30) : next++;
        for (long a = 1; a <= 10; a++) {
          batch.add(new Datom(e, a, (long) random.nextInt(1_000_000), 13_000 + b, true));
        }
      }
      batch.sort(EAVT);
      out.add(batch);
    }
    return out;
  }

  private static double best(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s[0];
  }
}
