package dev.vireo.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.Session;
import dev.vireo.SessionOptions;
import dev.vireo.Vireo;
import dev.vireo.ir.Model;
import dev.vireo.onnx.load.OnnxLoader;
import dev.vireo.onnx.write.OnnxWriter;
import dev.vireo.quantize.ModelCopy;
import dev.vireo.quantize.QuantizeOptions;
import dev.vireo.quantize.Quantizer;
import dev.vireo.quantize.calibrate.CalibrationMethod;
import dev.vireo.quantize.calibrate.CalibrationSet;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The quantizer on real and test models: dynamic all-MiniLM-L6-v2 keeps its pooled embeddings
 * (see the test for the cosines), static cnn-small keeps its top-1 class on ≥ 98% of
 * 256 seeded inputs, and both quantized models run in onnxruntime with Vireo's answers.
 */
class QuantizeAcceptanceTest {
  private static final SessionOptions TWO_THREADS = SessionOptions.defaults().withThreads(2);

  private static Path write(Model m, String name) throws Exception {
    Path p = Path.of("target", "models", name).toAbsolutePath();
    Files.createDirectories(p.getParent());
    OnnxWriter.write(m, p);
    return p;
  }

  /**
   * Eight English sentences as all-MiniLM-L6-v2's WordPiece tokenizer (lower case, BERT
   * pre-tokenizer, its 30522-entry vocabulary) encodes them, with [CLS] = 101 and [SEP] = 102:
   * "The quick brown fox jumps over the lazy dog near the riverbank." / "Quantization reduces the
   * memory footprint of neural networks by storing weights as eight-bit integers." / "How do I
   * reset my password if I no longer have access to my email account?" / "The central bank raised
   * interest rates by a quarter of a percentage point on Wednesday." / "She played the violin
   * beautifully at the concert last night, and the audience gave her a standing ovation." /
   * "Photosynthesis converts light energy into chemical energy stored in glucose." / "Can you
   * recommend a good Italian restaurant downtown that is open late on Sundays?" / "The committee
   * postponed its decision until more evidence about the bridge's safety becomes available."
   */
  private static final long[][] SENTENCES = {
    {101, 1996, 4248, 2829, 4419, 14523, 2058, 1996, 13971, 3899, 2379, 1996, 2314, 9299, 1012, 102},
    {101, 24110, 3775, 9276, 13416, 1996, 3638, 24319, 1997, 15756, 6125, 2011, 23977, 15871, 2004, 2809, 1011,
      2978, 24028, 1012, 102},
    {101, 2129, 2079, 1045, 25141, 2026, 20786, 2065, 1045, 2053, 2936, 2031, 3229, 2000, 2026, 10373, 4070, 1029,
      102},
    {101, 1996, 2430, 2924, 2992, 3037, 6165, 2011, 1037, 4284, 1997, 1037, 7017, 2391, 2006, 9317, 1012, 102},
    {101, 2016, 2209, 1996, 6710, 17950, 2012, 1996, 4164, 2197, 2305, 1010, 1998, 1996, 4378, 2435, 2014, 1037,
      3061, 1051, 21596, 1012, 102},
    {101, 7760, 6038, 25078, 19884, 2422, 2943, 2046, 5072, 2943, 8250, 1999, 18423, 1012, 102},
    {101, 2064, 2017, 16755, 1037, 2204, 3059, 4825, 5116, 2008, 2003, 2330, 2397, 2006, 14803, 1029, 102},
    {101, 1996, 2837, 14475, 2049, 3247, 2127, 2062, 3350, 2055, 1996, 2958, 1005, 1055, 3808, 4150, 2800, 1012,
      102},
  };

  /** The eight sentences, each unpadded, then three padded rows of random vocabulary ids. */
  private static List<Map<String, Tensor>> miniLmInputs() {
    List<Map<String, Tensor>> r = new ArrayList<>();
    for (long[] ids : SENTENCES) {
      long[] ones = new long[ids.length];
      java.util.Arrays.fill(ones, 1);
      r.add(Map.of("input_ids", Tensor.of(ids, 1, ids.length), "attention_mask", Tensor.of(ones, 1, ids.length),
          "token_type_ids", Tensor.of(new long[ids.length], 1, ids.length)));
    }
    for (long seed = 1; seed <= 3; seed++) {
      r.add(randomTokens(seed, 32));
    }
    return r;
  }

  private static Map<String, Tensor> randomTokens(long seed, int seq) {
    SplittableRandom rnd = new SplittableRandom(seed);
    long[] ids = new long[seq];
    long[] mask = new long[seq];
    int real = seq - 3 - rnd.nextInt(8);
    for (int i = 0; i < seq; i++) {
      ids[i] = i == 0 ? 101 : i == real - 1 ? 102 : i < real ? 1000 + rnd.nextInt(28000) : 0;
      mask[i] = i < real ? 1 : 0;
    }
    return Map.of("input_ids", Tensor.of(ids, 1, seq), "attention_mask", Tensor.of(mask, 1, seq),
        "token_type_ids", Tensor.of(new long[seq], 1, seq));
  }

  private static float[] meanPool(Tensor hidden, Tensor mask) {
    int seq = hidden.shape().dim(1);
    int dim = hidden.shape().dim(2);
    float[] h = hidden.floats();
    float[] pooled = new float[dim];
    int n = 0;
    for (int t = 0; t < seq; t++) {
      if (mask.longs()[t] != 0) {
        n++;
        for (int d = 0; d < dim; d++) {
          pooled[d] += h[t * dim + d];
        }
      }
    }
    for (int d = 0; d < dim; d++) {
      pooled[d] /= n;
    }
    return pooled;
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }

  /** Pooled-embedding cosines of a quantized MiniLM: against the float model, and Vireo against onnxruntime. */
  private record MiniLmResult(double vsFloat, double vsOrt, long bytes) {}

  private static MiniLmResult miniLm(QuantizeOptions o, String file) throws Exception {
    Model fp32 = OnnxLoader.load(RealModels.miniLm());
    Quantizer.Result r = new Quantizer(o, null).quantize(fp32, null);
    Path q = write(r.model(), file);
    double worst = 1;
    double worstOrt = 1;
    try (Session f = Vireo.create(fp32, TWO_THREADS);
        Session s = Vireo.create(OnnxLoader.load(q), TWO_THREADS);
        OrtReference ort = new OrtReference(q)) {
      for (Map<String, Tensor> feeds : miniLmInputs()) {
        Tensor mask = feeds.get("attention_mask");
        float[] want = meanPool(f.run(feeds).get("last_hidden_state"), mask);
        float[] got = meanPool(s.run(feeds).get("last_hidden_state"), mask);
        float[] ortGot = meanPool(ort.run(feeds).get("last_hidden_state"), mask);
        worst = Math.min(worst, cosine(want, got));
        worstOrt = Math.min(worstOrt, cosine(ortGot, got));
      }
    }
    long before = Files.size(RealModels.miniLm());
    long after = Files.size(q);
    System.out.printf(Locale.ROOT, "MiniLM %s: %d nodes quantized, %,d -> %,d bytes (%.1f%%), pooled cosine "
        + "vs float %.5f, Vireo vs onnxruntime %.5f%n", file, r.quantizedNodes(), before, after,
        100.0 * after / before, worst, worstOrt);
    return new MiniLmResult(worst, worstOrt, after);
  }

  /**
   * The default dynamic quantization (every MatMul and embedding Gather in int8, weights per
   * output channel, activations per row) keeps the pooled embedding of real sentences and of
   * random token rows at cosine ≥ 0.99 from the float model (measured: 0.9948 worst, 0.9968 mean)
   * at under 30% of the size. With one activation range per tensor (DynamicQuantizeLinear, as
   * onnxruntime's quantize_dynamic does) the worst is 0.9878, and onnxruntime's own int8 model
   * all-minilm-l6-v2-q scores 0.9852 on the same inputs: the large activations of a few tokens
   * after LayerNorm and GELU squeeze everyone else's range.
   */
  @Test
  void miniLmDynamicKeepsPooledEmbeddings() throws Exception {
    MiniLmResult r = miniLm(QuantizeOptions.dynamic().withThreads(2), "all-minilm-l6-v2-dynamic.onnx");
    assertThat(r.bytes()).isLessThan(Files.size(RealModels.miniLm()) * 30 / 100);
    assertThat(r.vsFloat()).isGreaterThanOrEqualTo(0.99);
    // onnxruntime runs the same standard operators; only float rounding of the scales differs
    assertThat(r.vsOrt()).isGreaterThanOrEqualTo(0.995);
  }

  private static List<Map<String, Tensor>> images(long seed, int count, int batch) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Map<String, Tensor>> r = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      float[] d = new float[batch * 3 * 32 * 32];
      for (int j = 0; j < d.length; j++) {
        d[j] = (float) rnd.nextDouble();
      }
      r.add(Map.of("x", Tensor.wrap(DType.FLOAT, Shape.of(batch, 3, 32, 32), d)));
    }
    return r;
  }

  private static int argmax(float[] p, int row, int n) {
    int best = 0;
    for (int j = 1; j < n; j++) {
      if (p[row * n + j] > p[row * n + best]) {
        best = j;
      }
    }
    return best;
  }

  /**
   * cnn-small (three Conv → BatchNormalization → Relu blocks) quantized statically with 32
   * calibration images keeps its top-1 class on ≥ 98% of 256 seeded images, in QDQ and QOperator
   * form, and onnxruntime agrees with Vireo on the quantized model.
   */
  @Test
  void cnnSmallStaticKeepsTopOneAndRunsInOnnxruntime() throws Exception {
    for (QuantizeOptions.Format format : QuantizeOptions.Format.values()) {
      QuantizeOptions o = QuantizeOptions.staticWith(CalibrationMethod.MINMAX).withPerChannel(true)
          .withFormat(format).withThreads(2);
      Model fp32 = TestModels.cnnSmall();
      Quantizer.Result r = new Quantizer(o, null)
          .quantizeAndReport(fp32, CalibrationSet.of(images(100, 32, 1)));
      Path q = write(r.model(), "cnn-small-static-" + format + ".onnx");
      // the three Conv → BatchNormalization → Relu blocks: BatchNormalization folded into the
      // Conv before quantization, the Relu absorbed by the quantization of its output
      List<String> ops = OnnxLoader.load(q).graph().nodes().stream().map(n -> n.opType()).toList();
      assertThat(ops).as(format.toString()).doesNotContain("BatchNormalization");
      if (format == QuantizeOptions.Format.QOPERATOR) {
        assertThat(ops.stream().filter("QLinearConv"::equals).count()).isEqualTo(3);
        assertThat(ops).doesNotContain("Conv", "Relu");
      } else {
        assertThat(ops.stream().filter("Conv"::equals).count()).isEqualTo(3);
      }
      System.out.printf(Locale.ROOT, "cnn-small static %s: %d nodes quantized%n%s", format, r.quantizedNodes(),
          r.report().format());
      int agree = 0;
      int agreeOrt = 0;
      int total = 0;
      double maxOrtDiff = 0;
      try (Session f = Vireo.create(ModelCopy.of(fp32), TWO_THREADS);
          Session s = Vireo.create(OnnxLoader.load(q), TWO_THREADS);
          OrtReference ort = new OrtReference(q)) {
        for (Map<String, Tensor> feeds : images(200, 8, 32)) {
          float[] want = f.run(feeds).get("probs").floats();
          float[] got = s.run(feeds).get("probs").floats();
          float[] ortGot = ort.run(feeds).get("probs").floats();
          for (int row = 0; row < 32; row++) {
            total++;
            agree += argmax(want, row, 10) == argmax(got, row, 10) ? 1 : 0;
            agreeOrt += argmax(ortGot, row, 10) == argmax(got, row, 10) ? 1 : 0;
          }
          for (int i = 0; i < got.length; i++) {
            maxOrtDiff = Math.max(maxOrtDiff, Math.abs(got[i] - ortGot[i]));
          }
        }
      }
      System.out.printf(Locale.ROOT, "cnn-small static %s: top-1 agreement %d/%d vs float, %d/%d vs onnxruntime, "
          + "max |p - p_ort| %.4g%n", format, agree, total, agreeOrt, total, maxOrtDiff);
      assertThat(total).isEqualTo(256);
      assertThat(agree).as(format.toString()).isGreaterThanOrEqualTo(251); // 98% of 256
      assertThat(agreeOrt).as(format.toString()).isGreaterThanOrEqualTo(251);
      assertThat(maxOrtDiff).as(format.toString()).isLessThan(0.05);
    }
  }
}
