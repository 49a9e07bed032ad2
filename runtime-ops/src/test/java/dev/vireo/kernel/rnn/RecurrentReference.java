package dev.vireo.kernel.rnn;

import java.util.function.DoubleUnaryOperator;

/**
 * The spec's equations for RNN, GRU and LSTM, one element at a time in double precision, with
 * no sharing with the kernels: the test oracle.
 *
 * <p>Everything is in layout 0: x {@code [seq][batch][input]}, W {@code [dirs][gates·H][input]},
 * R {@code [dirs][gates·H][H]}, B {@code [dirs][2·gates·H]}, states {@code [dirs][batch][H]}, P
 * {@code [dirs][3·H]}, Y {@code [seq][dirs][batch][H]}, all flattened row-major.
 */
final class RecurrentReference {
  /** The outputs: Y, Y_h and (LSTM) Y_c. */
  record Result(double[] y, double[] yh, double[] yc) {}

  /** A case's data; optional arrays are null when absent; fns[d] are direction d's functions. */
  record Data(
      String op, int seq, int batch, int input, int hidden, int dirs, boolean[] reversed,
      double[] x, double[] w, double[] r, double[] b, int[] lens, double[] h0, double[] c0,
      double[] p, DoubleUnaryOperator[][] fns, double clip, boolean linearBeforeReset,
      boolean inputForget) {}

  private RecurrentReference() {}

  /** The named spec function with its alpha and beta. */
  static DoubleUnaryOperator fn(String name, double alpha, double beta) {
    return switch (name) {
      case "Relu" -> v -> v > 0 ? v : 0;
      case "Tanh" -> Math::tanh;
      case "Sigmoid" -> v -> 1 / (1 + Math.exp(-v));
      case "Affine" -> v -> alpha * v + beta;
      case "LeakyRelu" -> v -> v >= 0 ? v : alpha * v;
      case "ThresholdedRelu" -> v -> v >= alpha ? v : 0;
      case "ScaledTanh" -> v -> alpha * Math.tanh(beta * v);
      case "HardSigmoid" -> v -> Math.min(Math.max(alpha * v + beta, 0), 1);
      case "Elu" -> v -> v >= 0 ? v : alpha * (Math.exp(v) - 1);
      case "Softsign" -> v -> v / (1 + Math.abs(v));
      case "Softplus" -> v -> Math.log(1 + Math.exp(v));
      default -> throw new IllegalArgumentException(name);
    };
  }

  static Result run(Data c) {
    int gates = switch (c.op()) {
      case "RNN" -> 1;
      case "GRU" -> 3;
      default -> 4;
    };
    int hs = c.hidden();
    double[] y = new double[c.seq() * c.dirs() * c.batch() * hs];
    double[] yh = new double[c.dirs() * c.batch() * hs];
    double[] yc = new double[c.dirs() * c.batch() * hs];
    for (int d = 0; d < c.dirs(); d++) {
      for (int b = 0; b < c.batch(); b++) {
        double[] h = new double[hs];
        double[] cell = new double[hs];
        for (int j = 0; j < hs; j++) {
          h[j] = c.h0() == null ? 0 : c.h0()[(d * c.batch() + b) * hs + j];
          cell[j] = c.c0() == null ? 0 : c.c0()[(d * c.batch() + b) * hs + j];
        }
        int len = c.lens() == null ? c.seq() : c.lens()[b];
        for (int s = 0; s < len; s++) {
          int t = c.reversed()[d] ? len - 1 - s : s;
          double[] next = new double[hs];
          double[] nextCell = new double[hs];
          step(c, gates, d, b, t, h, cell, next, nextCell);
          h = next;
          cell = nextCell;
          for (int j = 0; j < hs; j++) {
            y[((t * c.dirs() + d) * c.batch() + b) * hs + j] = h[j];
          }
        }
        for (int j = 0; j < hs; j++) {
          yh[(d * c.batch() + b) * hs + j] = h[j];
          yc[(d * c.batch() + b) * hs + j] = cell[j];
        }
      }
    }
    return new Result(y, yh, yc);
  }

  private static void step(
      Data c, int gates, int d, int b, int t, double[] h, double[] cell, double[] next,
      double[] nextCell) {
    int hs = c.hidden();
    DoubleUnaryOperator[] fn = c.fns()[d];
    switch (c.op()) {
      case "RNN" -> {
        for (int j = 0; j < hs; j++) {
          double a = xw(c, gates, d, b, t, 0, j) + hr(c, gates, d, 0, j, h) + wb(c, gates, d, 0, j)
              + rb(c, gates, d, 0, j);
          next[j] = fn[0].applyAsDouble(clip(c, a));
        }
      }
      case "GRU" -> {
        double[] z = new double[hs];
        double[] r = new double[hs];
        for (int j = 0; j < hs; j++) {
          z[j] = fn[0].applyAsDouble(clip(c, xw(c, gates, d, b, t, 0, j) + hr(c, gates, d, 0, j, h)
              + wb(c, gates, d, 0, j) + rb(c, gates, d, 0, j)));
          r[j] = fn[0].applyAsDouble(clip(c, xw(c, gates, d, b, t, 1, j) + hr(c, gates, d, 1, j, h)
              + wb(c, gates, d, 1, j) + rb(c, gates, d, 1, j)));
        }
        double[] rh = new double[hs];
        for (int k = 0; k < hs; k++) {
          rh[k] = r[k] * h[k];
        }
        for (int j = 0; j < hs; j++) {
          double a;
          if (c.linearBeforeReset()) {
            a = xw(c, gates, d, b, t, 2, j)
                + r[j] * (hr(c, gates, d, 2, j, h) + rb(c, gates, d, 2, j)) + wb(c, gates, d, 2, j);
          } else {
            a = xw(c, gates, d, b, t, 2, j) + hr(c, gates, d, 2, j, rh) + rb(c, gates, d, 2, j)
                + wb(c, gates, d, 2, j);
          }
          double hh = fn[1].applyAsDouble(clip(c, a));
          next[j] = (1 - z[j]) * hh + z[j] * h[j];
        }
      }
      default -> {
        for (int j = 0; j < hs; j++) {
          double i = fn[0].applyAsDouble(clip(c, gate(c, gates, d, b, t, 0, j, h)
              + peep(c, d, 0, j) * cell[j]));
          double f = c.inputForget()
              ? 1 - i
              : fn[0].applyAsDouble(clip(c, gate(c, gates, d, b, t, 2, j, h)
                  + peep(c, d, 2, j) * cell[j]));
          double g = fn[1].applyAsDouble(clip(c, gate(c, gates, d, b, t, 3, j, h)));
          nextCell[j] = f * cell[j] + i * g;
          double o = fn[0].applyAsDouble(clip(c, gate(c, gates, d, b, t, 1, j, h)
              + peep(c, d, 1, j) * nextCell[j]));
          next[j] = o * fn[2].applyAsDouble(nextCell[j]);
        }
      }
    }
  }

  private static double gate(Data c, int gates, int d, int b, int t, int g, int j, double[] h) {
    return xw(c, gates, d, b, t, g, j) + hr(c, gates, d, g, j, h) + wb(c, gates, d, g, j)
        + rb(c, gates, d, g, j);
  }

  private static double clip(Data c, double v) {
    return Math.min(Math.max(v, -c.clip()), c.clip());
  }

  /** Row g·H+j of W[d] times x[t][b]. */
  private static double xw(Data c, int gates, int d, int b, int t, int g, int j) {
    double s = 0;
    for (int i = 0; i < c.input(); i++) {
      s += c.x()[(t * c.batch() + b) * c.input() + i]
          * c.w()[((d * gates + g) * c.hidden() + j) * c.input() + i];
    }
    return s;
  }

  /** Row g·H+j of R[d] times h. */
  private static double hr(Data c, int gates, int d, int g, int j, double[] h) {
    double s = 0;
    for (int k = 0; k < c.hidden(); k++) {
      s += h[k] * c.r()[((d * gates + g) * c.hidden() + j) * c.hidden() + k];
    }
    return s;
  }

  private static double wb(Data c, int gates, int d, int g, int j) {
    return c.b() == null ? 0 : c.b()[d * 2 * gates * c.hidden() + g * c.hidden() + j];
  }

  private static double rb(Data c, int gates, int d, int g, int j) {
    return c.b() == null ? 0 : c.b()[(d * 2 + 1) * gates * c.hidden() + g * c.hidden() + j];
  }

  /** Peephole weight for LSTM gate i (0), o (1) or f (2). */
  private static double peep(Data c, int d, int g, int j) {
    return c.p() == null ? 0 : c.p()[(d * 3 + g) * c.hidden() + j];
  }
}
