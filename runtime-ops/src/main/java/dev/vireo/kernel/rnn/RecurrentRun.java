package dev.vireo.kernel.rnn;

import dev.vireo.exec.ExecContext;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Float16;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * The inputs of one call of a recurrent kernel, checked against each other and widened to
 * float32, with the index arithmetic of both layouts and of sequence_lens.
 *
 * <p>Inputs by position: 0 X, 1 W, 2 R, 3 B, 4 sequence_lens, 5 initial_h, 6 initial_c (LSTM), 7
 * P (LSTM). With layout 0, X is {@code [seq, batch, input]}, Y {@code [seq, dirs, batch,
 * hidden]} and the states {@code [dirs, batch, hidden]}; with layout 1, X is {@code [batch, seq,
 * input]}, Y {@code [batch, seq, dirs, hidden]} and the states {@code [batch, dirs, hidden]}.
 * Inside a direction, states are kept as {@code [batch, hidden]} rows.
 *
 * <p>Batch entry b takes {@code len(b)} steps (sequence_lens, or seq). Step s of a forward
 * direction reads time s; step s of a reversed direction reads time {@code len(b)-1-s}, so each
 * sequence is reversed within its own length. Y stays zero past {@code len(b)}; the final state
 * is the one after the entry's last step (the initial state when its length is 0).
 */
final class RecurrentRun {
  final RecurrentAttributes attrs;
  /** Gates per direction: 1 (RNN), 3 (GRU), 4 (LSTM). */
  final int gates;
  final DType dtype;
  final int seq;
  final int batch;
  final int inputSize;
  final int hidden;
  final int dirs;
  final float[] x;
  final float[] w;
  final float[] r;
  private final Tensor wTensor;
  private final Tensor rTensor;
  private final TransposedWeights wT;
  private final TransposedWeights rT;
  /** [dirs, 2·gates·hidden] or null. */
  final float[] b;
  /** Steps per batch entry. */
  final int[] lens;
  /** The largest entry of lens. */
  final int maxLen;

  private RecurrentRun(
      RecurrentAttributes attrs, int gates, Tensor[] in, TransposedWeights wT,
      TransposedWeights rT) {
    this.attrs = attrs;
    this.gates = gates;
    this.wT = wT;
    this.rT = rT;
    String op = attrs.op();
    Tensor xt = in[0];
    if (xt == null || in.length < 3 || in[1] == null || in[2] == null) {
      throw new IllegalArgumentException(op + ": inputs X, W and R are required");
    }
    dtype = xt.dtype();
    if (xt.rank() != 3) {
      throw new IllegalArgumentException(op + ": X must have rank 3, got " + xt.describe());
    }
    boolean batchFirst = attrs.layout() == 1;
    seq = xt.shape().dim(batchFirst ? 1 : 0);
    batch = xt.shape().dim(batchFirst ? 0 : 1);
    inputSize = xt.shape().dim(2);
    dirs = attrs.numDirections();
    Tensor rt = in[2];
    if (rt.rank() != 3) {
      throw new IllegalArgumentException(op + ": R must have rank 3, got " + rt.describe());
    }
    hidden = attrs.hiddenSize() > 0 ? attrs.hiddenSize() : rt.shape().dim(2);
    int gh = gates * hidden;
    check(in, 1, "W", Shape.of(dirs, gh, inputSize));
    check(in, 2, "R", Shape.of(dirs, gh, hidden));
    check(in, 3, "B", Shape.of(dirs, 2 * gh));
    Shape state = batchFirst ? Shape.of(batch, dirs, hidden) : Shape.of(dirs, batch, hidden);
    check(in, 5, "initial_h", state);
    check(in, 6, "initial_c", state);
    check(in, 7, "P", Shape.of(dirs, 3 * hidden));
    x = floats(xt);
    wTensor = in[1];
    rTensor = rt;
    // a cached transpose makes the float32 copy of an f16/f64 weight unnecessary
    w = wT.cached(wTensor) ? null : floats(wTensor);
    r = rT.cached(rTensor) ? null : floats(rTensor);
    b = in.length > 3 ? floats(in[3]) : null;
    lens = lengths(in.length > 4 ? in[4] : null);
    int m = 0;
    for (int l : lens) {
      m = Math.max(m, l);
    }
    maxLen = m;
  }

  /**
   * Checks and widens the inputs of one call.
   *
   * @param wT the node's cached transposes of W, used when X·Wᵀ is computed
   * @param rT the same for R
   * @throws IllegalArgumentException naming the input whose shape or type does not fit, with the
   *     expected and given shapes
   */
  static RecurrentRun of(
      RecurrentAttributes attrs, int gates, Tensor[] inputs, TransposedWeights wT,
      TransposedWeights rT) {
    return new RecurrentRun(attrs, gates, inputs, wT, rT);
  }

  private void check(Tensor[] in, int i, String name, Shape expected) {
    if (i >= in.length || in[i] == null) {
      return;
    }
    Tensor t = in[i];
    if (t.dtype() != dtype) {
      throw new IllegalArgumentException(attrs.op() + ": " + name + " is " + t.describe()
          + ", expected element type " + dtype + " as X");
    }
    if (!t.shape().equals(expected)) {
      throw new IllegalArgumentException(attrs.op() + ": " + name + " has shape " + t.shape()
          + ", expected " + expected + " (hidden_size " + hidden + ", X " + in[0].shape()
          + ", layout " + attrs.layout() + ", " + dirs + " direction(s))");
    }
  }

  private int[] lengths(Tensor t) {
    int[] l = new int[batch];
    if (t == null) {
      java.util.Arrays.fill(l, seq);
      return l;
    }
    if (!t.dtype().isInteger() || !t.shape().equals(Shape.of(batch))) {
      throw new IllegalArgumentException(attrs.op() + ": sequence_lens is " + t.describe()
          + ", expected i32[" + batch + "]");
    }
    for (int i = 0; i < batch; i++) {
      long v = t.getLong(i);
      if (v < 0 || v > seq) {
        throw new IllegalArgumentException(attrs.op() + ": sequence_lens[" + i + "] is " + v
            + ", expected a length in [0, " + seq + "]");
      }
      l[i] = (int) v;
    }
    return l;
  }

  /** The input's elements as float32 (the array itself for f32: callers only read it). */
  static float[] floats(Tensor t) {
    if (t == null) {
      return null;
    }
    return switch (t.dtype()) {
      case FLOAT -> t.floats();
      case DOUBLE -> {
        double[] d = t.doubles();
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
          f[i] = (float) d[i];
        }
        yield f;
      }
      case FLOAT16, BFLOAT16 -> {
        short[] s = t.shorts();
        float[] f = new float[s.length];
        boolean half = t.dtype() == DType.FLOAT16;
        for (int i = 0; i < s.length; i++) {
          f[i] = half ? Float16.halfToFloat(s[i]) : Float16.bfloat16ToFloat(s[i]);
        }
        yield f;
      }
      default -> throw new IllegalArgumentException(
          "expected a float tensor, got " + t.describe());
    };
  }

  /** Y's shape for this layout. */
  Shape yShape() {
    return attrs.layout() == 1
        ? Shape.of(batch, seq, dirs, hidden)
        : Shape.of(seq, dirs, batch, hidden);
  }

  /** The shape of Y_h, Y_c, initial_h and initial_c for this layout. */
  Shape stateShape() {
    return attrs.layout() == 1 ? Shape.of(batch, dirs, hidden) : Shape.of(dirs, batch, hidden);
  }

  /** The row of X (and of its projection) holding time t of batch entry b. */
  int xRow(int t, int bi) {
    return attrs.layout() == 1 ? bi * seq + t : t * batch + bi;
  }

  /** Where Y's hidden vector for time t, direction d, batch entry b starts. */
  int yOffset(int t, int d, int bi) {
    return attrs.layout() == 1
        ? ((bi * seq + t) * dirs + d) * hidden
        : ((t * dirs + d) * batch + bi) * hidden;
  }

  /** Where a state tensor's vector for direction d, batch entry b starts. */
  int stateOffset(int d, int bi) {
    return (attrs.layout() == 1 ? bi * dirs + d : d * batch + bi) * hidden;
  }

  /** The time step that step s of direction d reads for batch entry b (s < lens[b]). */
  int time(int s, int d, int bi) {
    return attrs.direction().reversed(d) ? lens[bi] - 1 - s : s;
  }

  /** A direction's initial state from input i as {@code [batch, hidden]} rows (zeros if absent). */
  float[] initialState(Tensor[] in, int i, int d) {
    float[] s = new float[batch * hidden];
    float[] src = i < in.length ? floats(in[i]) : null;
    if (src != null) {
      for (int bi = 0; bi < batch; bi++) {
        System.arraycopy(src, stateOffset(d, bi), s, bi * hidden, hidden);
      }
    }
    return s;
  }

  /** Writes a direction's {@code [batch, hidden]} state rows into a state output array. */
  void storeState(float[] rows, int d, float[] out) {
    for (int bi = 0; bi < batch; bi++) {
      System.arraycopy(rows, bi * hidden, out, stateOffset(d, bi), hidden);
    }
  }

  /** Wb for direction d (length gates·hidden), zeros when B is absent. */
  float[] inputBias(int d) {
    return bias(d, 0);
  }

  /** Rb for direction d (length gates·hidden), zeros when B is absent. */
  float[] recurrentBias(int d) {
    return bias(d, 1);
  }

  private float[] bias(int d, int half) {
    int gh = gates * hidden;
    float[] v = new float[gh];
    if (b != null) {
      System.arraycopy(b, (2 * d + half) * gh, v, 0, gh);
    }
    return v;
  }

  /**
   * X·Wᵀ + bias for every time step of direction d: a {@code [seq·batch, gates·hidden]} matrix
   * whose rows follow X's rows ({@link #xRow}).
   */
  float[] project(int d, float[] bias, ExecContext ctx) {
    int gh = gates * hidden;
    float[] t = wT.get(wTensor, w, d, gh, inputSize);
    return RecurrentMath.multiplyWithBias(x, seq * batch, inputSize, t, gh, bias, ctx);
  }

  /** Rᵀ for direction d: {@code [hidden, gates·hidden]}. */
  float[] recurrenceT(int d) {
    int gh = gates * hidden;
    return rT.get(rTensor, r, d, gh, hidden);
  }

  /** A float32 buffer for an output of this shape; {@link Output#finish} makes the tensor. */
  Output output(ExecContext ctx, Shape shape) {
    return new Output(ctx, dtype, shape);
  }

  /** An output computed in float32 and stored in the op's element type. */
  static final class Output {
    private final DType dtype;
    private final Shape shape;
    private final Tensor tensor;
    final float[] data;

    Output(ExecContext ctx, DType dtype, Shape shape) {
      this.dtype = dtype;
      this.shape = shape;
      this.tensor = dtype == DType.FLOAT ? ctx.allocate(dtype, shape) : null;
      this.data = tensor != null ? tensor.floats() : new float[shape.size()];
    }

    /** The output tensor; for other types than f32 a rounded copy of {@link #data}. */
    Tensor finish(ExecContext ctx) {
      if (tensor != null) {
        return tensor;
      }
      Tensor out = ctx.allocate(dtype, shape);
      switch (dtype) {
        case DOUBLE -> {
          double[] o = out.doubles();
          for (int i = 0; i < data.length; i++) {
            o[i] = data[i];
          }
        }
        case FLOAT16 -> {
          short[] o = out.shorts();
          for (int i = 0; i < data.length; i++) {
            o[i] = Float16.floatToHalf(data[i]);
          }
        }
        case BFLOAT16 -> {
          short[] o = out.shorts();
          for (int i = 0; i < data.length; i++) {
            o[i] = Float16.floatToBfloat16(data[i]);
          }
        }
        default -> throw new IllegalStateException("not a float type: " + dtype);
      }
      return out;
    }
  }
}
