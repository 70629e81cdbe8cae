package io.vertomic.bench;

import java.util.List;

/**
 * Queries on the social graph a user of it would write (workloads {@code social-*}, group {@code
 * social}): recursive rules (reachability from one user, paths of bounded length), rules as views
 * with bound and free arguments, or / or-join / not-join, whole-database aggregates, pull, joins
 * with predicates. Answers are handles, names and numbers, never entity ids.
 */
final class SocialQueries {
  private SocialQueries() {}

  static final String RULES =
      """
      [[(follows* ?a ?b) [?a :user/follows ?b]]
       [(follows* ?a ?b) [?a :user/follows ?x] (follows* ?x ?b)]
       [(path ?a ?b ?n) [?a :user/follows ?b] [(ground 1) ?n]]
       [(path ?a ?b ?n) [?a :user/follows ?x] (path ?x ?b ?m) [(inc ?m) ?n] [(<= ?n 3)]]
       [(fof ?a ?c) [?a :user/follows ?b] [?b :user/follows ?c] [(not= ?a ?c)]]
       [(mutual ?a ?b) [?a :user/follows ?b] [?b :user/follows ?a]]]""";

  static final String USER = "\"u7\"";

  static final List<RealQuery> ALL =
      List.of(
          RealQuery.of(
              "social-reach",
              "[:find ?h2 :in $ % ?h :where [?p :user/handle ?h] (follows* ?p ?q)"
                  + " [?q :user/handle ?h2]]",
              RULES,
              USER),
          RealQuery.of(
              "social-reached-by",
              "[:find (count ?p) :in $ % ?h :where [?q :user/handle ?h] (follows* ?p ?q)]",
              RULES,
              USER),
          RealQuery.of(
              "social-paths3",
              "[:find ?h2 (min ?n) :in $ % ?h :where [?p :user/handle ?h] (path ?p ?q ?n)"
                  + " [?q :user/handle ?h2]]",
              RULES,
              USER),
          RealQuery.of(
              "social-fof",
              "[:find ?h2 :in $ % ?h :where [?p :user/handle ?h] (fof ?p ?q)"
                  + " [?q :user/handle ?h2]]",
              RULES,
              USER),
          RealQuery.of(
              "social-mutual",
              "[:find ?h1 ?h2 :in $ % :where (mutual ?a ?b) [?a :user/handle ?h1]"
                  + " [?b :user/handle ?h2]]",
              RULES),
          RealQuery.of(
              "social-fof-city",
              "[:find ?h1 ?h2 :in $ % ?city :where [?c :city/name ?city] [?a :user/city ?c]"
                  + " (fof ?a ?b) [?b :user/city ?c] [?a :user/handle ?h1] [?b :user/handle ?h2]]",
              RULES,
              "\"Oslo\""),
          RealQuery.of(
              "social-or",
              "[:find ?h :where [?p :user/handle ?h] (or [?p :user/age 18] [?p :user/age 65])]"),
          RealQuery.of(
              "social-or-join",
              "[:find ?h :in $ ?city :where [?c :city/name ?city] [?p :user/handle ?h]"
                  + " (or-join [?p ?c] [?p :user/city ?c]"
                  + " (and [?p :user/follows ?f] [?f :user/city ?c] [?f :user/age 30]))]",
              "\"Lisbon\""),
          RealQuery.of(
              "social-not",
              "[:find ?h :where [?p :user/city ?c] [?p :user/handle ?h]"
                  + " (not-join [?p ?c] [?p :user/follows ?f] [?f :user/city ?c])]"),
          RealQuery.of(
              "social-city-stats",
              "[:find ?city (count ?p) (avg ?age) (min ?age) (max ?age) :where"
                  + " [?p :user/city ?c] [?c :city/name ?city] [?p :user/age ?age]]"),
          RealQuery.of(
              "social-age-stats",
              "[:find (avg ?age) (count-distinct ?age) (count ?age) :with ?p :where"
                  + " [?p :user/age ?age]]"),
          RealQuery.of(
              "social-followers",
              "[:find ?h (count ?f) :where [?f :user/follows ?p] [?p :user/handle ?h]]"),
          RealQuery.of(
              "social-old-follow-young",
              "[:find ?h1 ?h2 :where [?a :user/age ?x] [(> ?x 90)] [?a :user/follows ?b]"
                  + " [?b :user/age ?y] [(< ?y 10)] [?a :user/city ?c1] [?b :user/city ?c2]"
                  + " [(not= ?c1 ?c2)] [?a :user/handle ?h1] [?b :user/handle ?h2]]"),
          RealQuery.of(
              "social-pull",
              "[:find (pull ?p [:user/name :user/age {:user/city [:city/name]}"
                  + " {:user/follows [:user/handle]}]) :in $ ?city"
                  + " :where [?c :city/name ?city] [?p :user/city ?c]]",
              "\"Vienna\""));
}
