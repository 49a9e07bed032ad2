package dev.vireo.kernel.reduce;

import static dev.vireo.tensor.DType.BFLOAT16;
import static dev.vireo.tensor.DType.BOOL;
import static dev.vireo.tensor.DType.DOUBLE;
import static dev.vireo.tensor.DType.FLOAT;
import static dev.vireo.tensor.DType.FLOAT16;
import static dev.vireo.tensor.DType.INT32;
import static dev.vireo.tensor.DType.INT64;
import static dev.vireo.tensor.DType.INT8;
import static dev.vireo.tensor.DType.UINT32;
import static dev.vireo.tensor.DType.UINT64;
import static dev.vireo.tensor.DType.UINT8;

import dev.vireo.kernel.KernelRegistry;
import dev.vireo.tensor.DType;

/** Registers the reductions, LogSoftmax and Hardmax. */
public final class ReduceKernels {
  private static final DType[] NUMERIC = {FLOAT, DOUBLE, FLOAT16, BFLOAT16, INT32, INT64, UINT32, UINT64};
  /** ReduceMax/ReduceMin: i8/u8 from opset 12 and bool from opset 20 (accepted at any opset). */
  private static final DType[] COMPARABLE =
      {FLOAT, DOUBLE, FLOAT16, BFLOAT16, INT32, INT64, UINT32, UINT64, INT8, UINT8, BOOL};
  private static final DType[] FLOATS = {FLOAT, DOUBLE, FLOAT16, BFLOAT16};

  private ReduceKernels() {}

  public static void register(KernelRegistry r) {
    for (ReduceKind k : ReduceKind.values()) {
      DType[] types = k.compares() ? COMPARABLE : NUMERIC;
      int since = k.axesInputSince();
      // opsets 1 to since-1: axes is an attribute (negative axes from opset 11 are accepted throughout)
      r.add(k.opType(), 1, since - 1, n -> new ReduceKernel(n, k, false), types);
      // opset 13 (ReduceSum) or 18 (the others): axes became input 1, with noop_with_empty_axes
      r.add(k.opType(), since, n -> new ReduceKernel(n, k, true), types);
    }
    // opsets 1-12: coerced to 2-D at axis (default 1)
    r.add("LogSoftmax", 1, 12, n -> new LogSoftmaxKernel(n, true), FLOATS);
    // opset 13: along the single axis (default -1)
    r.add("LogSoftmax", 13, n -> new LogSoftmaxKernel(n, false), FLOATS);
    // opsets 1-12: coerced to 2-D at axis (default 1)
    r.add("Hardmax", 1, 12, n -> new HardmaxKernel(n, true), FLOATS);
    // opset 13: along the single axis (default -1)
    r.add("Hardmax", 13, n -> new HardmaxKernel(n, false), FLOATS);
  }
}
