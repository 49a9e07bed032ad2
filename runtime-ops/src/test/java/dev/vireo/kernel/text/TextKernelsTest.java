package dev.vireo.kernel.text;

import static dev.vireo.kernel.NodeRunner.node;
import static dev.vireo.kernel.NodeRunner.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.ir.Attribute;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextKernelsTest {
  private static final Tensor MONDAY = Tensor.of(new String[] {"monday", "tuesday", "wednesday", "thursday"}, 4);

  @Test
  void normalizerDropsStopwordsCaseInsensitivelyAndUppercases() {
    Tensor y = run(node("StringNormalizer", 10, 1, 1, Attribute.of("case_change_action", "UPPER"),
        Attribute.strings("stopwords", List.of("MONDAY"))), MONDAY)[0];
    assertThat(y.strings()).containsExactly("TUESDAY", "WEDNESDAY", "THURSDAY");
  }

  @Test
  void normalizerCaseSensitiveKeepsDifferentlyCasedStopword() {
    Tensor y = run(node("StringNormalizer", 10, 1, 1, Attribute.of("is_case_sensitive", 1L),
        Attribute.strings("stopwords", List.of("MONDAY", "tuesday"))), MONDAY)[0];
    assertThat(y.strings()).containsExactly("monday", "wednesday", "thursday");
  }

  @Test
  void normalizerWithEverythingDroppedGivesOneEmptyString() {
    Tensor x = Tensor.of(new String[] {"monday", "monday"}, 1, 2);
    Tensor y = run(node("StringNormalizer", 10, 1, 1, Attribute.strings("stopwords", List.of("monday"))), x)[0];
    assertThat(y.shape()).isEqualTo(Shape.of(1, 1));
    assertThat(y.strings()).containsExactly("");
  }

  @Test
  void concatBroadcasts() {
    Tensor a = Tensor.of(new String[] {"a", "b"}, 2, 1);
    Tensor b = Tensor.of(new String[] {"x", "y", "z"}, 3);
    Tensor y = run(node("StringConcat", 20, 2, 1), a, b)[0];
    assertThat(y.shape()).isEqualTo(Shape.of(2, 3));
    assertThat(y.strings()).containsExactly("ax", "ay", "az", "bx", "by", "bz");
  }

  @Test
  void splitOnDelimiterKeepsEmptyPartsAndPads() {
    Tensor x = Tensor.of(new String[] {"a,,b", "c"}, 2);
    Tensor[] y = run(node("StringSplit", 20, 1, 2, Attribute.of("delimiter", ",")), x);
    assertThat(y[0].shape()).isEqualTo(Shape.of(2, 3));
    assertThat(y[0].strings()).containsExactly("a", "", "b", "c", "", "");
    assertThat(y[1].longs()).containsExactly(3, 1);
  }

  @Test
  void splitOnWhitespaceWithMaxsplitKeepsTheRest() {
    Tensor x = Tensor.of(new String[] {"  one two  three "}, 1);
    Tensor[] y = run(node("StringSplit", 20, 1, 2, Attribute.of("maxsplit", 1L)), x);
    assertThat(y[0].strings()).containsExactly("one", "two  three ");
    assertThat(y[1].longs()).containsExactly(2);
  }

  @Test
  void regexMatchesWholeStringOnly() {
    Tensor x = Tensor.of(new String[] {"www.google.com", "www.facebook.com", "www.bbc.co.uk"}, 3);
    Tensor y = run(node("RegexFullMatch", 20, 1, 1, Attribute.of("pattern", "www\\.[\\w.-]+\\.\\bcom\\b")), x)[0];
    assertThat(y.booleans()).containsExactly(true, true, false);
  }

  @Test
  void regexRejectsAnInvalidPattern() {
    assertThatThrownBy(() -> run(node("RegexFullMatch", 20, 1, 1, Attribute.of("pattern", "(a")),
        Tensor.of(new String[] {"a"}, 1)))
        .hasMessageContaining("pattern '(a'");
  }

  /** The spec's TfIdfVectorizer fixture: unigrams 2, 3, 5, 4 and bigrams (5,6), (7,8), (6,7). */
  private static Tensor tfidf(String mode, long minGram, long skip, float... weights) {
    Tensor x = Tensor.of(new int[] {1, 1, 3, 3, 3, 7, 8, 6, 7, 5, 6, 8}, 12);
    var attrs = new java.util.ArrayList<>(List.of(Attribute.of("mode", mode), Attribute.of("min_gram_length", minGram),
        Attribute.of("max_gram_length", 2L), Attribute.of("max_skip_count", skip),
        Attribute.ints("ngram_counts", 0, 4), Attribute.ints("ngram_indexes", 0, 1, 2, 3, 4, 5, 6),
        Attribute.ints("pool_int64s", 2, 3, 5, 4, 5, 6, 7, 8, 6, 7)));
    if (weights.length > 0) {
      attrs.add(Attribute.floats("weights", weights));
    }
    return run(node("TfIdfVectorizer", 9, 1, 1, attrs.toArray(new Attribute[0])), x)[0];
  }

  @Test
  void tfidfCountsAdjacentBigrams() {
    assertThat(tfidf("TF", 2, 0).floats()).containsExactly(0, 0, 0, 0, 1, 1, 1);
  }

  @Test
  void tfidfCountsUnigramsOnceAndSkippedBigramsPerDistance() {
    // (7,8) occurs at distances 1, 3 and 6; each unigram is counted once whatever the skip
    assertThat(tfidf("TF", 1, 5).floats()).containsExactly(0, 3, 1, 0, 1, 3, 1);
  }

  @Test
  void tfidfWeightsByMode() {
    float[] w = {1, 2, 3, 4, 5, 6, 7};
    assertThat(tfidf("IDF", 1, 5, w).floats()).containsExactly(0, 2, 3, 0, 5, 6, 7);
    assertThat(tfidf("TFIDF", 1, 5, w).floats()).containsExactly(0, 6, 3, 0, 5, 18, 7);
  }
}
