package dev.vireo.onnx.write;

import com.google.protobuf.ByteString;
import dev.vireo.ir.Attribute;
import dev.vireo.ir.Graph;
import dev.vireo.ir.Model;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.ir.ValueType;
import dev.vireo.onnx.proto.AttributeProto;
import dev.vireo.onnx.proto.AttributeProto.AttributeType;
import dev.vireo.onnx.proto.GraphProto;
import dev.vireo.onnx.proto.ModelProto;
import dev.vireo.onnx.proto.NodeProto;
import dev.vireo.onnx.proto.OperatorSetIdProto;
import dev.vireo.onnx.proto.SparseTensorProto;
import dev.vireo.onnx.proto.StringStringEntryProto;
import dev.vireo.onnx.proto.ValueInfoProto;
import dev.vireo.tensor.Tensor;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Writes a {@link Model} as an ONNX {@link ModelProto}: opset imports, producer fields,
 * metadata, and the graph with its inputs, initializers (raw little-endian data), node outputs'
 * known types as {@code value_info}, nodes with their attributes and subgraphs (whose outer-scope
 * references are written by name). Omitted optional inputs and outputs become empty names.
 * Model-local functions are not written: the loader has already expanded them.
 */
public final class OnnxWriter {
  private OnnxWriter() {}

  /** The ONNX message for a model. */
  public static ModelProto toProto(Model model) {
    ModelProto.Builder b = ModelProto.newBuilder()
        .setIrVersion(model.irVersion())
        .setProducerName(model.producerName())
        .setProducerVersion(model.producerVersion())
        .setDomain(model.domain())
        .setModelVersion(model.modelVersion())
        .setDocString(model.docString())
        .setGraph(graph(model.graph()));
    model.opsetImports().forEach((domain, version) ->
        b.addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(domain).setVersion(version)));
    model.metadata().forEach((k, v) -> b.addMetadataProps(entry(k, v)));
    return b.build();
  }

  /**
   * Writes a model file.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  public static void write(Model model, Path file) {
    ModelProto p = toProto(model);
    try (OutputStream out = Files.newOutputStream(file)) {
      p.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  static GraphProto graph(Graph g) {
    GraphProto.Builder b = GraphProto.newBuilder().setName(g.name());
    Set<Value> declared = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Value v : g.inputs()) {
      b.addInput(info(v));
      declared.add(v);
    }
    for (Value v : g.outputs()) {
      b.addOutput(info(v));
      declared.add(v);
    }
    for (Value v : g.initializers()) {
      b.addInitializer(TensorEncoder.encode(v.initializer(), v.name()));
      declared.add(v);
    }
    for (Node n : g.nodes()) {
      b.addNode(node(n));
      for (Value v : n.outputs()) {
        if (v != null && v.type() != null && declared.add(v)) {
          b.addValueInfo(info(v));
        }
      }
    }
    g.metadata().forEach((k, v) -> b.addMetadataProps(entry(k, v)));
    return b.build();
  }

  private static NodeProto node(Node n) {
    NodeProto.Builder b = NodeProto.newBuilder().setName(n.name()).setOpType(n.opType());
    if (!n.domain().isEmpty()) {
      b.setDomain(n.domain());
    }
    n.inputs().forEach(v -> b.addInput(v == null ? "" : v.name()));
    n.outputs().forEach(v -> b.addOutput(v == null ? "" : v.name()));
    for (Attribute a : n.attributes().values()) {
      b.addAttribute(attribute(a));
    }
    return b.build();
  }

  @SuppressWarnings("unchecked")
  static AttributeProto attribute(Attribute a) {
    AttributeProto.Builder b = AttributeProto.newBuilder().setName(a.name());
    switch (a.kind()) {
      case FLOAT -> b.setType(AttributeType.FLOAT).setF((Float) a.value());
      case INT -> b.setType(AttributeType.INT).setI((Long) a.value());
      case STRING -> b.setType(AttributeType.STRING).setS(utf8((String) a.value()));
      case TENSOR -> b.setType(AttributeType.TENSOR).setT(TensorEncoder.encode((Tensor) a.value(), null));
      case GRAPH -> b.setType(AttributeType.GRAPH).setG(graph((Graph) a.value()));
      case FLOATS -> {
        b.setType(AttributeType.FLOATS);
        for (float f : (float[]) a.value()) {
          b.addFloats(f);
        }
      }
      case INTS -> {
        b.setType(AttributeType.INTS);
        for (long i : (long[]) a.value()) {
          b.addInts(i);
        }
      }
      case STRINGS -> {
        b.setType(AttributeType.STRINGS);
        ((List<String>) a.value()).forEach(s -> b.addStrings(utf8(s)));
      }
      case TENSORS -> {
        b.setType(AttributeType.TENSORS);
        ((List<Tensor>) a.value()).forEach(t -> b.addTensors(TensorEncoder.encode(t, null)));
      }
      case GRAPHS -> {
        b.setType(AttributeType.GRAPHS);
        ((List<Graph>) a.value()).forEach(g -> b.addGraphs(graph(g)));
      }
      case SPARSE_TENSOR -> b.setType(AttributeType.SPARSE_TENSOR).setSparseTensor(sparse((Tensor) a.value()));
      case TYPE -> b.setType(AttributeType.TYPE_PROTO).setTp(TypeEncoder.encode((ValueType) a.value()));
      case TYPES -> {
        b.setType(AttributeType.TYPE_PROTOS);
        ((List<ValueType>) a.value()).forEach(t -> b.addTypeProtos(TypeEncoder.encode(t)));
      }
    }
    return b.build();
  }

  /** A dense tensor as COO: its non-zero (non-empty) elements with linear int64 indices. */
  private static SparseTensorProto sparse(Tensor dense) {
    List<Integer> nz = new ArrayList<>();
    Object data = dense.data();
    for (int i = 0; i < dense.size(); i++) {
      Object e = Array.get(data, i);
      boolean zero = e instanceof Number num ? num.doubleValue() == 0 && !(e instanceof Float f && Float.isNaN(f))
          : e instanceof Boolean bool ? !bool : ((String) e).isEmpty();
      if (!zero) {
        nz.add(i);
      }
    }
    Object values = Tensor.newArray(dense.dtype(), nz.size());
    long[] indices = new long[nz.size()];
    for (int k = 0; k < nz.size(); k++) {
      Array.set(values, k, Array.get(data, nz.get(k)));
      indices[k] = nz.get(k);
    }
    SparseTensorProto.Builder b = SparseTensorProto.newBuilder()
        .setValues(TensorEncoder.encode(
            Tensor.wrap(dense.dtype(), dev.vireo.tensor.Shape.of(nz.size()), values), null))
        .setIndices(TensorEncoder.encode(Tensor.of(indices, nz.size()), null));
    for (int d : dense.shape().dims()) {
      b.addDims(d);
    }
    return b.build();
  }

  private static ValueInfoProto info(Value v) {
    ValueInfoProto.Builder b = ValueInfoProto.newBuilder().setName(v.name());
    if (v.type() != null) {
      b.setType(TypeEncoder.encode(v.type()));
    }
    return b.build();
  }

  private static StringStringEntryProto entry(String k, String v) {
    return StringStringEntryProto.newBuilder().setKey(k).setValue(v).build();
  }

  private static ByteString utf8(String s) {
    return ByteString.copyFrom(s, StandardCharsets.UTF_8);
  }
}
