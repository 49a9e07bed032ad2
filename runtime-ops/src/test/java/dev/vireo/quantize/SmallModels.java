package dev.vireo.quantize;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.Dim;
import dev.vireo.ir.GraphBuilder;
import dev.vireo.ir.Model;
import dev.vireo.ir.Value;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Seeded float models and inputs for the quantizer tests. */
final class SmallModels {
  private SmallModels() {}

  /** x f32[N,16] → MatMul 16×32 → Add → Relu → Gemm (transB) 8 → y. */
  static Model mlp() {
    SplittableRandom r = new SplittableRandom(1);
    GraphBuilder b = new GraphBuilder("mlp", 17);
    Value x = b.input("x", DType.FLOAT, Dim.symbol("N"), Dim.of(16));
    Value h = b.op("MatMul", x, b.constant("w1", uniform(r, Shape.of(16, 32), -0.5f, 0.5f)));
    h = b.op("Add", h, b.constant("b1", uniform(r, Shape.of(32), -0.1f, 0.1f)));
    h = b.op("Relu", h);
    h = b.named("y", "Gemm", List.of(Attribute.of("transB", 1L)), h,
        b.constant("w2", uniform(r, Shape.of(8, 32), -0.5f, 0.5f)),
        b.constant("b2", uniform(r, Shape.of(8), -0.1f, 0.1f)));
    b.output(h);
    return b.build();
  }

  /** x f32[N,3,8,8] → Conv 4×3×3×3 (pad 1) → Relu → MaxPool 2 → Flatten → Gemm 10 → y. */
  static Model cnn() {
    return cnn(false);
  }

  /** As {@link #cnn()}, with a BatchNormalization between the Conv and the Relu when {@code batchNorm}. */
  static Model cnn(boolean batchNorm) {
    SplittableRandom r = new SplittableRandom(2);
    GraphBuilder b = new GraphBuilder("cnn", 17);
    Value x = b.input("x", DType.FLOAT, Dim.symbol("N"), Dim.of(3), Dim.of(8), Dim.of(8));
    Value h = b.op("Conv", List.of(Attribute.ints("kernel_shape", 3, 3), Attribute.ints("pads", 1, 1, 1, 1)),
        x, b.constant("conv.w", uniform(r, Shape.of(4, 3, 3, 3), -0.5f, 0.5f)),
        b.constant("conv.b", uniform(r, Shape.of(4), -0.1f, 0.1f)));
    if (batchNorm) {
      h = b.op("BatchNormalization", List.of(Attribute.of("epsilon", 1e-5f)), h,
          b.constant("bn.scale", uniform(r, Shape.of(4), 0.5f, 2f)), b.constant("bn.bias", uniform(r, Shape.of(4), -0.3f, 0.3f)),
          b.constant("bn.mean", uniform(r, Shape.of(4), -0.2f, 0.2f)), b.constant("bn.var", uniform(r, Shape.of(4), 0.3f, 2f)));
    }
    h = b.op("Relu", h);
    h = b.op("MaxPool", List.of(Attribute.ints("kernel_shape", 2, 2), Attribute.ints("strides", 2, 2)), h);
    h = b.op("Flatten", List.of(Attribute.of("axis", 1L)), h);
    h = b.named("y", "Gemm", List.of(Attribute.of("transB", 1L)), h,
        b.constant("fc.w", uniform(r, Shape.of(10, 64), -0.3f, 0.3f)),
        b.constant("fc.b", uniform(r, Shape.of(10), -0.1f, 0.1f)));
    b.output(h);
    return b.build();
  }

  /** {@code count} samples of input {@code name} with the given shape, uniform in [0, 1). */
  static List<Map<String, Tensor>> samples(String name, Shape shape, int count, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Map<String, Tensor>> s = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      s.add(Map.of(name, uniform(r, shape, 0, 1)));
    }
    return s;
  }

  static Tensor uniform(SplittableRandom r, Shape shape, float lo, float hi) {
    float[] d = new float[shape.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = lo + (hi - lo) * (float) r.nextDouble();
    }
    return Tensor.wrap(DType.FLOAT, shape, d);
  }
}
