package dev.vireo.onnx.load;

import dev.vireo.error.ModelLoadException;
import dev.vireo.onnx.proto.SparseTensorProto;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.lang.reflect.Array;

/**
 * Densifies ONNX sparse tensors (COO format): {@code values} holds the NNZ non-default
 * elements, {@code indices} their positions as int64, either [NNZ] linear indices or [NNZ,
 * rank] coordinates; every other element is zero (the empty string for strings).
 */
final class SparseTensors {
  private SparseTensors() {}

  /**
   * The dense tensor, named after {@code values}.
   *
   * @throws ModelLoadException when the parts disagree or an index is out of range
   */
  static Tensor densify(SparseTensorProto sp, TensorSource source) {
    String label = sp.getValues().getName().isEmpty()
        ? "sparse tensor" : "sparse tensor '" + sp.getValues().getName() + "'";
    if (!sp.hasValues()) {
      throw TensorDecoder.error(label, "has no values");
    }
    Tensor values = TensorDecoder.decodeFrom(sp.getValues(), source);
    Shape shape = TensorDecoder.shape(sp.getDimsList(), label);
    int nnz = values.size();
    if (values.rank() != 1) {
      throw TensorDecoder.error(label, "values must be 1-D, got " + values.describe());
    }
    Tensor dense = Tensor.wrap(values.dtype(), shape, TensorDecoder.allocate(values.dtype(), shape.size(), label));
    if (nnz == 0) {
      return dense;
    }
    if (!sp.hasIndices()) {
      throw TensorDecoder.error(label, "has " + nnz + " values but no indices");
    }
    Tensor indices = TensorDecoder.decodeFrom(sp.getIndices(), source);
    if (indices.dtype() != DType.INT64) {
      throw TensorDecoder.error(label, "indices must be i64, got " + indices.describe());
    }
    long[] idx = indices.longs();
    int rank = shape.rank();
    boolean linear = indices.rank() == 1 && indices.shape().dim(0) == nnz;
    boolean coords = indices.rank() == 2 && indices.shape().dim(0) == nnz && indices.shape().dim(1) == rank;
    if (!linear && !coords) {
      throw TensorDecoder.error(
          label, "indices " + indices.describe() + " do not fit " + nnz + " values of rank " + rank);
    }
    int[] strides = shape.strides();
    for (int i = 0; i < nnz; i++) {
      long pos;
      if (linear) {
        pos = idx[i];
      } else {
        pos = 0;
        for (int a = 0; a < rank; a++) {
          long c = idx[i * rank + a];
          if (c < 0 || c >= shape.dim(a)) {
            throw TensorDecoder.error(label, "index " + c + " is out of range for dim " + a + " of " + shape);
          }
          pos += c * strides[a];
        }
      }
      if (pos < 0 || pos >= shape.size()) {
        throw TensorDecoder.error(label, "index " + pos + " is out of range for " + shape);
      }
      Array.set(dense.data(), (int) pos, Array.get(values.data(), i));
    }
    return dense;
  }
}
