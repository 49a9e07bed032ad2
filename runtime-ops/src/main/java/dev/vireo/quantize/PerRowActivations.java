package dev.vireo.quantize;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.Value;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.List;

/**
 * Dynamic quantization of an activation with one scale per row (the last axis is the reduction
 * axis K of the MatMul that reads it), written in standard ONNX operators:
 *
 * <pre>
 *   scale = max(ReduceMax(Abs(A), axes=[-1], keepdims=1), tiny) / 127     [.., M, 1]
 *   q     = Cast&lt;uint8&gt;(Round(A / scale) + 128)                          [.., M, K]
 * </pre>
 *
 * <p>Why per row: in a transformer a few tokens ([CLS], [SEP], punctuation) carry activations
 * tens of times larger than the others after LayerNorm and GELU, so one range per tensor (what
 * DynamicQuantizeLinear computes) leaves the ordinary tokens only a handful of levels. One scale
 * per token gives every token the full int8 range; the scale is applied to the int32 result row
 * by row, which is exact because each output row depends on one input row only.
 *
 * <p>Why symmetric with zero point 128: |A / scale| ≤ 127, so {@code Round(A / scale)} is an int8
 * value and adding 128 makes it a uint8 in [1, 255] whose zero point is the scalar 128. The
 * MatMulInteger that reads it therefore has a per-tensor zero point and uint8 × int8 operands,
 * the combination every runtime supports (onnxruntime rejects per-row zero points), while the
 * scale stays per row. An asymmetric per-row range would need a per-row zero point.
 */
final class PerRowActivations {
  /** The scale of a row of zeros: any positive value keeps the division finite; zeros stay zeros. */
  private static final float TINY = Float.MIN_NORMAL;

  private PerRowActivations() {}

  /** Emits the nodes above; returns {quantized A (uint8), scale (float [.., M, 1]), zero point 128}. */
  static Value[] quantize(GraphEditor ed, Value a) {
    String base = a.name();
    Value abs = ed.node("Abs", base + "_abs", List.of(), a);
    Value amax;
    if (ed.opset() >= 18) {
      // opset 18: axes became an input
      amax = ed.node("ReduceMax", base + "_absmax", List.of(Attribute.of("keepdims", 1L)), abs,
          ed.constant(base + "_last_axis", Tensor.of(new long[] {-1}, 1)));
    } else {
      amax = ed.node("ReduceMax", base + "_absmax",
          List.of(Attribute.ints("axes", -1), Attribute.of("keepdims", 1L)), abs);
    }
    Value positive = ed.node("Max", base + "_absmax_positive", List.of(), amax, scalar(ed, base + "_tiny", TINY));
    Value scale = ed.node("Div", base + "_scale", List.of(), positive,
        scalar(ed, base + "_int8_max", QuantMath.INT8_MAX));
    Value ratio = ed.node("Div", base + "_over_scale", List.of(), a, scale);
    Value rounded = ed.node("Round", base + "_rounded", List.of(), ratio);
    Value shifted = ed.node("Add", base + "_shifted", List.of(), rounded, scalar(ed, base + "_offset", 128));
    Value q = ed.node("Cast", base + "_quantized", List.of(Attribute.of("to", (long) DType.UINT8.onnxCode())),
        shifted);
    Value zp = ed.constant(base + "_zero_point", Tensor.wrap(DType.UINT8, Shape.SCALAR, new byte[] {(byte) 128}));
    return new Value[] {q, scale, zp};
  }

  private static Value scalar(GraphEditor ed, String name, float v) {
    return ed.constant(name, Tensor.wrap(DType.FLOAT, Shape.SCALAR, new float[] {v}));
  }
}
