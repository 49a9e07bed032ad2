package dev.vireo.op;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType.TensorType;
import java.util.ArrayList;
import java.util.List;

/** Dim arithmetic for shape inference: broadcasting, products and axis checks over known, symbolic and unknown dims. */
public final class Dims {
  private Dims() {}

  /**
   * Multidirectional broadcast of tensor types' dims.
   *
   * @return the broadcast dims, or null when some rank is unknown
   * @throws IllegalArgumentException naming both shapes when two known dims differ and neither
   *     is 1
   */
  public static List<Dim> broadcast(String op, List<TensorType> types) {
    int r = 0;
    for (TensorType t : types) {
      if (!t.hasRank()) {
        return null;
      }
      r = Math.max(r, t.rank());
    }
    List<Dim> out = new ArrayList<>();
    for (int d = 0; d < r; d++) {
      Dim acc = Dim.of(1);
      for (TensorType t : types) {
        int k = d - (r - t.rank());
        if (k < 0) {
          continue;
        }
        Dim x = t.dims().get(k);
        Dim merged = merge(acc, x);
        if (merged == null) {
          throw new IllegalArgumentException(op + ": cannot broadcast " + join(types)
              + ": dim " + d + " of the output would be both " + acc + " and " + x);
        }
        acc = merged;
      }
      out.add(acc);
    }
    return out;
  }

  private static String join(List<TensorType> types) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < types.size(); i++) {
      if (i > 0) {
        b.append(i == types.size() - 1 ? " and " : ", ");
      }
      b.append(types.get(i));
    }
    return b.toString();
  }

  /** The broadcast of two dims, or null when they contradict. */
  static Dim merge(Dim a, Dim b) {
    if (isOne(a)) {
      return b;
    }
    if (isOne(b)) {
      return a;
    }
    if (a.isKnown() && b.isKnown()) {
      return a.value() == b.value() ? a : null;
    }
    if (a.isKnown()) {
      return a;
    }
    if (b.isKnown()) {
      return b;
    }
    if (a.isSymbolic() && a.equals(b)) {
      return a;
    }
    // an unknown dim may itself be 1, so the result is unknown
    return Dim.unknown();
  }

  public static boolean isOne(Dim d) {
    return d.isKnown() && d.value() == 1;
  }

  /**
   * The product of dims [from, to): a number when all are known (or one is 0), the one unknown
   * dim itself when the rest are 1, otherwise unknown.
   */
  public static Dim product(List<Dim> dims, int from, int to) {
    long p = 1;
    for (int i = from; i < to; i++) {
      Dim d = dims.get(i);
      if (d.isKnown() && d.value() == 0) {
        return Dim.of(0);
      }
    }
    Dim single = null;
    int unknown = 0;
    for (int i = from; i < to; i++) {
      Dim d = dims.get(i);
      if (d.isKnown()) {
        p *= d.value();
      } else {
        unknown++;
        single = d;
      }
    }
    if (unknown == 0) {
      return Dim.of(p);
    }
    // a lone symbolic dim times 1s keeps its name: [N,2048,1,1] flattens to [N,2048]
    return unknown == 1 && p == 1 ? single : Dim.unknown();
  }

  /**
   * Normalizes a possibly negative axis.
   *
   * @throws IllegalArgumentException naming the op, the axis and the type
   */
  public static int axis(String op, long axis, int rank, TensorType t) {
    long a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= rank) {
      throw new IllegalArgumentException(op + ": axis " + axis + " is out of range for " + t);
    }
    return (int) a;
  }

  /** Known dims as a list. */
  public static List<Dim> of(long... dims) {
    List<Dim> l = new ArrayList<>(dims.length);
    for (long d : dims) {
      l.add(Dim.of(d));
    }
    return l;
  }

  /** {@code n} unknown dims. */
  public static List<Dim> unknown(int n) {
    List<Dim> l = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      l.add(Dim.unknown());
    }
    return l;
  }
}
