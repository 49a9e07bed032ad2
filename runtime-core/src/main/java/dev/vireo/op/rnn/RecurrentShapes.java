package dev.vireo.op.rnn;

import dev.vireo.ir.Dim;
import dev.vireo.ir.Node;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.tensor.DType;
import java.util.ArrayList;
import java.util.List;

/**
 * Shape and type inference shared by RNN, GRU and LSTM.
 *
 * <p>Inputs X {@code [seq, batch, input]} (layout 0) or {@code [batch, seq, input]} (layout 1),
 * W {@code [dirs, gates·hidden, input]}, R {@code [dirs, gates·hidden, hidden]}, B {@code [dirs,
 * 2·gates·hidden]}; outputs Y {@code [seq, dirs, batch, hidden]} or {@code [batch, seq, dirs,
 * hidden]}, then Y_h (and Y_c) {@code [dirs, batch, hidden]} or {@code [batch, dirs, hidden]}.
 */
final class RecurrentShapes {
  private RecurrentShapes() {}

  /**
   * Infers the outputs of a recurrent node.
   *
   * @param gates 1 for RNN, 3 for GRU, 4 for LSTM
   * @throws IllegalArgumentException for an unknown direction or layout, non-float inputs, or
   *     inputs whose ranks or dims contradict each other
   */
  static List<ValueType> infer(InferenceContext ctx, int gates) {
    Node n = ctx.node();
    String op = n.opType();
    String dir = n.attrString("direction", "forward");
    int dirs =
        switch (dir) {
          case "forward", "reverse" -> 1;
          case "bidirectional" -> 2;
          default -> throw new IllegalArgumentException(op + ": unknown direction '" + dir
              + "', expected forward, reverse or bidirectional");
        };
    long layout = n.attrInt("layout", 0);
    if (layout != 0 && layout != 1) {
      throw new IllegalArgumentException(op + ": layout must be 0 or 1, got " + layout);
    }
    TensorType x = ctx.tensor(0);
    TensorType w = ctx.tensor(1);
    TensorType r = ctx.tensor(2);
    DType elem = x.elemType() != null ? x.elemType() : w.elemType();
    if (elem != null && !elem.isFloatingPoint()) {
      throw new IllegalArgumentException(op + ": X must be a float tensor, got " + x);
    }
    String[] names = {"X", "W", "R", "B", null, "initial_h", "initial_c", "P"};
    for (int i = 1; i < names.length; i++) {
      DType t = ctx.elemType(i);
      if (names[i] != null && elem != null && t != null && t != elem) {
        throw new IllegalArgumentException(op + ": " + names[i] + " is " + ctx.tensor(i)
            + ", expected element type " + elem + " as X " + x);
      }
    }
    rank(op, "X", x, 3);
    rank(op, "W", w, 3);
    rank(op, "R", r, 3);
    Dim hidden = n.hasAttr("hidden_size")
        ? Dim.of(n.attrInt("hidden_size", 0))
        : r.hasRank() ? r.dims().get(2) : Dim.unknown();
    Dim seq = dim(x, layout == 1 ? 1 : 0);
    Dim batch = dim(x, layout == 1 ? 0 : 1);
    expect(op, "W", w, 0, dirs, x, r);
    expect(op, "R", r, 0, dirs, x, r);
    if (hidden.isKnown()) {
      expect(op, "W", w, 1, gates * hidden.value(), x, r);
      expect(op, "R", r, 1, gates * hidden.value(), x, r);
      expect(op, "R", r, 2, hidden.value(), x, r);
    }
    if (x.hasRank() && w.hasRank()) {
      Dim in = x.dims().get(2);
      Dim wi = w.dims().get(2);
      if (in.isKnown() && wi.isKnown() && in.value() != wi.value()) {
        throw new IllegalArgumentException(op + ": W " + w + " has input size " + wi
            + ", X " + x + " has " + in);
      }
    }
    Dim d = Dim.of(dirs);
    List<Dim> y = layout == 1 ? List.of(batch, seq, d, hidden) : List.of(seq, d, batch, hidden);
    List<Dim> state = layout == 1 ? List.of(batch, d, hidden) : List.of(d, batch, hidden);
    List<ValueType> out = new ArrayList<>();
    for (int i = 0; i < n.outputs().size(); i++) {
      out.add(new TensorType(elem, i == 0 ? y : state));
    }
    return out;
  }

  private static void rank(String op, String name, TensorType t, int rank) {
    if (t.hasRank() && t.rank() != rank) {
      throw new IllegalArgumentException(
          op + ": " + name + " must have rank " + rank + ", got " + t);
    }
  }

  private static Dim dim(TensorType t, int axis) {
    return t.hasRank() ? t.dims().get(axis) : Dim.unknown();
  }

  private static void expect(
      String op, String name, TensorType t, int axis, long value, TensorType x, TensorType r) {
    Dim dm = dim(t, axis);
    if (dm.isKnown() && dm.value() != value) {
      throw new IllegalArgumentException(op + ": " + name + " " + t + " has " + dm + " at axis "
          + axis + ", expected " + value + " (X " + x + ", R " + r + ")");
    }
  }
}
