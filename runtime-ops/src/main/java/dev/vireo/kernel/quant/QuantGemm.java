package dev.vireo.kernel.quant;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.linalg.Int8Gemm;
import dev.vireo.linalg.Int8Gemms;
import dev.vireo.linalg.Int8Panels;
import dev.vireo.linalg.QuantMath;
import dev.vireo.linalg.QuantMaths;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;

/**
 * The fast path of the integer matmuls: an A of any rank (rows = all but its last dim) times a
 * 2-D 8-bit B packed once ({@link Int8Panels}), exact in int32. B is packed at plan time when it
 * and its zero point are initializers, else on each call. The work is split over panels of
 * columns, so every thread streams its own part of the weights once.
 */
public final class QuantGemm {
  /** Panels per parallel chunk: below this a split costs more than it saves. */
  private static final int MIN_PANELS = 1;
  /** Multiply-adds below which the product stays on the calling thread. */
  private static final long MIN_PARALLEL_WORK = 1 << 16;

  private static final ThreadLocal<int[][]> SCRATCH = ThreadLocal.withInitial(() -> new int[2][]);

  private QuantGemm() {}

  /** B packed from the node's initializers, or null when B or its zero point is not constant. */
  public static Int8Panels packConstant(Node node, int bIndex, int zpIndex) {
    Value bv = node.inputs().size() > bIndex ? node.input(bIndex) : null;
    Value zv = zpIndex >= 0 && node.inputs().size() > zpIndex ? node.input(zpIndex) : null;
    if (bv == null || bv.initializer() == null || (zv != null && zv.initializer() == null)) {
      return null;
    }
    return pack(bv.initializer(), zv == null ? null : zv.initializer());
  }

  /** B packed, or null when B is not a 2-D 8-bit matrix with a scalar or per-column zero point. */
  public static Int8Panels pack(Tensor b, Tensor zp) {
    if (b.rank() != 2 || (b.dtype() != DType.INT8 && b.dtype() != DType.UINT8)) {
      return null;
    }
    int k = b.shape().dim(0);
    int n = b.shape().dim(1);
    int[] z = null;
    if (zp != null) {
      if (zp.dtype() != b.dtype() || (zp.size() != 1 && (zp.rank() != 1 || zp.size() != n))) {
        return null;
      }
      z = new int[zp.size()];
      for (int j = 0; j < z.length; j++) {
        z[j] = (int) zp.getLong(j);
      }
    }
    return Int8Gemms.pack(b.bytes(), 0, k, n, b.dtype() == DType.UINT8, z);
  }

  /** A's single zero point, or null when it has one per row (not served here). */
  public static Integer scalarZeroPoint(Tensor zp) {
    if (zp == null) {
      return 0;
    }
    return zp.size() == 1 ? (int) zp.getLong(0) : null;
  }

  /**
   * A (8-bit, last dim K) minus its zero point, as ints in a per-thread buffer.
   */
  public static int[] center(Tensor a, int zeroPoint) {
    int size = a.size();
    int[] c = buffer(0, size);
    QuantMaths.get().center(a.bytes(), 0, size, a.dtype() == DType.UINT8, zeroPoint, c, 0);
    return c;
  }

  /**
   * The exact product of centered A (rows×K) and w, into {@code c} (rows × ldc, ldc ≥
   * w.paddedN(), cleared here) with B's zero points applied.
   */
  public static void multiply(int[] a, int rows, Int8Panels w, int[] c, int ldc, ExecContext ctx) {
    int k = w.k();
    Arrays.fill(c, 0, rows * ldc, 0);
    Int8Gemm gemm = Int8Gemms.kernel();
    long work = (long) rows * k * w.paddedN();
    if (work < MIN_PARALLEL_WORK) {
      gemm.multiplyAdd(a, 0, rows, w, 0, w.panels(), c, 0, ldc);
    } else {
      ctx.parallelFor(w.panels(), MIN_PANELS,
          (from, to) -> gemm.multiplyAdd(a, 0, rows, w, from, to, c, 0, ldc));
    }
    int[] zp = w.zeroPoints();
    if (zp != null) {
      int n = w.n();
      for (int i = 0; i < rows; i++) {
        int sum = 0;
        for (int p = 0; p < k; p++) {
          sum += a[i * k + p];
        }
        int row = i * ldc;
        for (int j = 0; j < n; j++) {
          c[row + j] -= zp[j] * sum;
        }
      }
    }
  }

  /** A per-thread int buffer of at least n elements (slot 0: centered A, 1: products). */
  public static int[] buffer(int slot, int n) {
    int[][] s = SCRATCH.get();
    if (s[slot] == null || s[slot].length < n) {
      s[slot] = new int[Math.max(n, s[slot] == null ? 0 : s[slot].length * 3 / 2)];
    }
    return s[slot];
  }

  /** A's dims with the last replaced by n. */
  public static int[] outDims(Tensor a, int n) {
    int[] d = a.shape().dims().clone();
    d[d.length - 1] = n;
    return d;
  }

  /**
   * {@code out[i·n + j] = (float) c[i·ldc + j] · scale[j] + bias[j]} (float32, multiply then
   * add, as onnxruntime's scale-bias output step); scale has 1 or n entries, bias is null or n.
   */
  public static void scaleToFloat(int[] c, int ldc, int rows, int n, float[] scale, float[] bias,
      float[] out) {
    QuantMath math = QuantMaths.get();
    for (int i = 0; i < rows; i++) {
      if (scale.length > 1) {
        math.scaleToFloat(c, i * ldc, n, scale, 0, bias, 0, out, i * n);
      } else if (bias == null) {
        math.scaleToFloat(c, i * ldc, n, scale[0], out, i * n);
      } else {
        for (int j = 0; j < n; j++) {
          out[i * n + j] = c[i * ldc + j] * scale[0] + bias[j];
        }
      }
    }
  }

  /**
   * The int32 product {@code (A - a_zp)(B - b_zp)} with numpy matmul semantics: through the
   * packed GEMM when B is 2-D (packed is B from plan time, or null to pack it now) and A's zero
   * point is a scalar, else through the reference {@link IntMatMul}.
   */
  public static Tensor product(String op, Tensor a, Tensor aZp, Tensor b, Tensor bZp,
      Int8Panels packed, ExecContext ctx) {
    Integer za = scalarZeroPoint(aZp);
    Int8Panels w = packed;
    if (w == null && za != null) {
      w = pack(b, bZp);
    }
    if (w == null || za == null || a.rank() == 0 || a.shape().dim(a.rank() - 1) != w.k()
        || (aZp != null && aZp.dtype() != a.dtype())) {
      return IntMatMul.multiply(op, a, aZp, b, bZp, ctx);
    }
    int n = w.n();
    int rows = a.size() / w.k();
    Tensor out = ctx.allocateUninitialized(DType.INT32, dev.vireo.tensor.Shape.of(outDims(a, n)));
    int[] ca = center(a, za);
    if (n == w.paddedN()) {
      multiply(ca, rows, w, out.ints(), n, ctx);
    } else {
      int ldc = w.paddedN();
      int[] c = buffer(1, rows * ldc);
      multiply(ca, rows, w, c, ldc, ctx);
      int[] o = out.ints();
      for (int i = 0; i < rows; i++) {
        System.arraycopy(c, i * ldc, o, i * n, n);
      }
    }
    return out;
  }
}
