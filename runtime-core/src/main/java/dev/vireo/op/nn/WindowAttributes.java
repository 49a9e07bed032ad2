package dev.vireo.op.nn;

import dev.vireo.ir.Node;
import java.util.Arrays;

/**
 * The sliding-window attributes shared by Conv and the pooling ops: kernel shape, strides,
 * explicit pads, dilations, auto_pad and ceil_mode, validated once.
 *
 * <p>Output size per spatial dim, with effective kernel {@code ek = (k-1)·d+1}:
 *
 * <ul>
 *   <li>NOTSET: {@code floor((in + pb + pe - ek) / s) + 1} (ceil instead of floor with
 *       ceil_mode, dropping a last window that would start inside the end padding);
 *   <li>VALID: {@code floor((in - ek) / s) + 1}, whatever ceil_mode says;
 *   <li>SAME_UPPER / SAME_LOWER: {@code ceil(in / s)}, with total padding {@code max(0, (out-1)·s
 *       + ek - in)} split evenly, the odd one at the end (UPPER) or the beginning (LOWER).
 * </ul>
 *
 * @param kernel kernel size per spatial dim
 * @param strides stride per spatial dim
 * @param pads begin pads then end pads (2·rank values), used with NOTSET
 * @param dilations dilation per spatial dim
 */
public record WindowAttributes(
    String op, long[] kernel, long[] strides, long[] pads, long[] dilations, String autoPad,
    boolean ceilMode) {

  /** The resolved geometry of one input: pads and output size per spatial dim. */
  public record Geometry(int[] in, int[] out, int[] padBegin, int[] padEnd) {}

  /**
   * Reads the attributes of a node.
   *
   * @param kernel the kernel shape (from kernel_shape, or from the weights for Conv)
   * @throws IllegalArgumentException for lists of the wrong length, non-positive values or an
   *     unknown auto_pad
   */
  public static WindowAttributes read(Node n, long[] kernel) {
    int r = kernel.length;
    String op = n.opType();
    long[] strides = list(n, "strides", r, 1, op);
    long[] dilations = list(n, "dilations", r, 1, op);
    long[] pads = n.attrInts("pads", new long[2 * r]);
    if (pads.length != 2 * r) {
      throw new IllegalArgumentException(op + ": pads has " + pads.length + " values "
          + Arrays.toString(pads) + ", expected " + 2 * r + " for " + r + " spatial dims");
    }
    for (long p : pads) {
      if (p < 0) {
        throw new IllegalArgumentException(op + ": pads must be >= 0, got " + Arrays.toString(pads));
      }
    }
    for (int i = 0; i < r; i++) {
      if (kernel[i] <= 0 || strides[i] <= 0 || dilations[i] <= 0) {
        throw new IllegalArgumentException(op + ": kernel " + Arrays.toString(kernel) + ", strides "
            + Arrays.toString(strides) + " and dilations " + Arrays.toString(dilations)
            + " must be positive");
      }
    }
    String autoPad = n.attrString("auto_pad", "NOTSET");
    switch (autoPad) {
      case "NOTSET", "VALID", "SAME_UPPER", "SAME_LOWER" -> { }
      default -> throw new IllegalArgumentException(op + ": unknown auto_pad '" + autoPad
          + "', expected NOTSET, VALID, SAME_UPPER or SAME_LOWER");
    }
    boolean ceil = n.attrInt("ceil_mode", 0) != 0;
    return new WindowAttributes(op, kernel.clone(), strides, pads, dilations, autoPad, ceil);
  }

  private static long[] list(Node n, String name, int r, long dflt, String op) {
    long[] v = n.attrInts(name, null);
    if (v == null) {
      v = new long[r];
      Arrays.fill(v, dflt);
    } else if (v.length != r) {
      throw new IllegalArgumentException(op + ": " + name + " has " + v.length + " values "
          + Arrays.toString(v) + ", expected " + r + " for kernel " + "shape of rank " + r);
    }
    return v;
  }

  public int rank() {
    return kernel.length;
  }

  /**
   * The output size of spatial dim i for an input size, or -1 when the input size is unknown
   * (negative).
   *
   * @throws IllegalArgumentException when the window does not fit the padded input
   */
  public long outDim(int i, long in) {
    if (in < 0) {
      return -1;
    }
    long s = strides[i];
    long ek = (kernel[i] - 1) * dilations[i] + 1;
    if (autoPad.startsWith("SAME")) {
      return (in + s - 1) / s;
    }
    long pb = autoPad.equals("VALID") ? 0 : pads[i];
    long pe = autoPad.equals("VALID") ? 0 : pads[i + rank()];
    long span = in + pb + pe - ek;
    if (span < 0) {
      throw new IllegalArgumentException(op + ": window of " + ek + " (kernel " + kernel[i]
          + ", dilation " + dilations[i] + ") does not fit spatial dim " + i + " of size " + in
          + " padded by " + pb + "+" + pe);
    }
    // the spec's VALID and SAME formulas do not depend on ceil_mode
    boolean ceil = ceilMode && autoPad.equals("NOTSET");
    long out = ceil ? (span + s - 1) / s + 1 : span / s + 1;
    if (ceil && (out - 1) * s >= in + pb) {
      out--;
    }
    return out;
  }

  /**
   * Resolves pads and output sizes for concrete input spatial dims.
   *
   * @throws IllegalArgumentException when the rank differs or a window does not fit
   */
  public Geometry resolve(int[] in) {
    int r = rank();
    if (in.length != r) {
      throw new IllegalArgumentException(op + ": input has " + in.length
          + " spatial dims, the kernel " + Arrays.toString(kernel) + " has " + r);
    }
    int[] out = new int[r];
    int[] pb = new int[r];
    int[] pe = new int[r];
    for (int i = 0; i < r; i++) {
      out[i] = Math.toIntExact(outDim(i, in[i]));
      switch (autoPad) {
        case "NOTSET" -> {
          pb[i] = (int) pads[i];
          pe[i] = (int) pads[i + r];
        }
        case "VALID" -> { }
        default -> {
          long ek = (kernel[i] - 1) * dilations[i] + 1;
          int total = (int) Math.max(0, (out[i] - 1) * strides[i] + ek - in[i]);
          int small = total / 2;
          pb[i] = autoPad.equals("SAME_UPPER") ? small : total - small;
          pe[i] = total - pb[i];
        }
      }
    }
    return new Geometry(in.clone(), out, pb, pe);
  }
}
