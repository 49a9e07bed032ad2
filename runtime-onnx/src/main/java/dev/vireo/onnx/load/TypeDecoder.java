package dev.vireo.onnx.load;

import dev.vireo.error.ModelLoadException;
import dev.vireo.error.Phase;
import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.onnx.proto.TensorShapeProto;
import dev.vireo.onnx.proto.TypeProto;
import dev.vireo.tensor.DType;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes ONNX {@link TypeProto}s into {@link ValueType}s.
 *
 * <p>Tensor dims: {@code dim_value} → a known dim, {@code dim_param} → a symbol, neither → an
 * unknown dim; no {@code shape} field → unknown rank. An element type of 0 (unset) is an unknown
 * element type. Sparse tensor types are treated as (dense) tensor types. Opaque types and types
 * with no value give null (nothing known).
 */
final class TypeDecoder {
  private TypeDecoder() {}

  /**
   * Decodes a type.
   *
   * @param label what the type belongs to, for messages (e.g. {@code input 'x'})
   * @throws ModelLoadException for unknown element types, negative dims or missing nested types
   */
  static ValueType decode(TypeProto t, String label) {
    return switch (t.getValueCase()) {
      case TENSOR_TYPE -> tensor(
          t.getTensorType().getElemType(), t.getTensorType().hasShape(),
          t.getTensorType().getShape(), label);
      case SPARSE_TENSOR_TYPE -> tensor(
          t.getSparseTensorType().getElemType(), t.getSparseTensorType().hasShape(),
          t.getSparseTensorType().getShape(), label);
      case SEQUENCE_TYPE -> new ValueType.SequenceType(
          nested(t.getSequenceType().hasElemType(), t.getSequenceType().getElemType(), "sequence", label));
      case OPTIONAL_TYPE -> new ValueType.OptionalType(
          nested(t.getOptionalType().hasElemType(), t.getOptionalType().getElemType(), "optional", label));
      case MAP_TYPE -> new ValueType.MapType(
          elemType(t.getMapType().getKeyType(), label),
          nested(t.getMapType().hasValueType(), t.getMapType().getValueType(), "map", label));
      case OPAQUE_TYPE, VALUE_NOT_SET -> null;
    };
  }

  private static ValueType nested(boolean present, TypeProto t, String what, String label) {
    if (!present) {
      throw new ModelLoadException(Phase.LOAD, label + ": " + what + " type has no element type");
    }
    return decode(t, label);
  }

  private static ValueType.TensorType tensor(
      int elemType, boolean hasShape, TensorShapeProto shape, String label) {
    DType t = elemType == 0 ? null : elemType(elemType, label);
    if (!hasShape) {
      return ValueType.TensorType.unknownShape(t);
    }
    List<Dim> dims = new ArrayList<>(shape.getDimCount());
    for (TensorShapeProto.Dimension d : shape.getDimList()) {
      dims.add(switch (d.getValueCase()) {
        case DIM_VALUE -> {
          if (d.getDimValue() < 0) {
            throw new ModelLoadException(
                Phase.LOAD, label + ": dim " + dims.size() + " is negative (" + d.getDimValue() + ")");
          }
          yield Dim.of(d.getDimValue());
        }
        case DIM_PARAM -> Dim.symbol(d.getDimParam());
        case VALUE_NOT_SET -> Dim.unknown();
      });
    }
    return new ValueType.TensorType(t, dims);
  }

  /** An element type code; unlike tensor data, types without storage (complex) are allowed here. */
  static DType elemType(int code, String label) {
    try {
      return DType.fromOnnx(code);
    } catch (IllegalArgumentException e) {
      throw new ModelLoadException(Phase.LOAD, label + ": unknown element type " + code);
    }
  }
}
