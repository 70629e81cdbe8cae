package io.vertomic.tx;

import static io.vertomic.anomaly.Category.CONFLICT;
import static io.vertomic.anomaly.Category.INCORRECT;
import static io.vertomic.anomaly.Category.NOT_FOUND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.fixtures.People;
import io.vertomic.fixtures.TestDb;
import io.vertomic.peer.Connection;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed and invalid transactions, as data: each row is a name, an optional setup transaction,
 * the bad transaction, the anomaly category and fragments of its message (the offending input).
 * Every row also checks that the database is unchanged (basis-t and every datom), and that {@code
 * Database.with} refuses the same transaction with the same category. In the EDN of this table
 * {@code '} stands for {@code "}, to keep the rows readable.
 */
class BadTransactionTest {
  private static final String IVAN = "[:person/email 'ivan@x']";

  /** Every value type, a composite, tuples, predicates and specs, beside the people schema. */
  private static final String MORE_SCHEMA =
      """
      [{:db/ident :thing/flag :db/valueType :db.type/boolean :db/cardinality :db.cardinality/one}
       {:db/ident :thing/at :db/valueType :db.type/instant :db/cardinality :db.cardinality/one}
       {:db/ident :thing/kind :db/valueType :db.type/keyword :db/cardinality :db.cardinality/one}
       {:db/ident :thing/id :db/valueType :db.type/uuid :db/cardinality :db.cardinality/one}
       {:db/ident :thing/score :db/valueType :db.type/double :db/cardinality :db.cardinality/one}
       {:db/ident :thing/big :db/valueType :db.type/bigint :db/cardinality :db.cardinality/one}
       {:db/ident :thing/price :db/valueType :db.type/bigdec :db/cardinality :db.cardinality/one}
       {:db/ident :thing/sym :db/valueType :db.type/symbol :db/cardinality :db.cardinality/one}
       {:db/ident :thing/home :db/valueType :db.type/uri :db/cardinality :db.cardinality/one}
       {:db/ident :thing/pair :db/valueType :db.type/tuple
        :db/tupleTypes [:db.type/long :db.type/string] :db/cardinality :db.cardinality/one}
       {:db/ident :thing/series :db/valueType :db.type/tuple :db/tupleType :db.type/long
        :db/cardinality :db.cardinality/one}
       {:db/ident :reg/course :db/valueType :db.type/string :db/cardinality :db.cardinality/one}
       {:db/ident :reg/student :db/valueType :db.type/long :db/cardinality :db.cardinality/one}
       {:db/ident :reg/course+student :db/valueType :db.type/tuple
        :db/tupleAttrs [:reg/course :reg/student] :db/cardinality :db.cardinality/one
        :db/unique :db.unique/identity}
       {:db/ident :thing/qty :db/valueType :db.type/long :db/cardinality :db.cardinality/one
        :db.attr/preds vertomic.bad/positive?}
       {:db/ident :thing/memo :db/valueType :db.type/string :db/cardinality :db.cardinality/one
        :db.attr/preds vertomic.bad/unregistered?}
       {:db/ident :person/bio :db/valueType :db.type/string :db/cardinality :db.cardinality/one
        :db/fulltext true}
       {:db/ident :spec/named :db.entity/attrs [:person/name :person/email]}
       {:db/ident :spec/adult :db.entity/preds vertomic.bad/adult?}
       {:db/ident :spec/odd :db.entity/preds vertomic.bad/unregistered-entity?}]""";

  @BeforeAll
  static void registerPredicates() {
    Predicates.registerAttr("vertomic.bad/positive?", v -> (Long) v > 0);
    Predicates.registerEntity("vertomic.bad/adult?", (db, e) -> false);
  }

  private static Arguments row(String name, String tx, Category category, String... fragments) {
    return rowWith(name, null, tx, category, fragments);
  }

  private static Arguments rowWith(
      String name, String setup, String tx, Category category, String... fragments) {
    return Arguments.of(
        name,
        setup == null ? null : q(setup),
        q(tx),
        category,
        Arrays.stream(fragments).map(BadTransactionTest::q).toArray(String[]::new));
  }

  private static String q(String edn) {
    return edn.replace("'", "\"").replace("IVAN", IVAN.replace("'", "\""));
  }

  static Stream<Arguments> badTransactions() {
    return Stream.of(
        // not EDN, or not transaction data
        row(
            "malformed EDN: unclosed vector",
            "[[:db/add 'x' :person/name 'Ivan']",
            INCORRECT,
            "unclosed vector",
            "line 1"),
        row(
            "malformed EDN: unterminated string",
            "[[:db/add 'x' :person/name 'Ivan]]",
            INCORRECT,
            "unclosed string"),
        row(
            "malformed EDN: map with a key and no value",
            "[{:person/name}]",
            INCORRECT,
            ":person/name",
            "has no value"),
        row("tx data is a map", "{:person/name 'x'}", INCORRECT, "list of forms", ":person/name"),
        row("tx data is a number", "42", INCORRECT, "list of forms", "42"),
        row("form is a string", "['x']", INCORRECT, "statement 0", "'x'"),
        row(
            "form is a number",
            "[[:db/add 'x' :person/name 'y'] 7]",
            INCORRECT,
            "statement 1",
            "7"),
        row("empty list form", "[[]]", INCORRECT, "operation keyword"),
        row(
            "operation is not a keyword",
            "[['add' 'x' :person/name 'y']]",
            INCORRECT,
            "operation keyword",
            "'add'"),
        row("unknown operation", "[[:db/frob 'x' :person/name 'y']]", INCORRECT, ":db/frob"),
        // arity
        row(
            ":db/add with 2 arguments",
            "[[:db/add 'x' :person/name]]",
            INCORRECT,
            ":db/add takes 3 arguments, got 2"),
        row(
            ":db/add with 4 arguments",
            "[[:db/add 'x' :person/name 'a' 'b']]",
            INCORRECT,
            ":db/add takes 3 arguments, got 4"),
        row(
            ":db/retract with 1 argument",
            "[[:db/retract 'x']]",
            INCORRECT,
            ":db/retract takes 3 arguments, got 1"),
        row(
            ":db/cas with 3 arguments",
            "[[:db/cas IVAN :person/age 30]]",
            INCORRECT,
            ":db/cas takes 4 arguments, got 3"),
        row(
            ":db/retractEntity without entity",
            "[[:db/retractEntity]]",
            INCORRECT,
            ":db/retractEntity takes 1 arguments, got 0"),
        // nil
        row("nil entity", "[[:db/add nil :person/name 'x']]", INCORRECT, "entity id is nil"),
        row("nil :db/id", "[{:db/id nil :person/name 'x'}]", INCORRECT, "entity id is nil"),
        row(
            "nil value in a list form",
            "[[:db/add 'x' :person/name nil]]",
            INCORRECT,
            "nil is not a legal value"),
        row(
            "nil value in a map form",
            "[{:person/name nil}]",
            INCORRECT,
            "nil is not a legal value"),
        // attributes
        row(
            "unknown attribute in a list form",
            "[[:db/add 'x' :person/nmae 'y']]",
            INCORRECT,
            ":person/nmae is not an attribute"),
        row(
            "unknown attribute in a map form",
            "[{:person/nmae 'y'}]",
            INCORRECT,
            ":person/nmae is not an attribute"),
        row(
            "attribute written as a plain string",
            "[[:db/add 'x' 'person/name' 'y']]",
            INCORRECT,
            "'person/name' is not an attribute"),
        row(
            "map key that is not a keyword",
            "[{'name' 'y'}]",
            INCORRECT,
            "attribute keywords",
            "'name'"),
        row(
            ":db/id used as an attribute",
            "[[:db/add 'x' :db/id 5]]",
            INCORRECT,
            ":db/id is not an attribute"),
        // value types
        row(
            "string for a long",
            "[{:person/age 'ten'}]",
            INCORRECT,
            "'ten'",
            ":db.type/long",
            ":person/age"),
        row(
            "long for a string",
            "[{:person/name 42}]",
            INCORRECT,
            "42",
            ":db.type/string",
            ":person/name"),
        row(
            "string for a boolean",
            "[{:thing/flag 'yes'}]",
            INCORRECT,
            "'yes'",
            ":db.type/boolean",
            ":thing/flag"),
        row(
            "string for an instant",
            "[{:thing/at '2024-01-01'}]",
            INCORRECT,
            "'2024-01-01'",
            ":db.type/instant",
            ":thing/at"),
        row(
            "string for a keyword",
            "[{:thing/kind 'red'}]",
            INCORRECT,
            "'red'",
            ":db.type/keyword",
            ":thing/kind"),
        row(
            "string for a uuid",
            "[{:thing/id '5f0c3e9a-1b2c-4d5e-8f90-123456789abc'}]",
            INCORRECT,
            ":db.type/uuid",
            ":thing/id"),
        row(
            "string for a double",
            "[{:thing/score 'high'}]",
            INCORRECT,
            "'high'",
            ":db.type/double",
            ":thing/score"),
        row(
            "double for a bigint",
            "[{:thing/big 1.5}]",
            INCORRECT,
            "1.5",
            ":db.type/bigint",
            ":thing/big"),
        row(
            "double for a bigdec",
            "[{:thing/price 9.99}]",
            INCORRECT,
            "9.99",
            ":db.type/bigdec",
            ":thing/price"),
        row(
            "keyword for a symbol",
            "[{:thing/sym :foo}]",
            INCORRECT,
            ":foo",
            ":db.type/symbol",
            ":thing/sym"),
        row(
            "string for a uri",
            "[{:thing/home 'https://x'}]",
            INCORRECT,
            "'https://x'",
            ":db.type/uri",
            ":thing/home"),
        row("double for a ref", "[{:person/friend 1.5}]", INCORRECT, "1.5", ":person/friend"),
        row("boolean for a ref", "[{:person/friend true}]", INCORRECT, "true", ":person/friend"),
        row("map for a string", "[{:person/name {:first 'Ivan'}}]", INCORRECT, ":person/name"),
        row(
            "vector for a cardinality-one string",
            "[{:person/name ['a' 'b']}]",
            INCORRECT,
            "['a' 'b']",
            ":person/name"),
        row(
            "string for a long in a retraction",
            "[[:db/retract IVAN :person/age 'thirty']]",
            INCORRECT,
            "'thirty'",
            ":person/age"),
        // entities
        row(
            "lookup ref on a non-unique attribute",
            "[[:db/add [:person/name 'Ivan'] :person/age 1]]",
            INCORRECT,
            ":person/name",
            "not unique"),
        row(
            "lookup ref to nothing as entity",
            "[[:db/add [:person/email 'no@x'] :person/age 1]]",
            NOT_FOUND,
            "'no@x'"),
        row(
            "lookup ref to nothing as reference value",
            "[{:person/name 'P' :person/friend [:person/email 'no@x']}]",
            NOT_FOUND,
            "'no@x'"),
        row(
            "lookup ref to nothing as :db/id",
            "[{:db/id [:person/email 'no@x'] :person/age 1}]",
            NOT_FOUND,
            "'no@x'"),
        row(
            "lookup ref on an unknown attribute",
            "[[:db/add [:person/nope 'x'] :person/age 1]]",
            INCORRECT,
            ":person/nope"),
        row(
            "lookup ref with a value of the wrong type",
            "[[:db/add [:person/email 42] :person/age 1]]",
            INCORRECT,
            "42",
            ":person/email"),
        row(
            "unknown ident as entity",
            "[[:db/add :no/such :person/name 'x']]",
            INCORRECT,
            ":no/such"),
        row(
            "unknown ident as reference value",
            "[{:person/name 'P' :person/color :color/purple}]",
            INCORRECT,
            ":color/purple"),
        row(
            "nonexistent numeric entity id",
            "[[:db/add 123456789 :person/name 'x']]",
            INCORRECT,
            "123456789"),
        row(
            "nonexistent entity id in the user partition",
            "[[:db/add 17592186045418999 :person/name 'x']]",
            INCORRECT,
            "17592186045418999"),
        row(
            "nonexistent entity id as reference value",
            "[[:db/add IVAN :person/friend 123456789]]",
            INCORRECT,
            "123456789"),
        row(
            "lookup ref to nothing in a retraction",
            "[[:db/retract [:person/email 'no@x'] :person/name 'x']]",
            NOT_FOUND,
            "'no@x'"),
        row(
            "tagged literal as entity id",
            "[[:db/add #db/id [:db.part/user] :person/name 'x']]",
            INCORRECT,
            "#db/id"),
        row("double as entity id", "[[:db/add 1.5 :person/name 'x']]", INCORRECT, "1.5"),
        row(
            "map as entity id of a list form",
            "[[:db/add {:a 1} :person/name 'x']]",
            INCORRECT,
            "{:a 1}"),
        // conflicts inside one transaction
        row(
            "two values for a cardinality-one attribute",
            "[[:db/add IVAN :person/age 31] [:db/add IVAN :person/age 32]]",
            CONFLICT,
            ":person/age",
            "31",
            "32"),
        row(
            "two upserts giving two values for a cardinality-one attribute",
            "[{:person/email 'ivan@x' :person/age 1} {:person/email 'ivan@x' :person/age 2}]",
            CONFLICT,
            ":person/age"),
        row(
            "assert and retract the same fact",
            "[[:db/add IVAN :person/age 40] [:db/retract IVAN :person/age 40]]",
            CONFLICT,
            ":person/age",
            "40"),
        row(
            "retract and assert the same fact",
            "[[:db/retract IVAN :person/age 30] [:db/add IVAN :person/age 30]]",
            CONFLICT,
            ":person/age",
            "30"),
        // uniqueness
        row(
            "unique value held by another entity",
            "[{:person/name 'Z' :person/ssn '111'}]",
            CONFLICT,
            ":person/ssn",
            "'111'"),
        row(
            "unique value given to two new entities",
            "[{:person/ssn '333'} {:person/ssn '333'}]",
            CONFLICT,
            ":person/ssn",
            "'333'"),
        row(
            "tempid upserting to two entities",
            "[{:db/id 'x' :person/email 'ivan@x' :person/handle 'oleg'}]",
            CONFLICT,
            "'x'",
            ":person/handle"),
        row(
            "two tempids sharing a new identity value but upserting to two entities",
            "[{:db/id 'a' :person/email 'ivan@x' :person/handle 'zzz'}"
                + " {:db/id 'b' :person/email 'oleg@x' :person/handle 'zzz'}]",
            CONFLICT,
            "'a'",
            "'b'",
            ":person/handle",
            "'zzz'"),
        row(
            "existing entity taking another's identity value",
            "[[:db/add [:person/email 'oleg@x'] :person/handle 'ivan']]",
            CONFLICT,
            ":person/handle",
            "'ivan'"),
        // cas
        row(
            "cas with a stale expected value",
            "[[:db/cas IVAN :person/age 29 31]]",
            CONFLICT,
            ":person/age",
            "expected 29",
            "found 30"),
        row(
            "cas expecting no value",
            "[[:db/cas IVAN :person/age nil 31]]",
            CONFLICT,
            ":person/age",
            "found 30"),
        row(
            "cas on a reference with the wrong ident",
            "[[:db/cas IVAN :person/color :color/green :color/red]]",
            CONFLICT,
            ":person/color"),
        row(
            "cas on a cardinality-many attribute",
            "[[:db/cas IVAN :person/aliases 'Vanya' 'Ivanko']]",
            INCORRECT,
            ":person/aliases"),
        // tuples
        row(
            "composite tuple asserted directly",
            "[[:db/add 'r' :reg/course+student ['c' 1]]]",
            INCORRECT,
            ":reg/course+student"),
        row(
            "heterogeneous tuple with too many elements",
            "[{:thing/pair [1 'a' 2]}]",
            INCORRECT,
            ":thing/pair",
            "2 elements"),
        row(
            "heterogeneous tuple with one element",
            "[{:thing/pair [1]}]",
            INCORRECT,
            ":thing/pair",
            "[1]"),
        row(
            "heterogeneous tuple element of the wrong type",
            "[{:thing/pair ['a' 'b']}]",
            INCORRECT,
            ":thing/pair",
            ":db.type/long"),
        row(
            "homogeneous tuple element of the wrong type",
            "[{:thing/series [1 2 'x']}]",
            INCORRECT,
            ":thing/series",
            ":db.type/long"),
        row(
            "tuple of nine elements",
            "[{:thing/series [1 2 3 4 5 6 7 8 9]}]",
            INCORRECT,
            ":thing/series"),
        row("scalar for a tuple", "[{:thing/pair 5}]", INCORRECT, ":thing/pair", "5"),
        // nested maps and reverse attributes
        row(
            "nested map neither component nor identified",
            "[{:person/name 'P' :person/friend {:person/name 'Q'}}]",
            INCORRECT,
            ":person/friend",
            "nested"),
        row(
            "reverse of a non-reference attribute",
            "[{:person/name 'P' :person/_name 'Q'}]",
            INCORRECT,
            ":person/name",
            "reverse"),
        row(
            "reverse of an unknown attribute",
            "[{:person/name 'P' :person/_nope 'Q'}]",
            INCORRECT,
            ":person/nope"),
        // schema
        row(
            "attribute without cardinality",
            "[{:db/ident :x/y :db/valueType :db.type/string}]",
            INCORRECT,
            ":x/y",
            ":db/cardinality"),
        row(
            "attribute without value type",
            "[{:db/ident :x/y :db/cardinality :db.cardinality/one}]",
            INCORRECT,
            ":x/y",
            ":db/valueType"),
        row(
            "unknown value type",
            "[{:db/ident :x/y :db/valueType :db.type/text :db/cardinality :db.cardinality/one}]",
            INCORRECT,
            ":db.type/text"),
        row(
            "value type that is not a type",
            "[{:db/ident :x/y :db/valueType :db.cardinality/one :db/cardinality :db.cardinality/one}]",
            INCORRECT,
            ":db.cardinality/one",
            "value type"),
        row(
            "unknown cardinality",
            "[{:db/ident :x/y :db/valueType :db.type/long :db/cardinality :db.cardinality/some}]",
            INCORRECT,
            ":db.cardinality/some"),
        row(
            "cardinality that is not a cardinality",
            "[{:db/ident :x/y :db/valueType :db.type/long :db/cardinality :db.type/long}]",
            INCORRECT,
            ":db.type/long",
            "cardinality"),
        row(
            "unknown uniqueness",
            "[{:db/ident :x/y :db/valueType :db.type/long :db/cardinality :db.cardinality/one"
                + " :db/unique :db.unique/sometimes}]",
            INCORRECT,
            ":db.unique/sometimes"),
        row(
            "uniqueness that is not a uniqueness",
            "[{:db/ident :x/y :db/valueType :db.type/long :db/cardinality :db.cardinality/one"
                + " :db/unique :db.cardinality/one}]",
            INCORRECT,
            ":db.cardinality/one",
            "uniqueness"),
        row(
            "schema flag of the wrong type",
            "[{:db/ident :x/y :db/valueType :db.type/long :db/cardinality :db.cardinality/one"
                + " :db/index 'yes'}]",
            INCORRECT,
            ":db/index",
            "'yes'"),
        row(
            "value type change",
            "[[:db/add :person/name :db/valueType :db.type/long]]",
            INCORRECT,
            ":person/name",
            ":db/valueType"),
        row(
            "fulltext added later",
            "[[:db/add :person/name :db/fulltext true]]",
            INCORRECT,
            ":person/name",
            ":db/fulltext"),
        row(
            "fulltext removed",
            "[[:db/retract :person/bio :db/fulltext true]]",
            INCORRECT,
            ":person/bio",
            ":db/fulltext"),
        row(
            "tuple definition change",
            "[[:db/add :thing/pair :db/tupleTypes [:db.type/long :db.type/long]]]",
            INCORRECT,
            ":thing/pair",
            "tuple definition"),
        row(
            "cardinality many to one while an entity has several values",
            "[[:db/add :person/aliases :db/cardinality :db.cardinality/one]]",
            INCORRECT,
            ":person/aliases"),
        row(
            "uniqueness while values repeat",
            "[[:db/add :person/age :db/unique :db.unique/value]]",
            INCORRECT,
            ":person/age",
            "30"),
        row(
            "component on a non-reference attribute",
            "[[:db/add :person/name :db/isComponent true]]",
            INCORRECT,
            ":person/name"),
        row(
            "component on a new non-reference attribute",
            "[{:db/ident :x/y :db/valueType :db.type/long :db/cardinality :db.cardinality/one"
                + " :db/isComponent true}]",
            INCORRECT,
            ":x/y"),
        row(
            "tuple attribute without a definition",
            "[{:db/ident :x/t :db/valueType :db.type/tuple :db/cardinality :db.cardinality/one}]",
            INCORRECT,
            ":x/t"),
        row(
            "tuple attribute with two definitions",
            "[{:db/ident :x/t :db/valueType :db.type/tuple :db/tupleType :db.type/long"
                + " :db/tupleTypes [:db.type/long :db.type/long] :db/cardinality :db.cardinality/one}]",
            INCORRECT,
            ":x/t"),
        row(
            "tuple definition on a non-tuple attribute",
            "[{:db/ident :x/t :db/valueType :db.type/long :db/tupleType :db.type/long"
                + " :db/cardinality :db.cardinality/one}]",
            INCORRECT,
            ":x/t"),
        row(
            "tuple element type that is not a type",
            "[{:db/ident :x/t :db/valueType :db.type/tuple :db/tupleTypes [:db.type/long :db.type/foo]"
                + " :db/cardinality :db.cardinality/one}]",
            INCORRECT,
            ":x/t"),
        row(
            "composite of unknown attributes",
            "[{:db/ident :x/t :db/valueType :db.type/tuple :db/tupleAttrs [:x/a :x/b]"
                + " :db/cardinality :db.cardinality/one}]",
            INCORRECT,
            ":x/t"),
        row(
            "attribute used in the transaction that installs it",
            "[{:db/ident :x/y :db/valueType :db.type/long :db/cardinality :db.cardinality/one}"
                + " {:x/y 1}]",
            INCORRECT,
            ":x/y is not an attribute"),
        row(
            "cardinality retracted from an attribute",
            "[[:db/retract :person/name :db/cardinality :db.cardinality/one]]",
            INCORRECT,
            ":person/name",
            ":db/cardinality"),
        // predicates and entity specs
        row(
            "attribute predicate fails",
            "[{:thing/qty 0}]",
            INCORRECT,
            "vertomic.bad/positive?",
            ":thing/qty",
            "0"),
        row(
            "attribute predicate not registered",
            "[{:thing/memo 'hi'}]",
            INCORRECT,
            "vertomic.bad/unregistered?"),
        row(
            "entity spec attribute missing",
            "[{:person/name 'P' :db/ensure :spec/named}]",
            INCORRECT,
            ":person/email",
            ":spec/named"),
        row(
            "entity predicate false",
            "[{:db/id IVAN :db/ensure :spec/adult}]",
            INCORRECT,
            "vertomic.bad/adult?",
            ":spec/adult"),
        row(
            "entity predicate not registered",
            "[{:db/id IVAN :db/ensure :spec/odd}]",
            INCORRECT,
            "vertomic.bad/unregistered-entity?"),
        row(
            "unknown entity spec",
            "[{:db/id IVAN :db/ensure :spec/nope}]",
            INCORRECT,
            ":spec/nope"),
        // the transaction entity
        row(
            "tx instant before the previous one",
            "[[:db/add 'datomic.tx' :db/txInstant #inst '2001-01-01T00:00:00Z']]",
            INCORRECT,
            "2001-01-01"),
        rowWith(
            "tx instant before a future one",
            "[[:db/add 'datomic.tx' :db/txInstant #inst '2100-01-01T00:00:00Z']]",
            "[[:db/add 'datomic.tx' :db/txInstant #inst '2099-12-31T00:00:00Z']]",
            INCORRECT,
            "2099-12-31"),
        row(
            "tx instant of the wrong type",
            "[[:db/add 'datomic.tx' :db/txInstant 'yesterday']]",
            INCORRECT,
            "'yesterday'",
            ":db/txInstant"),
        // tempids
        row(
            "tempid only in a retraction",
            "[[:db/retract 'ghost' :person/name 'Ivan']]",
            INCORRECT,
            "'ghost'"),
        row(
            "tempid only as a reference value",
            "[[:db/add IVAN :person/friend 'ghost']]",
            INCORRECT,
            "'ghost'"),
        row(
            "tempid only in a retractEntity",
            "[[:db/retractEntity 'ghost']]",
            INCORRECT,
            "'ghost'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badTransactions")
  void isRejectedWithTheRightAnomalyAndLeavesTheDatabaseUnchanged(
      String name, String setup, String tx, Category category, String[] fragments) {
    Connection conn = People.withSchemaAnd(q(MORE_SCHEMA));
    TestDb.tx(conn, People.DATA);
    if (setup != null) {
      TestDb.tx(conn, setup);
    }
    TestDb.assertRejected(conn, tx, category, fragments);
    Anomaly speculative = assertThrows(Anomaly.class, () -> conn.db().with(tx), "with() too");
    assertEquals(category, speculative.category(), () -> "with(): " + speculative);
  }
}
