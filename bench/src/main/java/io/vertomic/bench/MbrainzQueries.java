package io.vertomic.bench;

import java.util.List;

/**
 * Queries on the mbrainz sample a user of it would write (workloads {@code mb-*}, group {@code
 * mbrainz}): joins, rules as views with bound and free arguments, or / or-join / not,
 * whole-database aggregates, pull. Every answer is names and numbers, never entity ids, so the two
 * engines' answers compare.
 */
final class MbrainzQueries {
  private MbrainzQueries() {}

  /** Two artists who appear together on a release; and an artist's release in a year. */
  static final String RULES =
      """
      [[(collab ?a1 ?a2) [?r :release/artists ?a1] [?r :release/artists ?a2] [(not= ?a1 ?a2)]]
       [(released-in ?a ?year) [?r :release/artists ?a] [?r :release/year ?year]]]""";

  static final String ARTIST = "\"George Harrison\"";

  static final List<RealQuery> ALL =
      List.of(
          RealQuery.of(
              "mb-releases-of",
              "[:find ?title ?year :in $ ?name :where [?a :artist/name ?name]"
                  + " [?r :release/artists ?a] [?r :release/name ?title] [?r :release/year ?year]]",
              "\"Pink Floyd\""),
          RealQuery.of(
              "mb-collab",
              "[:find ?name2 :in $ % ?name :where [?a :artist/name ?name] (collab ?a ?a2)"
                  + " [?a2 :artist/name ?name2]]",
              RULES,
              ARTIST),
          RealQuery.of(
              "mb-collab2",
              "[:find ?name2 :in $ % ?name :where [?a :artist/name ?name] (collab ?a ?x)"
                  + " (collab ?x ?a2) [(not= ?a ?a2)] [?a2 :artist/name ?name2]]",
              RULES,
              ARTIST),
          RealQuery.of(
              "mb-collab-all",
              "[:find (count ?a1) :with ?a2 :in $ % :where (collab ?a1 ?a2)]",
              RULES),
          RealQuery.of(
              "mb-rule-year",
              "[:find ?name :in $ % ?year :where (released-in ?a ?year) [?a :artist/name ?name]"
                  + " [?a :artist/country :country/GB]]",
              RULES,
              "1970"),
          RealQuery.of(
              "mb-artists-by-country",
              "[:find ?country (count ?a) :where [?a :artist/country ?c]"
                  + " [?c :country/name ?country]]"),
          RealQuery.of(
              "mb-year-stats",
              "[:find (min ?y) (max ?y) (avg ?y) (count ?y) (count-distinct ?y) :with ?r"
                  + " :where [?r :release/year ?y]]"),
          RealQuery.of(
              "mb-type-counts",
              "[:find ?type (count ?r) :where [?r :release/abstractRelease ?ar]"
                  + " [?ar :abstractRelease/type ?t] [?t :db/ident ?type]]"),
          RealQuery.of(
              "mb-or",
              "[:find (count ?ar) :where (or [?ar :abstractRelease/type :release.type/album]"
                  + " [?ar :abstractRelease/type :release.type/ep])]"),
          RealQuery.of(
              "mb-or-join",
              "[:find ?name :where [?a :artist/type :artist.type/person] [?a :artist/name ?name]"
                  + " (or-join [?a] [?a :artist/gender :artist.gender/female]"
                  + " (and [?a :artist/country ?c] [?c :country/name \"Sweden\"]))]"),
          RealQuery.of(
              "mb-not",
              "[:find ?name :where [?a :artist/type :artist.type/person]"
                  + " [?a :artist/country :country/US] [?a :artist/name ?name]"
                  + " (not [?a :artist/gender :artist.gender/male])]"),
          RealQuery.of(
              "mb-not-join",
              "[:find ?name :where [?a :artist/country :country/JP] [?a :artist/name ?name]"
                  + " (not-join [?a] [?r :release/artists ?a])]"),
          RealQuery.of(
              "mb-old-groups",
              "[:find ?name ?y :where [?a :artist/type :artist.type/group]"
                  + " [?a :artist/startYear ?y] [(< ?y 1960)] [?a :artist/name ?name]]"),
          RealQuery.of(
              "mb-foreign-label",
              "[:find ?rname ?lname :in $ ?year :where [?r :release/year ?year]"
                  + " [?r :release/country ?c] [?r :release/labels ?l] [?l :label/country ?lc]"
                  + " [(not= ?c ?lc)] [?r :release/name ?rname] [?l :label/name ?lname]]",
              "1972"),
          RealQuery.of(
              "mb-label-years",
              "[:find ?lname (min ?y) (max ?y) :where [?r :release/labels ?l]"
                  + " [?l :label/name ?lname] [?r :release/year ?y]]"),
          RealQuery.of(
              "mb-pull",
              "[:find (pull ?r [:release/name :release/year {:release/artists [:artist/name]}"
                  + " {:release/country [:country/name]}]) :in $ ?name"
                  + " :where [?a :artist/name ?name] [?r :release/artists ?a]]",
              "\"The Beatles\""));
}
