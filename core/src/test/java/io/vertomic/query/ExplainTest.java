package io.vertomic.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.edn.Edn;
import io.vertomic.edn.Keyword;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExplainTest extends QueryTestBase {

  @SuppressWarnings("unchecked")
  private static List<Map<Keyword, Object>> steps(Object plan) {
    return (List<Map<Keyword, Object>>) ((Map<Keyword, Object>) plan).get(Keyword.of("steps"));
  }

  @Test
  void selectiveUniqueLookupRunsFirstWhateverTheWrittenOrder() {
    var db = people();
    var steps =
        steps(
            explain(
                "[:find ?n :where [?e :name ?n] [?e :age ?a] [(> ?a 1)] [?e :email \"ivan@x\"]]",
                db));
    assertEquals("[?e :email \"ivan@x\"]", steps.get(0).get(Keyword.of("clause")));
    assertEquals(Keyword.of("avet"), steps.get(0).get(Keyword.of("index")));
    assertEquals(Keyword.of("eavt"), steps.get(1).get(Keyword.of("index")));
    assertTrue(Edn.write(steps).contains(":estimated-rows"));
  }

  @Test
  void predicateRunsAsSoonAsItsInputsAreBound() {
    var db = people();
    var steps = steps(explain("[:find ?n :where [?e :name ?n] [(< ?a 30)] [?e :age ?a]]", db));
    int pred = -1;
    int age = -1;
    for (int i = 0; i < steps.size(); i++) {
      String c = (String) steps.get(i).get(Keyword.of("clause"));
      pred = c.startsWith("[(<") ? i : pred;
      age = c.contains(":age") ? i : age;
    }
    assertEquals(age + 1, pred);
  }

  @Test
  void referenceValueBoundUsesVaet() {
    var db = people();
    var steps =
        steps(
            explain("[:find ?n :where [?x :email \"ivan@x\"] [?e :friend ?x] [?e :name ?n]]", db));
    assertEquals(Keyword.of("vaet"), steps.get(1).get(Keyword.of("index")));
  }
}
