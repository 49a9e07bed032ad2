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

class LstmKernelTest {
  private static final ExecContext ONE = ExecContext.singleThreaded();

  @Test
  void oneStepOfHiddenSizeOne() {
    // x = 1, W = [i, o, f, c] = [0, 0, 0, 1], h0 = 0, c0 = 0.5: i = o = f = 0.5, c = tanh(1),
    // C = 0.5·0.5 + 0.5·tanh(1), H = 0.5·tanh(C)
    Tensor[] out = RecurrentCase.run("LSTM", attrs("hidden_size", 1), new boolean[3], ONE,
        Tensor.of(new float[] {1f}, 1, 1, 1),
        Tensor.of(new float[] {0f, 0f, 0f, 1f}, 1, 4, 1),
        Tensor.of(new float[4], 1, 4, 1),
        null,
        null,
        null,
        Tensor.of(new float[] {0.5f}, 1, 1, 1));
    assertThat(out[0].floats()[0]).isCloseTo(0.27930041077890644f, within(1e-6f));
    assertThat(out[1].floats()[0]).isCloseTo(0.27930041077890644f, within(1e-6f));
    assertThat(out[2].floats()[0]).isCloseTo(0.6307970779778824f, within(1e-6f));
  }

  @Test
  void peepholesSeeTheOldCellForInputAndForgetAndTheNewCellForOutput() {
    // as above with P = [Pi, Po, Pf] = [2, 4, -2]: i = sigmoid(1), f = sigmoid(-1),
    // C = f·0.5 + i·tanh(1), o = sigmoid(4·C), H = o·tanh(C)
    Tensor[] out = RecurrentCase.run("LSTM", attrs("hidden_size", 1), new boolean[3], ONE,
        Tensor.of(new float[] {1f}, 1, 1, 1),
        Tensor.of(new float[] {0f, 0f, 0f, 1f}, 1, 4, 1),
        Tensor.of(new float[4], 1, 4, 1),
        null,
        null,
        null,
        Tensor.of(new float[] {0.5f}, 1, 1, 1),
        Tensor.of(new float[] {2f, 4f, -2f}, 1, 3));
    // i = 0.7310585786300049, f = 0.2689414213699951, tanh(1) = 0.7615941559557649
    // C = 0.6912406518309373, o = sigmoid(2.764962607323749) = 0.9407528402989631,
    // H = o·tanh(C) = 0.5633025046998411
    assertThat(out[2].floats()[0]).isCloseTo(0.6912406518309373f, within(1e-6f));
    assertThat(out[1].floats()[0]).isCloseTo(0.5633025046998411f, within(1e-6f));
  }

  @ParameterizedTest
  @ValueSource(strings = {"forward", "reverse", "bidirectional"})
  void matchesTheReferenceInEveryDirection(String direction) {
    for (int layout = 0; layout <= 1; layout++) {
      RecurrentCase c = RecurrentCase.lstm();
      c.direction = direction;
      c.layout = layout;
      c.check();
      c.full().check();
      c.lens = new int[] {1, 4, 3};
      c.check();
      c.inputForget = true;
      c.check();
    }
  }

  @Test
  void clipAndNonDefaultActivationsPerDirection() {
    RecurrentCase c = RecurrentCase.lstm().full();
    c.direction = "bidirectional";
    c.clip = 0.5f;
    c.lens = new int[] {4, 2, 3};
    c.activations(List.of("HardSigmoid", "Affine", "ScaledTanh", "Sigmoid", "Softplus", "Relu"),
        new float[] {0.3f, 0.8f, 1.2f}, new float[] {0.6f, 0.1f, 0.9f},
        new DoubleUnaryOperator[] {
            fn("HardSigmoid", 0.3f, 0.6f), fn("Affine", 0.8f, 0.1f), fn("ScaledTanh", 1.2f, 0.9f)},
        new DoubleUnaryOperator[] {fn("Sigmoid", 0, 0), fn("Softplus", 0, 0), fn("Relu", 0, 0)});
    c.check();
  }

  @Test
  void splitsBatchRowsAndDirectionsOverThreads() {
    ForkJoinPool pool = new ForkJoinPool(2);
    try {
      RecurrentCase c = RecurrentCase.lstm().full();
      c.direction = "bidirectional";
      c.hidden = 130;
      c.batch = 4;
      c.seq = 3;
      c.lens = new int[] {3, 2, 1, 3};
      c.check(new ExecContext(2, pool));
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void otherFloatTypesOmittedYAndHiddenSizeFromR() {
    for (DType t : new DType[] {DType.DOUBLE, DType.FLOAT16, DType.BFLOAT16}) {
      RecurrentCase c = RecurrentCase.lstm().full();
      c.dtype = t;
      c.direction = "bidirectional";
      c.check();
    }
    RecurrentCase c = RecurrentCase.lstm().full();
    c.omitY = true;
    c.hiddenSizeAttr = false;
    c.layout = 1;
    c.check();
  }

  @Test
  void constantWeightsAreTransposedOnceAndGiveTheSameResult() {
    for (DType t : new DType[] {DType.FLOAT, DType.FLOAT16}) {
      RecurrentCase c = RecurrentCase.lstm().full();
      c.direction = "bidirectional";
      c.constantWeights = true;
      c.dtype = t;
      c.lens = new int[] {2, 4, 3};
      c.check();
    }
  }
}
