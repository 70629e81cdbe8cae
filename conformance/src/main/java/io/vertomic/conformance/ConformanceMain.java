package io.vertomic.conformance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./scripts/conformance --cases N --seed S [--out DIR] [--features all|slice|all-but:F,..]
 * [--first I] [--reads-per-history R] [--no-shrink]}: runs generated cases on Datomic and Vertomic,
 * prints progress and a summary by category, shrinks each difference and writes it as an EDN case
 * under DIR (default {@code conformance/target/differences}). Exits 1 when any case differs. {@code
 * --fulltext ...} runs the fulltext side by side instead ({@link
 * io.vertomic.conformance.fulltext.FulltextConformance}).
 */
public final class ConformanceMain {
  private ConformanceMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--fulltext")) {
      io.vertomic.conformance.fulltext.FulltextConformance.main(args);
      return;
    }
    long cases = 1000;
    long seed = 1;
    long first = 0;
    int reads = 40;
    int examples = 3;
    boolean shrink = true;
    boolean verbose = false;
    String features = "all";
    List<Path> replay = new ArrayList<>();
    Path out = Path.of("conformance/target/differences");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--cases" -> cases = Long.parseLong(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--first" -> first = Long.parseLong(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--features" -> features = args[++i];
        case "--reads-per-history" -> reads = Integer.parseInt(args[++i]);
        case "--examples" -> examples = Integer.parseInt(args[++i]);
        case "--no-shrink" -> shrink = false;
        case "--verbose" -> verbose = true;
        case "--replay" -> {
          while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
            replay.add(Path.of(args[++i]));
          }
        }
        case "--help", "-h" -> {
          System.out.println(
              "usage: conformance --cases N --seed S [--out DIR] [--features all|slice|all-but:F,..]"
                  + " [--first I] [--reads-per-history R] [--examples K] [--no-shrink]"
                  + " | --replay CASE.edn.."
                  + " | --fulltext [--values N] [--queries Q] [--small-queries Q] [--seed S]");
          return;
        }
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (!replay.isEmpty()) {
      replay(replay);
      return;
    }
    FeatureSet f = FeatureSet.named(features);
    System.out.printf(
        "conformance: %,d cases from %d, seed %d, features %s%n", cases, first, seed, f.name());
    int code;
    try (DiffRunner runner = new DiffRunner(f, reads, 10_000)) {
      DiffRunner.Summary s = runner.run(seed, first, cases, System.out::println);
      System.out.printf(
          "%n%,d cases (%,d histories) in %.1f s: %,d differences%n",
          s.cases(), s.histories(), s.millis() / 1000.0, s.differences().size());
      System.out.println("reads using each feature: " + s.readsUsing());
      for (Map.Entry<String, Integer> e : s.byCategory().entrySet()) {
        System.out.printf("  %-32s %,d%n", e.getKey(), e.getValue());
      }
      if (verbose) {
        for (Difference d : s.differences()) {
          System.out.printf(
              "%n[%s] case %d%n  features %s%n  read     %s%n  datomic  %s%n  vertomic %s%n",
              d.category(),
              d.caseIndex(),
              d.read().features(),
              Answers.edn(d.read().toEdn()),
              d.datomic().show(),
              d.vertomic().show());
        }
      }
      if (shrink && !s.differences().isEmpty()) {
        List<Path> written = new ArrayList<>();
        Shrinker shrinker = new Shrinker(runner);
        for (Difference d : Report.examples(s.differences(), examples)) {
          Difference small = shrinker.shrink(d);
          written.add(CaseFile.write(out, small));
          System.out.printf(
              "%n[%s] shrunk from case %d%n  schema   %s%n  txs      %s%n"
                  + "  read     %s%n  datomic  %s%n  vertomic %s%n",
              small.category(),
              small.caseIndex(),
              Answers.edn(small.history().schemaTx()),
              Answers.edn(small.history().txs()),
              Answers.edn(small.read().toEdn()),
              small.datomic().show(),
              small.vertomic().show());
        }
        System.out.printf("%nshrunk %d differences to %s%n", written.size(), out);
        written.forEach(p -> System.out.println("  " + p.getFileName()));
      }
      code = s.differences().isEmpty() ? 0 : 1;
    }
    datomic.Peer.shutdown(false);
    System.exit(code);
  }

  /** Runs each EDN case file on both engines and prints both answers: a probe for one question. */
  private static void replay(List<Path> files) throws java.io.IOException {
    try (DiffRunner runner = new DiffRunner(FeatureSet.all(), 1, 10_000)) {
      for (Path file : files) {
        CaseFile.Replay c = CaseFile.read(java.nio.file.Files.readString(file));
        List<Outcome> o = runner.outcomes(c.history(), c.read());
        System.out.printf("%s%n  read     %s%n", file, Answers.edn(c.read().toEdn()));
        if (o.isEmpty()) {
          System.out.println("  (the history already differs, or the read is a transaction)");
        } else {
          String differs = Difference.category(c.read().kind(), o.get(0), o.get(1));
          System.out.printf(
              "  datomic  %s%n  vertomic %s%n  %s%n",
              o.get(0).show(),
              o.get(1).show(),
              differs == null
                  ? "agree"
                  : "DIFFER "
                      + differs
                      + "\n  compared "
                      + o.get(0).canon()
                      + "\n     with "
                      + o.get(1).canon());
        }
      }
    }
    datomic.Peer.shutdown(false);
    System.exit(0);
  }
}
