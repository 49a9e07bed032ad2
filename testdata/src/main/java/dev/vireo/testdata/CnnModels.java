package dev.vireo.testdata;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.Dim;
import dev.vireo.ir.GraphBuilder;
import dev.vireo.ir.Model;
import dev.vireo.ir.Value;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;

/**
 * ImageNet-style CNNs in the layer structure of torchvision's ResNet-18 and MobileNetV2, with
 * fixed-seed random weights and a width knob, for tests (tiny widths) and benchmarks (full
 * widths). Input x f32[N,3,H,W] (H and W multiples of 32), output logits f32[N,classes].
 */
final class CnnModels {
  private CnnModels() {}

  /**
   * ResNet-18: Conv 7×7/2 + BatchNormalization + Relu, MaxPool 3×3/2, four stages of two basic
   * blocks (Conv 3×3 + BN + Relu, Conv 3×3 + BN, residual Add, Relu; stages 2 to 4 start with
   * stride 2 and a 1×1/2 Conv + BN shortcut) of width, 2·, 4·, 8·width channels,
   * GlobalAveragePool, Flatten, Gemm.
   */
  static Model resnet18(String name, int width, int classes) {
    SplittableRandom rnd = new SplittableRandom(18);
    GraphBuilder b = new GraphBuilder(name, 17);
    Value x = b.input("x", DType.FLOAT, Dim.symbol("N"), Dim.of(3), Dim.symbol("H"), Dim.symbol("W"));
    Value h = convBn(b, rnd, x, "conv1", 3, width, 7, 2, 1);
    h = b.op("Relu", h);
    h = b.op("MaxPool", List.of(Attribute.ints("kernel_shape", 3, 3), Attribute.ints("strides", 2, 2),
        Attribute.ints("pads", 1, 1, 1, 1)), h);
    int cin = width;
    for (int stage = 0; stage < 4; stage++) {
      int cout = width << stage;
      for (int block = 0; block < 2; block++) {
        String p = "layer" + (stage + 1) + "." + block;
        int stride = stage > 0 && block == 0 ? 2 : 1;
        Value shortcut = h;
        if (stride != 1 || cin != cout) {
          shortcut = convBn(b, rnd, h, p + ".downsample", cin, cout, 1, stride, 1);
        }
        Value y = b.op("Relu", convBn(b, rnd, h, p + ".conv1", cin, cout, 3, stride, 1));
        y = convBn(b, rnd, y, p + ".conv2", cout, cout, 3, 1, 1);
        h = b.op("Relu", b.op("Add", y, shortcut));
        cin = cout;
      }
    }
    return head(b, rnd, h, cin, classes, "Vireo ResNet-18-shaped CNN, fixed-seed random weights");
  }

  /**
   * MobileNetV2: Conv 3×3/2 + BN + Relu6, 17 inverted residual blocks (1×1 expand + BN + Relu6
   * unless the expansion is 1, depthwise 3×3 + BN + Relu6, 1×1 project + BN, residual Add when
   * stride 1 and the widths match), 1×1 Conv to {@code last} channels + BN + Relu6,
   * GlobalAveragePool, Flatten, Gemm. Relu6 is Clip(0, 6); channel counts are torchvision's
   * scaled by {@code widthMult} and rounded to multiples of 8.
   */
  static Model mobileNetV2(String name, float widthMult, int last, int classes) {
    SplittableRandom rnd = new SplittableRandom(2);
    GraphBuilder b = new GraphBuilder(name, 17);
    Value x = b.input("x", DType.FLOAT, Dim.symbol("N"), Dim.of(3), Dim.symbol("H"), Dim.symbol("W"));
    Value zero = b.constant("relu6.min", Tensor.wrap(DType.FLOAT, Shape.of(), new float[] {0f}));
    Value six = b.constant("relu6.max", Tensor.wrap(DType.FLOAT, Shape.of(), new float[] {6f}));
    int cin = divisible(32 * widthMult);
    Value h = b.op("Clip", convBn(b, rnd, x, "features.0", 3, cin, 3, 2, 1), zero, six);
    // expansion t, channels c, repeats n, first stride s
    int[][] settings = {
      {1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1}, {6, 160, 3, 2},
      {6, 320, 1, 1}
    };
    int index = 1;
    for (int[] st : settings) {
      int cout = divisible(st[1] * widthMult);
      for (int i = 0; i < st[2]; i++) {
        String p = "features." + index++;
        int stride = i == 0 ? st[3] : 1;
        int hidden = cin * st[0];
        Value y = h;
        if (st[0] != 1) {
          y = b.op("Clip", convBn(b, rnd, y, p + ".expand", cin, hidden, 1, 1, 1), zero, six);
        }
        y = b.op("Clip", convBn(b, rnd, y, p + ".dw", hidden, hidden, 3, stride, hidden), zero, six);
        y = convBn(b, rnd, y, p + ".project", hidden, cout, 1, 1, 1);
        h = stride == 1 && cin == cout ? b.op("Add", h, y) : y;
        cin = cout;
      }
    }
    h = b.op("Clip", convBn(b, rnd, h, "features." + index, cin, last, 1, 1, 1), zero, six);
    return head(b, rnd, h, last, classes, "Vireo MobileNetV2-shaped CNN, fixed-seed random weights");
  }

  /** torchvision's _make_divisible(v, 8). */
  private static int divisible(float v) {
    int r = Math.max(8, (int) (v + 4) / 8 * 8);
    return r < 0.9f * v ? r + 8 : r;
  }

  private static Model head(GraphBuilder b, SplittableRandom rnd, Value h, int channels, int classes,
      String description) {
    h = b.op("GlobalAveragePool", h);
    h = b.op("Flatten", List.of(Attribute.of("axis", 1L)), h);
    b.output(b.named("logits", "Gemm", List.of(Attribute.of("transB", 1L)), h,
        b.constant("fc.weight", TestModels.he(rnd, Shape.of(classes, channels), channels)),
        b.constant("fc.bias", TestModels.uniform(rnd, Shape.of(classes), -0.1f, 0.1f))));
    b.metadata("description", description);
    return b.build();
  }

  /** Conv k×k (pad k/2, no bias) + BatchNormalization. */
  private static Value convBn(GraphBuilder b, SplittableRandom rnd, Value in, String name, int cin,
      int cout, int k, int stride, int group) {
    int fanIn = cin / group * k * k;
    Value w = b.constant(name + ".weight", TestModels.he(rnd, Shape.of(cout, cin / group, k, k), fanIn));
    int p = k / 2;
    Value h = b.op("Conv", List.of(Attribute.ints("kernel_shape", k, k), Attribute.ints("strides", stride, stride),
        Attribute.ints("pads", p, p, p, p), Attribute.of("group", (long) group)), in, w);
    return b.op("BatchNormalization", List.of(Attribute.of("epsilon", 1e-5f)), h,
        b.constant(name + ".bn.scale", TestModels.uniform(rnd, Shape.of(cout), 0.5f, 1.5f)),
        b.constant(name + ".bn.bias", TestModels.uniform(rnd, Shape.of(cout), -0.2f, 0.2f)),
        b.constant(name + ".bn.mean", TestModels.uniform(rnd, Shape.of(cout), -0.1f, 0.1f)),
        b.constant(name + ".bn.var", TestModels.uniform(rnd, Shape.of(cout), 0.5f, 1.5f)));
  }
}
