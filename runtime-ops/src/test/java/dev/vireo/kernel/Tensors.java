package dev.vireo.kernel;

import dev.vireo.tensor.Tensor;
import java.util.Random;

/** Test data: seeded random tensors and named tolerances. */
public final class Tensors {
  /** For float results computed in a different summation order than the reference. */
  public static final float CLOSE = 1e-4f;

  private Tensors() {}

  public static float[] randomFloats(Random r, int n) {
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = r.nextFloat() * 2 - 1;
    }
    return f;
  }

  public static Tensor random(Random r, int... dims) {
    int n = 1;
    for (int d : dims) {
      n *= d;
    }
    return Tensor.of(randomFloats(r, n), dims);
  }
}
