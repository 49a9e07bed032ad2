package dev.vireo.op.sequence;

import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.OpDef;

/** Base of the sequence and optional op definitions: the ai.onnx domain and a fixed op type. */
abstract class SequenceOpDef implements OpDef {
  private final String opType;

  SequenceOpDef(String opType) {
    this.opType = opType;
  }

  @Override
  public final String domain() {
    return "";
  }

  @Override
  public final String opType() {
    return opType;
  }

  /** The tensor type a sequence type holds, or a fully unknown tensor type. */
  static TensorType element(ValueType seq) {
    return seq instanceof ValueType.SequenceType s && s.elemType() instanceof TensorType t
        ? t : new TensorType(null, null);
  }

  /** What is common to two tensor types: the element type if equal, the dims if equal. */
  static TensorType common(TensorType a, TensorType b) {
    if (a.equals(b)) {
      return a;
    }
    var elem = a.elemType() == b.elemType() ? a.elemType() : null;
    if (a.dims() != null && b.dims() != null && a.dims().size() == b.dims().size()) {
      var dims = new java.util.ArrayList<dev.vireo.ir.Dim>();
      for (int i = 0; i < a.dims().size(); i++) {
        dims.add(a.dims().get(i).equals(b.dims().get(i)) ? a.dims().get(i) : dev.vireo.ir.Dim.unknown());
      }
      return new TensorType(elem, dims);
    }
    return new TensorType(elem, null);
  }
}
