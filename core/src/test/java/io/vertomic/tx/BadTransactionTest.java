package io.vertomic.tx;

import static io.vertomic.anomaly.Category.INCORRECT;
import static io.vertomic.anomaly.Category.NOT_FOUND;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Malformed transactions: not EDN or not transaction data, wrong arity, nil, unknown attributes,
 * wrong value types, missing entities. Each row is checked by {@link BadTransactionTestBase}: the
 * anomaly, its message, and a database left unchanged.
 */
class BadTransactionTest extends BadTransactionTestBase {
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
            "unknown tagged literal as entity id",
            "[[:db/add #my.app/id [1] :person/name 'x']]",
            INCORRECT,
            "#my.app/id"),
        row(
            "tempid record of a partition that does not exist",
            "[[:db/add #db/id [:db.part/nope] :person/name 'x']]",
            INCORRECT,
            ":db.part/nope"),
        row("double as entity id", "[[:db/add 1.5 :person/name 'x']]", INCORRECT, "1.5"),
        row(
            "map as entity id of a list form",
            "[[:db/add {:a 1} :person/name 'x']]",
            INCORRECT,
            "{:a 1}"));
  }
}
