package io.vertomic.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The "people" data set of WORKLOADS.md, generated once and deterministically (seed 42) as plain
 * Java values, so both engines load exactly the same facts. A person follows only people with a
 * smaller index, so every reference points at an entity created earlier or in the same transaction.
 */
final class People {
  static final int COUNT = 20_000;
  static final String SCHEMA =
      """
      [{:db/ident :person/name :db/valueType :db.type/string
        :db/cardinality :db.cardinality/one :db/index true}
       {:db/ident :person/last-name :db/valueType :db.type/string
        :db/cardinality :db.cardinality/one}
       {:db/ident :person/sex :db/valueType :db.type/keyword
        :db/cardinality :db.cardinality/one}
       {:db/ident :person/age :db/valueType :db.type/long
        :db/cardinality :db.cardinality/one}
       {:db/ident :person/salary :db/valueType :db.type/long
        :db/cardinality :db.cardinality/one}
       {:db/ident :person/follows :db/valueType :db.type/ref
        :db/cardinality :db.cardinality/many}]""";

  /** One person; {@code follows} holds indexes of other persons. */
  record Person(
      int index, String name, String lastName, boolean male, long age, long salary, int[] follows) {
    String tempid() {
      return "p" + index;
    }
  }

  private static final List<Person> ALL = generate(COUNT);

  private People() {}

  /** All 20,000 persons, by index. */
  static List<Person> all() {
    return ALL;
  }

  /** {@code count} persons of the same deterministic kind (seed 42; the first 20,000 are all()). */
  static List<Person> generate(int count) {
    Random rnd = new Random(42);
    String[] first = names(rnd, "Ivan");
    String[] last = names(rnd, "Petrov");
    List<Person> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int n = Math.min(3, i);
      int[] follows = rnd.ints(0, Math.max(i, 1)).distinct().limit(n).toArray();
      out.add(
          new Person(
              i,
              first[rnd.nextInt(first.length)],
              last[rnd.nextInt(last.length)],
              rnd.nextBoolean(),
              rnd.nextInt(100),
              rnd.nextInt(100_000),
              follows));
    }
    return List.copyOf(out);
  }

  private static String[] names(Random rnd, String first) {
    String[] out = new String[100];
    out[0] = first;
    for (int i = 1; i < out.length; i++) {
      StringBuilder sb = new StringBuilder();
      sb.append((char) ('A' + rnd.nextInt(26)));
      for (int j = 0, len = 3 + rnd.nextInt(6); j < len; j++) {
        sb.append((char) ('a' + rnd.nextInt(26)));
      }
      out[i] = sb.toString();
    }
    return out;
  }
}
