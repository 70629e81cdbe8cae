package io.vertomic.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Picks the differences worth shrinking: per category, up to k with the most varied features. */
final class Report {
  private Report() {}

  static List<Difference> examples(List<Difference> all, int k) {
    Map<String, List<Difference>> chosen = new LinkedHashMap<>();
    for (Difference d : all) {
      List<Difference> c = chosen.computeIfAbsent(d.category(), x -> new ArrayList<>());
      if (c.size() >= k) {
        continue;
      }
      boolean novel = true;
      for (Difference x : c) {
        Set<Feature> seen = x.read().features();
        if (seen.containsAll(d.read().features()) || d.read().features().containsAll(seen)) {
          novel = false;
        }
      }
      if (novel || c.isEmpty()) {
        c.add(d);
      }
    }
    List<Difference> out = new ArrayList<>();
    chosen.values().forEach(out::addAll);
    return out;
  }
}
