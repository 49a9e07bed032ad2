package dev.vireo.kernel.attention;

import static dev.vireo.kernel.KernelTesting.PARALLEL;
import static dev.vireo.kernel.KernelTesting.assertClose;
import static dev.vireo.kernel.KernelTesting.node;
import static dev.vireo.kernel.KernelTesting.random;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Attribute;
import dev.vireo.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RotaryEmbeddingKernelTest {
  @Test
  void quarterTurnByHand() {
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 1, 1, 1, 4);
    Tensor cos = Tensor.of(new float[] {0, 0}, 1, 1, 2);
    Tensor sin = Tensor.of(new float[] {1, 1}, 1, 1, 2);
    Tensor[] in = {x, cos, sin};
    // halves: pairs (x0, x2) and (x1, x3) -> (-x2, x0), (-x3, x1)
    assertClose(new RotaryEmbeddingKernel(node("RotaryEmbedding", 23, 3, 1))
        .run(in, ExecContext.singleThreaded())[0], new double[] {-3, -4, 1, 2});
    // interleaved: pairs (x0, x1) and (x2, x3)
    assertClose(new RotaryEmbeddingKernel(node("RotaryEmbedding", 23, 3, 1, Attribute.of("interleaved", 1L)))
        .run(in, ExecContext.singleThreaded())[0], new double[] {-2, 1, -4, 3});
  }

  @Test
  void matchesReferenceForEveryLayoutAndAttribute() {
    int batch = 2;
    int heads = 3;
    int seq = 5;
    int head = 8;
    int maxPos = 11;
    for (int variant = 0; variant < 8; variant++) {
      boolean interleaved = (variant & 1) != 0;
      boolean positions = (variant & 2) != 0;
      boolean threeD = (variant & 4) != 0;
      int rot = variant % 3 == 0 ? 4 : head;
      Random r = new Random(variant);
      float[] x = random(r, batch * heads * seq * head);
      long[] pos = new long[batch * seq];
      for (int i = 0; i < pos.length; i++) {
        pos[i] = r.nextInt(maxPos);
      }
      int rows = positions ? maxPos : batch * seq;
      float[] cos = random(r, rows * rot / 2);
      float[] sin = random(r, rows * rot / 2);
      Tensor cosT = positions ? Tensor.of(cos, maxPos, rot / 2) : Tensor.of(cos, batch, seq, rot / 2);
      Tensor sinT = positions ? Tensor.of(sin, maxPos, rot / 2) : Tensor.of(sin, batch, seq, rot / 2);
      // x is generated in (batch, heads, seq, head) order; 3-D runs feed its (batch, seq, heads*head) transpose
      Tensor xT = threeD
          ? Tensor.of(toSeqMajor(x, batch, heads, seq, head), batch, seq, heads * head)
          : Tensor.of(x, batch, heads, seq, head);
      Tensor[] in = positions
          ? new Tensor[] {xT, cosT, sinT, Tensor.of(pos, batch, seq)}
          : new Tensor[] {xT, cosT, sinT};
      Tensor got = new RotaryEmbeddingKernel(node("RotaryEmbedding", 23, in.length, 1,
          Attribute.of("interleaved", interleaved ? 1L : 0L),
          Attribute.of("rotary_embedding_dim", variant % 3 == 0 ? (long) rot : 0L),
          Attribute.of("num_heads", threeD ? (long) heads : 0L))).run(in, PARALLEL)[0];
      double[] want = reference(x, cos, sin, positions ? pos : null, batch, heads, seq, head, rot, interleaved);
      if (threeD) {
        float[] w = new float[want.length];
        for (int i = 0; i < w.length; i++) {
          w[i] = (float) want[i];
        }
        float[] t = toSeqMajor(w, batch, heads, seq, head);
        for (int i = 0; i < w.length; i++) {
          want[i] = t[i];
        }
      }
      assertClose(got, want);
    }
  }

  @Test
  void positionIdsOfOneBatchEntryServeEveryEntry() {
    // two batch entries, one position row (1, 1) pointing at the quarter-turn row 1 of the table
    Tensor x = Tensor.of(new float[] {1, 2, 5, 6}, 2, 1, 1, 2);
    Tensor cos = Tensor.of(new float[] {1, 0}, 2, 1);
    Tensor sin = Tensor.of(new float[] {0, 1}, 2, 1);
    Tensor pos = Tensor.of(new long[] {1}, 1, 1);
    assertClose(new RotaryEmbeddingKernel(node("RotaryEmbedding", 23, 4, 1))
        .run(new Tensor[] {x, cos, sin, pos}, ExecContext.singleThreaded())[0], new double[] {-2, 1, -6, 5});
  }

  @Test
  void rejectsPositionOutsideCache() {
    Tensor x = Tensor.of(new float[4], 1, 1, 1, 4);
    Tensor cache = Tensor.of(new float[4], 2, 2);
    Tensor pos = Tensor.of(new long[] {2}, 1, 1);
    assertThatThrownBy(() -> new RotaryEmbeddingKernel(node("RotaryEmbedding", 23, 4, 1))
        .run(new Tensor[] {x, cache, cache, pos}, ExecContext.singleThreaded()))
        .hasMessageContaining("position_ids value 2 is outside the caches' 2 positions");
  }

  /** Straight from the spec over (batch, heads, seq, head) data. */
  private static double[] reference(float[] x, float[] cos, float[] sin, long[] pos, int batch,
      int heads, int seq, int head, int rot, boolean interleaved) {
    double[] y = new double[x.length];
    int half = rot / 2;
    for (int b = 0; b < batch; b++) {
      for (int h = 0; h < heads; h++) {
        for (int s = 0; s < seq; s++) {
          int base = ((b * heads + h) * seq + s) * head;
          int row = pos != null ? (int) pos[b * seq + s] : b * seq + s;
          for (int c = 0; c < head; c++) {
            y[base + c] = x[base + c];
          }
          for (int c = 0; c < half; c++) {
            int i1 = interleaved ? 2 * c : c;
            int i2 = interleaved ? 2 * c + 1 : c + half;
            double co = cos[row * half + c];
            double si = sin[row * half + c];
            y[base + i1] = co * x[base + i1] - si * x[base + i2];
            y[base + i2] = si * x[base + i1] + co * x[base + i2];
          }
        }
      }
    }
    return y;
  }

  private static float[] toSeqMajor(float[] x, int batch, int heads, int seq, int head) {
    float[] out = new float[x.length];
    for (int b = 0; b < batch; b++) {
      for (int h = 0; h < heads; h++) {
        for (int s = 0; s < seq; s++) {
          System.arraycopy(x, ((b * heads + h) * seq + s) * head, out, ((b * seq + s) * heads + h) * head, head);
        }
      }
    }
    return out;
  }
}
