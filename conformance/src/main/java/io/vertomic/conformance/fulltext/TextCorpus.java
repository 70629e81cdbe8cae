package io.vertomic.conformance.fulltext;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Real-looking English-like text, generated from a seed: a vocabulary of made-up words drawn with
 * Zipf's law (a few words are everywhere, most are rare, as in real text), English stop words
 * between them, capitals, punctuation, and the tokens a tokenizer treats specially (numbers, dates,
 * hyphens, apostrophes, accents, e-mail addresses, acronyms). Nothing here was chosen to suit
 * either engine; the same seed gives the same text.
 */
public final class TextCorpus {
  private static final String[] SYLLABLES = {
    "ka", "lo", "mi", "ne", "su", "ra", "to", "vi", "de", "po", "an", "el", "or", "un", "is", "ba",
    "co", "fa", "gu", "hi", "ju", "ly", "mo", "ni", "pe", "qu", "ri", "sa", "te", "wo", "xe", "zy",
    "str", "ght", "ing", "ous", "ber", "ment", "tion", "ly"
  };
  private static final String[] STOP_WORDS = {
    "the", "a", "an", "and", "of", "to", "in", "is", "it", "that", "with", "for", "on", "as", "was",
    "by", "at", "or", "not", "this", "be", "are", "there", "their", "into", "such"
  };
  private static final String[] OTHER_WORDS = {
    "he", "she", "we", "you", "from", "have", "had", "which", "when", "what", "all", "were", "his",
    "her", "one", "more", "would"
  };
  private static final String[] SPECIAL = {
    "3.14", "2024-01-02", "x-ray", "wi-fi", "o'brien's", "don't", "café", "naïve", "ÉCOLE",
    "U.S.A.", "mail@example.com", "C++", "R2-D2", "1,000", "42", "über", "rock'n'roll", "e-mail",
    "👍", "日本語", "Ελληνικά", "snake_case", "50%", "#tag", "İstanbul", "straße", "www.example.org"
  };

  private final Random random;
  private final String[] vocabulary;
  private final double[] cumulative;

  /** A corpus of {@code words} made-up words, drawn from {@code seed}. */
  public TextCorpus(long seed, int words) {
    this.random = new Random(seed);
    this.vocabulary = new String[words];
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < words; ) {
      String w = madeUpWord();
      if (seen.add(w)) {
        vocabulary[i++] = w;
      }
    }
    this.cumulative = new double[words];
    double sum = 0;
    for (int i = 0; i < words; i++) {
      sum += 1.0 / Math.pow(i + 20, 1.07); // a flatter head: stop words are the commonest
      cumulative[i] = sum;
    }
  }

  private String madeUpWord() {
    int n = 1 + random.nextInt(4);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
    }
    return b.toString();
  }

  /** The made-up words, the most frequent first. */
  public List<String> vocabulary() {
    return List.of(vocabulary);
  }

  /** A word of the vocabulary, drawn with Zipf's law. */
  public String word() {
    double x = random.nextDouble() * cumulative[cumulative.length - 1];
    int i = java.util.Arrays.binarySearch(cumulative, x);
    return vocabulary[i >= 0 ? i : -i - 1];
  }

  /** A word of the vocabulary of rank at least {@code minRank}, uniformly: a rare word. */
  public String rareWord(int minRank) {
    return vocabulary[minRank + random.nextInt(vocabulary.length - minRank)];
  }

  /** The random source the corpus draws from, for callers that draw around it. */
  public Random random() {
    return random;
  }

  /** A value of {@code minWords} to {@code maxWords} words. */
  public String value(int minWords, int maxWords) {
    int n = minWords + random.nextInt(maxWords - minWords + 1);
    StringBuilder b = new StringBuilder();
    boolean sentenceStart = true;
    for (int i = 0; i < n; i++) {
      String w = nextToken();
      if (sentenceStart || random.nextInt(25) == 0) {
        w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
      }
      if (i > 0) {
        b.append(' ');
      }
      b.append(w);
      sentenceStart = false;
      int p = random.nextInt(40);
      if (i < n - 1 && p == 0) {
        b.append(',');
      } else if (p == 1 || i == n - 1 && random.nextBoolean()) {
        b.append(random.nextInt(6) == 0 ? "!" : ".");
        sentenceStart = true;
      }
    }
    return b.toString();
  }

  private String nextToken() {
    int k = random.nextInt(100);
    if (k < 28) {
      return STOP_WORDS[random.nextInt(STOP_WORDS.length)];
    }
    if (k < 34) {
      return OTHER_WORDS[random.nextInt(OTHER_WORDS.length)];
    }
    if (k < 36) {
      return SPECIAL[random.nextInt(SPECIAL.length)];
    }
    return word();
  }

  /** {@code n} values of 3 to 30 words. */
  public List<String> values(int n) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(value(3, 30));
    }
    return out;
  }
}
