package dev.vireo.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.OptionalValue;
import dev.vireo.tensor.Tensor;
import dev.vireo.tensor.TensorSequence;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {
  private final Comparison cmp = new Comparison(1e-3, 1e-7);

  @Test
  void floatsWithinToleranceMatch() {
    // tolerance at 1000 is 1e-7 + 1e-3 * 1000 = 1.0000001
    Tensor e = Tensor.of(new float[] {1000, 0, Float.NaN, Float.NEGATIVE_INFINITY}, 4);
    Tensor a = Tensor.of(new float[] {1001, 5e-8f, Float.NaN, Float.NEGATIVE_INFINITY}, 4);
    assertThat(cmp.compare("y", e, a)).isNull();
  }

  @Test
  void reportsTheWorstMismatchWithItsIndex() {
    Tensor e = Tensor.of(new float[] {1, 2, 3, 100, 5, 6}, 2, 3);
    // element [0,1] misses by 0.01 (tol 0.0021), element [1,0] by 1 (tol 0.1000001): [1,0] is worse
    Tensor a = Tensor.of(new float[] {1, 2.01f, 3, 101, 5, 6}, 2, 3);
    assertThat(cmp.compare("y", e, a))
        .isEqualTo("output 'y'[1,0]: expected 100.0, got 101.0 (|diff| 1.00 > 0.100); 2 of 6 elements differ");
  }

  @Test
  void nanAgainstNumberAndOppositeInfinitiesDiffer() {
    Tensor e = Tensor.of(new double[] {Double.NaN, 1}, 2);
    Tensor a = Tensor.of(new double[] {0, 1}, 2);
    assertThat(cmp.compare("z", e, a)).startsWith("output 'z'[0]: expected NaN, got 0.0");
    Tensor inf = Tensor.of(new float[] {Float.POSITIVE_INFINITY}, 1);
    Tensor minf = Tensor.of(new float[] {Float.NEGATIVE_INFINITY}, 1);
    assertThat(cmp.compare("z", inf, minf)).contains("expected Infinity, got -Infinity");
  }

  @Test
  void integersBoolsAndStringsMustBeExact() {
    assertThat(cmp.compare("i", Tensor.of(new long[] {1, 2, 3}, 3), Tensor.of(new long[] {1, 2, 3}, 3))).isNull();
    assertThat(cmp.compare("i", Tensor.of(new long[] {1000, 2, 3}, 3), Tensor.of(new long[] {1001, 2, 9}, 3)))
        .isEqualTo("output 'i'[2]: expected 3, got 9; 2 of 3 elements differ");
    assertThat(cmp.compare("b", Tensor.of(new boolean[] {true}, 1), Tensor.of(new boolean[] {false}, 1)))
        .isEqualTo("output 'b'[0]: expected true, got false; 1 of 1 elements differ");
    assertThat(cmp.compare("s", Tensor.of(new String[] {"a", "b"}, 2), Tensor.of(new String[] {"a", "c"}, 2)))
        .isEqualTo("output 's'[1]: expected \"b\", got \"c\"; 1 of 2 elements differ");
    Tensor u8 = Tensor.wrap(DType.UINT8, Shape.of(1), new byte[] {(byte) 200});
    Tensor u8b = Tensor.wrap(DType.UINT8, Shape.of(1), new byte[] {(byte) 201});
    assertThat(cmp.compare("u", u8, u8b)).isEqualTo("output 'u'[0]: expected 200, got 201; 1 of 1 elements differ");
  }

  @Test
  void typeAndShapeMustAgree() {
    Tensor f = Tensor.of(new float[] {1, 2}, 2);
    assertThat(cmp.compare("y", f, Tensor.of(new double[] {1, 2}, 2)))
        .isEqualTo("output 'y': expected f32[2], got f64[2]");
    assertThat(cmp.compare("y", f, Tensor.of(new float[] {1, 2}, 1, 2)))
        .isEqualTo("output 'y': expected f32[2], got f32[1,2]");
    assertThat(cmp.compare("y", f, null)).isEqualTo("output 'y' was not produced");
  }

  @Test
  void scalarsHaveNoIndexAndEmptyTensorsMatch() {
    assertThat(cmp.compare("s", Tensor.scalar(1f), Tensor.scalar(2f)))
        .isEqualTo("output 's': expected 1.0, got 2.0 (|diff| 1.00 > 0.00100); 1 of 1 elements differ");
    assertThat(cmp.compare("e", Tensor.of(new float[0], 0, 3), Tensor.of(new float[0], 0, 3))).isNull();
  }

  @Test
  void optionalsMatchWhenBothEmptyOrTheirValuesMatch() {
    Tensor x = Tensor.of(new float[] {1}, 1);
    assertThat(cmp.compareValue("o", OptionalValue.empty(), OptionalValue.empty())).isNull();
    assertThat(cmp.compareValue("o", OptionalValue.of(x), OptionalValue.of(x))).isNull();
    assertThat(cmp.compareValue("o", OptionalValue.empty(), OptionalValue.of(x)))
        .isEqualTo("output 'o': expected optional(empty), got optional(f32[1])");
    assertThat(cmp.compareValue("o", OptionalValue.of(x), OptionalValue.of(Tensor.of(new float[] {2}, 1))))
        .startsWith("output 'o'[0]: expected 1.0, got 2.0");
    TensorSequence seq = new TensorSequence(DType.FLOAT, List.of(x));
    assertThat(cmp.compareValue("s", seq, x)).isEqualTo("output 's': expected seq(f32)[1], got f32[1]");
    assertThat(cmp.compareValue("s", seq, null)).isEqualTo("output 's' was not produced");
  }

  @Test
  void csvQuotesOnlyWhenNeeded() {
    assertThat(CaseResult.pass("node/test_relu").csvRow()).isEqualTo("node/test_relu,pass,");
    assertThat(CaseResult.fail("c", "output 'y'[1,0]: expected \"a\"").csvRow())
        .isEqualTo("c,fail,\"output 'y'[1,0]: expected \"\"a\"\"\"");
    assertThat(CaseResult.error("c", "line one\nline two").line()).isEqualTo("error c: line one line two");
  }
}
