package dev.vireo.kernel.index;

import static dev.vireo.tensor.DType.BFLOAT16;
import static dev.vireo.tensor.DType.DOUBLE;
import static dev.vireo.tensor.DType.FLOAT;
import static dev.vireo.tensor.DType.FLOAT16;
import static dev.vireo.tensor.DType.INT32;
import static dev.vireo.tensor.DType.INT64;
import static dev.vireo.tensor.DType.UINT32;
import static dev.vireo.tensor.DType.UINT64;

import dev.vireo.kernel.KernelRegistry;

/** Registers the indexing, selection and counting kernels. */
public final class IndexKernels {
  private IndexKernels() {}

  public static void register(KernelRegistry r) {
    r.add("GatherElements", 11, GatherElementsKernel::new);
    // opset 12: batch_dims
    r.add("GatherND", 11, GatherNdKernel::new);
    // Scatter is ScatterElements under its pre-opset-11 name
    r.add("Scatter", 9, ScatterElementsKernel::new);
    // opset 16: reduction add/mul; 18: max/min
    r.add("ScatterElements", 11, ScatterElementsKernel::new);
    r.add("ScatterND", 11, ScatterNdKernel::new);
    // opset 10: k became input 1; 11: largest and sorted
    r.add("TopK", 1, TopKKernel::new);
    // opset 12: select_last_index
    r.add("ArgMax", 1, n -> new ArgExtremeKernel(n, true));
    r.add("ArgMin", 1, n -> new ArgExtremeKernel(n, false));
    r.add("CumSum", 11, 13, CumSumKernel::new, FLOAT, DOUBLE, INT32, INT64, UINT32, UINT64);
    // opset 14: float16 and bfloat16
    r.add("CumSum", 14, CumSumKernel::new, FLOAT, DOUBLE, INT32, INT64, UINT32, UINT64, FLOAT16, BFLOAT16);
    r.add("NonZero", 9, NonZeroKernel::new);
    // opset 11: negative axis and indices
    r.add("OneHot", 9, OneHotKernel::new);
    r.add("Trilu", 14, TriluKernel::new);
    r.add("Size", 1, SizeKernel::new);
    r.add("EyeLike", 9, EyeLikeKernel::new);
    // opset 11: negative axis
    r.add("Compress", 9, CompressKernel::new);
    r.add("Unique", 11, UniqueKernel::new);
  }
}
