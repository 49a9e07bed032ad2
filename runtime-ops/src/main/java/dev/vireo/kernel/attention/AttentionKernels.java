package dev.vireo.kernel.attention;

import static dev.vireo.tensor.DType.BFLOAT16;
import static dev.vireo.tensor.DType.DOUBLE;
import static dev.vireo.tensor.DType.FLOAT;
import static dev.vireo.tensor.DType.FLOAT16;

import dev.vireo.kernel.KernelRegistry;

/** Registers the attention kernels: Attention and RotaryEmbedding. */
public final class AttentionKernels {
  private AttentionKernels() {}

  public static void register(KernelRegistry r) {
    // opset 23: Q/K/V, attn_mask, past key/value, softcap, qk_matmul_output
    r.add("Attention", 23, 23, AttentionKernel::new, FLOAT, FLOAT16, BFLOAT16, DOUBLE);
    // opset 24: nonpad_kv_seqlen input (external cache)
    r.add("Attention", 24, 24, AttentionKernel::new, FLOAT, FLOAT16, BFLOAT16, DOUBLE);
    // opset 25: left_window_size and right_window_size attributes
    r.add("Attention", 25, AttentionKernel::new, FLOAT, FLOAT16, BFLOAT16, DOUBLE);
    r.add("RotaryEmbedding", 23, RotaryEmbeddingKernel::new, FLOAT, FLOAT16, BFLOAT16);
  }
}
