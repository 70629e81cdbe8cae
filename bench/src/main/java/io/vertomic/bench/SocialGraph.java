package io.vertomic.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated social graph, the same for both engines (seeded): {@code n} users with a unique
 * handle ({@code "u0"}, {@code "u1"}, ...), a first and last name from small pools, an age and a
 * city (an entity of its own), each following 3 random others (cardinality-many refs; cycles occur
 * as they would among real users). Users are created in transactions of 1,000, follows added
 * afterwards by lookup ref.
 */
final class SocialGraph {
  static final String SCHEMA =
      """
      [{:db/ident :city/name :db/valueType :db.type/string :db/cardinality :db.cardinality/one
        :db/unique :db.unique/identity}
       {:db/ident :city/country :db/valueType :db.type/string :db/cardinality :db.cardinality/one}
       {:db/ident :user/handle :db/valueType :db.type/string :db/cardinality :db.cardinality/one
        :db/unique :db.unique/identity}
       {:db/ident :user/name :db/valueType :db.type/string :db/cardinality :db.cardinality/one
        :db/index true}
       {:db/ident :user/last-name :db/valueType :db.type/string
        :db/cardinality :db.cardinality/one}
       {:db/ident :user/age :db/valueType :db.type/long :db/cardinality :db.cardinality/one}
       {:db/ident :user/city :db/valueType :db.type/ref :db/cardinality :db.cardinality/one}
       {:db/ident :user/follows :db/valueType :db.type/ref :db/cardinality :db.cardinality/many}]""";

  static final String[][] CITIES = {
    {"Berlin", "DE"}, {"Hamburg", "DE"}, {"Munich", "DE"}, {"Paris", "FR"}, {"Lyon", "FR"},
    {"Madrid", "ES"}, {"Barcelona", "ES"}, {"Rome", "IT"}, {"Milan", "IT"}, {"Vienna", "AT"},
    {"Prague", "CZ"}, {"Warsaw", "PL"}, {"Oslo", "NO"}, {"Stockholm", "SE"}, {"Helsinki", "FI"},
    {"London", "GB"}, {"Dublin", "IE"}, {"Lisbon", "PT"}, {"Athens", "GR"}, {"Sofia", "BG"}
  };
  private static final String[] FIRST = {
    "Ivan", "Anna", "Maria", "Peter", "Olga", "Jan", "Eva", "Luca", "Sofia", "Tom", "Nina", "Omar",
    "Lena", "Paul", "Mila", "Igor", "Sara", "Leo", "Ines", "Max", "Rosa", "Hugo", "Vera", "Karl"
  };
  private static final String[] LAST = {
    "Petrov",
    "Smith",
    "Novak",
    "Rossi",
    "Muller",
    "Garcia",
    "Dubois",
    "Nowak",
    "Berg",
    "Silva",
    "Horvat",
    "Jensen",
    "Popov",
    "Costa",
    "Weber",
    "Moreau",
    "Lindqvist",
    "Kowalski"
  };
  static final int FOLLOWS = 3;

  private SocialGraph() {}

  /** The data set of {@code n} users (seed 42). */
  static RealData of(int n) {
    Random random = new Random(42);
    List<String> txs = new ArrayList<>();
    txs.add(SCHEMA);
    StringBuilder cities = new StringBuilder("[");
    for (String[] c : CITIES) {
      cities.append("{:city/name \"").append(c[0]).append("\" :city/country \"");
      cities.append(c[1]).append("\"}\n");
    }
    txs.add(cities.append(']').toString());
    StringBuilder tx = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      tx.append("{:user/handle \"u").append(i).append("\" :user/name \"");
      tx.append(FIRST[random.nextInt(FIRST.length)]).append("\" :user/last-name \"");
      tx.append(LAST[random.nextInt(LAST.length)]).append("\" :user/age ");
      tx.append(random.nextInt(100)).append(" :user/city [:city/name \"");
      tx.append(CITIES[random.nextInt(CITIES.length)][0]).append("\"]}\n");
      if (i % 1_000 == 999 || i == n - 1) {
        txs.add(tx.append(']').toString());
        tx = new StringBuilder("[");
      }
    }
    for (int i = 0; i < n; i++) {
      tx.append("{:user/handle \"u").append(i).append("\" :user/follows [");
      for (int f = 0; f < FOLLOWS; f++) {
        int other = random.nextInt(n - 1);
        tx.append("[:user/handle \"u").append(other >= i ? other + 1 : other).append("\"] ");
      }
      tx.append("]}\n");
      if (i % 1_000 == 999 || i == n - 1) {
        txs.add(tx.append(']').toString());
        tx = new StringBuilder("[");
      }
    }
    return new RealData("social-" + n, txs);
  }
}
