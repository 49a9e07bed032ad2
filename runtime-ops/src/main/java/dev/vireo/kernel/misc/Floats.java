package dev.vireo.kernel.misc;

import dev.vireo.exec.ExecContext;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Float16;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/** Writes double results into a float tensor of the input's type. */
final class Floats {
  private Floats() {}

  static Tensor tensor(double[] v, DType type, Shape shape, ExecContext ctx) {
    Tensor out = ctx.allocate(type, shape);
    for (int i = 0; i < v.length; i++) {
      switch (type) {
        case DOUBLE -> out.doubles()[i] = v[i];
        case FLOAT -> out.floats()[i] = (float) v[i];
        case FLOAT16 -> out.shorts()[i] = Float16.floatToHalf((float) v[i]);
        case BFLOAT16 -> out.shorts()[i] = Float16.floatToBfloat16((float) v[i]);
        default -> throw new IllegalArgumentException("expected a float type, got " + type);
      }
    }
    return out;
  }
}
