package dev.vireo.onnx.load;

import dev.vireo.error.ModelLoadException;
import dev.vireo.error.Phase;
import dev.vireo.ir.Attribute;
import dev.vireo.ir.Attribute.Kind;
import dev.vireo.ir.Graph;
import dev.vireo.ir.ValueType;
import dev.vireo.onnx.proto.AttributeProto;
import dev.vireo.onnx.proto.AttributeProto.AttributeType;
import dev.vireo.onnx.proto.GraphProto;
import dev.vireo.onnx.proto.SparseTensorProto;
import dev.vireo.onnx.proto.TensorProto;
import dev.vireo.onnx.proto.TypeProto;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Decodes ONNX {@link AttributeProto}s into {@link Attribute}s.
 *
 * <p>Strings are decoded as UTF-8; FLOATS become {@code float[]}, INTS {@code long[]}; sparse
 * tensors are densified (kind SPARSE_TENSOR, or TENSORS for a list); type protos become {@link
 * ValueType}s (kind TYPE or TYPES). Files from before ONNX 1.1 may leave {@code type} unset:
 * then the kind is the field that is set.
 */
final class AttributeDecoder {
  private AttributeDecoder() {}

  /**
   * Decodes an attribute.
   *
   * @param subgraphs imports a GRAPH/GRAPHS value as a subgraph of the node's graph
   * @param label the owning node, for messages
   * @throws ModelLoadException when the attribute has no value or an invalid one
   */
  static Attribute decode(
      AttributeProto a, TensorSource source, Function<GraphProto, Graph> subgraphs, String label) {
    String name = a.getName();
    String what = label + " attribute '" + name + "'";
    AttributeType type = a.hasType() && a.getType() != AttributeType.UNDEFINED ? a.getType() : inferType(a);
    if (type == null) {
      throw new ModelLoadException(Phase.LOAD, what + " has no type and no value");
    }
    return switch (type) {
      case FLOAT -> Attribute.of(name, a.getF());
      case INT -> Attribute.of(name, a.getI());
      case STRING -> Attribute.of(name, a.getS().toStringUtf8());
      case TENSOR -> Attribute.of(name, tensor(a.getT(), source, what));
      case GRAPH -> Attribute.of(name, subgraphs.apply(a.getG()));
      case FLOATS -> {
        float[] f = new float[a.getFloatsCount()];
        for (int i = 0; i < f.length; i++) {
          f[i] = a.getFloats(i);
        }
        yield new Attribute(name, Kind.FLOATS, f);
      }
      case INTS -> {
        long[] v = new long[a.getIntsCount()];
        for (int i = 0; i < v.length; i++) {
          v[i] = a.getInts(i);
        }
        yield new Attribute(name, Kind.INTS, v);
      }
      case STRINGS -> Attribute.strings(
          name, a.getStringsList().stream().map(s -> s.toStringUtf8()).toList());
      case TENSORS -> {
        List<Tensor> ts = new ArrayList<>(a.getTensorsCount());
        for (TensorProto t : a.getTensorsList()) {
          ts.add(tensor(t, source, what));
        }
        yield new Attribute(name, Kind.TENSORS, List.copyOf(ts));
      }
      case GRAPHS -> {
        List<Graph> gs = new ArrayList<>(a.getGraphsCount());
        for (GraphProto g : a.getGraphsList()) {
          gs.add(subgraphs.apply(g));
        }
        yield new Attribute(name, Kind.GRAPHS, List.copyOf(gs));
      }
      case SPARSE_TENSOR -> new Attribute(
          name, Kind.SPARSE_TENSOR, sparse(a.getSparseTensor(), source, what));
      case SPARSE_TENSORS -> {
        List<Tensor> ts = new ArrayList<>(a.getSparseTensorsCount());
        for (SparseTensorProto t : a.getSparseTensorsList()) {
          ts.add(sparse(t, source, what));
        }
        yield new Attribute(name, Kind.TENSORS, List.copyOf(ts));
      }
      case TYPE_PROTO -> new Attribute(name, Kind.TYPE, type(a.getTp(), what));
      case TYPE_PROTOS -> {
        List<ValueType> ts = new ArrayList<>(a.getTypeProtosCount());
        for (TypeProto t : a.getTypeProtosList()) {
          ts.add(type(t, what));
        }
        yield new Attribute(name, Kind.TYPES, java.util.Collections.unmodifiableList(ts));
      }
      case UNDEFINED -> throw new ModelLoadException(Phase.LOAD, what + " has no type");
    };
  }

  /** The kind from the field that is set, for files that leave {@code type} unset; null if none. */
  static AttributeType inferType(AttributeProto a) {
    if (a.hasF()) {
      return AttributeType.FLOAT;
    } else if (a.hasI()) {
      return AttributeType.INT;
    } else if (a.hasS()) {
      return AttributeType.STRING;
    } else if (a.hasT()) {
      return AttributeType.TENSOR;
    } else if (a.hasG()) {
      return AttributeType.GRAPH;
    } else if (a.hasSparseTensor()) {
      return AttributeType.SPARSE_TENSOR;
    } else if (a.hasTp()) {
      return AttributeType.TYPE_PROTO;
    } else if (a.getFloatsCount() > 0) {
      return AttributeType.FLOATS;
    } else if (a.getIntsCount() > 0) {
      return AttributeType.INTS;
    } else if (a.getStringsCount() > 0) {
      return AttributeType.STRINGS;
    } else if (a.getTensorsCount() > 0) {
      return AttributeType.TENSORS;
    } else if (a.getGraphsCount() > 0) {
      return AttributeType.GRAPHS;
    } else if (a.getSparseTensorsCount() > 0) {
      return AttributeType.SPARSE_TENSORS;
    } else if (a.getTypeProtosCount() > 0) {
      return AttributeType.TYPE_PROTOS;
    }
    return null;
  }

  private static Tensor tensor(TensorProto t, TensorSource source, String what) {
    try {
      return TensorDecoder.decodeFrom(t, source);
    } catch (ModelLoadException e) {
      throw new ModelLoadException(e.phase(), what + ": " + e.reason(), e);
    }
  }

  private static Tensor sparse(SparseTensorProto t, TensorSource source, String what) {
    try {
      return SparseTensors.densify(t, source);
    } catch (ModelLoadException e) {
      throw new ModelLoadException(e.phase(), what + ": " + e.reason(), e);
    }
  }

  private static ValueType type(TypeProto t, String what) {
    return TypeDecoder.decode(t, what);
  }
}
