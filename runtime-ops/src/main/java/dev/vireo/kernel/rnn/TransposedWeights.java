package dev.vireo.kernel.rnn;

import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.tensor.Tensor;

/**
 * W or R transposed per direction to {@code [in, gates·hidden]} for the i-k-j products,
 * computed once at kernel creation when the weight is an initializer, otherwise on each call.
 *
 * <p>The cached form is used only when a call receives that very initializer tensor, so a graph
 * input overriding the initializer is transposed afresh.
 */
final class TransposedWeights {
  private static final TransposedWeights NONE = new TransposedWeights(null, null);

  private final Tensor source;
  private final float[][] perDirection;

  private TransposedWeights(Tensor source, float[][] perDirection) {
    this.source = source;
    this.perDirection = perDirection;
  }

  /** The cache for node input i (W = 1, R = 2); empty when it is not an initializer. */
  static TransposedWeights of(Node n, int i) {
    Value v = n.input(i);
    Tensor t = v == null ? null : v.initializer();
    if (t == null || t.rank() != 3 || !t.dtype().isFloatingPoint()) {
      return NONE;
    }
    float[] data = RecurrentRun.floats(t);
    int rows = t.shape().dim(1);
    int cols = t.shape().dim(2);
    float[][] per = new float[t.shape().dim(0)][];
    for (int d = 0; d < per.length; d++) {
      per[d] = RecurrentMath.transpose(data, d * rows * cols, rows, cols);
    }
    return new TransposedWeights(t, per);
  }

  /** Whether {@link #get} answers for {@code t} from the cache. */
  boolean cached(Tensor t) {
    return t == source;
  }

  /**
   * Direction d of the weight {@code t} (whose float32 elements are {@code data}, null when {@link
   * #cached}) transposed.
   *
   * @param rows gates·hidden
   * @param cols the input or hidden size
   */
  float[] get(Tensor t, float[] data, int d, int rows, int cols) {
    if (t == source) {
      return perDirection[d];
    }
    return RecurrentMath.transpose(data, d * rows * cols, rows, cols);
  }
}
