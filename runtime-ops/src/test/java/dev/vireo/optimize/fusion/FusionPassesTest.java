package dev.vireo.optimize.fusion;

import static dev.vireo.optimize.PassTesting.assertSameOutputs;
import static dev.vireo.optimize.PassTesting.node;
import static dev.vireo.optimize.PassTesting.ops;
import static dev.vireo.optimize.PassTesting.optimize;
import static dev.vireo.optimize.PassTesting.random;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.Dim;
import dev.vireo.ir.GraphBuilder;
import dev.vireo.ir.Model;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Conv+BatchNorm folding, MatMul+Add → Gemm, and the FusedConv / FusedGemm fusions. */
class FusionPassesTest {
  private static final List<Attribute> CONV3 =
      List.of(Attribute.ints("kernel_shape", 3, 3), Attribute.ints("pads", 1, 1, 1, 1));

  private static Value convBn(GraphBuilder b, Value in, int cin, int cout, long seed, boolean bias) {
    Value w = b.constant("w", random(seed, cout, cin, 3, 3));
    Value h = bias ? b.op("Conv", CONV3, in, w, b.constant("b", random(seed + 1, cout)))
        : b.op("Conv", CONV3, in, w);
    Tensor var = random(seed + 5, cout);
    for (int i = 0; i < cout; i++) {
      var.floats()[i] = 0.5f + Math.abs(var.floats()[i]);
    }
    return b.op("BatchNormalization", List.of(Attribute.of("epsilon", 1e-3f)), h,
        b.constant("scale", random(seed + 2, cout)), b.constant("bnb", random(seed + 3, cout)),
        b.constant("mean", random(seed + 4, cout)), b.constant("var", var));
  }

  /** Conv → BN → Relu → Conv(no bias) → BN → Add(residual) → Relu → Conv → BN → LeakyRelu. */
  private static Model convNet() {
    GraphBuilder b = new GraphBuilder("g", 17);
    Value x = b.input("x", DType.FLOAT, Dim.symbol("N"), Dim.of(3), Dim.of(8), Dim.of(8));
    Value h1 = b.op("Relu", convBn(b, x, 3, 4, 10, true));
    Value h2 = b.op("Relu", b.op("Add", convBn(b, h1, 4, 4, 20, false), h1));
    Value h3 = b.op("LeakyRelu", List.of(Attribute.of("alpha", 0.2f)), convBn(b, h2, 4, 2, 30, true));
    b.output(b.named("y", "Identity", List.of(), h3));
    return b.build();
  }

  private static final Map<String, Tensor> IMAGE = Map.of("x", random(7, 2, 3, 8, 8));

  @Test
  void batchNormalizationFoldsIntoEveryConvAtBasic() {
    Model m = optimize(convNet(), OptimizationLevel.BASIC, false).model();
    assertThat(ops(m)).containsExactly("Conv", "Relu", "Conv", "Add", "Relu", "Conv", "LeakyRelu");
    assertThat(m.opsetImports()).doesNotContainKey("com.microsoft");
    assertSameOutputs(FusionPassesTest::convNet, OptimizationLevel.BASIC, IMAGE);
  }

  @Test
  void convAddActivationBecomeFusedConvAtExtended() {
    Model m = optimize(convNet(), OptimizationLevel.EXTENDED, false).model();
    assertThat(ops(m)).containsExactly(
        "com.microsoft:FusedConv", "com.microsoft:FusedConv", "com.microsoft:FusedConv");
    Node residual = m.graph().nodes().get(1);
    assertThat(residual.attrString("activation", null)).isEqualTo("Relu");
    assertThat(residual.inputs()).hasSize(4);
    assertThat(residual.input(3)).isSameAs(m.graph().nodes().get(0).output(0));
    Node last = m.graph().nodes().get(2);
    assertThat(last.attrString("activation", null)).isEqualTo("LeakyRelu");
    assertThat(last.attrFloats("activation_params", null)).containsExactly(0.2f);
    assertThat(last.output(0).name()).isEqualTo("y");
    assertThat(m.opsetImports()).containsEntry("com.microsoft", 1);
    assertSameOutputs(FusionPassesTest::convNet, OptimizationLevel.EXTENDED, IMAGE);
  }

  @Test
  void portableOptimizationKeepsStandardOps() {
    Model m = optimize(convNet(), OptimizationLevel.ALL, true).model();
    assertThat(ops(m)).allMatch(op -> !op.contains(":"));
    assertThat(m.opsetImports()).doesNotContainKey("com.microsoft");
  }

  @Test
  void aConvWhoseOutputIsReadTwiceIsNotFused() {
    GraphBuilder b = new GraphBuilder("g", 17);
    Value x = b.input("x", DType.FLOAT, Dim.of(1), Dim.of(2), Dim.of(4), Dim.of(4));
    Value c = b.op("Conv", CONV3, x, b.constant("w", random(1, 2, 2, 3, 3)));
    b.output(b.named("y", "Relu", List.of(), c));
    b.output(b.named("z", "Sigmoid", List.of(), c));
    Model m = optimize(b.build(), OptimizationLevel.ALL, false).model();
    assertThat(ops(m)).containsExactly("Conv", "Relu", "Sigmoid");
  }

  private static Model clipAndHardSigmoid() {
    GraphBuilder b = new GraphBuilder("g", 17);
    Value x = b.input("x", DType.FLOAT, Dim.of(1), Dim.of(2), Dim.of(5), Dim.of(5));
    Value c = b.op("Conv", CONV3, x, b.constant("w", random(1, 2, 2, 3, 3)), b.constant("b", random(2, 2)));
    c = b.op("Clip", c, b.constant("lo", Tensor.scalar(-0.5f)), b.constant("hi", Tensor.scalar(0.25f)));
    c = b.op("Conv", CONV3, c, b.constant("w2", random(3, 2, 2, 3, 3)));
    b.output(b.named("y", "HardSigmoid", List.of(Attribute.of("alpha", 0.3f)), c));
    return b.build();
  }

  @Test
  void clipAndHardSigmoidCarryTheirParameters() {
    Model m = optimize(clipAndHardSigmoid(), OptimizationLevel.ALL, false).model();
    assertThat(ops(m)).containsExactly("com.microsoft:FusedConv", "com.microsoft:FusedConv");
    assertThat(m.graph().nodes().get(0).attrFloats("activation_params", null)).containsExactly(-0.5f, 0.25f);
    assertThat(m.graph().nodes().get(1).attrFloats("activation_params", null)).containsExactly(0.3f, 0.5f);
    assertSameOutputs(FusionPassesTest::clipAndHardSigmoid, OptimizationLevel.ALL,
        Map.of("x", random(4, 1, 2, 5, 5)));
  }

  /** x [N,16] → MatMul → Add(bias) → Relu → Gemm(transB) → Tanh → MatMul → Add → Sigmoid. */
  private static Model mlp() {
    GraphBuilder b = new GraphBuilder("mlp", 17);
    Value x = b.input("x", DType.FLOAT, Dim.symbol("N"), Dim.of(16));
    Value h = b.op("Add", b.op("MatMul", x, b.constant("w1", random(1, 16, 8))), b.constant("b1", random(2, 8)));
    h = b.op("Relu", h);
    h = b.op("Gemm", List.of(Attribute.of("transB", 1L)), h, b.constant("w2", random(3, 8, 8)),
        b.constant("b2", random(4, 8)));
    h = b.op("Tanh", h);
    h = b.op("Add", b.constant("b3", random(6, 1, 4)), b.op("MatMul", h, b.constant("w3", random(5, 8, 4))));
    b.output(b.named("y", "Sigmoid", List.of(), h));
    return b.build();
  }

  @Test
  void matMulAddBecomesGemmAtBasic() {
    Model m = optimize(mlp(), OptimizationLevel.BASIC, false).model();
    assertThat(ops(m)).containsExactly("Gemm", "Relu", "Gemm", "Tanh", "Gemm", "Sigmoid");
    assertSameOutputs(FusionPassesTest::mlp, OptimizationLevel.BASIC, Map.of("x", random(9, 3, 16)));
  }

  @Test
  void gemmActivationBecomesFusedGemmAtExtended() {
    Model m = optimize(mlp(), OptimizationLevel.EXTENDED, false).model();
    assertThat(ops(m)).containsOnly("com.microsoft:FusedGemm").hasSize(3);
    assertThat(node(m, "FusedGemm").attrString("activation", null)).isEqualTo("Relu");
    assertSameOutputs(FusionPassesTest::mlp, OptimizationLevel.EXTENDED, Map.of("x", random(9, 3, 16)));
  }

  @Test
  void batchedMatMulKeepsItsAdd() {
    GraphBuilder b = new GraphBuilder("g", 17);
    Value x = b.input("x", DType.FLOAT, Dim.of(2), Dim.of(3), Dim.of(4));
    b.output(b.named("y", "Add", List.of(), b.op("MatMul", x, b.constant("w", random(1, 4, 5))),
        b.constant("b", random(2, 5))));
    Model m = optimize(b.build(), OptimizationLevel.ALL, false).model();
    assertThat(ops(m)).containsExactly("MatMul", "Add");
  }

  /** Conv → Mul by [1,3,1,1] → Add [3,1,1] → Add [5] (along the width: not per channel). */
  private static Model convScaleBias() {
    GraphBuilder b = new GraphBuilder("g", 17);
    Value x = b.input("x", DType.FLOAT, Dim.of(1), Dim.of(2), Dim.of(5), Dim.of(5));
    Value c = b.op("Conv", CONV3, x, b.constant("w", random(1, 3, 2, 3, 3)), b.constant("b", random(2, 3)));
    c = b.op("Mul", b.constant("s", random(3, 1, 3, 1, 1)), c);
    c = b.op("Add", c, b.constant("c", random(4, 3, 1, 1)));
    b.output(b.named("y", "Add", List.of(), c, b.constant("d", random(5, 5))));
    return b.build();
  }

  @Test
  void perChannelMulAndAddFoldIntoTheConv() {
    Model m = optimize(convScaleBias(), OptimizationLevel.BASIC, false).model();
    assertThat(ops(m)).containsExactly("Conv", "Add");
    assertThat(m.graph().nodes().get(1).input(1).initializer().shape().dims()).containsExactly(5);
    assertSameOutputs(FusionPassesTest::convScaleBias, OptimizationLevel.BASIC, Map.of("x", random(6, 1, 2, 5, 5)));
  }

  @Test
  void fusedConvChecksItsResidualShape() {
    GraphBuilder b = new GraphBuilder("g", 17);
    Value x = b.input("x", DType.FLOAT, Dim.of(1), Dim.of(2), Dim.of(4), Dim.of(4));
    Value z = b.input("z", DType.FLOAT, Dim.of(1), Dim.of(2), Dim.of(4), Dim.of(4));
    Value c = b.op("Conv", CONV3, x, b.constant("w", random(1, 2, 2, 3, 3)));
    b.output(b.named("y", "Add", List.of(), z, c));
    Model m = optimize(b.build(), OptimizationLevel.ALL, false).model();
    assertThat(ops(m)).containsExactly("com.microsoft:FusedConv");
    Node f = m.graph().nodes().get(0);
    assertThat(f.inputs()).hasSize(4);
    assertThat(f.input(2)).isNull();
    assertThat(f.hasAttr("activation")).isFalse();
    dev.vireo.kernel.Kernel k = new dev.vireo.kernel.fused.FusedConvKernel(f);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> k.run(new Tensor[] {random(1, 1, 2, 4, 4),
            f.input(1).initializer(), null, random(2, 1, 2, 3, 3)}, dev.vireo.exec.ExecContext.singleThreaded()))
        .hasMessageContaining("Z must have Y's shape");
  }
}
