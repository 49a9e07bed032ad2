package dev.vireo.optimize.fold;

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
import dev.vireo.ir.Value;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.optimize.Optimizer;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Constant folding with the kernels, and shape arithmetic over symbolic dims. */
class FoldingPassesTest {
  private static Model constantBranch() {
    GraphBuilder b = new GraphBuilder("g", 17);
    Value x = b.input("x", DType.FLOAT, Dim.symbol("N"), Dim.of(3));
    Value w = b.op("Transpose", b.constant("w", Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3)));
    Value scale = b.op("Mul", b.constant("two", Tensor.scalar(2f)), b.constant("three", Tensor.scalar(3f)));
    Value h = b.op("MatMul", x, w);
    b.output(b.named("y", "Mul", List.of(), h, scale));
    b.output(b.named("k", "Add", List.of(), scale, b.constant("one", Tensor.scalar(1f))));
    return b.build();
  }

  @Test
  void foldsConstantNodesWithTheKernels() {
    Optimizer.Result r = optimize(constantBranch(), OptimizationLevel.BASIC, false);
    Model m = r.model();
    assertThat(ops(m)).containsExactlyInAnyOrder("MatMul", "Mul", "Constant");
    Tensor wt = node(m, "MatMul").input(1).initializer();
    assertThat(wt.shape().dims()).containsExactly(3, 2);
    assertThat(wt.floats()).containsExactly(1, 4, 2, 5, 3, 6);
    assertThat(node(m, "Mul").input(1).initializer().floats()).containsExactly(6f);
    // the graph output k keeps its value object, now produced by a Constant
    Value k = m.graph().outputs().get(1);
    assertThat(k.name()).isEqualTo("k");
    assertThat(node(m, "Constant").output(0)).isSameAs(k);
    assertThat(node(m, "Constant").attrTensor("value").floats()).containsExactly(7f);
    assertThat(r.report().rewrites("constant-folding")).isEqualTo(3);
    assertSameOutputs(FoldingPassesTest::constantBranch, OptimizationLevel.BASIC,
        Map.of("x", random(1, 2, 3)));
  }

  @Test
  void doesNotFoldOutputsAboveTheBound() {
    GraphBuilder b = new GraphBuilder("g", 17);
    Value x = b.input("x", DType.FLOAT, Dim.of(1));
    Value big = b.op("ConstantOfShape", b.constant("shape", Tensor.of(new long[] {4096, 4096}, 2)));
    b.output(b.named("y", "Add", List.of(), x, b.op("ReduceSum", List.of(Attribute.of("keepdims", 0L)), big)));
    Model m = optimize(b.build(), OptimizationLevel.BASIC, false).model();
    assertThat(ops(m)).contains("ConstantOfShape");
  }

  @Test
  void keepsQuantizedWeightsQuantized() {
    GraphBuilder b = new GraphBuilder("g", 17);
    Value x = b.input("x", DType.FLOAT, Dim.of(1), Dim.of(2));
    Value w = b.op("DequantizeLinear", b.constant("wq", Tensor.wrap(DType.INT8, dev.vireo.tensor.Shape.of(2, 2),
        new byte[] {1, 2, 3, 4})), b.constant("s", Tensor.scalar(0.5f)));
    b.output(b.named("y", "MatMul", List.of(), x, w));
    Model m = optimize(b.build(), OptimizationLevel.ALL, false).model();
    assertThat(ops(m)).containsExactly("DequantizeLinear", "MatMul");
  }

  /** x [N, S, 8] → Reshape(x, Concat(Unsqueeze(Gather(Shape(x), 2)), [-1])) and a batch-size Gather. */
  private static Model shapeChain() {
    GraphBuilder b = new GraphBuilder("g", 17);
    Value x = b.input("x", DType.FLOAT, Dim.symbol("N"), Dim.symbol("S"), Dim.of(8));
    Value shape = b.op("Shape", x);
    Value last = b.op("Gather", List.of(Attribute.of("axis", 0L)), shape, b.constant("i2", Tensor.scalar(2L)));
    Value batch = b.op("Gather", List.of(Attribute.of("axis", 0L)), shape, b.constant("i0", Tensor.scalar(0L)));
    Value axes = b.constant("axes", Tensor.of(new long[] {0}, 1));
    Value target = b.op("Concat", List.of(Attribute.of("axis", 0L)),
        b.constant("minus1", Tensor.of(new long[] {-1}, 1)), b.op("Unsqueeze", last, axes));
    Value flat = b.op("Reshape", x, target);
    Value tail = b.op("Slice", shape, b.constant("s", Tensor.of(new long[] {-1}, 1)),
        b.constant("e", Tensor.of(new long[] {Long.MAX_VALUE}, 1)));
    b.output(b.named("y", "Relu", List.of(), flat));
    b.output(b.named("n", "Identity", List.of(), batch));
    b.output(b.named("t", "Identity", List.of(), tail));
    return b.build();
  }

  @Test
  void foldsShapeArithmeticOverKnownDimsOfASymbolicShape() {
    Model m = optimize(shapeChain(), OptimizationLevel.BASIC, false).model();
    assertThat(node(m, "Reshape").input(1).initializer().longs()).containsExactly(-1, 8);
    // the batch size stays computed: N is known only at run time
    assertThat(ops(m)).contains("Shape", "Gather").doesNotContain("Concat", "Unsqueeze", "Slice");
    assertSameOutputs(FoldingPassesTest::shapeChain, OptimizationLevel.BASIC, Map.of("x", random(2, 3, 5, 8)));
  }
}
