package dev.vireo.kernel.transformer;

import static dev.vireo.kernel.transformer.ContribCase.random;

import dev.vireo.ir.Attribute;
import dev.vireo.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The com.microsoft transformer kernels against onnxruntime on small random inputs. */
class TransformerKernelsOrtTest {
  /** Float32 against float32 with different summation orders and erf approximations. */
  private static final double CLOSE = 2e-5;

  @Test
  void geluFamilyMatchesOnnxruntime() throws Exception {
    Random r = new Random(1);
    Tensor x = random(r, 3f, 2, 3, 8);
    Tensor b = random(r, 1f, 8);
    new ContribCase("Gelu").input("X", x).output("Y").assertMatchesOrt(CLOSE);
    new ContribCase("BiasGelu").input("A", x).input("B", b).output("C").assertMatchesOrt(CLOSE);
    new ContribCase("FastGelu").input("X", x).output("Y").assertMatchesOrt(CLOSE);
    new ContribCase("FastGelu").input("X", x).input("bias", b).output("Y").assertMatchesOrt(CLOSE);
  }

  @Test
  void skipLayerNormMatchesOnnxruntime() throws Exception {
    Random r = new Random(2);
    Tensor x = random(r, 2f, 2, 5, 16);
    Tensor skip = random(r, 2f, 2, 5, 16);
    Tensor gamma = random(r, 1f, 16);
    Tensor beta = random(r, 1f, 16);
    Tensor bias = random(r, 1f, 16);
    new ContribCase("SkipLayerNormalization").input("input", x).input("skip", skip)
        .input("gamma", gamma).input("beta", beta).input("bias", bias)
        .attr(Attribute.of("epsilon", 1e-5f))
        .output("output").output(null).output(null).output("sum")
        .assertMatchesOrt(CLOSE);
    new ContribCase("SkipLayerNormalization").input("input", x).input("skip", skip)
        .input("gamma", gamma).output("output").assertMatchesOrt(CLOSE);
    new ContribCase("SkipLayerNormalization").input("input", x).input("skip", random(r, 1f, 1, 5, 16))
        .input("gamma", gamma).input("beta", beta).output("output").assertMatchesOrt(CLOSE);
  }

  @Test
  void attentionMatchesOnnxruntime() throws Exception {
    Random r = new Random(3);
    int batch = 2;
    int seq = 5;
    int hidden = 8;
    Tensor x = random(r, 1f, batch, seq, hidden);
    Tensor w = random(r, 0.5f, hidden, 3 * hidden);
    Tensor bias = random(r, 0.5f, 3 * hidden);
    int[] raw = {1, 1, 1, 0, 0, 1, 1, 1, 1, 1};
    Tensor mask2d = Tensor.of(raw, batch, seq);
    new ContribCase("Attention").input("input", x).input("weights", w).input("bias", bias)
        .attr(Attribute.of("num_heads", 2L)).output("output").assertMatchesOrt(CLOSE);
    new ContribCase("Attention").input("input", x).input("weights", w).input("bias", bias)
        .input("mask_index", mask2d).attr(Attribute.of("num_heads", 4L)).output("output")
        .assertMatchesOrt(CLOSE);
    new ContribCase("Attention").input("input", x).input("weights", w).input("bias", bias)
        .input("mask_index", Tensor.of(new int[] {3, 5}, batch)).attr(Attribute.of("num_heads", 2L))
        .attr(Attribute.of("scale", 0.3f)).output("output").assertMatchesOrt(CLOSE);
    new ContribCase("Attention").input("input", x).input("weights", w).input("bias", bias)
        .input("mask_index", mask2d).attr(Attribute.of("num_heads", 2L))
        .attr(Attribute.of("unidirectional", 1L)).output("output").assertMatchesOrt(CLOSE);
  }

  @Test
  void attentionWithConstantWeightsMatchesOnnxruntime() throws Exception {
    // constant weights take the pre-packed projection path; sizes above the vector GEMM's minimum
    Random r = new Random(4);
    int batch = 2;
    int seq = 17;
    int hidden = 48;
    int[] raw = new int[batch * seq];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = i % seq < seq - 3 * (i / seq) ? 1 : 0;
    }
    new ContribCase("Attention").input("input", random(r, 1f, batch, seq, hidden))
        .constant("weights", random(r, 0.2f, hidden, 3 * hidden))
        .constant("bias", random(r, 0.2f, 3 * hidden))
        .input("mask_index", Tensor.of(raw, batch, seq))
        .attr(Attribute.of("num_heads", 4L)).output("output").assertMatchesOrt(CLOSE);
  }
}
