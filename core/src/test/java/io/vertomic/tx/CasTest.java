package io.vertomic.tx;

import static io.vertomic.fixtures.TestDb.assertRejected;
import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertomic.anomaly.Category;
import io.vertomic.fixtures.Facts;
import io.vertomic.fixtures.People;
import io.vertomic.peer.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code :db/cas} (and {@code :db.fn/cas}): swap only when the current value is the expected one.
 */
class CasTest {
  private static final List<String> IVAN = List.of(":person/email", "ivan@x");

  @Test
  void casSwapsWhenTheCurrentValueMatches() {
    Connection conn = People.withData();
    tx(conn, "[[:db/cas [:person/email \"ivan@x\"] :person/age 30 31]]");
    assertEquals(31L, Facts.value(conn.db(), IVAN, ":person/age"));
  }

  @Test
  void dbFnCasIsTheSameOperation() {
    Connection conn = People.withData();
    tx(conn, "[[:db.fn/cas [:person/email \"ivan@x\"] :person/age 30 31]]");
    assertEquals(31L, Facts.value(conn.db(), IVAN, ":person/age"));
  }

  @Test
  void casWithNilExpectsNoCurrentValue() {
    Connection conn = People.withData();
    tx(conn, "[[:db/retract [:person/email \"ivan@x\"] :person/age 30]]");
    tx(conn, "[[:db/cas [:person/email \"ivan@x\"] :person/age nil 1]]");
    assertEquals(1L, Facts.value(conn.db(), IVAN, ":person/age"));
  }

  @Test
  void casOnAReferenceComparesByIdent() {
    Connection conn = People.withData();
    tx(conn, "[[:db/cas [:person/email \"ivan@x\"] :person/color :color/red :color/green]]");
    assertEquals(conn.db().entid(":color/green"), Facts.value(conn.db(), IVAN, ":person/color"));
  }

  @Test
  void casMismatchIsAConflictNamingBothValues() {
    assertRejected(
        People.withData(),
        "[[:db/cas [:person/email \"ivan@x\"] :person/age 29 31]]",
        Category.CONFLICT,
        ":person/age",
        "expected 29",
        "found 30");
  }

  @Test
  void casWithNilWhenAValueExistsIsAConflict() {
    assertRejected(
        People.withData(),
        "[[:db/cas [:person/email \"ivan@x\"] :person/age nil 31]]",
        Category.CONFLICT,
        ":person/age",
        "found 30");
  }

  @Test
  void casOnACardinalityManyAttributeIsRejected() {
    assertRejected(
        People.withData(),
        "[[:db/cas [:person/email \"ivan@x\"] :person/aliases \"Vanya\" \"Ivanushka\"]]",
        Category.INCORRECT,
        ":person/aliases");
  }

  @Test
  void casWithANewValueOfTheWrongTypeIsRejected() {
    assertRejected(
        People.withData(),
        "[[:db/cas [:person/email \"ivan@x\"] :person/age 30 \"thirty-one\"]]",
        Category.INCORRECT,
        ":person/age",
        "\"thirty-one\"");
  }
}
