package dev.vireo.kernel.attention;

import static dev.vireo.kernel.KernelTesting.assertClose;
import static dev.vireo.kernel.KernelTesting.node;
import static dev.vireo.kernel.KernelTesting.random;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.Session;
import dev.vireo.SessionOptions;
import dev.vireo.Vireo;
import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Attribute;
import dev.vireo.ir.GraphBuilder;
import dev.vireo.ir.Value;
import dev.vireo.kernel.norm.RmsNormalizationKernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The registered kernels and op definitions serve a small decoder block end to end. */
class AttentionKernelsTest {
  @Test
  void rotaryAttentionAndRmsNormThroughASession() {
    Random r = new Random(42);
    Tensor q = Tensor.of(random(r, 3 * 8), 1, 3, 8);
    Tensor k = Tensor.of(random(r, 3 * 4), 1, 3, 4);
    Tensor v = Tensor.of(random(r, 3 * 4), 1, 3, 4);
    Tensor cos = Tensor.of(random(r, 3 * 2), 1, 3, 2);
    Tensor sin = Tensor.of(random(r, 3 * 2), 1, 3, 2);
    Tensor scale = Tensor.of(random(r, 8), 8);
    List<Attribute> attn = List.of(Attribute.of("q_num_heads", 2L), Attribute.of("kv_num_heads", 1L),
        Attribute.of("is_causal", 1L));

    GraphBuilder b = new GraphBuilder("block", 23);
    Value qv = b.input("q", DType.FLOAT, 1, 3, 8);
    Value kv = b.input("k", DType.FLOAT, 1, 3, 4);
    Value vv = b.input("v", DType.FLOAT, 1, 3, 4);
    Value qr = b.op("RotaryEmbedding", List.of(Attribute.of("num_heads", 2L)),
        qv, b.constant("cos", cos), b.constant("sin", sin));
    Value y = b.op("Attention", attn, qr, kv, vv);
    b.output(b.named("out", "RMSNormalization", List.of(), y, b.constant("scale", scale)));

    Map<String, Tensor> got;
    try (Session s = Vireo.create(b.build(), SessionOptions.defaults().withThreads(2))) {
      assertThat(s.outputs().get(0).type()).hasToString("f32[1,3,8]");
      got = s.run(Map.of("q", q, "k", k, "v", v));
    }

    ExecContext ctx = ExecContext.singleThreaded();
    Tensor rq = new RotaryEmbeddingKernel(node("RotaryEmbedding", 23, 3, 1, Attribute.of("num_heads", 2L)))
        .run(new Tensor[] {q, cos, sin}, ctx)[0];
    Tensor ay = new AttentionKernel(node("Attention", 23, 3, 1, attn.toArray(new Attribute[0])))
        .run(new Tensor[] {rq, k, v}, ctx)[0];
    Tensor want = new RmsNormalizationKernel(node("RMSNormalization", 23, 2, 1))
        .run(new Tensor[] {ay, scale}, ctx)[0];
    double[] w = new double[want.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = want.floats()[i];
    }
    assertClose(got.get("out"), w);
  }
}
