package dev.vireo.kernel.rnn;

import dev.vireo.kernel.KernelRegistry;
import dev.vireo.tensor.DType;

/**
 * Registers RNN, GRU and LSTM.
 *
 * <p>One registration per op covers every opset: opset 7 dropped the output_sequence attribute
 * (Y was always produced when asked for), opset 14 added layout (absent means 0), opset 22 added
 * bfloat16; the kernels read whichever attributes a node has.
 */
public final class RecurrentKernels {
  private static final DType[] TYPES = {DType.FLOAT, DType.DOUBLE, DType.FLOAT16, DType.BFLOAT16};

  private RecurrentKernels() {}

  public static void register(KernelRegistry r) {
    r.add("RNN", 1, RnnKernel::create, TYPES);
    r.add("GRU", 1, GruKernel::create, TYPES);
    r.add("LSTM", 1, LstmKernel::create, TYPES);
  }
}
