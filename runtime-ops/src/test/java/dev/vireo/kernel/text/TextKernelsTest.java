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
}
