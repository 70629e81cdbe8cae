package io.vertomic.index;

/**
 * How large the nodes of a tree may grow: at most {@code leafMax} datoms per leaf and {@code
 * branchMax} children per branch. A non-root node below a quarter of its maximum is underfull and
 * is merged with a neighbour; splits produce halves, so a node is never split and merged back by
 * the next small change.
 *
 * <p>{@link #DEFAULT} was chosen with {@code NodeSizeMeasurement} (under {@code src/test}): see its
 * Javadoc for the numbers.
 */
record NodeLimits(int leafMax, int branchMax) {
  static final NodeLimits DEFAULT = new NodeLimits(512, 128);

  /**
   * For the changes kept apart from a stored tree ({@code Overlay}), which live in memory only:
   * every transaction copies the path to each leaf it changes in every index, and small nodes make
   * those copies small (in {@code NodeSizeMeasurement}, 1.4 us for a change against 2.1 us; a
   * transactor's single-entity transactions allocated about 14% less). An index job copies them
   * into the stored tree, in its nodes.
   */
  static final NodeLimits MEMORY = new NodeLimits(64, 32);

  NodeLimits {
    if (leafMax < 4 || branchMax < 4) {
      throw new IllegalArgumentException(
          "Node limits must be at least 4, got leafMax " + leafMax + ", branchMax " + branchMax);
    }
  }

  int leafMin() {
    return Math.max(1, leafMax / 4);
  }

  int branchMin() {
    return Math.max(2, branchMax / 4);
  }

  boolean underfull(Node node) {
    return node instanceof Leaf leaf
        ? leaf.keys.length < leafMin()
        : ((Branch) node).childCount() < branchMin();
  }

  /**
   * Where to cut {@code n} items into nodes of at most {@code max}: the returned array holds the
   * start of each node and ends with {@code n}. Balanced cuts give every node at least half of
   * {@code max} when there is more than one; {@code leftFull} cuts (for appends at the end of the
   * tree, which never come back to the left part) fill every node but the last two, and leave the
   * last at least {@code min}.
   */
  static int[] cuts(int n, int max, int min, boolean leftFull) {
    int parts = Math.max(1, (n + max - 1) / max);
    int[] cuts = new int[parts + 1];
    cuts[parts] = n;
    if (leftFull) {
      for (int i = 1; i < parts; i++) {
        cuts[i] = i * max;
      }
      if (parts > 1 && n - cuts[parts - 1] < min) {
        cuts[parts - 1] = n - min;
      }
    } else {
      for (int i = 1; i < parts; i++) {
        cuts[i] = (int) ((long) n * i / parts);
      }
    }
    return cuts;
  }
}
