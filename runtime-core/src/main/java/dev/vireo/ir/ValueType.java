package dev.vireo.ir;

import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import java.util.List;

/** The type of a value in a graph: a tensor, a sequence, an optional or a map. */
public sealed interface ValueType {

  /**
   * A tensor type. {@code elemType} may be null when unknown; {@code dims} is null when even the
   * rank is unknown.
   */
  record TensorType(DType elemType, List<Dim> dims) implements ValueType {
    public TensorType {
      dims = dims == null ? null : List.copyOf(dims);
    }

    public static TensorType of(DType t, Shape shape) {
      Dim[] d = new Dim[shape.rank()];
      for (int i = 0; i < d.length; i++) {
        d[i] = Dim.of(shape.dim(i));
      }
      return new TensorType(t, List.of(d));
    }

    public static TensorType unknownShape(DType t) {
      return new TensorType(t, null);
    }

    public boolean hasRank() {
      return dims != null;
    }

    public int rank() {
      if (dims == null) {
        throw new IllegalStateException("rank unknown");
      }
      return dims.size();
    }

    /** True when every dim is a known number. */
    public boolean isStatic() {
      return dims != null && dims.stream().allMatch(Dim::isKnown);
    }

    /** The concrete shape; only when {@link #isStatic()}. */
    public Shape shape() {
      long[] d = new long[dims.size()];
      for (int i = 0; i < d.length; i++) {
        d[i] = dims.get(i).value();
      }
      return Shape.of(d);
    }

    /** E.g. {@code f32[batch,3,224,224]}, {@code f32[?]} for an unknown dim, {@code f32[*]} for unknown rank. */
    @Override
    public String toString() {
      String t = elemType == null ? "?" : elemType.shortName();
      if (dims == null) {
        return t + "[*]";
      }
      StringBuilder b = new StringBuilder(t).append('[');
      for (int i = 0; i < dims.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        b.append(dims.get(i));
      }
      return b.append(']').toString();
    }
  }

  /** A sequence of values of one type. */
  record SequenceType(ValueType elemType) implements ValueType {
    @Override
    public String toString() {
      return "seq(" + elemType + ")";
    }
  }

  /** A value that may be absent. */
  record OptionalType(ValueType elemType) implements ValueType {
    @Override
    public String toString() {
      return "optional(" + elemType + ")";
    }
  }

  /** A map from a scalar key type to values. */
  record MapType(DType keyType, ValueType valueType) implements ValueType {
    @Override
    public String toString() {
      return "map(" + keyType + "," + valueType + ")";
    }
  }
}
