package dev.vireo.kernel.random;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * RandomUniform (values in [low, high), default [0, 1)) and RandomNormal (mean, scale, default
 * 0 and 1), of the {@code shape} attribute's shape, or in their Like forms of input 0's shape.
 * The type is the {@code dtype} attribute, by default float or (Like) input 0's type. Values are
 * drawn in double and rounded to the output type.
 */
public final class RandomDistributionKernel implements Kernel {
  private final String op;
  private final boolean normal;
  private final boolean like;
  private final DType dtype;
  private final Shape shape;
  private final double a;
  private final double b;
  private final Seeds seeds;

  RandomDistributionKernel(Node n, boolean normal, boolean like) {
    op = n.opType();
    this.normal = normal;
    this.like = like;
    dtype = n.hasAttr("dtype") || !like ? DType.fromOnnx((int) n.attrInt("dtype", DType.FLOAT.onnxCode())) : null;
    if (dtype != null && !dtype.isFloatingPoint()) {
      throw new IllegalArgumentException(op + ": dtype " + dtype + " is not a float type");
    }
    if (like) {
      shape = null;
    } else {
      long[] s = n.attrInts("shape", null);
      if (s == null) {
        throw new IllegalArgumentException(op + ": attribute 'shape' is required");
      }
      shape = Shape.of(s);
    }
    a = normal ? n.attrFloat("mean", 0f) : n.attrFloat("low", 0f);
    b = normal ? n.attrFloat("scale", 1f) : n.attrFloat("high", 1f);
    seeds = new Seeds(n);
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Shape s = like ? inputs[0].shape() : shape;
    DType t = dtype != null ? dtype : inputs[0].dtype();
    if (!t.isFloatingPoint()) {
      throw new IllegalArgumentException(op + ": output type " + t + " (from input " + inputs[0].describe()
          + ") is not a float type; set dtype");
    }
    SplittableRandom rng = seeds.next();
    double[] v = new double[s.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = normal ? a + b * rng.nextGaussian() : a + (b - a) * rng.nextDouble();
    }
    return new Tensor[] {RandomOutput.of(ctx, t, s, v)};
  }
}
