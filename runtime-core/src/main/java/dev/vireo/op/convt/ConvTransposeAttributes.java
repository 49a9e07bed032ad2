package dev.vireo.op.convt;

import dev.vireo.ir.Node;
import java.util.Arrays;

/**
 * ConvTranspose's window attributes and its output-shape rules, shared by shape inference and
 * the kernel.
 *
 * <p>Per spatial dim, with the full extent {@code full = s·(in-1) + output_padding + (k-1)·d + 1}:
 *
 * <ul>
 *   <li>with {@code output_shape}: that size, and {@code total = full - out} split into begin and
 *       end pads. From opset 11 SAME_UPPER puts the smaller half first and anything else the
 *       larger half first; before opset 11 it is the other way round;
 *   <li>SAME_UPPER / SAME_LOWER: {@code in·s}, the total split with the odd one at the end
 *       (UPPER) or the beginning (LOWER);
 *   <li>VALID: {@code full};
 *   <li>NOTSET: {@code full - pads[begin] - pads[end]}.
 * </ul>
 *
 * Negative totals (an output_shape beyond the full extent) give negative pads: the extra output
 * stays zero (plus bias).
 *
 * @param kernel kernel size per spatial dim, or null to take it from W
 * @param outputShape the requested spatial output size (its last rank values), or null
 */
public record ConvTransposeAttributes(
    long[] kernel, long[] strides, long[] dilations, long[] pads, long[] outputPadding,
    long[] outputShape, String autoPad, long group, boolean opset11) {

  /** Resolved geometry for concrete input dims: output size and begin pad per spatial dim. */
  public record Geometry(int[] out, int[] padBegin) {}

  /**
   * Reads the attributes.
   *
   * @throws IllegalArgumentException for an unknown auto_pad or a non-positive group
   */
  public static ConvTransposeAttributes read(Node n) {
    String autoPad = n.attrString("auto_pad", "NOTSET");
    switch (autoPad) {
      case "NOTSET", "VALID", "SAME_UPPER", "SAME_LOWER" -> { }
      default -> throw new IllegalArgumentException("ConvTranspose: unknown auto_pad '" + autoPad
          + "', expected NOTSET, VALID, SAME_UPPER or SAME_LOWER");
    }
    long group = n.attrInt("group", 1);
    if (group < 1) {
      throw new IllegalArgumentException("ConvTranspose: group must be >= 1, got " + group);
    }
    return new ConvTransposeAttributes(n.attrInts("kernel_shape", null), n.attrInts("strides", null),
        n.attrInts("dilations", null), n.attrInts("pads", null), n.attrInts("output_padding", null),
        n.attrInts("output_shape", null), autoPad, group, n.opset() >= 11);
  }

  /**
   * The geometry for input spatial dims and kernel dims (the kernel_shape attribute wins over
   * W's dims when given).
   *
   * @throws IllegalArgumentException when a list has the wrong length or a value is out of range
   */
  public Geometry resolve(long[] in, long[] wKernel) {
    int r = in.length;
    long[] k = kernel != null ? check("kernel_shape", kernel, r) : wKernel;
    long[] s = strides != null ? check("strides", strides, r) : ones(r);
    long[] d = dilations != null ? check("dilations", dilations, r) : ones(r);
    long[] op = outputPadding != null ? check("output_padding", outputPadding, r) : new long[r];
    long[] p = pads != null ? pads : new long[2 * r];
    if (p.length != 2 * r) {
      throw new IllegalArgumentException("ConvTranspose: pads " + Arrays.toString(p) + " needs "
          + 2 * r + " values for " + r + " spatial dims");
    }
    if (outputShape != null && outputShape.length < r) {
      throw new IllegalArgumentException("ConvTranspose: output_shape " + Arrays.toString(outputShape)
          + " has fewer than " + r + " spatial dims");
    }
    int[] out = new int[r];
    int[] pb = new int[r];
    for (int i = 0; i < r; i++) {
      if (k[i] <= 0 || s[i] <= 0 || d[i] <= 0) {
        throw new IllegalArgumentException("ConvTranspose: kernel " + Arrays.toString(k) + ", strides "
            + Arrays.toString(s) + " and dilations " + Arrays.toString(d) + " must be positive");
      }
      long full = s[i] * (in[i] - 1) + op[i] + (k[i] - 1) * d[i] + 1;
      long o;
      long begin;
      if (outputShape != null) {
        o = outputShape[outputShape.length - r + i];
        long total = full - o;
        boolean smallFirst = opset11 == autoPad.equals("SAME_UPPER");
        begin = smallFirst ? Math.floorDiv(total, 2) : total - Math.floorDiv(total, 2);
      } else if (autoPad.startsWith("SAME")) {
        o = in[i] * s[i];
        long total = full - o;
        begin = autoPad.equals("SAME_UPPER") ? Math.floorDiv(total, 2) : total - Math.floorDiv(total, 2);
      } else if (autoPad.equals("VALID")) {
        o = full;
        begin = 0;
      } else {
        o = full - p[i] - p[i + r];
        begin = p[i];
      }
      if (o < 0) {
        throw new IllegalArgumentException("ConvTranspose: spatial dim " + i + " of size " + in[i]
            + " gives a negative output size " + o);
      }
      out[i] = Math.toIntExact(o);
      pb[i] = Math.toIntExact(begin);
    }
    return new Geometry(out, pb);
  }

  private static long[] check(String name, long[] v, int r) {
    if (v.length != r) {
      throw new IllegalArgumentException("ConvTranspose: " + name + " " + Arrays.toString(v)
          + " needs " + r + " values for " + r + " spatial dims");
    }
    return v;
  }

  private static long[] ones(int r) {
    long[] v = new long[r];
    Arrays.fill(v, 1);
    return v;
  }
}
