package dev.vireo.kernel.reduce;

import static dev.vireo.kernel.NodeRunner.node;
import static dev.vireo.kernel.NodeRunner.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Attribute;
import dev.vireo.ir.Node;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class LogSoftmaxHardmaxTest {
  private static final float CLOSE = 1e-5f;
  private static final Tensor X = Tensor.of(new float[] {1, 2, 3, 4, 0, 0}, 1, 2, 3);

  private static Tensor logSoftmax(int opset, Long axis) {
    Node n = axis == null ? node("LogSoftmax", opset, 1, 1) : node("LogSoftmax", opset, 1, 1, Attribute.of("axis", axis));
    return new LogSoftmaxKernel(n, opset < 13).run(new Tensor[] {X}, ExecContext.singleThreaded())[0];
  }

  @Test
  void logSoftmaxSpecExample() {
    Tensor x = Tensor.of(new float[] {-1, 0, 1}, 1, 3);
    Node n = node("LogSoftmax", 13, 1, 1);
    float[] y = new LogSoftmaxKernel(n, false).run(new Tensor[] {x}, ExecContext.singleThreaded())[0].floats();
    assertThat(y[0]).isCloseTo(-2.40760596f, within(CLOSE));
    assertThat(y[1]).isCloseTo(-1.40760596f, within(CLOSE));
    assertThat(y[2]).isCloseTo(-0.40760596f, within(CLOSE));
  }

  @Test
  void opset13NormalizesAlongTheLastAxis() {
    float[] y = logSoftmax(13, null).floats();
    double lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
    assertThat(y[0]).isCloseTo((float) (1 - lse), within(CLOSE));
    assertThat(y[4]).isCloseTo((float) -Math.log(Math.exp(4) + 2) , within(CLOSE));
  }

  @Test
  void opset11CoercesTo2dAtAxis1() {
    float[] y = logSoftmax(11, null).floats();
    double lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3) + Math.exp(4) + 2);
    assertThat(y[0]).isCloseTo((float) (1 - lse), within(CLOSE));
    assertThat(y[5]).isCloseTo((float) -lse, within(CLOSE));
  }

  @Test
  void opset13AlongAMiddleAxis() {
    float[] y = logSoftmax(13, 1L).floats();
    // column 0 holds 1 and 4
    assertThat(y[0]).isCloseTo((float) (1 - Math.log(Math.exp(1) + Math.exp(4))), within(CLOSE));
    assertThat(y[3]).isCloseTo((float) (4 - Math.log(Math.exp(1) + Math.exp(4))), within(CLOSE));
  }

  @Test
  void hardmaxMarksTheFirstMaximum() {
    Tensor x = Tensor.of(new float[] {3, 0, 1, 2, 2, 2, 0, 1, 1, 0, -1, 1}, 3, 4); // ties pick the first
    float[] y = run(node("Hardmax", 13, 1, 1), x)[0].floats();
    assertThat(y).containsExactly(1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0);
    Tensor x3 = Tensor.of(new float[] {1, 2, 3, 4, 0, 0}, 1, 2, 3);
    assertThat(run(node("Hardmax", 11, 1, 1), x3)[0].floats()).containsExactly(0, 0, 0, 1, 0, 0);
    assertThat(run(node("Hardmax", 13, 1, 1, Attribute.of("axis", 1L)), x3)[0].floats())
        .containsExactly(0, 1, 1, 1, 0, 0);
  }

  @Test
  void doubleInputsStayDouble() {
    Tensor x = Tensor.of(new double[] {0, 0}, 2);
    assertThat(run(node("LogSoftmax", 13, 1, 1), x)[0].doubles()[0]).isCloseTo(-Math.log(2), within(1e-12));
  }

  @Test
  void rejectsAxisOutOfRange() {
    assertThatThrownBy(() -> logSoftmax(13, 3L)).hasMessageContaining("axis 3 is out of range");
  }
}
