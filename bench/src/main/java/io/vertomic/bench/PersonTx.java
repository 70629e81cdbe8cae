package io.vertomic.bench;

import io.vertomic.bench.People.Person;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Turns persons into transaction data (a list of entity maps), the same for both engines: only the
 * keyword objects differ, so each engine builds its {@code PersonTx} once from its own keyword
 * factory.
 */
record PersonTx(
    Object id,
    Object name,
    Object lastName,
    Object sex,
    Object age,
    Object salary,
    Object follows,
    Object male,
    Object female) {

  static PersonTx of(Function<String, Object> keyword) {
    return new PersonTx(
        keyword.apply(":db/id"),
        keyword.apply(":person/name"),
        keyword.apply(":person/last-name"),
        keyword.apply(":person/sex"),
        keyword.apply(":person/age"),
        keyword.apply(":person/salary"),
        keyword.apply(":person/follows"),
        keyword.apply(":male"),
        keyword.apply(":female"));
  }

  /**
   * One map per person with its tempid; {@code idOf} gives the id of a person created earlier, or
   * null when the person is created in this transaction (then its tempid is used).
   */
  List<Object> txData(List<Person> persons, IntFunction<Long> idOf) {
    List<Object> tx = new ArrayList<>(persons.size());
    for (Person p : persons) {
      Map<Object, Object> m = new HashMap<>(16);
      m.put(id, p.tempid());
      m.put(name, p.name());
      m.put(lastName, p.lastName());
      m.put(sex, p.male() ? male : female);
      m.put(age, p.age());
      m.put(salary, p.salary());
      if (p.follows().length > 0) {
        List<Object> refs = new ArrayList<>(p.follows().length);
        for (int f : p.follows()) {
          Long ref = idOf.apply(f);
          refs.add(ref != null ? ref : "p" + f);
        }
        m.put(follows, refs);
      }
      tx.add(m);
    }
    return tx;
  }

  /**
   * The same transaction as {@link #txData} written as EDN text, the way a program that builds its
   * transactions as strings (or reads them from a file) passes them.
   */
  static String ednText(List<Person> persons, IntFunction<Long> idOf) {
    StringBuilder out = new StringBuilder(persons.size() * 160).append('[');
    for (Person p : persons) {
      out.append("{:db/id \"")
          .append(p.tempid())
          .append("\" :person/name \"")
          .append(p.name())
          .append("\" :person/last-name \"")
          .append(p.lastName())
          .append("\" :person/sex ")
          .append(p.male() ? ":male" : ":female")
          .append(" :person/age ")
          .append(p.age())
          .append(" :person/salary ")
          .append(p.salary());
      if (p.follows().length > 0) {
        out.append(" :person/follows [");
        for (int f : p.follows()) {
          Long ref = idOf.apply(f);
          out.append(ref != null ? ref.toString() : "\"p" + f + "\"").append(' ');
        }
        out.append(']');
      }
      out.append('}');
    }
    return out.append(']').toString();
  }
}
