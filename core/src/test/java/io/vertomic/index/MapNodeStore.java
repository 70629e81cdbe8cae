package io.vertomic.index;

import java.util.HashMap;
import java.util.Map;

/**
 * A stand-in for segment storage: writes a tree's nodes under addresses, every branch referring to
 * its children by address only, and loads them back as a {@link NodeSource}, counting loads.
 */
final class MapNodeStore implements NodeSource {
  private final Map<Object, Node> nodes = new HashMap<>();
  private int loads;

  /** The same tree with every node below the root held by address in this store. */
  DatomTree store(DatomTree tree) {
    Node root = tree.root();
    if (root instanceof Branch b) {
      root = addressed(b, tree.source());
    }
    return DatomTree.of(tree.comparator(), root, this, tree.limits());
  }

  private Node addressed(Branch b, NodeSource from) {
    ChildRef[] refs = new ChildRef[b.childCount()];
    for (int i = 0; i < refs.length; i++) {
      Node child = b.child(i, from);
      Node stored = child instanceof Branch cb ? addressed(cb, from) : child;
      Object address = "node-" + nodes.size();
      nodes.put(address, stored);
      refs[i] = ChildRef.stored(address);
    }
    return new Branch(b.level, refs, b.maxKeys.clone(), b.counts.clone());
  }

  @Override
  public Node load(Object address) {
    loads++;
    Node node = nodes.get(address);
    if (node == null) {
      throw new IllegalStateException("no node " + address);
    }
    return node;
  }

  int loads() {
    return loads;
  }
}
