package io.vertomic.pull;

import static io.vertomic.fixtures.DatomRows.assertEdn;
import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.edn.Keyword;
import io.vertomic.fixtures.Facts;
import io.vertomic.fixtures.People;
import io.vertomic.fixtures.Times;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import io.vertomic.peer.TxReport;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pull API: attributes, {@code *}, {@code :db/id}, nested maps, reverse references, recursion,
 * components, lookup refs and idents as the entity, {@code pullMany}.
 */
class PullTest {
  private static final List<String> IVAN = List.of(":person/email", "ivan@x");

  private Connection conn;
  private Database db;
  private long ivan;
  private long oleg;

  @BeforeEach
  void ivanAndOleg() {
    conn = People.schema();
    TxReport r = tx(conn, People.DATA);
    ivan = Facts.id(r, "ivan");
    oleg = Facts.id(r, "oleg");
    db = conn.db();
  }

  private static String edn(String template, Object... ids) {
    return template.formatted(ids);
  }

  @Test
  void attributesArePulledByName() {
    assertEdn(
        "{:person/name \"Ivan\" :person/age 30}", db.pull("[:person/name :person/age]", ivan));
  }

  @Test
  void missingAttributesAreLeftOut() {
    assertEdn("{:person/name \"Oleg\"}", db.pull("[:person/name :person/friend]", oleg));
  }

  @Test
  void cardinalityManyValuesAreAVector() {
    assertEdn("{:person/aliases [\"Vanechka\" \"Vanya\"]}", db.pull("[:person/aliases]", ivan));
  }

  @Test
  void dbIdIsTheEntityId() {
    assertEdn(
        edn("{:db/id %d :person/name \"Oleg\"}", oleg), db.pull("[:db/id :person/name]", oleg));
  }

  @Test
  void starPullsEveryAttributeAndTheId() {
    assertEdn(
        edn(
            "{:db/id %1$d :person/name \"Oleg\" :person/email \"oleg@x\" :person/handle \"oleg\""
                + " :person/ssn \"222\" :person/age 30 :person/follows [{:db/id %2$d}]}",
            oleg, ivan),
        db.pull("[*]", oleg));
  }

  @Test
  void starWithANestedMapOverridesOneAttribute() {
    Map<Keyword, Object> m = db.pull("[* {:person/follows [:person/name]}]", oleg);
    assertEdn("[{:person/name \"Ivan\"}]", m.get(Keyword.of("person/follows")));
    assertEquals("oleg@x", m.get(Keyword.of("person/email")));
  }

  @Test
  void aReferenceWithoutASubSelectorIsItsId() {
    assertEdn(edn("{:person/friend {:db/id %d}}", oleg), db.pull("[:person/friend]", ivan));
  }

  @Test
  void aNestedMapPullsTheReferencedEntity() {
    assertEdn(
        "{:person/name \"Ivan\" :person/friend {:person/name \"Oleg\" :person/age 30}}",
        db.pull("[:person/name {:person/friend [:person/name :person/age]}]", ivan));
    assertEdn(
        "{:person/follows [{:person/name \"Ivan\" :person/color {:db/ident :color/red}}]}",
        db.pull("[{:person/follows [:person/name {:person/color [:db/ident]}]}]", oleg));
  }

  @Test
  void aReverseAttributePullsTheReferringEntities() {
    assertEdn(
        "{:person/name \"Oleg\" :person/_friend [{:person/name \"Ivan\"}]}",
        db.pull("[:person/name {:person/_friend [:person/name]}]", oleg));
    assertEdn(edn("{:person/_follows [{:db/id %d}]}", oleg), db.pull("[:person/_follows]", ivan));
  }

  @Test
  void aReverseComponentAttributeIsItsOneOwner() {
    long petr = petrWithAddressAndPets();
    long address =
        (Long)
            ((Map<?, ?>) db().pull("[:person/address]", petr).get(Keyword.of("person/address")))
                .get(Keyword.of("db/id"));
    assertEdn(
        "{:address/street \"Main\" :person/_address {:person/name \"Petr\"}}",
        db().pull("[:address/street {:person/_address [:person/name]}]", address));
  }

  private Database db() {
    return conn.db();
  }

  private long petrWithAddressAndPets() {
    return Facts.id(
        tx(
            conn,
            "[{:db/id \"petr\" :person/name \"Petr\""
                + " :person/address {:address/street \"Main\" :address/geo {:geo/lat 1.5}}"
                + " :person/pets [{:pet/name \"Rex\"} {:pet/name \"Tom\"}]"
                + " :person/friend [:person/email \"ivan@x\"]}]"),
        "petr");
  }

  @Test
  void componentsAreExpandedUnderStar() {
    long petr = petrWithAddressAndPets();
    Map<Keyword, Object> m = db().pull("[*]", petr);
    Map<?, ?> address = (Map<?, ?>) m.get(Keyword.of("person/address"));
    assertEquals("Main", address.get(Keyword.of("address/street")));
    assertEquals(
        1.5, ((Map<?, ?>) address.get(Keyword.of("address/geo"))).get(Keyword.of("geo/lat")));
    List<?> pets = (List<?>) m.get(Keyword.of("person/pets"));
    assertEquals(
        List.of("Rex", "Tom"),
        pets.stream().map(p -> ((Map<?, ?>) p).get(Keyword.of("pet/name"))).sorted().toList());
    assertEdn(edn("{:db/id %d}", ivan), m.get(Keyword.of("person/friend")));
  }

  @Test
  void aComponentAttributeByNameIsExpandedToo() {
    long petr = petrWithAddressAndPets();
    Map<?, ?> address =
        (Map<?, ?>) db().pull("[:person/address]", petr).get(Keyword.of("person/address"));
    assertEquals("Main", address.get(Keyword.of("address/street")));
  }

  /** a -> b -> c through :person/friend; returns their ids. */
  private long[] chain() {
    TxReport r =
        tx(
            conn,
            "[{:db/id \"a\" :person/name \"A\" :person/friend \"b\"}"
                + " {:db/id \"b\" :person/name \"B\" :person/friend \"c\"}"
                + " {:db/id \"c\" :person/name \"C\"}]");
    return new long[] {Facts.id(r, "a"), Facts.id(r, "b"), Facts.id(r, "c")};
  }

  @Test
  void recursionWithEllipsisFollowsTheChainToItsEnd() {
    long a = chain()[0];
    assertEdn(
        "{:person/name \"A\" :person/friend {:person/name \"B\" :person/friend {:person/name \"C\"}}}",
        db().pull("[:person/name {:person/friend ...}]", a));
  }

  @Test
  void recursionWithADepthStopsThere() {
    long a = chain()[0];
    Map<Keyword, Object> m = db().pull("[:person/name {:person/friend 1}]", a);
    Map<?, ?> b = (Map<?, ?>) m.get(Keyword.of("person/friend"));
    assertEquals("B", b.get(Keyword.of("person/name")));
    Object c = b.get(Keyword.of("person/friend"));
    assertFalse(
        c instanceof Map<?, ?> cm && cm.containsKey(Keyword.of("person/name")),
        () -> "depth 1 expands one level only, got " + m);
    Map<?, ?> two =
        (Map<?, ?>)
            ((Map<?, ?>)
                    db().pull("[:person/name {:person/friend 2}]", a)
                        .get(Keyword.of("person/friend")))
                .get(Keyword.of("person/friend"));
    assertEquals("C", two.get(Keyword.of("person/name")));
  }

  @Test
  void aRecursionDepthCountsFromWhereTheRecursionStarts() {
    long a = chain()[0];
    long z =
        Facts.id(tx(conn, "[{:db/id \"z\" :person/name \"Z\" :person/follows [" + a + "]}]"), "z");
    Map<Keyword, Object> m = db().pull("[{:person/follows [:person/name {:person/friend 1}]}]", z);
    Map<?, ?> fromA = (Map<?, ?>) ((List<?>) m.get(Keyword.of("person/follows"))).get(0);
    Map<?, ?> b = (Map<?, ?>) fromA.get(Keyword.of("person/friend"));
    assertEquals("B", b.get(Keyword.of("person/name")), () -> "one level below A, got " + m);
  }

  @Test
  void recursionStopsAtAnEntityMetAgainAndPullsItWithoutRecursing() {
    TxReport r =
        tx(
            conn,
            "[{:db/id \"a\" :person/name \"A\" :person/friend \"b\"}"
                + " {:db/id \"b\" :person/name \"B\" :person/friend \"a\"}]");
    long a = Facts.id(r, "a");
    // a root given by id is on the path: A, met again below B, is pulled without recursing
    assertEdn(
        "{:person/name \"A\" :person/friend {:person/name \"B\" :person/friend"
            + " {:person/name \"A\"}}}",
        db().pull("[:person/name {:person/friend ...}]", a));
    // ... and with :db/id asked for, the reference it does not follow shows as its id
    long b = Facts.id(r, "b");
    assertEdn(
        edn(
            "{:db/id %d :person/friend {:db/id %d :person/friend {:db/id %d :person/friend"
                + " {:db/id %d}}}}",
            a, b, a, b),
        db().pull("[:db/id {:person/friend 5}]", a));
  }

  @Test
  void aRecursionPastItsDepthShowsTheIdWhereTheSelectorAsksForIt() {
    long[] ids = chain();
    assertEdn(
        edn(
            "{:db/id %d :person/friend {:db/id %d :person/friend {:db/id %d}}}",
            ids[0], ids[1], ids[2]),
        db().pull("[:db/id {:person/friend 1}]", ids[0]));
  }

  @Test
  void aNestedEntityThatPullsNothingIsLeftOutAndAnEmptyPullIsNull() {
    TxReport r =
        tx(
            conn,
            "[{:db/id \"a\" :person/name \"A\" :person/follows [\"b\" \"c\"]}"
                + " {:db/id \"b\" :person/name \"B\" :person/age 3} {:db/id \"c\" :person/name \"C\"}]");
    long a = Facts.id(r, "a");
    assertEdn(
        "{:person/follows [{:person/age 3}]}", db().pull("[{:person/follows [:person/age]}]", a));
    assertNull(db().pull("[:person/age]", a));
  }

  @Test
  void attributeOptionsMayBeWrittenAsAList() {
    TxReport r =
        tx(
            conn,
            "[{:db/id \"a\" :person/name \"A\" :person/follows [\"b\" \"c\"]}"
                + " {:db/id \"b\" :person/name \"B\"} {:db/id \"c\" :person/name \"C\"}]");
    long a = Facts.id(r, "a");
    Map<Keyword, Object> m = db().pull("[(:person/follows :limit 1) (:person/age :default 7)]", a);
    assertEquals(1, ((List<?>) m.get(Keyword.of("person/follows"))).size(), m::toString);
    assertEquals(7L, m.get(Keyword.of("person/age")));
  }

  @Test
  void aRecursionDepthOfZeroIsIncorrect() {
    Anomaly e = assertThrows(Anomaly.class, () -> db.pull("[{:person/friend 0}]", ivan));
    assertEquals(Category.INCORRECT, e.category());
  }

  @Test
  void aLookupRefOrAnIdentNamesTheEntity() {
    assertEdn("{:person/name \"Ivan\"}", db.pull("[:person/name]", IVAN));
    assertEdn("{:db/ident :color/red}", db.pull("[:db/ident]", ":color/red"));
    assertEdn(
        "{:db/valueType {:db/ident :db.type/string}}",
        db.pull("[{:db/valueType [:db/ident]}]", Keyword.of("person/name")));
  }

  @Test
  void aLookupRefToNobodyPullsNothing() {
    assertNull(db.pull("[:person/name]", List.of(":person/email", "nobody@x")));
  }

  @Test
  void theSelectorMayBeAJavaList() {
    assertEdn(
        "{:person/name \"Ivan\" :person/friend {:person/name \"Oleg\"}}",
        db.pull(
            List.of(
                Keyword.of("person/name"),
                Map.of(Keyword.of("person/friend"), List.of(Keyword.of("person/name")))),
            ivan));
  }

  @Test
  void pullManyPullsEachInOrder() {
    List<Map<Keyword, Object>> out =
        db.pullMany(
            "[:person/name]",
            Arrays.asList(oleg, IVAN, List.of(":person/email", "nobody@x"), ivan));
    assertEquals(4, out.size());
    assertEdn("{:person/name \"Oleg\"}", out.get(0));
    assertEdn("{:person/name \"Ivan\"}", out.get(1));
    assertNull(out.get(2));
    assertEdn("{:person/name \"Ivan\"}", out.get(3));
  }

  @Test
  void pullReadsTheDatabaseValueItIsGiven() {
    long t = db.basisT();
    TxReport r = tx(conn, "[[:db/add [:person/email \"ivan@x\"] :person/name \"Ivan II\"]]");
    assertEdn("{:person/name \"Ivan\"}", conn.db().asOf(t).pull("[:person/name]", ivan));
    assertEdn("{:person/name \"Ivan II\"}", conn.db().pull("[:person/name]", ivan));
    assertEdn("{:person/name \"Ivan II\"}", conn.db().since(t).pull("[:person/name]", ivan));
    assertEquals(Times.t(r), conn.db().basisT());
  }

  @Test
  void aSelectorThatIsNotAVectorIsIncorrect() {
    Anomaly a = assertThrows(Anomaly.class, () -> db.pull(":person/name", ivan));
    assertEquals(Category.INCORRECT, a.category());
  }

  @Test
  void anUnknownAttributeInASelectorIsLeftOutAsDatomicDoes() {
    assertEdn("{:person/name \"Ivan\"}", db.pull("[:person/name :person/nope]", ivan));
  }

  @Test
  void xformAppliesAnAllowedFunctionToTheValue() {
    Xforms.register("test.pull/shout", v -> ((String) v).toUpperCase());
    assertEdn(
        "{:person/name \"IVAN\" :age \"30\"}",
        db.pull("[[:person/name :xform test.pull/shout] [:person/age :as :age :xform str]]", ivan));
  }

  @Test
  void xformOfAFunctionNotAllowedIsForbidden() {
    Anomaly a =
        assertThrows(
            Anomaly.class, () -> db.pull("[[:person/name :xform java.lang.System/exit]]", ivan));
    assertEquals(Category.FORBIDDEN, a.category());
    assertTrue(a.getMessage().contains("java.lang.System/exit"), a.getMessage());
  }

  @Test
  void badAttributeOptionsAreIncorrectAndQuoteTheSelector() {
    for (String bad :
        List.of(
            "[[:person/name :as]]",
            "[[:person/name :color \"red\"]]",
            "[[:person/friend :limit -1]]",
            "[(limit :person/friend)]",
            "[{:person/friend :nope}]")) {
      Anomaly a = assertThrows(Anomaly.class, () -> db.pull(bad, ivan), bad);
      assertEquals(Category.INCORRECT, a.category(), bad);
    }
  }

  @Test
  void cardinalityManyValuesStopAtTheDefaultLimitOfAThousand() {
    StringBuilder nicks =
        new StringBuilder("[{:db/id \"x\" :person/name \"Many\" :person/aliases [");
    for (int i = 0; i < 1005; i++) {
      nicks.append('"').append(i).append("\" ");
    }
    long many = Facts.id(tx(conn, nicks.append("]}]").toString()), "x");
    Map<Keyword, Object> m = conn.db().pull("[:person/aliases]", many);
    assertEquals(1000, ((List<?>) m.get(Keyword.of("person/aliases"))).size());
    Map<Keyword, Object> all = conn.db().pull("[[:person/aliases :limit nil]]", many);
    assertEquals(1005, ((List<?>) all.get(Keyword.of("person/aliases"))).size());
  }
}
