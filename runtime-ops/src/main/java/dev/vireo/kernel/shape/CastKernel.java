package dev.vireo.kernel.shape;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Float16;
import dev.vireo.tensor.Float8;
import dev.vireo.tensor.Tensor;
import java.util.Locale;

/**
 * Cast between the numeric types, bool and string. Integers travel as long (exact), floats as
 * double; float to integer truncates toward zero (saturating, NaN to 0), anything to bool is
 * {@code != 0}, f32 to f16/bf16 rounds to nearest even. Strings parse as numbers ("inf", "-INF",
 * "NaN" accepted) and numbers print in shortest round-trip form. float8 and float4 targets round
 * to nearest even through {@link Float8}; the {@code saturate} attribute (opset 19, default 1)
 * decides whether out-of-range values clamp to the largest finite value or become inf/NaN. The
 * 4-bit and 2-bit integer targets keep the low bits (sign-extended for the signed ones), as
 * for the wider integers. float8e8m0 targets round by {@code round_mode} (opset 25, default
 * "up"), see {@link Float8#doubleToE8m0}. Complex types are rejected when the node is planned.
 */
public final class CastKernel implements Kernel {
  private final DType to;
  private final boolean saturate;
  private final String roundMode;

  public CastKernel(Node n) {
    this(n, toAttribute(n));
  }

  private static DType toAttribute(Node n) {
    if (!n.hasAttr("to")) {
      throw new IllegalArgumentException("Cast needs the 'to' attribute");
    }
    return DType.fromOnnx((int) n.attrInt("to", 0));
  }

  /**
   * CastLike (opset 15): Cast to the element type of input 1, with Cast's saturate (opset 19)
   * and round_mode (opset 25) attributes; the target is input 1's declared type, or else read
   * from input 1 on each run.
   */
  public static Kernel castLike(Node n) {
    var like = n.input(1) == null ? null : n.input(1).tensorType();
    if (like != null && like.elemType() != null) {
      return new CastKernel(n, like.elemType());
    }
    return (inputs, ctx) -> new CastKernel(n, inputs[1].dtype()).run(new Tensor[] {inputs[0]}, ctx);
  }

  private CastKernel(Node n, DType target) {
    to = target;
    saturate = n.attrInt("saturate", 1) != 0;
    roundMode = n.attrString("round_mode", "up");
    if (!roundMode.equals("up") && !roundMode.equals("down") && !roundMode.equals("nearest")) {
      throw new IllegalArgumentException("Cast: round_mode must be up, down or nearest, got '"
          + roundMode + "'");
    }
    if (!castable(to)) {
      throw new IllegalArgumentException("Cast to " + to + " is not supported");
    }
    var in = n.input(0) == null ? null : n.input(0).tensorType();
    if (in != null && in.elemType() != null && !castable(in.elemType())) {
      throw new IllegalArgumentException("Cast from " + in.elemType() + " is not supported");
    }
  }

  /** Whether Cast can produce or read this type. */
  public static boolean castable(DType t) {
    return switch (t) {
      case FLOAT, DOUBLE, FLOAT16, BFLOAT16, INT8, UINT8, INT16, UINT16, INT32, UINT32, INT64,
          UINT64, BOOL, STRING, FLOAT8E4M3FN, FLOAT8E4M3FNUZ, FLOAT8E5M2, FLOAT8E5M2FNUZ,
          FLOAT4E2M1, FLOAT8E8M0, INT4, UINT4, INT2, UINT2 -> true;
      default -> false;
    };
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x = inputs[0];
    if (x.dtype() == to) {
      return new Tensor[] {x};
    }
    if (!castable(x.dtype())) {
      throw new IllegalArgumentException("Cast from " + x.describe() + " is not supported");
    }
    if (DirectCasts.handles(x.dtype(), to)) {
      Tensor out = ctx.allocateUninitialized(to, x.shape());
      DirectCasts.cast(x, out);
      return new Tensor[] {out};
    }
    Tensor out = ctx.allocate(to, x.shape());
    int n = x.size();
    if (x.dtype() == DType.STRING) {
      String[] s = x.strings();
      if (to.isInteger()) {
        long[] l = new long[n];
        for (int i = 0; i < n; i++) {
          l[i] = parseLong(s[i]);
        }
        writeLongs(l, out);
      } else {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
          d[i] = parseDouble(s[i]);
        }
        writeDoubles(d, out);
      }
    } else if (x.dtype().isFloatingPoint() || Float8.supports(x.dtype())
        || x.dtype() == DType.FLOAT8E8M0) {
      double[] d = new double[n];
      for (int i = 0; i < n; i++) {
        d[i] = x.getDouble(i);
      }
      writeDoubles(d, out);
    } else {
      long[] l = x.dtype() == DType.INT64 || x.dtype() == DType.UINT64 ? x.longs() : x.toLongArray();
      if (x.dtype() == DType.UINT64 && (to.isFloatingPoint() || to == DType.STRING)) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
          d[i] = x.getDouble(i);
        }
        if (to == DType.STRING) {
          for (int i = 0; i < n; i++) {
            out.strings()[i] = Long.toUnsignedString(l[i]);
          }
        } else {
          writeDoubles(d, out);
        }
      } else {
        writeLongs(l, out);
      }
    }
    return new Tensor[] {out};
  }

  private void writeLongs(long[] l, Tensor out) {
    int n = l.length;
    switch (out.dtype()) {
      case FLOAT -> { float[] o = out.floats(); for (int i = 0; i < n; i++) o[i] = l[i]; }
      case DOUBLE -> { double[] o = out.doubles(); for (int i = 0; i < n; i++) o[i] = l[i]; }
      case FLOAT16 -> { short[] o = out.shorts(); for (int i = 0; i < n; i++) o[i] = Float16.floatToHalf(l[i]); }
      case BFLOAT16 -> {
        short[] o = out.shorts();
        for (int i = 0; i < n; i++) {
          o[i] = Float16.floatToBfloat16(l[i]);
        }
      }
      case INT8, UINT8 -> { byte[] o = out.bytes(); for (int i = 0; i < n; i++) o[i] = (byte) l[i]; }
      case INT16, UINT16 -> { short[] o = out.shorts(); for (int i = 0; i < n; i++) o[i] = (short) l[i]; }
      case INT32, UINT32 -> { int[] o = out.ints(); for (int i = 0; i < n; i++) o[i] = (int) l[i]; }
      case INT64, UINT64 -> System.arraycopy(l, 0, out.longs(), 0, n);
      case BOOL -> { boolean[] o = out.booleans(); for (int i = 0; i < n; i++) o[i] = l[i] != 0; }
      case STRING -> { String[] o = out.strings(); for (int i = 0; i < n; i++) o[i] = Long.toString(l[i]); }
      case INT4, UINT4, INT2, UINT2 -> {
        byte[] o = out.bytes();
        int bits = out.dtype() == DType.INT4 || out.dtype() == DType.UINT4 ? 4 : 2;
        int shift = 64 - bits;
        boolean signed = !out.dtype().isUnsigned();
        for (int i = 0; i < n; i++) {
          o[i] = (byte) (signed ? l[i] << shift >> shift : l[i] << shift >>> shift);
        }
      }
      case FLOAT8E4M3FN, FLOAT8E4M3FNUZ, FLOAT8E5M2, FLOAT8E5M2FNUZ, FLOAT4E2M1 -> {
        byte[] o = out.bytes();
        for (int i = 0; i < n; i++) {
          o[i] = Float8.fromDouble(out.dtype(), l[i], saturate);
        }
      }
      case FLOAT8E8M0 -> {
        byte[] o = out.bytes();
        for (int i = 0; i < n; i++) {
          o[i] = Float8.doubleToE8m0(l[i], saturate, roundMode);
        }
      }
      default -> throw new IllegalArgumentException("Cast to " + out.dtype() + " is not supported");
    }
  }

  private void writeDoubles(double[] d, Tensor out) {
    int n = d.length;
    switch (out.dtype()) {
      case FLOAT -> { float[] o = out.floats(); for (int i = 0; i < n; i++) o[i] = (float) d[i]; }
      case DOUBLE -> System.arraycopy(d, 0, out.doubles(), 0, n);
      case FLOAT16 -> {
        short[] o = out.shorts();
        for (int i = 0; i < n; i++) {
          o[i] = Float16.floatToHalf((float) d[i]);
        }
      }
      case BFLOAT16 -> {
        short[] o = out.shorts();
        for (int i = 0; i < n; i++) {
          o[i] = Float16.floatToBfloat16((float) d[i]);
        }
      }
      case BOOL -> { boolean[] o = out.booleans(); for (int i = 0; i < n; i++) o[i] = d[i] != 0; }
      case STRING -> {
        String[] o = out.strings();
        for (int i = 0; i < n; i++) {
          o[i] = format(d[i]);
        }
      }
      case UINT64 -> {
        long[] o = out.longs();
        for (int i = 0; i < n; i++) {
          o[i] = d[i] >= 0x1p63 ? (long) (d[i] - 0x1p63) ^ Long.MIN_VALUE : (long) d[i];
        }
      }
      case FLOAT8E4M3FN, FLOAT8E4M3FNUZ, FLOAT8E5M2, FLOAT8E5M2FNUZ, FLOAT4E2M1 -> {
        byte[] o = out.bytes();
        for (int i = 0; i < n; i++) {
          o[i] = Float8.fromDouble(out.dtype(), d[i], saturate);
        }
      }
      case FLOAT8E8M0 -> {
        byte[] o = out.bytes();
        for (int i = 0; i < n; i++) {
          o[i] = Float8.doubleToE8m0(d[i], saturate, roundMode);
        }
      }
      default -> {
        long[] l = new long[n];
        for (int i = 0; i < n; i++) {
          l[i] = (long) d[i];
        }
        writeLongs(l, out);
      }
    }
  }

  private static String format(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "INF" : "-INF";
    }
    float f = (float) v;
    if (f == v) {
      return Float.toString(f);
    }
    return Double.toString(v);
  }

  private static double parseDouble(String s) {
    String t = s.trim();
    String l = t.toLowerCase(Locale.ROOT);
    switch (l) {
      case "inf", "+inf", "infinity", "+infinity" -> {
        return Double.POSITIVE_INFINITY;
      }
      case "-inf", "-infinity" -> {
        return Double.NEGATIVE_INFINITY;
      }
      case "nan", "+nan", "-nan" -> {
        return Double.NaN;
      }
      default -> { }
    }
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Cast: '" + s + "' is not a number", e);
    }
  }

  private static long parseLong(String s) {
    String t = s.trim();
    try {
      return Long.parseLong(t);
    } catch (NumberFormatException e) {
      return (long) parseDouble(t);
    }
  }
}
