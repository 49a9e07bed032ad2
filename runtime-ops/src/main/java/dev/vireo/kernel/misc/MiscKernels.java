package dev.vireo.kernel.misc;

import static dev.vireo.tensor.DType.BFLOAT16;
import static dev.vireo.tensor.DType.DOUBLE;
import static dev.vireo.tensor.DType.FLOAT;
import static dev.vireo.tensor.DType.FLOAT16;
import static dev.vireo.tensor.DType.INT16;
import static dev.vireo.tensor.DType.INT32;
import static dev.vireo.tensor.DType.INT64;
import static dev.vireo.tensor.DType.INT8;
import static dev.vireo.tensor.DType.UINT16;
import static dev.vireo.tensor.DType.UINT32;
import static dev.vireo.tensor.DType.UINT64;
import static dev.vireo.tensor.DType.UINT8;

import dev.vireo.kernel.KernelRegistry;

/** Registers the remaining ai.onnx kernels that belong to no larger family. */
public final class MiscKernels {
  private MiscKernels() {}

  public static void register(KernelRegistry r) {
    r.add("CumProd", 26, CumProdKernel::new, FLOAT, DOUBLE, INT32, INT64, UINT32, UINT64, FLOAT16, BFLOAT16);
    r.add("BitCast", 26, BitCastKernel::new);
    // opset 22 only adds bf16
    r.add("Det", 11, 21, DetKernel::new, FLOAT, DOUBLE, FLOAT16);
    r.add("Det", 22, DetKernel::new, FLOAT, DOUBLE, FLOAT16, BFLOAT16);
    r.add("ReverseSequence", 10, ReverseSequenceKernel::new);
    r.add("TensorScatter", 24, TensorScatterKernel::new);
    r.add("CenterCropPad", 18, CenterCropPadKernel::new);
    r.add("Col2Im", 18, Col2ImKernel::new, FLOAT, DOUBLE, FLOAT16, BFLOAT16, INT8, UINT8, INT16, UINT16,
        INT32, UINT32, INT64, UINT64);
    r.add("AffineGrid", 20, AffineGridKernel::new, FLOAT, DOUBLE, FLOAT16, BFLOAT16);
    // opset 22 only adds bf16
    r.add("DeformConv", 19, 21, DeformConvKernel::new, FLOAT, DOUBLE, FLOAT16);
    r.add("DeformConv", 22, DeformConvKernel::new, FLOAT, DOUBLE, FLOAT16, BFLOAT16);
  }
}
