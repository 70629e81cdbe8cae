package io.vertomic.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns a tree into storage segments, copy on write: every node the tree holds only in memory is
 * encoded under a new key, every node it holds by address (already stored, unchanged since) is
 * shared as is. Pure: it returns the segments to put and the root's key; the caller writes the
 * segments before it publishes the root, so a root never names a missing segment.
 */
public final class TreeWriter {
  /** The segments a write produced, children before parents, and the key of the tree's root. */
  public record Written(String rootKey, Map<String, byte[]> segments) {}

  private final Supplier<String> newKey;
  private final Map<String, byte[]> segments = new LinkedHashMap<>();

  private TreeWriter(Supplier<String> newKey) {
    this.newKey = newKey;
  }

  /** The segments of {@code tree} that are not stored yet; {@code newKey} names each new one. */
  public static Written write(DatomTree tree, Supplier<String> newKey) {
    TreeWriter w = new TreeWriter(newKey);
    DatomTree whole = tree.materialized();
    String root = whole.rootAddress() != null ? whole.rootAddress() : w.node(whole.root());
    return new Written(root, w.segments);
  }

  private String node(Node node) {
    List<String> childKeys = new ArrayList<>();
    if (node instanceof Branch b) {
      for (ChildRef ref : b.children) {
        childKeys.add(ref.address() != null ? (String) ref.address() : node(ref.nodeOrNull()));
      }
    }
    String key = newKey.get();
    segments.put(key, NodeCodec.encode(node, childKeys));
    return key;
  }
}
