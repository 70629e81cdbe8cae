package io.vertomic.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every query of the real-data benchmark ({@link MbrainzQueries}, {@link SocialQueries}) gives the
 * same answer on Vertomic and on Datomic, on a small slice of each data set. All differences are
 * collected and listed in one failure. No timings.
 */
@Tag("slow") // Datomic's peer
class RealQueriesAnswerAlikeTest {
  @AfterAll
  static void shutDownDatomic() {
    datomic.Peer.shutdown(false);
  }

  @Test
  void mbrainzQueriesAnswerAlike() {
    assertAlike(MbrainzSlice.of(20), MbrainzQueries.ALL);
  }

  @Test
  void socialQueriesAnswerAlike() {
    assertAlike(SocialGraph.of(60), SocialQueries.ALL);
  }

  private static void assertAlike(RealData data, List<RealQuery> queries) {
    List<String> differences = new ArrayList<>();
    List<String> empty = new ArrayList<>();
    try (RealDb v = RealDb.create("vertomic", "alike-" + data.name());
        RealDb d = RealDb.create("datomic", "alike-" + data.name())) {
      data.loadInto(v);
      data.loadInto(d);
      for (RealQuery q : queries) {
        String va = answer(v, q);
        String da = answer(d, q);
        if (va.equals("#{}") || va.equals("#{[0]}")) {
          empty.add(q.name());
        }
        if (!va.equals(da)) {
          differences.add(q.name() + "\n vertomic: " + va + "\n datomic:  " + da);
        }
      }
    }
    assertEquals(List.of(), differences, "queries answered differently on " + data.name());
    assertTrue(empty.size() <= 2, "the slice leaves these queries without answers: " + empty);
  }

  private static String answer(RealDb db, RealQuery q) {
    try {
      return Answers.canonical(db.q(q.query(), q.inputs().stream().map(db::read).toList()));
    } catch (RuntimeException e) {
      return "fails: " + e.getMessage();
    }
  }
}
