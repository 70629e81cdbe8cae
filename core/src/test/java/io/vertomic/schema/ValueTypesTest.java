package io.vertomic.schema;

import static io.vertomic.fixtures.TestDb.assertRejected;
import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Category;
import io.vertomic.datom.Datom;
import io.vertomic.datom.Values;
import io.vertomic.edn.Keyword;
import io.vertomic.edn.Symbol;
import io.vertomic.fixtures.Facts;
import io.vertomic.fixtures.TestDb;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import io.vertomic.peer.Entity;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every value type round-trips through a transaction into datoms and entities, and a value of the
 * wrong type is refused with {@code incorrect}, naming the attribute and the expected type.
 */
class ValueTypesTest {
  private static final String UUID_TEXT = "5f0c3e9a-1b2c-4d5e-8f90-123456789abc";

  /**
   * Rows: type name, extra schema keys, EDN literal (null when EDN has none), Java input, stored
   * value, a wrong value as EDN, a fragment the rejection names.
   */
  static Stream<Arguments> types() {
    return Stream.of(
        row("long", "", "42", 42L, 42L, "\"42\"", ":db.type/long"),
        row("double", "", "1.5", 1.5d, 1.5d, "\"1.5\"", ":db.type/double"),
        row("float", "", "2.5", 2.5f, 2.5f, ":x", ":db.type/float"),
        row(
            "bigint",
            "",
            "12345678901234567890N",
            new BigInteger("12345678901234567890"),
            new BigInteger("12345678901234567890"),
            "1.5",
            ":db.type/bigint"),
        row(
            "bigdec",
            "",
            "1.50M",
            new BigDecimal("1.50"),
            new BigDecimal("1.50"),
            "1.5",
            ":db.type/bigdec"),
        row("string", "", "\"hi\"", "hi", "hi", "42", ":db.type/string"),
        row("boolean", "", "true", true, true, "\"true\"", ":db.type/boolean"),
        row(
            "keyword",
            "",
            ":red",
            Keyword.of("red"),
            Keyword.of("red"),
            "\"red\"",
            ":db.type/keyword"),
        row(
            "symbol",
            "",
            "foo/bar",
            Symbol.of("foo/bar"),
            Symbol.of("foo/bar"),
            ":foo",
            ":db.type/symbol"),
        row(
            "instant",
            "",
            "#inst \"2024-01-02T03:04:05Z\"",
            new Date(1704164645000L),
            new Date(1704164645000L),
            "\"2024-01-02\"",
            ":db.type/instant"),
        row(
            "uuid",
            "",
            "#uuid \"" + UUID_TEXT + "\"",
            UUID.fromString(UUID_TEXT),
            UUID.fromString(UUID_TEXT),
            "\"" + UUID_TEXT + "\"",
            ":db.type/uuid"),
        row(
            "uri",
            "",
            "#uri \"https://vertomic.io/x\"",
            URI.create("https://vertomic.io/x"),
            URI.create("https://vertomic.io/x"),
            "\"https://vertomic.io/x\"",
            ":db.type/uri"),
        row(
            "bytes",
            "",
            "#bytes \"AQID\"",
            new byte[] {1, 2, 3},
            new byte[] {1, 2, 3},
            "\"AQID\"",
            ":db.type/bytes"),
        row("ref", "", ":db.part/user", Keyword.of("db.part/user"), 4L, "true", ":db.type/ref"),
        row(
            "tuple",
            ":db/tupleTypes [:db.type/long :db.type/string]",
            "[7 \"seven\"]",
            List.of(7L, "seven"),
            List.of(7L, "seven"),
            "[7 8]",
            ":db.type/string"));
  }

  private static Arguments row(
      String type,
      String extra,
      String edn,
      Object input,
      Object stored,
      String wrong,
      String frag) {
    return Arguments.of(type, extra, edn, input, stored, wrong, frag);
  }

  private static Connection install(String type, String extra) {
    return TestDb.withSchema(
        "[{:db/ident :v/x :db/valueType :db.type/"
            + type
            + " :db/cardinality :db.cardinality/one "
            + extra
            + "}]");
  }

  private static void assertStored(Database db, long e, Object stored) {
    List<Datom> ds = new ArrayList<>();
    db.datoms(":eavt", e, ":v/x").forEach(ds::add);
    assertEquals(1, ds.size(), () -> "datoms " + ds);
    assertTrue(Values.equal(stored, ds.get(0).v()), () -> "stored " + ds.get(0));
    Object fromEntity = db.entity(e).get(":v/x");
    Object plain = fromEntity instanceof Entity ent ? ent.id() : fromEntity;
    assertTrue(Values.equal(stored, plain), () -> "entity value " + plain);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void javaValueRoundTripsThroughTransactAndDatoms(
      String type,
      String extra,
      String edn,
      Object input,
      Object stored,
      String wrong,
      String frag) {
    Connection conn = install(type, extra);
    List<Object> txData = List.of(List.of(Keyword.of("db/add"), "e", Keyword.of("v/x"), input));
    long e = Facts.id(tx(conn, txData), "e");
    assertStored(conn.db(), e, stored);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void ednLiteralRoundTripsThroughTransactAndDatoms(
      String type,
      String extra,
      String edn,
      Object input,
      Object stored,
      String wrong,
      String frag) {
    if (edn == null) {
      return;
    }
    Connection conn = install(type, extra);
    long e = Facts.id(tx(conn, "[[:db/add \"e\" :v/x " + edn + "]]"), "e");
    assertStored(conn.db(), e, stored);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void valueOfTheWrongTypeIsRejected(
      String type,
      String extra,
      String edn,
      Object input,
      Object stored,
      String wrong,
      String frag) {
    Connection conn = install(type, extra);
    assertRejected(conn, "[[:db/add \"e\" :v/x " + wrong + "]]", Category.INCORRECT, ":v/x", frag);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void redundantAssertionOfTheSameValueIsElided(
      String type,
      String extra,
      String edn,
      Object input,
      Object stored,
      String wrong,
      String frag) {
    Connection conn = install(type, extra);
    List<Object> first = List.of(List.of(Keyword.of("db/add"), "e", Keyword.of("v/x"), input));
    long e = Facts.id(tx(conn, first), "e");
    List<Object> again = List.of(List.of(Keyword.of("db/add"), e, Keyword.of("v/x"), input));
    assertEquals(1, tx(conn, again).txData().size(), "only the tx instant");
  }
}
