package dev.vireo.kernel.rnn;

import static dev.vireo.kernel.rnn.RecurrentCase.attrs;
import static dev.vireo.kernel.rnn.RecurrentReference.fn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vireo.exec.ExecContext;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RnnKernelTest {
  private static final ExecContext ONE = ExecContext.singleThreaded();

  @Test
  void oneStepOfHiddenSizeOneIsTanhOfTheAffineSum() {
    // H = tanh(x·W + h0·R + Wb + Rb) = tanh(0.5·2 + 0.25·0.4 + 0.1 + 0.1) = tanh(1.3)
    Tensor[] out = RecurrentCase.run("RNN", attrs("hidden_size", 1), new boolean[2], ONE,
        Tensor.of(new float[] {0.5f}, 1, 1, 1),
        Tensor.of(new float[] {2f}, 1, 1, 1),
        Tensor.of(new float[] {0.4f}, 1, 1, 1),
        Tensor.of(new float[] {0.1f, 0.1f}, 1, 2),
        null,
        Tensor.of(new float[] {0.25f}, 1, 1, 1));
    assertThat(out[0].shape()).isEqualTo(Shape.of(1, 1, 1, 1));
    assertThat(out[0].floats()[0]).isCloseTo(0.8617231593133063f, within(1e-6f));
    assertThat(out[1].floats()[0]).isCloseTo(0.8617231593133063f, within(1e-6f));
  }

  /** With Affine(1, 0), W = R = 1 and hidden size 1, H_t is the running sum of x. */
  private static Tensor[] runningSums(String direction, int layout) {
    // batch 0: 1, 2, 3 (length 3); batch 1: 10, 20, (30 padding) (length 2)
    float[] x = layout == 0 ? new float[] {1, 10, 2, 20, 3, 30} : new float[] {1, 2, 3, 10, 20, 30};
    int dirs = direction.equals("bidirectional") ? 2 : 1;
    float[] ones = new float[dirs];
    java.util.Arrays.fill(ones, 1f);
    return RecurrentCase.run("RNN",
        attrs("hidden_size", 1, "direction", direction, "layout", layout,
            "activations", List.of("Affine", "Affine"), "activation_alpha", new float[] {1f, 1f},
            "activation_beta", new float[] {0f, 0f}),
        new boolean[2], ONE,
        Tensor.of(x, layout == 0 ? new int[] {3, 2, 1} : new int[] {2, 3, 1}),
        Tensor.of(ones, dirs, 1, 1),
        Tensor.of(ones.clone(), dirs, 1, 1),
        null,
        Tensor.of(new int[] {3, 2}, 2));
  }

  @Test
  void forwardStopsEachEntryAtItsLengthAndZeroesTheRest() {
    Tensor[] out = runningSums("forward", 0);
    // Y [seq, 1, batch, 1]
    assertThat(out[0].floats()).containsExactly(1, 10, 3, 30, 6, 0);
    assertThat(out[1].floats()).containsExactly(6, 30);
  }

  @Test
  void reverseStartsEachEntryAtItsOwnLastStep() {
    Tensor[] out = runningSums("reverse", 0);
    // batch 0 reads 3, 2, 1; batch 1 reads 20, 10
    assertThat(out[0].floats()).containsExactly(6, 30, 5, 20, 3, 0);
    assertThat(out[1].floats()).containsExactly(6, 30);
  }

  @Test
  void bidirectionalBatchFirstHasBothDirectionsPerStep() {
    Tensor[] out = runningSums("bidirectional", 1);
    // Y [batch, seq, dirs, 1]
    assertThat(out[0].shape()).isEqualTo(Shape.of(2, 3, 2, 1));
    assertThat(out[0].floats()).containsExactly(1, 6, 3, 5, 6, 3, 10, 30, 30, 20, 0, 0);
    // Y_h [batch, dirs, 1]
    assertThat(out[1].floats()).containsExactly(6, 6, 30, 30);
  }

  @Test
  void zeroLengthKeepsTheInitialState() {
    Tensor[] out = RecurrentCase.run("RNN", attrs("hidden_size", 1), new boolean[2], ONE,
        Tensor.of(new float[] {0.5f}, 1, 1, 1),
        Tensor.of(new float[] {2f}, 1, 1, 1),
        Tensor.of(new float[] {0.4f}, 1, 1, 1),
        null,
        Tensor.of(new int[] {0}, 1),
        Tensor.of(new float[] {0.25f}, 1, 1, 1));
    assertThat(out[0].floats()).containsExactly(0f);
    assertThat(out[1].floats()).containsExactly(0.25f);
  }

  @ParameterizedTest
  @ValueSource(strings = {"forward", "reverse", "bidirectional"})
  void matchesTheReferenceInEveryDirection(String direction) {
    for (int layout = 0; layout <= 1; layout++) {
      RecurrentCase c = RecurrentCase.rnn();
      c.direction = direction;
      c.layout = layout;
      c.check();
      c.full().check();
      c.lens = new int[] {4, 1, 3};
      c.check();
    }
  }

  @Test
  void clipAndNonDefaultActivationsPerDirection() {
    RecurrentCase c = RecurrentCase.rnn().full();
    c.direction = "bidirectional";
    c.clip = 0.3f;
    c.activations(List.of("LeakyRelu", "ScaledTanh"), new float[] {0.2f, 0.7f},
        new float[] {1.5f},
        new DoubleUnaryOperator[] {fn("LeakyRelu", 0.2, 0)},
        new DoubleUnaryOperator[] {fn("ScaledTanh", 0.7, 1.5)});
    c.check();
  }

  /** Per spec function: its default alpha and beta, NaN where it takes none. */
  private static final java.util.Map<String, double[]> PARAMS = java.util.Map.ofEntries(
      java.util.Map.entry("Relu", new double[] {Double.NaN, Double.NaN}),
      java.util.Map.entry("Tanh", new double[] {Double.NaN, Double.NaN}),
      java.util.Map.entry("Sigmoid", new double[] {Double.NaN, Double.NaN}),
      java.util.Map.entry("Affine", new double[] {1, 0}),
      java.util.Map.entry("LeakyRelu", new double[] {0.01, Double.NaN}),
      java.util.Map.entry("ThresholdedRelu", new double[] {1, Double.NaN}),
      java.util.Map.entry("ScaledTanh", new double[] {1, 1}),
      java.util.Map.entry("HardSigmoid", new double[] {0.2, 0.5}),
      java.util.Map.entry("Elu", new double[] {1, Double.NaN}),
      java.util.Map.entry("Softsign", new double[] {Double.NaN, Double.NaN}),
      java.util.Map.entry("Softplus", new double[] {Double.NaN, Double.NaN}));

  @ParameterizedTest
  @ValueSource(strings = {"Relu", "Tanh", "Sigmoid", "Affine", "LeakyRelu", "ThresholdedRelu",
      "ScaledTanh", "HardSigmoid", "Elu", "Softsign", "Softplus"})
  void everyActivationWithDefaultsAndExplicitParameters(String name) {
    RecurrentCase c = RecurrentCase.rnn().full();
    c.seq = 3;
    double[] dv = PARAMS.get(name);
    c.activations(List.of(name), null, null, new DoubleUnaryOperator[] {fn(name, dv[0], dv[1])});
    c.check();
    // names match case-insensitively; the functions that take alpha or beta get these values
    double alpha = Double.isNaN(dv[0]) ? Double.NaN : 0.3f;
    double beta = Double.isNaN(dv[1]) ? Double.NaN : 0.4f;
    c.activations(List.of(name.toUpperCase(java.util.Locale.ROOT)), new float[] {0.3f},
        new float[] {0.4f}, new DoubleUnaryOperator[] {fn(name, alpha, beta)});
    c.check();
  }

  @Test
  void splitsBatchRowsAndDirectionsOverThreads() {
    ForkJoinPool pool = new ForkJoinPool(2);
    try {
      RecurrentCase c = RecurrentCase.rnn().full();
      c.direction = "bidirectional";
      c.hidden = 300;
      c.batch = 5;
      c.seq = 3;
      c.lens = new int[] {3, 2, 3, 1, 3};
      c.check(new ExecContext(2, pool));
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void otherFloatTypesOmittedYAndHiddenSizeFromR() {
    for (DType t : new DType[] {DType.DOUBLE, DType.FLOAT16, DType.BFLOAT16}) {
      RecurrentCase c = RecurrentCase.rnn().full();
      c.dtype = t;
      c.check();
    }
    RecurrentCase c = RecurrentCase.rnn().full();
    c.omitY = true;
    c.hiddenSizeAttr = false;
    c.check();
  }

  @Test
  void rejectsMismatchedShapesAndBadAttributes() {
    Tensor x = Tensor.of(new float[6], 3, 1, 2);
    assertThatThrownBy(() -> RecurrentCase.run("RNN", attrs("hidden_size", 2), new boolean[2],
        ONE, x, Tensor.of(new float[6], 1, 2, 3), Tensor.of(new float[4], 1, 2, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("RNN: W has shape [1,2,3], expected [1,2,2] (hidden_size 2, X [3,1,2],"
            + " layout 0, 1 direction(s))");
    assertThatThrownBy(() -> RecurrentCase.run("RNN", attrs("hidden_size", 2, "direction", "up"),
        new boolean[2], ONE, x))
        .hasMessageContaining("unknown direction 'up'");
    assertThatThrownBy(() -> RecurrentCase.run("RNN",
        attrs("hidden_size", 2, "activations", List.of("Cosh")), new boolean[2], ONE, x))
        .hasMessageContaining("unknown activation 'Cosh'");
    assertThatThrownBy(() -> RecurrentCase.run("RNN", attrs("hidden_size", 2), new boolean[2],
        ONE, x, Tensor.of(new float[4], 1, 2, 2), Tensor.of(new float[4], 1, 2, 2), null,
        Tensor.of(new int[] {4}, 1)))
        .hasMessage("RNN: sequence_lens[0] is 4, expected a length in [0, 3]");
    assertThatThrownBy(() -> RecurrentCase.run("LSTM", attrs("hidden_size", 2,
        "activations", List.of("Sigmoid", "Tanh")), new boolean[3], ONE, x))
        .hasMessage("LSTM: activations has 2 functions [Sigmoid, Tanh], expected 3 per direction"
            + " (3 for direction forward)");
    assertThatThrownBy(() -> RecurrentCase.run("GRU", attrs("hidden_size", 2, "clip", -1f),
        new boolean[2], ONE, x))
        .hasMessage("GRU: clip must be >= 0, got -1.0");
    assertThatThrownBy(() -> RecurrentCase.run("RNN", attrs("hidden_size", 2, "layout", 2),
        new boolean[2], ONE, x))
        .hasMessage("RNN: layout must be 0 or 1, got 2");
  }

  @Test
  void constantWeightsAreTransposedOnceAndGiveTheSameResult() {
    for (DType t : new DType[] {DType.FLOAT, DType.FLOAT16}) {
      RecurrentCase c = RecurrentCase.rnn().full();
      c.direction = "bidirectional";
      c.constantWeights = true;
      c.dtype = t;
      c.lens = new int[] {2, 4, 3};
      c.check();
    }
  }

  @Test
  void emptySequenceOrBatchGivesEmptyOrInitialOutputs() {
    for (RecurrentCase c : new RecurrentCase[] {
        RecurrentCase.rnn(), RecurrentCase.gru(), RecurrentCase.lstm()}) {
      c.full();
      c.direction = "bidirectional";
      c.seq = 0;
      c.check();
      c.seq = 3;
      c.batch = 0;
      c.layout = 1;
      c.check();
    }
  }
}
