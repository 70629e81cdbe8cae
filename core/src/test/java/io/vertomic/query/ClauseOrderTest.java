package io.vertomic.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertomic.edn.Edn;
import io.vertomic.peer.Database;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The engine picks the clause order, so the written order never changes the answer. */
class ClauseOrderTest extends QueryTestBase {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[:find ?n1 ?n2 :where [?a :friend ?b] [?a :name ?n1] [?b :name ?n2] [?b :age ?x] [(> ?x 20)]]",
        "[:find ?n :where [?e :name ?n] (not [?e :age 37]) [?e :email ?m] [(!= ?m \"anna@x\")]]",
        "[:find ?n ?k :where [?e :name ?n] (or [?e :age 15] [?e :age 22]) [(get-else $ ?e :bio \"-\") ?k]]",
        "[:find ?n ?b :where [?e :age ?a] [(inc ?a) ?b] [?e :name ?n] [(< ?b 30)]]",
        "[:find ?n (count ?f) :where [?e :friend ?f] [?f :age ?a] [?e :name ?n] (not-join [?e] [?e :age 22])]",
        "[:find ?n :in $ % :where (reach ?e ?f) [?f :email \"ivan@x\"] [?e :name ?n] [?e :age ?a] [(> ?a 20)]]"
      })
  void shuffledClausesGiveTheSameAnswer(String query) {
    Database db = people();
    String rules =
        "[[(reach ?a ?b) [?a :friend ?b]] [(reach ?a ?b) [?a :friend ?x] (reach ?x ?b)]]";
    Object[] inputs = query.contains(" % ") ? new Object[] {db, rules} : new Object[] {db};
    List<Object> form = new ArrayList<>((List<?>) Edn.read(query));
    int where = form.indexOf(io.vertomic.edn.Keyword.of("where"));
    String expected = Edn.write(q(query, inputs));
    Random random = new Random(42);
    for (int i = 0; i < 25; i++) {
      List<Object> clauses = new ArrayList<>(form.subList(where + 1, form.size()));
      Collections.shuffle(clauses, random);
      List<Object> shuffled = new ArrayList<>(form.subList(0, where + 1));
      shuffled.addAll(clauses);
      assertEquals(expected, Edn.write(q(shuffled, inputs)), Edn.write(shuffled));
    }
  }
}
