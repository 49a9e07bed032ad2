package dev.vireo.ir;

import dev.vireo.tensor.Tensor;
import java.util.List;

/**
 * A node attribute: a name, a kind and a value. Values are immutable: floats and ints lists are
 * copied arrays, strings are decoded UTF-8.
 */
public record Attribute(String name, Kind kind, Object value) {
  /** Attribute kinds, as in ONNX. */
  public enum Kind {
    FLOAT, INT, STRING, TENSOR, GRAPH, FLOATS, INTS, STRINGS, TENSORS, GRAPHS, TYPE, TYPES, SPARSE_TENSOR
  }

  public static Attribute of(String name, float v) {
    return new Attribute(name, Kind.FLOAT, v);
  }

  public static Attribute of(String name, long v) {
    return new Attribute(name, Kind.INT, v);
  }

  public static Attribute of(String name, String v) {
    return new Attribute(name, Kind.STRING, v);
  }

  public static Attribute of(String name, Tensor v) {
    return new Attribute(name, Kind.TENSOR, v);
  }

  public static Attribute of(String name, Graph v) {
    return new Attribute(name, Kind.GRAPH, v);
  }

  public static Attribute floats(String name, float... v) {
    return new Attribute(name, Kind.FLOATS, v.clone());
  }

  public static Attribute ints(String name, long... v) {
    return new Attribute(name, Kind.INTS, v.clone());
  }

  public static Attribute strings(String name, List<String> v) {
    return new Attribute(name, Kind.STRINGS, List.copyOf(v));
  }

  public float floatValue() {
    return switch (kind) {
      case FLOAT -> (Float) value;
      case INT -> (Long) value;
      default -> throw wrongKind(Kind.FLOAT);
    };
  }

  public long intValue() {
    if (kind != Kind.INT) {
      throw wrongKind(Kind.INT);
    }
    return (Long) value;
  }

  public String stringValue() {
    if (kind != Kind.STRING) {
      throw wrongKind(Kind.STRING);
    }
    return (String) value;
  }

  public Tensor tensorValue() {
    if (kind != Kind.TENSOR) {
      throw wrongKind(Kind.TENSOR);
    }
    return (Tensor) value;
  }

  public Graph graphValue() {
    if (kind != Kind.GRAPH) {
      throw wrongKind(Kind.GRAPH);
    }
    return (Graph) value;
  }

  /** A copy of the float list. */
  public float[] floatsValue() {
    if (kind != Kind.FLOATS) {
      throw wrongKind(Kind.FLOATS);
    }
    return ((float[]) value).clone();
  }

  /** A copy of the int list. */
  public long[] intsValue() {
    if (kind != Kind.INTS) {
      throw wrongKind(Kind.INTS);
    }
    return ((long[]) value).clone();
  }

  @SuppressWarnings("unchecked")
  public List<String> stringsValue() {
    if (kind != Kind.STRINGS) {
      throw wrongKind(Kind.STRINGS);
    }
    return (List<String>) value;
  }

  @SuppressWarnings("unchecked")
  public List<Tensor> tensorsValue() {
    if (kind != Kind.TENSORS) {
      throw wrongKind(Kind.TENSORS);
    }
    return (List<Tensor>) value;
  }

  @SuppressWarnings("unchecked")
  public List<Graph> graphsValue() {
    if (kind != Kind.GRAPHS) {
      throw wrongKind(Kind.GRAPHS);
    }
    return (List<Graph>) value;
  }

  private IllegalArgumentException wrongKind(Kind expected) {
    return new IllegalArgumentException(
        "attribute '" + name + "' is " + kind + ", expected " + expected);
  }

  @Override
  public String toString() {
    String v =
        switch (kind) {
          case FLOATS -> java.util.Arrays.toString((float[]) value);
          case INTS -> java.util.Arrays.toString((long[]) value);
          case TENSOR -> ((Tensor) value).describe();
          case GRAPH -> "graph '" + ((Graph) value).name() + "'";
          default -> String.valueOf(value);
        };
    return name + "=" + v;
  }
}
