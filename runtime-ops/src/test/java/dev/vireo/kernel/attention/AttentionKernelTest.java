package dev.vireo.kernel.attention;

import static dev.vireo.kernel.KernelTesting.PARALLEL;
import static dev.vireo.kernel.KernelTesting.assertClose;
import static dev.vireo.kernel.KernelTesting.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Attribute;
import dev.vireo.kernel.attention.AttentionReference.Call;
import dev.vireo.kernel.attention.AttentionReference.Result;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Float16;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AttentionKernelTest {
  private static final double NEG_INF = Double.NEGATIVE_INFINITY;

  @Test
  void oneQueryTwoKeysByHand() {
    // scores q.k / sqrt(2) = [1/sqrt2, 0]; weights e^(1/sqrt2) : 1
    Tensor q = Tensor.of(new float[] {1, 0}, 1, 1, 1, 2);
    Tensor k = Tensor.of(new float[] {1, 0, 0, 1}, 1, 1, 2, 2);
    Tensor v = Tensor.of(new float[] {1, 2, 3, 4}, 1, 1, 2, 2);
    Tensor[] out = new AttentionKernel(node("Attention", 23, 3, 1))
        .run(new Tensor[] {q, k, v}, ExecContext.singleThreaded());
    double p0 = Math.exp(1 / Math.sqrt(2)) / (Math.exp(1 / Math.sqrt(2)) + 1);
    assertThat(out[0].shape()).isEqualTo(Shape.of(1, 1, 1, 2));
    assertClose(out[0], new double[] {p0 * 1 + (1 - p0) * 3, p0 * 2 + (1 - p0) * 4});
  }

  @Test
  void causalFirstRowSeesOnlyFirstKey() {
    Tensor q = Tensor.of(new float[] {1, 1, 1, 1}, 1, 1, 2, 2);
    Tensor k = Tensor.of(new float[] {5, 0, 0, 5}, 1, 1, 2, 2);
    Tensor v = Tensor.of(new float[] {1, 2, 3, 4}, 1, 1, 2, 2);
    Tensor[] out = new AttentionKernel(node("Attention", 23, 3, 1, Attribute.of("is_causal", 1L)))
        .run(new Tensor[] {q, k, v}, ExecContext.singleThreaded());
    // row 0 attends key 0 only; row 1 has equal scores for both keys
    assertClose(out[0], new double[] {1, 2, 2, 3});
  }

  @Test
  void fullyMaskedRowIsZeroInYAndSoftmaxOutput() {
    Tensor q = Tensor.of(new float[] {1, 2, 3, 4}, 1, 1, 2, 2);
    Tensor k = Tensor.of(new float[] {1, 0, 0, 1}, 1, 1, 2, 2);
    Tensor v = Tensor.of(new float[] {1, 2, 3, 4}, 1, 1, 2, 2);
    Tensor mask = Tensor.of(new boolean[] {false, false, true, false}, 2, 2);
    Tensor[] out = new AttentionKernel(node("Attention", 23, 4, 4, Attribute.of("qk_matmul_output_mode", 3L)))
        .run(new Tensor[] {q, k, v, mask}, ExecContext.singleThreaded());
    assertClose(out[0], new double[] {0, 0, 1, 2});
    assertClose(out[3], new double[] {0, 0, 1, 0});
  }

  @Test
  void multiHead4d() {
    Random r = new Random(1);
    Call c = call(r, 2, 3, 3, 4, 5, 0, 8, 6);
    check(c, false, 23, null, false);
  }

  @Test
  void groupedQueryCausal3d() {
    Random r = new Random(2);
    Call c = call(r, 2, 6, 2, 5, 5, 0, 4, 4);
    c.causal = true;
    check(c, true, 23, null, false);
  }

  @Test
  void multiQueryCrossAttentionWithScaleAndFloatMask() {
    Random r = new Random(3);
    Call c = call(r, 1, 4, 1, 3, 7, 0, 8, 3);
    c.scale = 0.3;
    Tensor mask = floatMask(r, c, 3, 7);
    check(c, true, 23, mask, false);
  }

  @Test
  void pastCacheWithBroadcastBoolMaskAndCausal() {
    Random r = new Random(4);
    Call c = call(r, 2, 4, 2, 3, 3, 4, 4, 5);
    c.causal = true;
    Tensor mask = boolMask(r, c, 2, 1, 3, 7);
    check(c, false, 23, mask, true);
  }

  @Test
  void maskShorterThanTotalSequenceIsPaddedWithMinusInfinity() {
    Random r = new Random(5);
    Call c = call(r, 1, 2, 2, 3, 2, 3, 4, 4);
    Tensor mask = floatMask(r, c, 2, 3, 3);
    check(c, false, 23, mask, true);
  }

  @Test
  void softcapAndEveryQkOutputMode() {
    for (int mode = 0; mode <= 3; mode++) {
      Random r = new Random(10 + mode);
      Call c = call(r, 1, 2, 2, 4, 4, 2, 4, 4);
      scaleUp(c.q, 6);
      c.softcap = 1.5;
      c.mode = mode;
      c.causal = mode % 2 == 0;
      Tensor mask = floatMask(r, c, 1, 2, 4, 6);
      check(c, mode == 1, 23, mask, true);
    }
  }

  @Test
  void nonpadKvSeqlenShiftsTheCausalFrontierPerBatch() {
    Random r = new Random(6);
    Call c = call(r, 3, 2, 1, 2, 6, 0, 4, 4);
    c.causal = true;
    c.nonpad = new long[] {6, 3, 1};
    check(c, false, 24, null, false);
  }

  @Test
  void slidingWindowOpset25() {
    Random r = new Random(7);
    Call c = call(r, 1, 2, 2, 5, 5, 2, 4, 4);
    c.left = 2;
    c.right = 1;
    check(c, false, 25, null, true);
  }

  @Test
  void float16InputsComputeInFloat32() {
    Random r = new Random(8);
    Call c = call(r, 1, 2, 2, 3, 4, 0, 8, 8);
    roundTo16(c.q);
    roundTo16(c.k);
    roundTo16(c.v);
    Tensor[] in = {to16(flat(c.q)), to16(flat(c.k)), to16(flat(c.v))};
    Tensor[] out = new AttentionKernel(node("Attention", 23, 3, 1)).run(in, PARALLEL);
    assertThat(out[0].dtype()).isEqualTo(DType.FLOAT16);
    // f16 output rounding: half an ulp of values below 2 is about 1e-3
    assertClose(out[0], flatD(AttentionReference.run(c).y()), 1e-3);
  }

  @Test
  void rejectsMismatchedHeadsAndLonelyPastKey() {
    Tensor q = Tensor.of(new float[12], 1, 3, 1, 4);
    Tensor k = Tensor.of(new float[8], 1, 2, 1, 4);
    AttentionKernel kernel = new AttentionKernel(node("Attention", 23, 3, 1));
    assertThatThrownBy(() -> kernel.run(new Tensor[] {q, k, k}, ExecContext.singleThreaded()))
        .hasMessageContaining("q heads (3) must be a multiple of kv heads (2)");
    Tensor q2 = Tensor.of(new float[8], 1, 2, 1, 4);
    AttentionKernel withPast = new AttentionKernel(node("Attention", 23,
        new boolean[] {true, true, true, false, true, false}, 1));
    assertThatThrownBy(() -> withPast.run(new Tensor[] {q2, k, k, null, k, null}, ExecContext.singleThreaded()))
        .hasMessageContaining("past_key and past_value must be given together");
  }

  /** Runs the kernel on c (3-D layout when threeD) and compares every output with the reference. */
  private static void check(Call c, boolean threeD, int opset, Tensor mask, boolean past) {
    int qHeads = c.q[0].length;
    int kvHeads = c.k[0].length;
    List<Attribute> attrs = new ArrayList<>();
    if (threeD) {
      attrs.add(Attribute.of("q_num_heads", (long) qHeads));
      attrs.add(Attribute.of("kv_num_heads", (long) kvHeads));
    }
    if (c.causal) {
      attrs.add(Attribute.of("is_causal", 1L));
    }
    if (c.scale != null) {
      attrs.add(Attribute.of("scale", (float) (double) c.scale));
    }
    if (c.softcap > 0) {
      attrs.add(Attribute.of("softcap", (float) c.softcap));
    }
    attrs.add(Attribute.of("qk_matmul_output_mode", (long) c.mode));
    if (c.left >= 0) {
      attrs.add(Attribute.of("left_window_size", c.left));
      attrs.add(Attribute.of("right_window_size", c.right));
    }
    boolean[] present = {true, true, true, mask != null, past, past, c.nonpad != null};
    Tensor[] in = {
      threeD ? as3d(c.q) : flat(c.q), threeD ? as3d(c.k) : flat(c.k), threeD ? as3d(c.v) : flat(c.v),
      mask, past ? flat(c.pastK) : null, past ? flat(c.pastV) : null,
      c.nonpad == null ? null : Tensor.of(c.nonpad, c.nonpad.length)};
    AttentionKernel kernel = new AttentionKernel(
        node("Attention", opset, present, 4, attrs.toArray(new Attribute[0])));
    Tensor[] out = kernel.run(in, PARALLEL);
    Result want = AttentionReference.run(c);
    assertClose(out[0], threeD ? flat3d(want.y()) : flatD(want.y()));
    assertClose(out[1], flatD(want.presentK()));
    assertClose(out[2], flatD(want.presentV()));
    assertClose(out[3], flatD(want.qk()));
  }

  /** Random Q, K, V (and past when past > 0) with the given sizes, all float32-exact. */
  private static Call call(Random r, int batch, int qHeads, int kvHeads, int qLen, int kvLen,
      int past, int size, int vSize) {
    Call c = new Call();
    c.q = rand(r, batch, qHeads, qLen, size);
    c.k = rand(r, batch, kvHeads, kvLen, size);
    c.v = rand(r, batch, kvHeads, kvLen, vSize);
    if (past > 0) {
      c.pastK = rand(r, batch, kvHeads, past, size);
      c.pastV = rand(r, batch, kvHeads, past, vSize);
    }
    return c;
  }

  private static Tensor floatMask(Random r, Call c, int... dims) {
    int n = Shape.of(dims).size();
    float[] f = new float[n];
    c.mask = new double[n];
    for (int i = 0; i < n; i++) {
      // about one in eight positions disabled outright
      f[i] = r.nextInt(8) == 0 ? Float.NEGATIVE_INFINITY : r.nextFloat() * 2 - 1;
      c.mask[i] = f[i];
    }
    c.maskDims = dims;
    return Tensor.of(f, dims);
  }

  private static Tensor boolMask(Random r, Call c, int... dims) {
    int n = Shape.of(dims).size();
    boolean[] m = new boolean[n];
    c.mask = new double[n];
    for (int i = 0; i < n; i++) {
      m[i] = r.nextInt(4) != 0;
      c.mask[i] = m[i] ? 0 : NEG_INF;
    }
    c.maskDims = dims;
    return Tensor.of(m, dims);
  }

  private static double[][][][] rand(Random r, int a, int b, int c, int d) {
    double[][][][] x = new double[a][b][c][d];
    for (double[][][] x1 : x) {
      for (double[][] x2 : x1) {
        for (double[] x3 : x2) {
          for (int i = 0; i < d; i++) {
            x3[i] = r.nextFloat() * 2 - 1;
          }
        }
      }
    }
    return x;
  }

  private static void scaleUp(double[][][][] x, double f) {
    for (double[][][] x1 : x) {
      for (double[][] x2 : x1) {
        for (double[] x3 : x2) {
          for (int i = 0; i < x3.length; i++) {
            x3[i] = (float) (x3[i] * f);
          }
        }
      }
    }
  }

  private static void roundTo16(double[][][][] x) {
    for (double[][][] x1 : x) {
      for (double[][] x2 : x1) {
        for (double[] x3 : x2) {
          for (int i = 0; i < x3.length; i++) {
            x3[i] = Float16.halfToFloat(Float16.floatToHalf((float) x3[i]));
          }
        }
      }
    }
  }

  private static Tensor to16(Tensor f) {
    short[] s = new short[f.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = Float16.floatToHalf(f.floats()[i]);
    }
    return Tensor.wrap(DType.FLOAT16, f.shape(), s);
  }

  private static double[] flatD(double[][][][] x) {
    int a = x.length;
    int b = x[0].length;
    int c = x[0][0].length;
    int d = c == 0 ? 0 : x[0][0][0].length;
    double[] out = new double[a * b * c * d];
    for (int i = 0; i < a; i++) {
      for (int j = 0; j < b; j++) {
        for (int k = 0; k < c; k++) {
          System.arraycopy(x[i][j][k], 0, out, ((i * b + j) * c + k) * d, d);
        }
      }
    }
    return out;
  }

  private static Tensor flat(double[][][][] x) {
    double[] d = flatD(x);
    float[] f = new float[d.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) d[i];
    }
    return Tensor.of(f, x.length, x[0].length, x[0][0].length, x[0][0][0].length);
  }

  /** (batch, heads, seq, size) values in (batch, seq, heads * size) order. */
  private static double[] flat3d(double[][][][] x) {
    int a = x.length;
    int b = x[0].length;
    int c = x[0][0].length;
    int d = x[0][0][0].length;
    double[] out = new double[a * b * c * d];
    for (int i = 0; i < a; i++) {
      for (int j = 0; j < b; j++) {
        for (int k = 0; k < c; k++) {
          System.arraycopy(x[i][j][k], 0, out, ((i * c + k) * b + j) * d, d);
        }
      }
    }
    return out;
  }

  private static Tensor as3d(double[][][][] x) {
    double[] d = flat3d(x);
    float[] f = new float[d.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) d[i];
    }
    return Tensor.of(f, x.length, x[0][0].length, x[0].length * x[0][0][0].length);
  }
}
