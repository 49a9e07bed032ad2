package dev.vireo.optimize.cleanup;

import static dev.vireo.optimize.PassTesting.assertSameOutputs;
import static dev.vireo.optimize.PassTesting.ops;
import static dev.vireo.optimize.PassTesting.optimize;
import static dev.vireo.optimize.PassTesting.random;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.Dim;
import dev.vireo.ir.GraphBuilder;
import dev.vireo.ir.Model;
import dev.vireo.ir.Value;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Identity/Dropout, Cast, Reshape eliminations and CSE on hand-built graphs. */
class CleanupPassesTest {
  private static final Map<String, Tensor> FEED = Map.of("x", random(3, 2, 4));

  private static Model identities() {
    GraphBuilder b = new GraphBuilder("g", 17);
    Value x = b.input("x", DType.FLOAT, Dim.of(2), Dim.of(4));
    Value h = b.op("Identity", x);
    h = b.op("Relu", h);
    h = b.op("Dropout", List.of(Attribute.of("seed", 1L)), h);
    h = b.op("Cast", List.of(Attribute.of("to", (long) DType.FLOAT.onnxCode())), h);
    h = b.op("Reshape", h, b.constant("shape", Tensor.of(new long[] {2, 4}, 2)));
    h = b.op("Neg", h);
    b.output(b.named("y", "Identity", List.of(), h));
    return b.build();
  }

  @Test
  void removesPassThroughNodesAndKeepsTheOutputName() {
    Model m = optimize(identities(), OptimizationLevel.BASIC, false).model();
    assertThat(ops(m)).containsExactly("Relu", "Neg");
    assertThat(m.graph().outputs().get(0).name()).isEqualTo("y");
    assertThat(m.graph().nodes().get(1).output(0).name()).isEqualTo("y");
    assertThat(m.graph().initializers()).isEmpty();
    assertSameOutputs(CleanupPassesTest::identities, OptimizationLevel.BASIC, FEED);
  }

  @Test
  void keepsNodesThatChangeSomething() {
    GraphBuilder b = new GraphBuilder("g", 17);
    Value x = b.input("x", DType.FLOAT, Dim.of(2), Dim.of(4));
    Value[] dropout = b.ops("Dropout", null, 2, List.of(), x);
    Value cast = b.op("Cast", List.of(Attribute.of("to", (long) DType.INT32.onnxCode())), dropout[0]);
    Value reshaped = b.op("Reshape", x, b.constant("shape", Tensor.of(new long[] {4, 2}, 2)));
    b.output(cast).output(dropout[1]).output(reshaped);
    Model m = optimize(b.build(), OptimizationLevel.ALL, false).model();
    assertThat(ops(m)).containsExactly("Dropout", "Cast", "Reshape");
  }

  @Test
  void anIdentityOfAGraphInputThatIsAnOutputStays() {
    GraphBuilder b = new GraphBuilder("g", 17);
    Value x = b.input("x", DType.FLOAT, Dim.of(2), Dim.of(4));
    b.output(b.named("y", "Identity", List.of(), x));
    Model m = optimize(b.build(), OptimizationLevel.ALL, false).model();
    assertThat(ops(m)).containsExactly("Identity");
  }

  private static Model duplicates() {
    GraphBuilder b = new GraphBuilder("g", 17);
    Value x = b.input("x", DType.FLOAT, Dim.symbol("N"), Dim.of(4));
    Value a1 = b.op("Softmax", List.of(Attribute.of("axis", 1L)), x);
    Value a2 = b.op("Softmax", List.of(Attribute.of("axis", 1L)), x);
    Value other = b.op("Softmax", List.of(Attribute.of("axis", 0L)), x);
    Value s1 = b.op("Add", a1, other);
    Value s2 = b.op("Add", a2, other);
    b.output(b.named("y", "Mul", List.of(), s1, s2));
    return b.build();
  }

  @Test
  void mergesEqualNodesOnly() {
    Model m = optimize(duplicates(), OptimizationLevel.BASIC, false).model();
    assertThat(ops(m)).containsExactly("Softmax", "Softmax", "Add", "Mul");
    assertThat(m.graph().nodes().get(3).input(0)).isSameAs(m.graph().nodes().get(3).input(1));
    assertSameOutputs(CleanupPassesTest::duplicates, OptimizationLevel.BASIC, FEED);
  }

  @Test
  void deadCodeAndUnusedWeightsGo() {
    GraphBuilder b = new GraphBuilder("g", 17);
    Value x = b.input("x", DType.FLOAT, Dim.of(2), Dim.of(4));
    b.op("Neg", b.op("Mul", x, b.constant("w", random(1, 4))));
    b.output(b.named("y", "Relu", List.of(), x));
    Model m = optimize(b.build(), OptimizationLevel.BASIC, false).model();
    assertThat(ops(m)).containsExactly("Relu");
    assertThat(m.graph().initializers()).isEmpty();
  }
}
