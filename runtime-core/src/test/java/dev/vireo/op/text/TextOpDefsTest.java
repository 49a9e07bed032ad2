package dev.vireo.op.text;

import static dev.vireo.op.OpDefHarness.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.ir.Attribute;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextOpDefsTest {
  @Test
  void normalizerKeepsTheLengthOnlyWithoutStopwords() {
    assertThat(op("StringNormalizer", 10).in("str[1,4]").inferOne()).isEqualTo("str[1,4]");
    assertThat(op("StringNormalizer", 10).in("str[4]").attr(Attribute.strings("stopwords", List.of("a")))
        .inferOne()).isEqualTo("str[?]");
    assertThatThrownBy(() -> op("StringNormalizer", 10).in("str[1,2,3]").inferOne()).hasMessageContaining("[C] or [1, C]");
  }

  @Test
  void concatBroadcastsAndSplitAddsAnAxis() {
    assertThat(op("StringConcat", 20).in("str[2,1]").in("str[3]").inferOne()).isEqualTo("str[2,3]");
    assertThat(op("StringSplit", 20).in("str[2]").outputs(2).infer()).containsExactly("str[2,?]", "i64[2]");
    assertThat(op("RegexFullMatch", 20).in("str[3]").attr("pattern", "a+").inferOne()).isEqualTo("bool[3]");
  }

  @Test
  void tfidfOutputWidthIsTheLargestIndexPlusOne() {
    assertThat(op("TfIdfVectorizer", 9).in("i64[2,12]").ints("ngram_indexes", 0, 4, 2).inferOne()).isEqualTo("f32[2,5]");
    assertThat(op("TfIdfVectorizer", 9).in("str[12]").ints("ngram_indexes", 0, 1).inferOne()).isEqualTo("f32[2]");
  }
}
