package dev.vireo.kernel.rnn;

import static dev.vireo.kernel.rnn.RecurrentCase.attrs;
import static dev.vireo.kernel.rnn.RecurrentReference.fn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vireo.exec.ExecContext;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GruKernelTest {
  private static final ExecContext ONE = ExecContext.singleThreaded();

  /**
   * Hidden size 1, x = 1, h0 = 0.2, W = [0, 0, 1] (z, r, h), R = [0, 0, 2], Rbh = 0.3: z = r =
   * sigmoid(0) = 0.5, then H = 0.5·h + 0.5·0.2.
   */
  private static float oneStep(int linearBeforeReset) {
    Tensor[] out = RecurrentCase.run("GRU",
        attrs("hidden_size", 1, "linear_before_reset", linearBeforeReset), new boolean[2], ONE,
        Tensor.of(new float[] {1f}, 1, 1, 1),
        Tensor.of(new float[] {0f, 0f, 1f}, 1, 3, 1),
        Tensor.of(new float[] {0f, 0f, 2f}, 1, 3, 1),
        Tensor.of(new float[] {0f, 0f, 0f, 0f, 0f, 0.3f}, 1, 6),
        null,
        Tensor.of(new float[] {0.2f}, 1, 1, 1));
    assertThat(out[0].floats()[0]).isEqualTo(out[1].floats()[0]);
    return out[1].floats()[0];
  }

  @Test
  void oneStepResetsBeforeTheLinearMapByDefault() {
    // h = tanh(1 + (0.5·0.2)·2 + 0.3) = tanh(1.5)
    assertThat(oneStep(0)).isCloseTo(0.5525741268224332f, within(1e-6f));
  }

  @Test
  void oneStepWithLinearBeforeResetScalesTheRecurrentTermAndItsBias() {
    // h = tanh(1 + 0.5·(0.2·2 + 0.3)) = tanh(1.35)
    assertThat(oneStep(1)).isCloseTo(0.5370266439430035f, within(1e-6f));
  }

  @ParameterizedTest
  @ValueSource(strings = {"forward", "reverse", "bidirectional"})
  void matchesTheReferenceInEveryDirection(String direction) {
    for (int layout = 0; layout <= 1; layout++) {
      for (boolean lbr : new boolean[] {false, true}) {
        RecurrentCase c = RecurrentCase.gru();
        c.direction = direction;
        c.layout = layout;
        c.linearBeforeReset = lbr;
        c.check();
        c.full().check();
        c.lens = new int[] {2, 4, 0};
        c.check();
      }
    }
  }

  @Test
  void clipAndNonDefaultActivationsPerDirection() {
    RecurrentCase c = RecurrentCase.gru().full();
    c.direction = "bidirectional";
    c.clip = 0.4f;
    c.lens = new int[] {3, 4, 1};
    // alphas are taken in order by HardSigmoid, LeakyRelu, then Elu; betas by HardSigmoid only
    c.activations(List.of("HardSigmoid", "LeakyRelu", "Softsign", "Elu"),
        new float[] {0.25f, 0.1f, 0.9f}, new float[] {0.45f},
        new DoubleUnaryOperator[] {fn("HardSigmoid", 0.25, 0.45), fn("LeakyRelu", 0.1, 0)},
        new DoubleUnaryOperator[] {fn("Softsign", 0, 0), fn("Elu", 0.9f, 0)});
    c.check();
    c.linearBeforeReset = true;
    c.check();
  }

  @Test
  void oneActivationSetServesBothDirections() {
    RecurrentCase c = RecurrentCase.gru().full();
    c.direction = "bidirectional";
    DoubleUnaryOperator[] set = {fn("Sigmoid", 0, 0), fn("Relu", 0, 0)};
    c.activations(List.of("Sigmoid", "Relu"), null, null, set, set);
    c.check();
  }

  @Test
  void splitsBatchRowsAndDirectionsOverThreads() {
    ForkJoinPool pool = new ForkJoinPool(2);
    try {
      RecurrentCase c = RecurrentCase.gru().full();
      c.direction = "bidirectional";
      c.hidden = 160;
      c.batch = 4;
      c.seq = 3;
      c.linearBeforeReset = true;
      c.lens = new int[] {3, 1, 2, 3};
      c.check(new ExecContext(2, pool));
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void otherFloatTypesAndOmittedY() {
    for (DType t : new DType[] {DType.DOUBLE, DType.FLOAT16, DType.BFLOAT16}) {
      RecurrentCase c = RecurrentCase.gru().full();
      c.dtype = t;
      c.layout = 1;
      c.check();
    }
    RecurrentCase c = RecurrentCase.gru().full();
    c.omitY = true;
    c.direction = "reverse";
    c.check();
  }

  @Test
  void constantWeightsAreTransposedOnceAndGiveTheSameResult() {
    for (DType t : new DType[] {DType.FLOAT, DType.FLOAT16}) {
      RecurrentCase c = RecurrentCase.gru().full();
      c.direction = "bidirectional";
      c.constantWeights = true;
      c.dtype = t;
      c.lens = new int[] {2, 4, 3};
      c.check();
    }
  }
}
