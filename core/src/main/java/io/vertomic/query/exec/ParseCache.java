package io.vertomic.query.exec;

import io.vertomic.query.parse.Query;
import io.vertomic.query.parse.QueryParser;
import io.vertomic.query.parse.QueryValidator;
import io.vertomic.query.parse.Rule;
import io.vertomic.query.parse.RuleParser;
import io.vertomic.query.parse.ValidQuery;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Parsed queries and rule sets by their EDN text, as Datomic caches parsed queries: a user passing
 * the same query string on every call parses it once (and validates it once when it takes no
 * rules). Only text is a key (a Java list could change after the call). Bounded: past {@link #MAX}
 * entries of a kind the cache starts over. Thread-safe.
 */
final class ParseCache {
  static final int MAX = 1024;
  private static final Map<String, Query> QUERIES = new ConcurrentHashMap<>();
  private static final Map<String, List<Rule>> RULES = new ConcurrentHashMap<>();
  private static final Map<String, ValidQuery> VALID = new ConcurrentHashMap<>();

  private ParseCache() {}

  static Query query(Object query) {
    return query instanceof String s
        ? cached(QUERIES, s, QueryParser::parse)
        : QueryParser.parse(query);
  }

  /**
   * {@code q} (parsed from {@code query}) validated with no rules given: validation depends on
   * nothing else, so a query given as text is validated once (a refused one again on each call).
   */
  static ValidQuery validWithoutRules(Object query, Query q) {
    return query instanceof String s
        ? cached(VALID, s, text -> QueryValidator.validate(q, List.of()))
        : QueryValidator.validate(q, List.of());
  }

  static List<Rule> rules(Object rules) {
    return rules instanceof String s
        ? cached(RULES, s, RuleParser::parse)
        : RuleParser.parse(rules);
  }

  private static <T> T cached(Map<String, T> cache, String text, Function<String, T> parse) {
    T found = cache.get(text);
    if (found == null) {
      found = parse.apply(text);
      if (cache.size() >= MAX) {
        cache.clear();
      }
      cache.put(text, found);
    }
    return found;
  }
}
