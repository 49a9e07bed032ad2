package dev.vireo.cli;

import dev.vireo.onnx.proto.GraphProto;
import dev.vireo.onnx.proto.ModelProto;
import dev.vireo.onnx.proto.NodeProto;
import dev.vireo.onnx.proto.OperatorSetIdProto;
import dev.vireo.onnx.proto.TensorShapeProto;
import dev.vireo.onnx.proto.TypeProto;
import dev.vireo.onnx.proto.ValueInfoProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small ONNX models written from raw protos, for tests that must not depend on the writer. */
final class ModelFiles {
  private ModelFiles() {}

  /** A float tensor type; a dim is a number or, when a String, a symbol. */
  static ValueInfoProto floatInput(String name, Object... dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (Object d : dims) {
      TensorShapeProto.Dimension.Builder b = TensorShapeProto.Dimension.newBuilder();
      if (d instanceof String s) {
        b.setDimParam(s);
      } else {
        b.setDimValue(((Number) d).longValue());
      }
      shape.addDim(b);
    }
    return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
        .setTensorType(TypeProto.Tensor.newBuilder().setElemType(1).setShape(shape))).build();
  }

  static ModelProto model(GraphProto.Builder graph) {
    return ModelProto.newBuilder().setIrVersion(8).setProducerName("vireo-test")
        .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(17))
        .setGraph(graph.setName("g")).build();
  }

  /** A model with no nodes whose output is its input. */
  static ModelProto passThrough(ValueInfoProto io) {
    return model(GraphProto.newBuilder().addInput(io).addOutput(io));
  }

  /** One node of an op type no runtime has. */
  static ModelProto unknownOp() {
    return model(GraphProto.newBuilder().addInput(floatInput("x", 2)).addOutput(floatInput("y", 2))
        .addNode(NodeProto.newBuilder().setName("mystery").setOpType("NoSuchOp").addInput("x").addOutput("y")));
  }

  /** MatMul of a [n,k] and a [j,m] input: fails at run time when k != j. */
  static ModelProto matMul() {
    return model(GraphProto.newBuilder()
        .addInput(floatInput("a", "n", "k")).addInput(floatInput("b", "j", "m"))
        .addOutput(ValueInfoProto.newBuilder().setName("c").setType(TypeProto.newBuilder()
            .setTensorType(TypeProto.Tensor.newBuilder().setElemType(1))))
        .addNode(NodeProto.newBuilder().setName("mm").setOpType("MatMul").addInput("a").addInput("b").addOutput("c")));
  }

  static Path write(ModelProto m, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    return Files.write(file, m.toByteArray());
  }
}
