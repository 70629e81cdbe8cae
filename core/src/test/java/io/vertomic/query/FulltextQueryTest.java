package io.vertomic.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertomic.anomaly.Category;
import io.vertomic.fixtures.TestDb;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import io.vertomic.peer.TxReport;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code fulltext} function against answers Datomic 1.0.7277's in-memory peer gave for the same
 * data and searches (its scores are quoted as it printed them).
 */
class FulltextQueryTest extends QueryTestBase {
  private static final String FT_SCHEMA =
      "[{:db/ident :doc/text :db/valueType :db.type/string :db/cardinality :db.cardinality/one"
          + "  :db/fulltext true}"
          + " {:db/ident :doc/tags :db/valueType :db.type/string"
          + "  :db/cardinality :db.cardinality/many :db/fulltext true}"
          + " {:db/ident :doc/plain :db/valueType :db.type/string"
          + "  :db/cardinality :db.cardinality/one}]";

  private static final String A = "The quick brown fox jumps over the lazy dog";
  private static final String B = "A quick brown dog";
  private static final String C = "Foxes are quick and clever; the fox is quick";
  private static final String D = "Nothing to see here, really nothing";

  private Connection ft;
  private TxReport first;

  @BeforeEach
  void load() {
    ft = TestDb.withSchema(FT_SCHEMA);
    first =
        TestDb.tx(
            ft,
            List.of(
                TestDb.read("{:db/id \"a\" :doc/text \"" + A + "\" :doc/plain \"quick fox\"}"),
                TestDb.read("{:db/id \"b\" :doc/text \"" + B + "\"}"),
                TestDb.read("{:db/id \"c\" :doc/text \"" + C + "\"}"),
                TestDb.read("{:db/id \"d\" :doc/text \"" + D + "\"}")));
  }

  /** The distinct [value t score] rows of a search of :doc/text, best first, then by value. */
  private static List<List<Object>> search(Database db, String search) {
    return search(db, ":doc/text", search);
  }

  private static List<List<Object>> search(Database db, String attr, String search) {
    Collection<?> rows =
        (Collection<?>)
            q(
                "[:find ?v ?t ?s :in $ ?a ?q :where [(fulltext $ ?a ?q) [[?e ?v ?t ?s]]]]",
                db,
                TestDb.read(attr),
                search);
    List<List<Object>> out = new ArrayList<>();
    for (Object r : rows) {
      List<?> row = (List<?>) r;
      out.add(List.of(row.get(0), row.get(1), row.get(2)));
    }
    out.sort(
        Comparator.comparing((List<Object> r) -> -((Double) r.get(2)))
            .thenComparing(r -> (String) r.get(0))
            .thenComparing(r -> (Long) r.get(1)));
    return out;
  }

  private static void assertHits(List<List<Object>> actual, Object... valueScorePairs) {
    assertEquals(valueScorePairs.length / 2, actual.size(), actual::toString);
    for (int i = 0; i < actual.size(); i++) {
      assertEquals(valueScorePairs[2 * i], actual.get(i).get(0), actual::toString);
      assertEquals(
          (Double) valueScorePairs[2 * i + 1],
          (Double) actual.get(i).get(2),
          1e-6,
          actual::toString);
    }
  }

  /** A database whose :x (fulltext) values are the strings of {@code values} (an EDN vector). */
  private static Connection textsOfX(String values) {
    Connection c =
        TestDb.withSchema(
            "[{:db/ident :x :db/valueType :db.type/string :db/cardinality :db.cardinality/one"
                + "  :db/fulltext true}]");
    TestDb.tx(c, TestDb.read(values));
    return c;
  }

  @Test
  void aTermScoresByFrequencyAndLengthAsLucene3Does() {
    assertHits(search(ft.db(), "quick"), C, 1.0, B, 0.8081220202780767, A, 0.6060915152085575);
    assertHits(search(ft.db(), "QUICK"), C, 1.0, B, 0.8081220202780767, A, 0.6060915152085575);
    assertHits(search(ft.db(), "fox"), C, 1.0, A, 0.8571428117991948);
  }

  @Test
  void termsAreOredAndScaledByTheShareOfTermsMatched() {
    assertHits(search(ft.db(), "fox dog"), A, 1.0, B, 0.3333333260598251, C, 0.2916666630299125);
    assertHits(search(ft.db(), "fox AND dog"), A, 1.0);
    assertHits(search(ft.db(), "+quick -dog"), C, 1.0);
  }

  @Test
  void phrasesWildcardsPrefixesAndFuzzyTerms() {
    assertHits(search(ft.db(), "\"brown fox\""), A, 1.0);
    assertHits(search(ft.db(), "fo*"), C, 1.0, A, 1.0);
    assertHits(search(ft.db(), "f?x"), C, 1.0, A, 1.0);
    assertHits(search(ft.db(), "quik~"), C, 1.0, B, 0.8081220202780767, A, 0.6060915152085575);
  }

  @Test
  void aFuzzyTermMatchesAndWeighsTermsByLucene3sSimilarityNotByEdits() {
    Connection c =
        textsOfX(
            "[{:x \"quick\"} {:x \"quack\"} {:x \"qu\"} {:x \"fa\"}"
                + " {:x \"fo\"} {:x \"quickly\"}]");
    // similarity 1 - edits / shorter length must exceed 0.5, weighing (similarity - 0.5) / 0.5:
    // quick 1 (itself), quack 0.6 (an edit of 5 chars); quickly 0.2 (2 edits: Lucene 9 would
    // weigh it as 1 - 2/5); qu is 3 edits, too far
    assertHits(search(c.db(), ":x", "quick~"), "quick", 1.0, "quack", 0.6, "quickly", 0.2);
    // a term of two chars matches only itself (Lucene 9 would allow an edit: fo)
    assertHits(search(c.db(), ":x", "fa~"), "fa", 1.0);
    assertHits(search(c.db(), ":x", "quickly~0.7"), "quickly", 1.0); // quick: 1 - 2/5 < 0.7
    // an edit count is not a similarity: Lucene 3's parser refused it
    assertRejected(
        Category.INCORRECT,
        "[:find ?e :in $ ?q :where [(fulltext $ :x ?q) [[?e]]]]",
        new Object[] {c.db(), "quick~2"},
        "cannot parse the search");
  }

  @Test
  void aSearchKeepsTheBestTenThousandHitsOfTheIndexBeforeTheViewKeepsItsOwn() {
    Connection c =
        TestDb.withSchema(
            "[{:db/ident :x :db/valueType :db.type/string :db/cardinality :db.cardinality/one"
                + "  :db/fulltext true}]");
    List<Object> older = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      older.add(TestDb.read("{:x \"alpha beta\"}"));
    }
    TxReport first = TestDb.tx(c, older);
    List<Object> newer = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      newer.add(TestDb.read("{:x \"alpha\"}"));
    }
    TestDb.tx(c, newer);
    String q = "[:find ?e ?v :in $ ?q :where [(fulltext $ :x ?q) [[?e ?v]]]]";
    // the five better hits, then the oldest of the equal ones (Lucene keeps the first in the index)
    Collection<?> all = (Collection<?>) q(q, c.db(), "alpha");
    assertEquals(10_000, all.size());
    assertEquals(5, all.stream().filter(r -> ((List<?>) r).get(1).equals("alpha")).count());
    // a view keeps its own of those: the newer ones took five places
    assertEquals(
        9_995, ((Collection<?>) q(q, c.db().asOf(first.dbAfter().basisT()), "alpha")).size());
    // a search that finds fewer is whole
    assertEquals(10_000, ((Collection<?>) q(q, c.db(), "beta")).size());
  }

  @Test
  void anEmojiIsNoTokenAsInLucene3() {
    Connection c =
        TestDb.withSchema(
            "[{:db/ident :x :db/valueType :db.type/string :db/cardinality :db.cardinality/one"
                + "  :db/fulltext true}]");
    TestDb.tx(c, TestDb.read("[{:x \"quick \uD83D\uDC4D fox\"} {:x \"quick brown fox\"}]"));
    String thumbs = "quick \uD83D\uDC4D fox";
    // two tokens, not three: a shorter value scores higher
    assertHits(search(c.db(), ":x", "fox"), thumbs, 1.0, "quick brown fox", 0.8);
    assertHits(search(c.db(), ":x", "\"quick fox\""), thumbs, 1.0);
    assertHits(search(c.db(), ":x", "\uD83D\uDC4D"));
  }

  @Test
  void aPhraseAfterAStopWordIsNotFoundWhereItWouldStartBeforeTheValueAsInLucene3() {
    Connection c =
        textsOfX(
            "[{:x \"rine were he\"} {:x \"x rine were\"} {:x \"x y rine were\"}"
                + " {:x \"rine were x rine were\"} {:x \"the rine were\"}]");
    // Lucene 3.3's exact phrase scorer skipped a match starting before position 0: the first
    // value is not found, the fourth once (its score as for one match), not twice
    assertHits(
        search(c.db(), ":x", "\"by rine were\""),
        "the rine were",
        1.0,
        "x rine were",
        0.8,
        "x y rine were",
        0.8,
        "rine were x rine were",
        0.7);
    assertHits(
        search(c.db(), ":x", "\"by the rine were\""),
        "x y rine were",
        1.0,
        "rine were x rine were",
        0.875);
    assertHits(
        search(c.db(), ":x", "\"rine were\""),
        "the rine were",
        1.0,
        "rine were x rine were",
        0.9899494750395965,
        "rine were he",
        0.8,
        "x rine were",
        0.8,
        "x y rine were",
        0.8);
  }

  @Test
  void stopWordsAndOtherFieldsFindNothing() {
    assertHits(search(ft.db(), "the"));
    assertHits(search(ft.db(), "and"));
    assertHits(search(ft.db(), "plain:quick"));
    assertHits(search(ft.db(), "v:quick"), C, 1.0, B, 0.8081220202780767, A, 0.6060915152085575);
  }

  @Test
  void anAttributeWithoutFulltextFindsNothing() {
    assertQuery("#{}", "[:find ?e :where [(fulltext $ :doc/plain \"quick\") [[?e]]]]", ft.db());
  }

  @Test
  void theThirdElementIsTheTransactionsT() {
    List<List<Object>> hits = search(ft.db(), "nothing");
    assertEquals(first.dbAfter().basisT(), hits.get(0).get(1));
  }

  @Test
  void aNewValueIsFoundByTheNextQueryAndARetractedOneIsNot() {
    long a = first.tempids().get("a");
    TxReport retract = TestDb.tx(ft, List.of(List.of(":db/retract", a, ":doc/text", A)));
    assertHits(search(retract.dbAfter(), "fox"), C, 1.0);
    TxReport again =
        TestDb.tx(ft, List.of(TestDb.read("{:db/id " + a + " :doc/text \"a red fox now\"}")));
    Database db = again.dbAfter();
    assertHits(search(db, "fox"), "a red fox now", 1.0, C, 0.875);
    // the views answer as Datomic's: a value the view holds is found with each of its datoms
    assertHits(search(db.asOf(first.dbAfter().basisT()), "fox"), C, 0.875, A, 0.75, A, 0.75);
    assertHits(search(db.asOf(retract.dbAfter().basisT()), "fox"), C, 0.875);
    assertHits(search(db.since(retract.dbAfter().basisT()), "fox"), "a red fox now", 1.0);
    assertHits(search(db.history(), "fox"), "a red fox now", 1.0, C, 0.875, A, 0.75, A, 0.75);
  }

  @Test
  void eachAttributeHasItsOwnIndexAndStatistics() {
    Connection c =
        TestDb.withSchema(
            "[{:db/ident :x :db/valueType :db.type/string :db/cardinality :db.cardinality/one"
                + "  :db/fulltext true}"
                + " {:db/ident :y :db/valueType :db.type/string :db/cardinality :db.cardinality/one"
                + "  :db/fulltext true}]");
    TestDb.tx(c, TestDb.read("[{:x \"alpha\"} {:x \"beta\"} {:x \"beta\"}]"));
    List<Object> ys = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ys.add(TestDb.read("{:y \"alpha\"}"));
    }
    TestDb.tx(c, ys);
    assertHits(search(c.db(), ":x", "alpha beta"), "alpha", 1.0, "beta", 0.5062439910076952);
  }

  @Test
  void badSearchesAreIncorrect() {
    for (String bad : List.of("", "   ", "\"unclosed", "AND", "(quick", "*ox")) {
      assertRejected(
          Category.INCORRECT,
          "[:find ?e :in $ ?q :where [(fulltext $ :doc/text ?q) [[?e]]]]",
          new Object[] {ft.db(), bad},
          "fulltext of :doc/text cannot parse the search");
    }
    assertRejected(
        Category.INCORRECT,
        "[:find ?e :where [(fulltext $ :doc/text 42) [[?e]]]]",
        new Object[] {ft.db()},
        "search string");
  }

  @Test
  void aSearchGivesAtMostTenThousandHitsTheBestScoredAsDatomicDoes() {
    Connection c = TestDb.withSchema(FT_SCHEMA);
    for (int from = 0; from < 10_500; from += 3_500) {
      List<Object> tx = new ArrayList<>();
      for (int i = from; i < from + 3_500; i++) {
        // the first 600 hold the word twice, so they score best
        tx.add(java.util.Map.of(":doc/text", i < 600 ? "common common w" + i : "common w" + i));
      }
      TestDb.tx(c, tx);
    }
    List<List<Object>> hits = search(c.db(), "common");
    assertEquals(10_000, hits.size());
    assertEquals(600, hits.stream().filter(h -> (Double) h.get(2) == 1.0).count());
  }
}
