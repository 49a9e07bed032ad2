package dev.vireo.onnx.write;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.onnx.proto.TensorShapeProto;
import dev.vireo.onnx.proto.TypeProto;

/** Encodes {@link ValueType}s as ONNX {@link TypeProto}s (the inverse of the loader's decoding). */
final class TypeEncoder {
  private TypeEncoder() {}

  /**
   * The TypeProto for a type; an unknown element type is written as 0 (undefined), an unknown
   * type (null) as an empty TypeProto.
   */
  static TypeProto encode(ValueType type) {
    TypeProto.Builder b = TypeProto.newBuilder();
    if (type == null) {
      return b.build();
    }
    switch (type) {
      case ValueType.TensorType t -> {
        TypeProto.Tensor.Builder tb = TypeProto.Tensor.newBuilder()
            .setElemType(t.elemType() == null ? 0 : t.elemType().onnxCode());
        if (t.hasRank()) {
          TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
          for (Dim d : t.dims()) {
            TensorShapeProto.Dimension.Builder db = TensorShapeProto.Dimension.newBuilder();
            if (d.isKnown()) {
              db.setDimValue(d.value());
            } else if (d.isSymbolic()) {
              db.setDimParam(d.symbol());
            }
            s.addDim(db);
          }
          tb.setShape(s);
        }
        b.setTensorType(tb);
      }
      case ValueType.SequenceType s -> b.setSequenceType(
          TypeProto.Sequence.newBuilder().setElemType(encode(s.elemType())));
      case ValueType.OptionalType o -> b.setOptionalType(
          TypeProto.Optional.newBuilder().setElemType(encode(o.elemType())));
      case ValueType.MapType m -> b.setMapType(TypeProto.Map.newBuilder()
          .setKeyType(m.keyType().onnxCode()).setValueType(encode(m.valueType())));
    }
    return b.build();
  }
}
