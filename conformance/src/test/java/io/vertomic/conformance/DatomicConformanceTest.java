package io.vertomic.conformance;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import datomic.Connection;
import datomic.Database;
import datomic.Peer;
import datomic.Util;
import io.vertomic.edn.Edn;
import io.vertomic.fixtures.ConformanceAnswers;
import io.vertomic.fixtures.ConformanceCase;
import io.vertomic.fixtures.ConformanceSuite;
import io.vertomic.fixtures.DbInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs core's query conformance suite against Datomic's in-memory peer: proves the recorded
 * expectations are Datomic's behaviour. Datomic's answers are also written to {@code
 * target/datomic-answers.edn} for review.
 */
@Tag("slow") // Datomic's peer
class DatomicConformanceTest {
  private static final Map<String, Loaded> DATASETS = new HashMap<>();
  private static final Map<String, String> ANSWERS = new TreeMap<>();

  private record Loaded(Database db, List<Long> ts) {}

  static List<ConformanceCase> cases() {
    return ConformanceSuite.cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void datomicGivesTheRecordedAnswer(ConformanceCase c) {
    assumeTrue(c.datomicSkip() == null, c.datomicSkip());
    Loaded d = load(c.dataset());
    Object actual;
    try {
      actual = ClojureValues.toJava(run(c, d));
    } catch (Exception | AssertionError e) {
      ANSWERS.put(c.toString(), ":error " + Edn.write(describe(e)));
      if (c.error() == null) {
        fail(c + ": Datomic threw " + describe(e), e);
      }
      return;
    }
    ANSWERS.put(c.toString(), ConformanceAnswers.show(actual));
    if (c.error() != null) {
      fail(c + ": Datomic answered " + ConformanceAnswers.show(actual) + " where " + c.error());
    }
    assertNull(ConformanceAnswers.mismatch(c, actual), c::toString);
  }

  @AfterAll
  static void shutdown() throws IOException {
    StringBuilder out = new StringBuilder("{\n");
    ANSWERS.forEach(
        (k, v) -> out.append(' ').append(Edn.write(k)).append(' ').append(v).append('\n'));
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/datomic-answers.edn"), out.append("}\n"));
    Peer.shutdown(false);
  }

  private static Object run(ConformanceCase c, Loaded d) {
    if (c.isPull()) {
      return d.db().pull(clj(c.pull()), clj(c.eid()));
    }
    List<Object> inputs = new ArrayList<>();
    for (Object in : c.inputs()) {
      inputs.add(input(c, d, in));
    }
    return Peer.query(c.queryText(), inputs.toArray());
  }

  private static Object input(ConformanceCase c, Loaded d, Object in) {
    DbInput db = DbInput.of(in);
    if (db == null) {
      return clj(in);
    }
    switch (db.kind()) {
      case HISTORY:
        return d.db().history();
      case WITH:
        return d.db().with((List<?>) clj(c.with())).get(Connection.DB_AFTER);
      case AS_OF:
        return d.db().asOf(d.ts().get(db.tx() - 1));
      case SINCE:
        return d.db().since(d.ts().get(db.tx() - 1));
      default:
        return d.db();
    }
  }

  private static Object clj(Object edn) {
    return Util.read(Edn.write(edn));
  }

  private static synchronized Loaded load(String dataset) {
    return DATASETS.computeIfAbsent(
        dataset,
        name -> {
          String uri = "datomic:mem://conformance-" + name;
          Peer.createDatabase(uri);
          Connection conn = Peer.connect(uri);
          Map<?, ?> data = (Map<?, ?>) Util.read(ConformanceSuite.datasetText(name));
          try {
            conn.transact((List<?>) data.get(Util.read(":schema"))).get();
            List<Long> ts = new ArrayList<>();
            for (Object tx : (List<?>) data.get(Util.read(":txs"))) {
              Map<?, ?> r = conn.transact((List<?>) tx).get();
              ts.add(((Database) r.get(Connection.DB_AFTER)).basisT());
            }
            return new Loaded(conn.db(), ts);
          } catch (Exception e) {
            throw new IllegalStateException("loading " + name, e);
          }
        });
  }

  private static String describe(Throwable e) {
    StringBuilder out = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      out.append(out.length() == 0 ? "" : " <- ").append(t.getClass().getSimpleName());
      if (t instanceof clojure.lang.IExceptionInfo info) {
        out.append(ConformanceAnswers.canon(ClojureValues.toJava(info.getData())));
      }
      out.append(' ').append(Edn.write(String.valueOf(t.getMessage())));
      if (t.getCause() == t) {
        break;
      }
    }
    return out.toString();
  }
}
