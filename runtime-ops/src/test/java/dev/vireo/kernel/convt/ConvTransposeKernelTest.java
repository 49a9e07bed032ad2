package dev.vireo.kernel.convt;

import static dev.vireo.kernel.NodeRunner.node;
import static dev.vireo.kernel.NodeRunner.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vireo.ir.Attribute;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConvTransposeKernelTest {
  private static final float CLOSE = 1e-4f;
  private static final Tensor X3 = Tensor.of(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, 1, 1, 3, 3);
  private static final Tensor ONES = Tensor.of(filled(18, 1), 1, 2, 3, 3);

  private static float[] filled(int n, float v) {
    float[] f = new float[n];
    java.util.Arrays.fill(f, v);
    return f;
  }

  private static Tensor convT(int opset, Tensor x, Tensor w, Tensor b, Attribute... attrs) {
    return b == null ? run(node("ConvTranspose", opset, 2, 1, attrs), x, w)[0]
        : run(node("ConvTranspose", opset, 3, 1, attrs), x, w, b)[0];
  }

  @Test
  void specExample() {
    Tensor y = convT(22, X3, ONES, null);
    assertThat(y.shape()).isEqualTo(Shape.of(1, 2, 5, 5));
    float[] c0 = {0, 1, 3, 3, 2, 3, 8, 15, 12, 7, 9, 21, 36, 27, 15, 9, 20, 33, 24, 13, 6, 13, 21, 15, 8};
    float[] both = new float[50];
    System.arraycopy(c0, 0, both, 0, 25);
    System.arraycopy(c0, 0, both, 25, 25);
    assertThat(y.floats()).containsExactly(both);
  }

  @Test
  void outputShapeRulesFromTheSpec() {
    Attribute s32 = Attribute.ints("strides", 3, 2);
    assertThat(convT(11, X3, ONES, null, s32, Attribute.ints("output_shape", 10, 8)).shape())
        .isEqualTo(Shape.of(1, 2, 10, 8));
    assertThat(convT(11, X3, ONES, null, s32, Attribute.ints("output_padding", 1, 1)).shape())
        .isEqualTo(Shape.of(1, 2, 10, 8));
    assertThat(convT(11, X3, ONES, null, Attribute.ints("strides", 2, 2), Attribute.of("auto_pad", "SAME_UPPER"))
        .shape()).isEqualTo(Shape.of(1, 2, 6, 6));
    assertThat(convT(11, X3, ONES, null, s32, Attribute.ints("pads", 1, 2, 1, 2)).shape())
        .isEqualTo(Shape.of(1, 2, 7, 3));
    assertThat(convT(11, X3, ONES, null, Attribute.of("auto_pad", "VALID")).shape()).isEqualTo(Shape.of(1, 2, 5, 5));
  }

  @Test
  void matchesTheScatterReferenceWithGroupsStridesPadsAndDilations() {
    Random rnd = new Random(7);
    Tensor x = random(rnd, 2, 4, 3, 4);
    Tensor w = random(rnd, 4, 3, 2, 3); // group 2: C=4, M=6
    Tensor b = random(rnd, 6);
    long[] s = {2, 1};
    long[] d = {1, 2};
    long[] p = {1, 0, 0, 2};
    long[] op = {1, 0};
    Tensor y = convT(22, x, w, b, Attribute.of("group", 2L), Attribute.ints("strides", s),
        Attribute.ints("dilations", d), Attribute.ints("pads", p), Attribute.ints("output_padding", op));
    Tensor ref = reference(x, w, b, 2, s, d, p, op);
    assertThat(y.shape()).isEqualTo(ref.shape());
    assertThat(y.floats()).containsExactly(ref.floats(), within(CLOSE));
  }

  @Test
  void oneAndThreeSpatialDims() {
    Random rnd = new Random(3);
    Tensor x1 = random(rnd, 1, 2, 5);
    Tensor w1 = random(rnd, 2, 3, 3);
    Tensor y1 = convT(22, x1, w1, null, Attribute.ints("strides", 2));
    assertThat(y1.floats()).containsExactly(reference(x1, w1, null, 1, new long[] {2}, new long[] {1},
        new long[2], new long[1]).floats(), within(CLOSE));
    Tensor x3 = random(rnd, 1, 1, 2, 3, 2);
    Tensor w3 = random(rnd, 1, 2, 2, 2, 2);
    Tensor y3 = convT(22, x3, w3, null, Attribute.ints("pads", 0, 1, 0, 1, 0, 0));
    assertThat(y3.floats()).containsExactly(reference(x3, w3, null, 1, new long[] {1, 1, 1},
        new long[] {1, 1, 1}, new long[] {0, 1, 0, 1, 0, 0}, new long[3]).floats(), within(CLOSE));
  }

  @Test
  void oddOutputShapePaddingSplitsByOpset() {
    // full extent 7 (in 3, kernel 3, stride 2), output_shape 6: one padding to place
    Tensor x = Tensor.of(new float[] {1, 2, 3}, 1, 1, 3);
    Tensor w = Tensor.of(new float[] {1, 10, 100}, 1, 1, 3);
    Attribute s = Attribute.ints("strides", 2);
    Attribute os = Attribute.ints("output_shape", 6);
    Tensor full = convT(11, x, w, null, s);
    assertThat(full.floats()).containsExactly(1, 10, 102, 20, 203, 30, 300);
    // opset 11, NOTSET: the larger half (1) first
    assertThat(convT(11, x, w, null, s, os).floats()).containsExactly(10, 102, 20, 203, 30, 300);
    // opset 11, SAME_UPPER: the smaller half (0) first
    assertThat(convT(11, x, w, null, s, os, Attribute.of("auto_pad", "SAME_UPPER")).floats())
        .containsExactly(1, 10, 102, 20, 203, 30);
    // before opset 11 it is the other way round
    assertThat(convT(10, x, w, null, s, os).floats()).containsExactly(1, 10, 102, 20, 203, 30);
  }

  @Test
  void pooledRunMatchesTheReference() {
    Random rnd = new Random(11);
    Tensor x = random(rnd, 2, 4, 5, 5);
    Tensor w = random(rnd, 4, 3, 3, 3);
    Tensor b = random(rnd, 6);
    var n = node("ConvTranspose", 22, 3, 1, Attribute.of("group", 2L), Attribute.ints("strides", 2, 2));
    var pool = new java.util.concurrent.ForkJoinPool(2);
    try {
      Tensor y = new ConvTransposeKernel(n).run(new Tensor[] {x, w, b}, new dev.vireo.exec.ExecContext(2, pool))[0];
      Tensor ref = reference(x, w, b, 2, new long[] {2, 2}, new long[] {1, 1}, new long[4], new long[2]);
      assertThat(y.floats()).containsExactly(ref.floats(), within(CLOSE));
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void rejectsMismatchedWeights() {
    assertThatThrownBy(() -> convT(11, X3, Tensor.of(filled(18, 1), 2, 1, 3, 3), null))
        .hasMessageContaining("must have X's 1 channels first");
  }

  private static Tensor random(Random rnd, int... dims) {
    float[] f = new float[Shape.of(dims).size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = rnd.nextFloat() * 2 - 1;
    }
    return Tensor.of(f, dims);
  }

  /** Naive scatter: every input element times every kernel tap, added where it lands. */
  private static Tensor reference(Tensor x, Tensor w, Tensor b, int group, long[] s, long[] d, long[] p, long[] op) {
    int[] xd = x.shape().dims();
    int[] wd = w.shape().dims();
    int r = xd.length - 2;
    int c = xd[1];
    int mg = wd[1];
    int m = mg * group;
    int[] od = new int[r + 2];
    od[0] = xd[0];
    od[1] = m;
    for (int i = 0; i < r; i++) {
      od[i + 2] = (int) (s[i] * (xd[i + 2] - 1) + op[i] + (wd[i + 2] - 1) * d[i] + 1 - p[i] - p[i + r]);
    }
    Shape os = Shape.of(od);
    float[] y = new float[os.size()];
    int[] ost = os.strides();
    int plane = os.sizeBetween(2, r + 2);
    for (int n = 0; n < od[0]; n++) {
      for (int oc = 0; oc < m; oc++) {
        for (int i = 0; i < plane; i++) {
          y[n * m * plane + oc * plane + i] = b == null ? 0 : b.floats()[oc];
        }
      }
    }
    List<int[]> xs = indices(xd);
    for (int[] xi : xs) {
      int ci = xi[1];
      int g = ci / (c / group);
      for (int mm = 0; mm < mg; mm++) {
        int[] kdims = java.util.Arrays.copyOfRange(wd, 2, wd.length);
        for (int[] k : indices(kdims)) {
          int off = xi[0] * ost[0] + (g * mg + mm) * ost[1];
          boolean inside = true;
          for (int a = 0; a < r; a++) {
            long o = xi[a + 2] * s[a] + k[a] * d[a] - p[a];
            inside &= o >= 0 && o < od[a + 2];
            off += (int) o * ost[a + 2];
          }
          if (inside) {
            int wi = (ci * mg + mm);
            for (int a = 0; a < r; a++) {
              wi = wi * wd[a + 2] + k[a];
            }
            y[off] += x.floats()[flat(xi, xd)] * w.floats()[wi];
          }
        }
      }
    }
    return Tensor.wrap(dev.vireo.tensor.DType.FLOAT, os, y);
  }

  private static int flat(int[] idx, int[] dims) {
    int f = 0;
    for (int i = 0; i < dims.length; i++) {
      f = f * dims[i] + idx[i];
    }
    return f;
  }

  private static List<int[]> indices(int[] dims) {
    List<int[]> all = new ArrayList<>();
    int n = Shape.of(dims).size();
    for (int q = 0; q < n; q++) {
      int[] idx = new int[dims.length];
      int rest = q;
      for (int i = dims.length - 1; i >= 0; i--) {
        idx[i] = rest % dims[i];
        rest /= dims[i];
      }
      all.add(idx);
    }
    return all;
  }
}
