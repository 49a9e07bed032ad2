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

/**
 * Registers the indexing, selection and counting kernels. One registration per range of opsets
 * with one meaning; each kernel reads the node's opset.
 */
public final class IndexKernels {
  private IndexKernels() {}

  public static void register(KernelRegistry r) {
    r.add("GatherElements", 11, GatherElementsKernel::new);
    r.add("GatherND", 11, 11, GatherNdKernel::new);
    // opset 12: batch_dims
    r.add("GatherND", 12, GatherNdKernel::new);
    // ScatterElements under its pre-opset-11 name (deprecated from 11, same meaning)
    r.add("Scatter", 9, ScatterElementsKernel::new);
    r.add("ScatterElements", 11, 15, ScatterElementsKernel::new);
    // opset 16: reduction add/mul
    r.add("ScatterElements", 16, 17, ScatterElementsKernel::new);
    // opset 18: reduction max/min
    r.add("ScatterElements", 18, ScatterElementsKernel::new);
    r.add("ScatterND", 11, 15, ScatterNdKernel::new);
    // opset 16: reduction add/mul
    r.add("ScatterND", 16, 17, ScatterNdKernel::new);
    // opset 18: reduction max/min
    r.add("ScatterND", 18, ScatterNdKernel::new);
    // k as an attribute
    r.add("TopK", 1, 9, TopKKernel::new);
    // opset 10: k became input 1
    r.add("TopK", 10, 10, TopKKernel::new);
    // opset 11: largest, sorted, negative axis
    r.add("TopK", 11, TopKKernel::new);
    r.add("ArgMax", 1, 11, n -> new ArgExtremeKernel(n, true));
    // opset 12: select_last_index
    r.add("ArgMax", 12, n -> new ArgExtremeKernel(n, true));
    r.add("ArgMin", 1, 11, n -> new ArgExtremeKernel(n, false));
    // opset 12: select_last_index
    r.add("ArgMin", 12, n -> new ArgExtremeKernel(n, false));
    r.add("CumSum", 11, 13, CumSumKernel::new, FLOAT, DOUBLE, INT32, INT64, UINT32, UINT64);
    // opset 14: float16 and bfloat16
    r.add("CumSum", 14, CumSumKernel::new, FLOAT, DOUBLE, INT32, INT64, UINT32, UINT64, FLOAT16, BFLOAT16);
    r.add("NonZero", 9, NonZeroKernel::new);
    r.add("OneHot", 9, 10, OneHotKernel::new);
    // opset 11: negative axis and indices
    r.add("OneHot", 11, OneHotKernel::new);
    r.add("Trilu", 14, TriluKernel::new);
    r.add("Size", 1, SizeKernel::new);
    r.add("EyeLike", 9, EyeLikeKernel::new);
    r.add("Compress", 9, 10, CompressKernel::new);
    // opset 11: negative axis
    r.add("Compress", 11, CompressKernel::new);
    r.add("Unique", 11, UniqueKernel::new);
  }
}
