package io.vertomic.tx;

import static io.vertomic.anomaly.Category.CONFLICT;
import static io.vertomic.anomaly.Category.INCORRECT;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Transactions that break a constraint: conflicts inside one transaction, uniqueness, cas, tuples,
 * nested maps, schema alterations, predicates and entity specs, the transaction entity and tempids.
 * Each row is checked by {@link BadTransactionTestBase}.
 */
class BadConstraintTransactionTest extends BadTransactionTestBase {
  static Stream<Arguments> badTransactions() {
    return Stream.of(
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
}
