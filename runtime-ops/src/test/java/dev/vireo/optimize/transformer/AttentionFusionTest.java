package dev.vireo.optimize.transformer;

import static dev.vireo.optimize.transformer.FusionTesting.random;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.GraphBuilder;
import dev.vireo.ir.Model;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AttentionFusionTest {
  private static final int B = 2;
  private static final int S = 5;
  private static final int H = 8;
  private static final int N = 2;

  private static final Map<String, Tensor> FEEDS = Map.of(
      "x", random(new Random(8), 1f, B, S, H),
      "mask", Tensor.of(new long[] {1, 1, 1, 0, 0, 1, 1, 1, 1, 1}, B, S));

  /** BERT self-attention as PyTorch exports it, with the softmax over {@code softmaxAxis}. */
  private static Model model(long softmaxAxis) {
    Random r = new Random(9);
    GraphBuilder b = new GraphBuilder("attention", 17);
    Value x = b.input("x", DType.FLOAT, B, S, H);
    Value mask = b.input("mask", DType.INT64, B, S);
    Value split = b.constant("split", Tensor.of(new long[] {0, 0, N, H / N}, 4));
    Value[] heads = new Value[3];
    long[][] perms = {{0, 2, 1, 3}, {0, 2, 3, 1}, {0, 2, 1, 3}};
    for (int i = 0; i < 3; i++) {
      Value proj = b.op("Add", b.op("MatMul", x, b.constant("w" + i, random(r, 0.5f, H, H))),
          b.constant("b" + i, random(r, 0.5f, H)));
      heads[i] = b.op("Transpose", List.of(Attribute.ints("perm", perms[i])), b.op("Reshape", proj, split));
    }
    Value scores = b.op("Div", b.op("MatMul", heads[0], heads[1]), b.constant("sqrt_h", Tensor.scalar(2f)));
    Value u = b.op("Unsqueeze", b.op("Unsqueeze", mask, b.constant("ax1", Tensor.of(new long[] {1}, 1))),
        b.constant("ax2", Tensor.of(new long[] {2}, 1)));
    Value inverted = b.op("Sub", b.constant("one", Tensor.scalar(1f)),
        b.op("Cast", List.of(Attribute.of("to", 1L)), u));
    Value maskAdd = b.op("Mul", inverted, b.constant("filter", Tensor.scalar(-10000f)));
    Value probs = b.op("Softmax", List.of(Attribute.of("axis", softmaxAxis)), b.op("Add", scores, maskAdd));
    Value ctx = b.op("Transpose", List.of(Attribute.ints("perm", 0, 2, 1, 3)), b.op("MatMul", probs, heads[2]));
    b.output(b.op("Reshape", ctx, b.constant("merge", Tensor.of(new long[] {0, 0, H}, 3))));
    return b.build();
  }

  @Test
  void fusesSelfAttentionWithItsMask() {
    Model fused = FusionTesting.fuseAndCompare(() -> model(-1), FEEDS, new AttentionFusion());
    assertThat(FusionTesting.histogram(fused)).isEqualTo(Map.of("Cast", 1, "com.microsoft:Attention", 1));
    Node att = fused.graph().nodes().get(1);
    assertThat(att.attrInt("num_heads", 0)).isEqualTo(N);
    assertThat(att.attrFloat("scale", 0f)).isEqualTo(0.5f);
    assertThat(att.attrFloat("mask_filter_value", 0f)).isEqualTo(-10000f);
    assertThat(att.input(1).initializer().shape().dims()).containsExactly(H, 3 * H);
  }

  @Test
  void leavesASoftmaxOverAnotherAxisAlone() {
    Model m = FusionTesting.optimize(model(2), new AttentionFusion());
    assertThat(FusionTesting.histogram(m)).containsEntry("Softmax", 1)
        .doesNotContainKey("com.microsoft:Attention");
  }
}
