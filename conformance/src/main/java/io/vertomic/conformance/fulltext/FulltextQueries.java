package io.vertomic.conformance.fulltext;

import io.vertomic.edn.Keyword;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Searches in Lucene's classic syntax drawn from the values of a data set (so that most find
 * something) and from the corpus: terms common and rare, the tokens a tokenizer treats specially,
 * phrases (stop words inside, sloppy), required and prohibited terms, boolean operators, groups,
 * prefixes, wildcards, fuzzy terms, boosts, fields; and bad searches both engines must refuse.
 */
final class FulltextQueries {
  /**
   * A search of {@code attr}; {@code kind} names its shape; {@code bad} when both engines should
   * refuse it.
   */
  record Search(String kind, Keyword attr, Object search, boolean bad) {
    @Override
    public String toString() {
      return kind + " " + attr + " " + (search instanceof String s ? '"' + s + '"' : search);
    }
  }

  /** Searches both engines refuse: bad syntax, empty, a leading wildcard, not a string. */
  static List<Search> bad(Random r, List<String> words) {
    String w = words.get(r.nextInt(words.size()));
    List<Search> out = new ArrayList<>();
    for (Object s :
        new Object[] {
          "",
          "   ",
          "\"" + w + " unclosed",
          "AND",
          "(" + w,
          w + ")",
          "*" + w.substring(1),
          "?" + w.substring(1),
          w + "^",
          w + " AND",
          "[" + w + " TO",
          "+",
          w + "~2",
          w + "~1.5",
          w + ":",
          42L,
          Keyword.of("not/string")
        }) {
      out.add(new Search("bad", FulltextData.TEXT, s, true));
    }
    return out;
  }

  private final Random r;
  private final TextCorpus corpus;
  private final List<String> texts;

  FulltextQueries(Random r, TextCorpus corpus, List<String> texts) {
    this.r = r;
    this.corpus = corpus;
    this.texts = texts;
  }

  /** {@code n} searches, cycling through the shapes. */
  List<Search> generate(int n) {
    List<Search> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(next(i % SHAPES));
    }
    return out;
  }

  private static final int SHAPES = 24;

  private Search next(int shape) {
    Keyword attr = FulltextData.TEXT;
    int a = r.nextInt(10);
    if (a < 2) {
      attr = FulltextData.TAGS;
    }
    return switch (shape) {
      case 0 -> new Search("term", attr, word(), false);
      case 1 -> new Search("common term", attr, corpus.vocabulary().get(r.nextInt(20)), false);
      case 2 -> new Search("rare term", attr, rareWord(), false);
      case 3 -> new Search("special token", attr, special(), false);
      case 4 -> new Search("capitalised", attr, capital(word()), false);
      case 5 -> new Search("phrase", attr, '"' + window(2 + r.nextInt(2)) + '"', false);
      case 6 ->
          new Search("sloppy phrase", attr, '"' + sloppy() + "\"~" + (1 + r.nextInt(3)), false);
      case 7 -> new Search("required/prohibited", attr, "+" + word() + " -" + word(), false);
      case 8 -> new Search("required and optional", attr, "+" + word() + " " + word(), false);
      case 9 -> new Search("AND", attr, word() + " AND " + word(), false);
      case 10 -> new Search("OR", attr, word() + " OR " + word() + " OR " + rareWord(), false);
      case 11 -> new Search("NOT", attr, word() + " NOT " + word(), false);
      case 12 ->
          new Search("group", attr, "(" + word() + " OR " + word() + ") AND " + word(), false);
      case 13 -> new Search("prefix", attr, prefix(), false);
      case 14 -> new Search("wildcard ?", attr, questionMark(), false);
      case 15 -> new Search("wildcard *", attr, star(), false);
      case 16 ->
          r.nextBoolean()
              ? new Search("fuzzy", attr, fuzzyWord() + "~", false)
              : new Search(
                  "fuzzy similarity", attr, fuzzyWord() + "~0." + (3 + r.nextInt(6)), false);
      case 17 -> new Search("boost", attr, word() + "^" + (2 + r.nextInt(3)) + " " + word(), false);
      case 18 -> new Search("field", attr, "v:" + word(), false);
      case 19 -> new Search("other field", attr, "text:" + word() + " " + word(), false);
      case 20 -> new Search("non-fulltext attribute", FulltextData.PLAIN, word(), false);
      case 21 -> new Search("several terms", attr, word() + " " + word() + " " + word(), false);
      case 22 ->
          new Search(
              "terms and phrase", attr, word() + " \"" + window(2) + "\" " + prefix(), false);
      default ->
          new Search(
              "mixed",
              attr,
              "+(" + word() + " " + fuzzyWord() + "~) " + word() + "^3 -" + rareWord(),
              false);
    };
  }

  // the tokens of a random value, without the punctuation around them
  private List<String> tokens() {
    List<String> out = new ArrayList<>();
    for (String t : texts.get(r.nextInt(texts.size())).split(" ")) {
      String s = t.replaceAll("^[,.!]+|[,.!]+$", "");
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out.isEmpty() ? List.of(corpus.word()) : out;
  }

  // a word of a value, lower case: in the data; a special token a third of the times it is one
  private String word() {
    List<String> ts = tokens();
    String w = ts.get(r.nextInt(ts.size()));
    return (isPlain(w) ? w : r.nextInt(3) == 0 ? w : plain()).toLowerCase(java.util.Locale.ROOT);
  }

  private String plain() {
    return corpus.word();
  }

  private String fuzzyWord() {
    String w = r.nextBoolean() ? word() : corpus.word();
    if (!isPlain(w) || w.length() < 3) {
      w = corpus.vocabulary().get(r.nextInt(200));
    }
    // an edit: a letter dropped, changed or doubled
    int i = r.nextInt(w.length());
    return switch (r.nextInt(4)) {
      case 0 -> w;
      case 1 -> w.substring(0, i) + w.substring(i + 1);
      case 2 -> w.substring(0, i) + (char) ('a' + r.nextInt(26)) + w.substring(i + 1);
      default -> w.substring(0, i + 1) + w.substring(i);
    };
  }

  private String rareWord() {
    return corpus.rareWord(Math.min(2000, corpus.vocabulary().size() / 2));
  }

  private String special() {
    for (int k = 0; k < 50; k++) {
      List<String> ts = tokens();
      for (String t : ts) {
        if (!isPlain(t)) {
          return t;
        }
      }
    }
    return "x-ray";
  }

  private String capital(String w) {
    return r.nextBoolean()
        ? Character.toUpperCase(w.charAt(0)) + w.substring(1)
        : w.toUpperCase(java.util.Locale.ROOT);
  }

  private String window(int n) {
    List<String> ts = tokens();
    if (ts.size() < n) {
      return String.join(" ", ts);
    }
    int from = r.nextInt(ts.size() - n + 1);
    return String.join(" ", ts.subList(from, from + n));
  }

  // two words of a value with a word or two between them left out, or swapped
  private String sloppy() {
    List<String> ts = tokens();
    if (ts.size() < 3) {
      return String.join(" ", ts);
    }
    int from = r.nextInt(ts.size() - 2);
    String a = ts.get(from);
    String b = ts.get(Math.min(ts.size() - 1, from + 2 + r.nextInt(2)));
    return r.nextInt(3) == 0 ? b + " " + a : a + " " + b;
  }

  private String prefix() {
    String w = plainWord();
    return w.substring(0, Math.min(w.length(), 2 + r.nextInt(3))) + "*";
  }

  private String questionMark() {
    String w = plainWord();
    int i = 1 + r.nextInt(w.length() - 1);
    return w.substring(0, i) + "?" + w.substring(i + 1);
  }

  private String star() {
    String w = plainWord();
    if (w.length() < 4) {
      return w.charAt(0) + "*" + w.substring(1);
    }
    return w.substring(0, 2) + "*" + w.substring(w.length() - 1 - r.nextInt(2));
  }

  private String plainWord() {
    for (int k = 0; k < 20; k++) {
      String w = word();
      if (isPlain(w) && w.length() >= 3) {
        return r.nextInt(4) == 0 ? capital(w) : w;
      }
    }
    return corpus.vocabulary().get(r.nextInt(100));
  }

  private static boolean isPlain(String w) {
    return w.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z');
  }
}
