package dev.vireo.onnx;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.Graph;
import dev.vireo.ir.Node;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/** Test helper: a graph as comparable text lines (names, types, data, attributes, subgraphs). */
public final class GraphText {
  private GraphText() {}

  /** A structural, name-based description of a graph, recursing into subgraphs. */
  public static List<String> describe(Graph g) {
    List<String> d = new ArrayList<>();
    d.add("graph " + g.name());
    g.inputs().forEach(v -> d.add("in " + v));
    g.outputs().forEach(v -> d.add("out " + v));
    g.initializers().forEach(v -> d.add("init " + v + " " + v.initializer().describe() + " "
        + java.util.Objects.toString(arrayString(v.initializer().data()))));
    for (Node n : g.nodes()) {
      d.add("node " + n + " in " + n.inputs().stream().map(v -> v == null ? "-" : v.toString()).toList()
          + " out " + n.outputs().stream().map(v -> v == null ? "-" : v.toString()).toList());
      for (Attribute a : n.attributes().values()) {
        Object v = a.value();
        String s = switch (v) {
          case Graph sub -> String.join("; ", describe(sub));
          case Tensor t -> t.describe() + arrayString(t.data());
          case List<?> l -> l.stream().map(e -> e instanceof Tensor t ? t.describe() + arrayString(t.data())
              : e instanceof Graph sub ? describe(sub).toString() : String.valueOf(e)).toList().toString();
          default -> arrayString(v);
        };
        d.add("  attr " + a.name() + " " + a.kind() + " " + s);
      }
    }
    return d;
  }

  private static String arrayString(Object o) {
    return switch (o) {
      case float[] a -> java.util.Arrays.toString(a);
      case long[] a -> java.util.Arrays.toString(a);
      case int[] a -> java.util.Arrays.toString(a);
      case byte[] a -> java.util.Arrays.toString(a);
      case short[] a -> java.util.Arrays.toString(a);
      case double[] a -> java.util.Arrays.toString(a);
      case boolean[] a -> java.util.Arrays.toString(a);
      case Object[] a -> java.util.Arrays.toString(a);
      default -> String.valueOf(o);
    };
  }
}
