package io.vertomic.query.exec;

import io.vertomic.edn.Symbol;
import io.vertomic.query.parse.RuleGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The table of one (source, rule, bound arguments) during a run: the seeds it was called with, in
 * arrival order with how many have been evaluated, and the answers, in arrival order, indexed by
 * seed (an answer's values at the bound positions), with the window of answers the previous round
 * of evaluation added (the delta). Not thread-safe.
 */
final class RuleTable {
  final Symbol name;
  final Env env;
  final boolean[] mask;
  private final int seedWidth;
  private final Set<RowKey> seedSet = new HashSet<>();
  private final List<RowKey> seeds = new ArrayList<>();
  private int evaluated;
  private final Set<RowKey> answerSet = new HashSet<>();
  private final List<RowKey> answers = new ArrayList<>();
  private final Map<RowKey, List<RowKey>> bySeed = new HashMap<>();
  private int deltaFrom;
  private int deltaTo;
  private final RightLinearRule rightLinear;

  RuleTable(Symbol name, Env env, boolean[] mask, RuleGraph graph) {
    this.name = name;
    this.env = env;
    this.mask = mask;
    this.rightLinear = RightLinearRule.of(name, env.rules.get(name), mask, graph);
    int w = 0;
    for (boolean m : mask) {
      w += m ? 1 : 0;
    }
    this.seedWidth = w;
  }

  /** The right-linear form of the rule for this table's bound arguments, or null. */
  RightLinearRule rightLinear() {
    return rightLinear;
  }

  int seedWidth() {
    return seedWidth;
  }

  void addSeed(RowKey seed) {
    if (seedSet.add(seed)) {
      seeds.add(seed);
    }
  }

  int seedCount() {
    return seeds.size();
  }

  int evaluatedSeeds() {
    return evaluated;
  }

  boolean hasNewSeeds() {
    return evaluated < seeds.size();
  }

  /** The seeds not evaluated yet, which count as evaluated from now on. */
  List<RowKey> takeNewSeeds() {
    List<RowKey> out = seeds(evaluated, seeds.size());
    evaluated = seeds.size();
    return out;
  }

  List<RowKey> seeds(int from, int to) {
    return new ArrayList<>(seeds.subList(from, to));
  }

  void addAnswer(RowKey answer) {
    if (answerSet.add(answer)) {
      answers.add(answer);
      bySeed.computeIfAbsent(seedOf(answer), k -> new ArrayList<>()).add(answer);
    }
  }

  int answerCount() {
    return answers.size();
  }

  /** The answers of {@code seeds}. */
  List<RowKey> answersFor(Set<RowKey> seeds) {
    if (seedWidth == 0) {
      return answers;
    }
    List<RowKey> out = new ArrayList<>();
    for (RowKey s : seeds) {
      List<RowKey> found = bySeed.get(s);
      if (found != null) {
        out.addAll(found);
      }
    }
    return out;
  }

  /** Starts a round: the answers added since the last one become the delta. */
  void startRound() {
    deltaFrom = deltaTo;
    deltaTo = answers.size();
  }

  /** The answers the previous round added. */
  List<RowKey> delta() {
    return answers.subList(deltaFrom, deltaTo);
  }

  private RowKey seedOf(RowKey answer) {
    Object[] out = new Object[seedWidth];
    int k = 0;
    for (int i = 0; i < mask.length; i++) {
      if (mask[i]) {
        out[k++] = answer.values()[i];
      }
    }
    return new RowKey(out);
  }
}
