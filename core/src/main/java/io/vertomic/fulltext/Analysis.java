package io.vertomic.fulltext;

import io.vertomic.anomaly.Anomaly;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.Query;

/**
 * How values and searches become terms: Datomic's analyser and query syntax. Datomic runs Lucene
 * 3.3's standard analyser (Unicode word breaks, lower case, no folding of accents) with Lucene 3's
 * English stop words, and its classic query parser with {@code v} as the default field.
 */
final class Analysis {
  /** The field every value is indexed in; a search naming another field finds nothing. */
  static final String FIELD = "v";

  /** Lucene 3's {@code StopAnalyzer.ENGLISH_STOP_WORDS_SET}, which Datomic's analyser drops. */
  static final CharArraySet STOP_WORDS =
      CharArraySet.unmodifiableSet(
          new CharArraySet(
              List.of(
                  "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into",
                  "is", "it", "no", "not", "of", "on", "or", "such", "that", "the", "their", "then",
                  "there", "these", "they", "this", "to", "was", "will", "with"),
              false));

  /**
   * Lucene 9's standard analyser less emoji, which its tokenizer makes tokens of and Lucene 3.3's
   * (an older Unicode) skipped as it skips punctuation: they take no position and do not count in a
   * value's length. Thread-safe: Lucene analysers keep their per-thread state themselves.
   */
  static final Analyzer ANALYZER =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
          StandardTokenizer source = new StandardTokenizer();
          TokenStream out =
              new StopFilter(new LowerCaseFilter(new WithoutEmoji(source)), STOP_WORDS);
          return new TokenStreamComponents(source, out);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
          return new LowerCaseFilter(in);
        }
      };

  /** Drops the tokenizer's emoji tokens as if they were never there (no position gap). */
  private static final class WithoutEmoji extends TokenFilter {
    private static final String EMOJI = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.EMOJI];
    private final TypeAttribute type = addAttribute(TypeAttribute.class);

    WithoutEmoji(TokenStream in) {
      super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
      while (input.incrementToken()) {
        if (!EMOJI.equals(type.type())) {
          return true;
        }
      }
      return false;
    }
  }

  private Analysis() {}

  /**
   * The Lucene query of {@code search} in Lucene's classic syntax; {@code incorrect} when it does
   * not parse (an empty search does not: Datomic refuses it too). {@code where} names the call for
   * the message.
   */
  static Query parse(String search, String where) {
    QueryParser parser = new DatomicQueryParser();
    parser.setFuzzyMinSim(0.5f); // Lucene 3's default: "term~" allows an edit per two characters
    try {
      return parser.parse(search);
    } catch (ParseException | TokenMgrError | IllegalArgumentException e) {
      String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      throw Anomaly.incorrect(
          "query.error/invalid-fulltext-search",
          where + " cannot parse the search " + quoted(search) + ": " + first);
    }
  }

  /** The {@code incorrect} anomaly of a search that expands to more terms than Lucene allows. */
  static RuntimeException tooBroad(String search, String where) {
    return Anomaly.incorrect(
        "query.error/invalid-fulltext-search",
        where + " search " + quoted(search) + " expands to too many terms; narrow its wildcards");
  }

  private static String quoted(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** The classic parser with fuzzy terms as Lucene 3 parsed, expanded and scored them. */
  private static final class DatomicQueryParser extends QueryParser {
    DatomicQueryParser() {
      super(FIELD, ANALYZER);
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minimumSimilarity)
        throws ParseException {
      if (minimumSimilarity >= 1.0f) { // Lucene 3 took a similarity, never a count of edits
        throw new ParseException(
            "Minimum similarity for a FuzzyQuery has to be between 0.0f and 1.0f !");
      }
      return super.getFuzzyQuery(field, termStr, minimumSimilarity);
    }

    @Override
    protected Query newFuzzyQuery(Term term, float minimumSimilarity, int prefixLength) {
      return new Lucene3FuzzyQuery(term, minimumSimilarity);
    }
  }
}
