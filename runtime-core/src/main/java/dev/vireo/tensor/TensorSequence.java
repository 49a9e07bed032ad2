package dev.vireo.tensor;

import java.util.List;

/**
 * An ONNX sequence value: an ordered, immutable list of tensors of one element type (shapes may
 * differ).
 *
 * @param elemType the tensors' element type (known even when the sequence is empty)
 */
public record TensorSequence(DType elemType, List<Tensor> tensors) {
  public TensorSequence {
    tensors = List.copyOf(tensors);
    for (Tensor t : tensors) {
      if (t.dtype() != elemType) {
        throw new IllegalArgumentException(
            "sequence of " + elemType + " cannot hold a " + t.describe() + " tensor");
      }
    }
  }

  public int size() {
    return tensors.size();
  }

  public Tensor get(int i) {
    return tensors.get(i);
  }

  @Override
  public String toString() {
    return "seq(" + elemType + ")[" + tensors.size() + "]";
  }
}
