package dev.vireo.onnx.load;

import dev.vireo.onnx.proto.AttributeProto;
import dev.vireo.onnx.proto.GraphProto;
import dev.vireo.onnx.proto.ModelProto;
import dev.vireo.onnx.proto.NodeProto;
import dev.vireo.onnx.proto.OperatorSetIdProto;
import dev.vireo.onnx.proto.TensorShapeProto;
import dev.vireo.onnx.proto.TypeProto;
import dev.vireo.onnx.proto.ValueInfoProto;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Builders for small ONNX protos in tests. */
final class Protos {
  private Protos() {}

  static NodeProto node(String op, List<String> in, List<String> out, AttributeProto... attrs) {
    return NodeProto.newBuilder().setOpType(op).addAllInput(in).addAllOutput(out)
        .addAllAttribute(List.of(attrs)).build();
  }

  static NodeProto node(String name, String op, List<String> in, List<String> out, AttributeProto... attrs) {
    return node(op, in, out, attrs).toBuilder().setName(name).build();
  }

  /** A tensor type; dims are Long (value), String (param) or null (unknown). */
  static TypeProto tensorType(int elemType, Object... dims) {
    TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
    for (Object d : dims) {
      TensorShapeProto.Dimension.Builder b = TensorShapeProto.Dimension.newBuilder();
      if (d instanceof Number n) {
        b.setDimValue(n.longValue());
      } else if (d instanceof String p) {
        b.setDimParam(p);
      }
      s.addDim(b);
    }
    return TypeProto.newBuilder().setTensorType(
        TypeProto.Tensor.newBuilder().setElemType(elemType).setShape(s)).build();
  }

  static ValueInfoProto info(String name, TypeProto type) {
    return ValueInfoProto.newBuilder().setName(name).setType(type).build();
  }

  /** A float tensor value info. */
  static ValueInfoProto f32(String name, Object... dims) {
    return info(name, tensorType(1, dims));
  }

  static OperatorSetIdProto opset(String domain, long version) {
    return OperatorSetIdProto.newBuilder().setDomain(domain).setVersion(version).build();
  }

  static ModelProto model(GraphProto g) {
    return ModelProto.newBuilder().setIrVersion(8).addOpsetImport(opset("", 17)).setGraph(g).build();
  }

  static AttributeProto intAttr(String name, long v) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(v).build();
  }

  static Path write(Path file, ModelProto m) {
    return write(file, m.toByteArray());
  }

  static Path write(Path file, byte[] bytes) {
    try {
      return Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
