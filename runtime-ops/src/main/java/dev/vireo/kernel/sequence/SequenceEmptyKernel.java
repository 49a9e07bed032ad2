package dev.vireo.kernel.sequence;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.ValueKernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.TensorSequence;
import java.util.List;

/** ONNX SequenceEmpty (opset 11+): an empty sequence of element type {@code dtype} (default float). */
public final class SequenceEmptyKernel implements ValueKernel {
  private final TensorSequence empty;

  /**
   * @throws IllegalArgumentException when {@code dtype} is not an ONNX element type
   */
  public SequenceEmptyKernel(Node node) {
    int code = (int) node.attrInt("dtype", DType.FLOAT.onnxCode());
    empty = new TensorSequence(DType.fromOnnx(code), List.of());
  }

  @Override
  public Object[] runValues(Object[] inputs, ExecContext ctx) {
    return new Object[] {empty};
  }
}
