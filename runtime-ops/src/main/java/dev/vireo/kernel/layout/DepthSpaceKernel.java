package dev.vireo.kernel.layout;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Elements;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * DepthToSpace (modes DCR, the default, and CRD from opset 11) and SpaceToDepth on NCHW tensors
 * with {@code blocksize} b. Any element type.
 */
public final class DepthSpaceKernel implements Kernel {
  private final boolean toSpace;
  private final boolean crd;
  private final int b;

  public DepthSpaceKernel(Node n, boolean toSpace) {
    this.toSpace = toSpace;
    long bs = n.attrInt("blocksize", -1);
    if (bs <= 0) {
      throw new IllegalArgumentException(n.opType() + " needs a positive blocksize, got " + bs);
    }
    b = (int) bs;
    String mode = n.attrString("mode", "DCR");
    if (!mode.equals("DCR") && !mode.equals("CRD")) {
      throw new IllegalArgumentException(n.opType() + ": unknown mode '" + mode + "'");
    }
    crd = mode.equals("CRD");
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor x = in[0];
    String op = toSpace ? "DepthToSpace" : "SpaceToDepth";
    if (x.rank() != 4) {
      throw new IllegalArgumentException(op + " needs a 4-D NCHW input, got " + x.describe());
    }
    int n = x.shape().dim(0);
    int c = x.shape().dim(1);
    int h = x.shape().dim(2);
    int w = x.shape().dim(3);
    if (toSpace ? c % (b * b) != 0 : h % b != 0 || w % b != 0) {
      throw new IllegalArgumentException(op + ": " + x.describe() + " does not divide by blocksize " + b);
    }
    // the map is built from the space-side (large H, W) shape
    int sc = toSpace ? c / (b * b) : c;
    int sh = toSpace ? h * b : h;
    int sw = toSpace ? w * b : w;
    int dh = sh / b;
    int dw = sw / b;
    int dc = sc * b * b;
    int[] map = new int[x.size()];
    int j = 0;
    if (toSpace) {
      for (int in_ = 0; in_ < n; in_++) {
        for (int ch = 0; ch < sc; ch++) {
          for (int y = 0; y < sh; y++) {
            for (int xx = 0; xx < sw; xx++) {
              int i = y % b;
              int k = xx % b;
              int depth = crd ? ch * b * b + i * b + k : (i * b + k) * sc + ch;
              map[j++] = ((in_ * dc + depth) * dh + y / b) * dw + xx / b;
            }
          }
        }
      }
      return new Tensor[] {Elements.gathered(ctx, x, Shape.of(n, sc, sh, sw), map)};
    }
    for (int in_ = 0; in_ < n; in_++) {
      for (int depth = 0; depth < dc; depth++) {
        int ch = depth % sc;
        int i = depth / sc / b;
        int k = depth / sc % b;
        for (int y = 0; y < dh; y++) {
          for (int xx = 0; xx < dw; xx++) {
            map[j++] = ((in_ * sc + ch) * sh + y * b + i) * sw + xx * b + k;
          }
        }
      }
    }
    return new Tensor[] {Elements.gathered(ctx, x, Shape.of(n, dc, dh, dw), map)};
  }
}
