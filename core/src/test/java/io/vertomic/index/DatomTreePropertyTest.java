package io.vertomic.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertomic.datom.Datom;
import io.vertomic.datom.IndexOrder;
import io.vertomic.datom.Values;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of batches applied to a tree and to a {@link TreeSet} with the same comparator
 * give the same datoms, sizes, counts, slices and reverse slices, every node stays within its
 * limits, and every earlier version still holds what it held; also when the tree is stored midway
 * and read back (its later changes are then kept apart from the stored nodes), when what it became
 * is stored again, and when the changes are given as novelty (removes present, adds absent); an
 * in-memory tree finds the datoms of the transactions after a tx as a filter of all would.
 */
class DatomTreePropertyTest {

  /** One batch: random adds and removes, plus {@code removeExisting} keys picked from the tree. */
  record Step(
      List<Datom> adds, List<Datom> removes, int removeExisting, long seed, Datom from, Datom to) {}

  @Property(tries = 300)
  void behavesLikeASortedSetUnderEveryOrder(
      @ForAll IndexOrder order,
      @ForAll boolean history,
      @ForAll("limits") NodeLimits limits,
      @ForAll("steps") List<Step> steps,
      @ForAll boolean storedMidway,
      @ForAll boolean asNovelty) {
    Comparator<Datom> cmp = history ? order.historyComparator() : order.comparator();
    DatomTree tree = DatomTree.of(cmp, Leaf.EMPTY, NodeSource.NONE, limits);
    Map<String, byte[]> segments = new HashMap<>();
    boolean stored = false;
    TreeSet<Datom> model = new TreeSet<>(cmp);
    List<DatomTree> versions = new ArrayList<>();
    List<List<Datom>> snapshots = new ArrayList<>();
    for (Step step : steps) {
      if (storedMidway && versions.size() == steps.size() / 2) {
        tree = storeAndReload(tree, segments);
        stored = true;
      }
      List<Datom> adds = sortedDistinct(step.adds(), cmp);
      List<Datom> removesIn = new ArrayList<>(step.removes());
      List<Datom> present = new ArrayList<>(model);
      Random random = new Random(step.seed());
      for (int i = 0; i < step.removeExisting() && !present.isEmpty(); i++) {
        removesIn.add(present.get(random.nextInt(present.size())));
      }
      List<Datom> removes = sortedDistinct(removesIn, cmp);
      if (asNovelty) {
        // what a transaction gives: removes of present keys, adds of keys absent after them
        removes.removeIf(d -> !model.contains(d));
        TreeSet<Datom> after = new TreeSet<>(model);
        removes.forEach(after::remove);
        adds.removeIf(after::contains);
        tree = tree.withNovelty(adds, removes);
      } else {
        tree = tree.withChanges(adds, removes);
      }
      removes.forEach(model::remove);
      for (Datom d : adds) {
        model.remove(d);
        model.add(d);
      }
      assertEquals(model.size(), tree.size());
      if (step.from() != null && step.to() != null) {
        assertEquals(
            expectedSlice(model, cmp, step.from(), step.to()).size(),
            tree.count(step.from(), step.to()));
      }
      assertEquals(new ArrayList<>(model), DatomTreeTest.list(tree.iterator()));
      assertEquals(
          expectedSlice(model, cmp, step.from(), step.to()),
          DatomTreeTest.list(tree.slice(step.from(), step.to())));
      assertEquals(
          expectedRslice(model, cmp, step.from(), step.to()),
          DatomTreeTest.list(tree.rslice(step.from(), step.to())));
      assertEquals(
          expectedRslice(model, cmp, step.to(), step.from()),
          DatomTreeTest.list(tree.rslice(step.to(), step.from())));
      assertEquals(model.isEmpty() ? null : model.first(), tree.first());
      assertEquals(model.isEmpty() ? null : model.last(), tree.last());
      if (step.from() != null) {
        Datom ceiling = model.ceiling(step.from());
        Datom expected = ceiling != null && cmp.compare(ceiling, step.from()) == 0 ? ceiling : null;
        assertEquals(expected, tree.get(step.from()));
      }
      if (!stored) {
        TreeInvariants.check(tree); // a stored tree is read back with the default limits
        long tx = Math.floorMod(step.seed(), 5) - 1;
        assertEquals(
            model.stream().filter(d -> d.tx() > tx).toList(),
            tree.addedAfter(tx),
            "the datoms of transactions after " + tx);
      }
      versions.add(tree);
      snapshots.add(new ArrayList<>(model));
    }
    for (int i = 0; i < versions.size(); i++) {
      assertEquals(snapshots.get(i), DatomTreeTest.list(versions.get(i).iterator()));
    }
    DatomTree again = storeAndReload(tree, segments);
    assertEquals(snapshots.get(snapshots.size() - 1), DatomTreeTest.list(again.iterator()));
    assertEquals(tree.size(), again.size());
  }

  /** {@code tree} written as segments into {@code segments} and read back from them. */
  private static DatomTree storeAndReload(DatomTree tree, Map<String, byte[]> segments) {
    TreeWriter.Written w =
        TreeWriter.write(tree, () -> "s" + segments.size() + "-" + Math.random());
    segments.putAll(w.segments());
    return DatomTree.stored(
        tree.comparator(), w.rootKey(), a -> NodeCodec.decode(segments.get(a), "segment " + a));
  }

  private static List<Datom> sortedDistinct(List<Datom> ds, Comparator<Datom> cmp) {
    TreeSet<Datom> set = new TreeSet<>(cmp);
    set.addAll(ds);
    return new ArrayList<>(set);
  }

  private static List<Datom> expectedSlice(
      NavigableSet<Datom> model, Comparator<Datom> cmp, Datom from, Datom to) {
    if (from != null && to != null) {
      return cmp.compare(from, to) > 0
          ? List.of()
          : new ArrayList<>(model.subSet(from, true, to, true));
    }
    if (from != null) {
      return new ArrayList<>(model.tailSet(from, true));
    }
    return new ArrayList<>(to != null ? model.headSet(to, true) : model);
  }

  private static List<Datom> expectedRslice(
      NavigableSet<Datom> model, Comparator<Datom> cmp, Datom from, Datom to) {
    return expectedSlice(model.descendingSet(), cmp.reversed(), from, to);
  }

  @Provide
  Arbitrary<NodeLimits> limits() {
    return Arbitraries.of(
        new NodeLimits(4, 4), new NodeLimits(8, 4), new NodeLimits(16, 8), NodeLimits.DEFAULT);
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Datom> bound = Arbitraries.oneOf(datoms(), sentinelBounds()).injectNull(0.2);
    Arbitrary<Step> step =
        Combinators.combine(
                datoms().list().ofMaxSize(150),
                datoms().list().ofMaxSize(40),
                Arbitraries.integers().between(0, 120),
                Arbitraries.longs(),
                bound,
                bound)
            .as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(12);
  }

  private static Arbitrary<Datom> datoms() {
    Arbitrary<Object> values =
        Arbitraries.oneOf(
            Arbitraries.longs().between(0, 8).map(v -> (Object) v),
            Arbitraries.strings().withChars("abc").ofMaxLength(2).map(v -> (Object) v));
    return Combinators.combine(
            Arbitraries.longs().between(0, 40),
            Arbitraries.longs().between(0, 4),
            values,
            Arbitraries.longs().between(0, 3),
            Arbitraries.of(true, false))
        .as(Datom::new);
  }

  /** Bounds the way callers build them: some components fixed, the rest at MIN or MAX. */
  private static Arbitrary<Datom> sentinelBounds() {
    return Combinators.combine(
            Arbitraries.longs().between(0, 40),
            Arbitraries.longs().between(0, 4),
            Arbitraries.of(true, false))
        .as(
            (e, a, low) ->
                low
                    ? new Datom(e, a, Values.MIN, Long.MIN_VALUE, true)
                    : new Datom(e, a, Values.MAX, Long.MAX_VALUE, false));
  }
}
