package dev.vireo.kernel.fused;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.kernel.math.GemmKernel;
import dev.vireo.tensor.Tensor;
import java.util.List;

/**
 * com.microsoft FusedGemm: {@code Y = activation(alpha·A'·B' + beta·C)} with Gemm's inputs and
 * attributes plus {@code activation}, {@code activation_alpha} and {@code activation_beta} (see
 * {@link FusedActivation}). f32 only.
 */
public final class FusedGemmKernel implements Kernel {
  private static final int GRAIN = 1 << 14;

  private final Kernel gemm;
  private final FusedActivation activation;

  public FusedGemmKernel(Node n) {
    // read as a Gemm of opset 13 (C optional); no outputs, so the copy produces no value
    this.gemm = new GemmKernel(new Node(n.name(), "", "Gemm", 13, n.inputs(), List.of(), n.attributes()));
    this.activation = FusedActivation.ofGemm(n);
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor y = gemm.run(inputs, ctx)[0];
    float[] out = y.floats();
    ctx.parallelFor(out.length, GRAIN, (from, to) -> activation.apply(out, from, to));
    return new Tensor[] {y};
  }
}
