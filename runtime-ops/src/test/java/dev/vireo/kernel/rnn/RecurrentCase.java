package dev.vireo.kernel.rnn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Attribute;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.kernel.Kernel;
import dev.vireo.kernel.StandardKernels;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Float16;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/**
 * One randomized recurrent-op case: seeded data, the node's attributes, and both the kernel's
 * result (through the standard registry) and the reference's, compared element by element.
 */
final class RecurrentCase {
  /** Float32 kernel against the double reference: |got - want| ≤ CLOSE·(1 + |want|). */
  static final double CLOSE = 2e-5;
  /** Float16 storage rounds to 11 significant bits. */
  static final double HALF = 4e-3;

  final String op;
  final int gates;
  int seq = 4;
  int batch = 3;
  int input = 5;
  int hidden = 4;
  String direction = "forward";
  long seed = 42;
  int layout;
  boolean bias;
  boolean initialH;
  boolean initialC;
  boolean peepholes;
  int[] lens;
  Float clip;
  boolean linearBeforeReset;
  boolean inputForget;
  boolean omitY;
  boolean hiddenSizeAttr = true;
  /** Whether W and R are initializers of the node's graph (so the kernel caches them). */
  boolean constantWeights;
  DType dtype = DType.FLOAT;
  List<String> activations;
  float[] alphas;
  float[] betas;
  /** The reference functions per direction, set with activations. */
  DoubleUnaryOperator[][] fns;

  private RecurrentCase(String op, int gates) {
    this.op = op;
    this.gates = gates;
  }

  static RecurrentCase rnn() {
    return new RecurrentCase("RNN", 1);
  }

  static RecurrentCase gru() {
    return new RecurrentCase("GRU", 3);
  }

  static RecurrentCase lstm() {
    return new RecurrentCase("LSTM", 4);
  }

  int dirs() {
    return direction.equals("bidirectional") ? 2 : 1;
  }

  /** Everything optional switched on (except what the op lacks). */
  RecurrentCase full() {
    bias = true;
    initialH = true;
    initialC = op.equals("LSTM");
    peepholes = op.equals("LSTM");
    return this;
  }

  /** Sets the activation attribute lists and the functions the reference should use. */
  RecurrentCase activations(List<String> names, float[] alphas, float[] betas,
      DoubleUnaryOperator[]... perDirection) {
    this.activations = names;
    this.alphas = alphas;
    this.betas = betas;
    this.fns = perDirection;
    return this;
  }

  private DoubleUnaryOperator[][] defaultFns() {
    DoubleUnaryOperator sig = RecurrentReference.fn("Sigmoid", 0, 0);
    DoubleUnaryOperator tanh = RecurrentReference.fn("Tanh", 0, 0);
    DoubleUnaryOperator[] one = switch (op) {
      case "RNN" -> new DoubleUnaryOperator[] {tanh};
      case "GRU" -> new DoubleUnaryOperator[] {sig, tanh};
      default -> new DoubleUnaryOperator[] {sig, tanh, tanh};
    };
    return dirs() == 2 ? new DoubleUnaryOperator[][] {one, one} : new DoubleUnaryOperator[][] {one};
  }

  /** Generates the data, runs kernel and reference, and asserts they agree. */
  void check() {
    check(ExecContext.singleThreaded());
  }

  void check(ExecContext ctx) {
    RecurrentReference.Data data = data();
    RecurrentReference.Result want = RecurrentReference.run(data);
    Tensor[] got = runKernel(data, ctx);
    double tol = dtype == DType.FLOAT16 || dtype == DType.BFLOAT16 ? HALF : CLOSE;
    if (omitY) {
      assertThat(got[0]).isNull();
    } else {
      compare("Y", fromLayout1Y(got[0], data), want.y(), tol);
    }
    compare("Y_h", fromLayout1State(got[1], data), want.yh(), tol);
    if (op.equals("LSTM")) {
      compare("Y_c", fromLayout1State(got[2], data), want.yc(), tol);
    }
  }

  RecurrentReference.Data data() {
    Random rnd = new Random(seed);
    int d = dirs();
    int gh = gates * hidden;
    boolean[] reversed = {direction.equals("reverse"), true};
    return new RecurrentReference.Data(op, seq, batch, input, hidden, d, reversed,
        random(rnd, seq * batch * input, 1.0),
        random(rnd, d * gh * input, 0.5),
        random(rnd, d * gh * hidden, 0.5),
        bias ? random(rnd, d * 2 * gh, 0.5) : null,
        lens,
        initialH ? random(rnd, d * batch * hidden, 1.0) : null,
        initialC ? random(rnd, d * batch * hidden, 1.0) : null,
        peepholes ? random(rnd, d * 3 * hidden, 0.5) : null,
        fns != null ? fns : defaultFns(),
        clip == null ? Double.POSITIVE_INFINITY : clip,
        linearBeforeReset,
        inputForget);
  }

  /** Values rounded to the case's element type, so kernel and reference see the same numbers. */
  private double[] random(Random rnd, int n, double scale) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = round((rnd.nextDouble() * 2 - 1) * scale);
    }
    return v;
  }

  private double round(double v) {
    return switch (dtype) {
      case FLOAT -> (float) v;
      case FLOAT16 -> Float16.halfToFloat(Float16.floatToHalf((float) v));
      case BFLOAT16 -> Float16.bfloat16ToFloat(Float16.floatToBfloat16((float) v));
      default -> v;
    };
  }

  private Tensor[] runKernel(RecurrentReference.Data c, ExecContext ctx) {
    int outs = op.equals("LSTM") ? 3 : 2;
    boolean[] omitted = new boolean[outs];
    omitted[0] = omitY;
    return run(op, attributes(), omitted, ctx, constantWeights, inputs(c));
  }

  /**
   * The node's inputs for this data, in the case's layout and element type, without trailing
   * omitted ones.
   */
  Tensor[] inputs(RecurrentReference.Data c) {
    int d = dirs();
    int gh = gates * hidden;
    List<Tensor> in = new ArrayList<>();
    boolean bf = layout == 1;
    in.add(tensor(bf ? swap01(c.x(), seq, batch, input) : c.x(),
        bf ? Shape.of(batch, seq, input) : Shape.of(seq, batch, input)));
    in.add(tensor(c.w(), Shape.of(d, gh, input)));
    in.add(tensor(c.r(), Shape.of(d, gh, hidden)));
    in.add(c.b() == null ? null : tensor(c.b(), Shape.of(d, 2 * gh)));
    in.add(lens == null ? null : Tensor.of(lens, batch));
    in.add(state(c.h0()));
    if (op.equals("LSTM")) {
      in.add(state(c.c0()));
      in.add(c.p() == null ? null : tensor(c.p(), Shape.of(d, 3 * hidden)));
    }
    while (!in.isEmpty() && in.get(in.size() - 1) == null) {
      in.remove(in.size() - 1);
    }
    return in.toArray(Tensor[]::new);
  }

  /** The node's attributes. */
  Map<String, Attribute> attributes() {
    Map<String, Attribute> attrs = new LinkedHashMap<>();
    if (hiddenSizeAttr) {
      attrs.put("hidden_size", Attribute.of("hidden_size", (long) hidden));
    }
    attrs.put("direction", Attribute.of("direction", direction));
    if (layout != 0) {
      attrs.put("layout", Attribute.of("layout", (long) layout));
    }
    if (clip != null) {
      attrs.put("clip", Attribute.of("clip", clip.floatValue()));
    }
    if (linearBeforeReset) {
      attrs.put("linear_before_reset", Attribute.of("linear_before_reset", 1L));
    }
    if (inputForget) {
      attrs.put("input_forget", Attribute.of("input_forget", 1L));
    }
    if (activations != null) {
      attrs.put("activations", Attribute.strings("activations", activations));
    }
    if (alphas != null) {
      attrs.put("activation_alpha", Attribute.floats("activation_alpha", alphas));
    }
    if (betas != null) {
      attrs.put("activation_beta", Attribute.floats("activation_beta", betas));
    }
    return attrs;
  }

  static Tensor[] run(
      String op, Map<String, Attribute> attrs, boolean[] omitted, ExecContext ctx, Tensor... in) {
    return run(op, attrs, omitted, ctx, false, in);
  }

  /**
   * Runs an op's registered kernel on one node.
   *
   * @param omitted per node output, whether the node leaves it out
   * @param constantWeights whether W and R are initializers
   * @param in the inputs, null for an omitted one
   */
  static Tensor[] run(String op, Map<String, Attribute> attrs, boolean[] omitted,
      ExecContext ctx, boolean constantWeights, Tensor... in) {
    List<Value> inValues = new ArrayList<>();
    for (int i = 0; i < in.length; i++) {
      Value v = in[i] == null ? null : new Value("in" + i, null);
      if (constantWeights && (i == 1 || i == 2)) {
        v.setInitializer(in[i]);
      }
      inValues.add(v);
    }
    List<Value> outValues = new ArrayList<>();
    for (int i = 0; i < omitted.length; i++) {
      outValues.add(omitted[i] ? null : new Value("out" + i, null));
    }
    Node node = new Node("n", "", op, 22, inValues, outValues, attrs);
    Kernel k = StandardKernels.registry()
        .find("", op, 22, i -> in[0].dtype()).registration().factory().create(node);
    return k.run(in, ctx);
  }

  /** Attributes from name/value pairs (Long, Float, String or List of String values). */
  static Map<String, Attribute> attrs(Object... pairs) {
    Map<String, Attribute> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      String name = (String) pairs[i];
      Object v = pairs[i + 1];
      Attribute a;
      if (v instanceof Integer n) {
        a = Attribute.of(name, n.longValue());
      } else if (v instanceof Float f) {
        a = Attribute.of(name, f);
      } else if (v instanceof String str) {
        a = Attribute.of(name, str);
      } else if (v instanceof float[] fs) {
        a = Attribute.floats(name, fs);
      } else {
        @SuppressWarnings("unchecked")
        List<String> l = (List<String>) v;
        a = Attribute.strings(name, l);
      }
      m.put(name, a);
    }
    return m;
  }

  private Tensor state(double[] s) {
    if (s == null) {
      return null;
    }
    return layout == 1
        ? tensor(swap01(s, dirs(), batch, hidden), Shape.of(batch, dirs(), hidden))
        : tensor(s, Shape.of(dirs(), batch, hidden));
  }

  private Tensor tensor(double[] v, Shape shape) {
    return switch (dtype) {
      case DOUBLE -> Tensor.wrap(DType.DOUBLE, shape, v.clone());
      case FLOAT -> {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
          f[i] = (float) v[i];
        }
        yield Tensor.wrap(DType.FLOAT, shape, f);
      }
      default -> {
        short[] s = new short[v.length];
        for (int i = 0; i < v.length; i++) {
          s[i] = dtype == DType.FLOAT16
              ? Float16.floatToHalf((float) v[i])
              : Float16.floatToBfloat16((float) v[i]);
        }
        yield Tensor.wrap(dtype, shape, s);
      }
    };
  }

  /** {@code [a, b, rest]} to {@code [b, a, rest]}. */
  static double[] swap01(double[] v, int a, int b, int rest) {
    double[] out = new double[v.length];
    for (int i = 0; i < a; i++) {
      for (int j = 0; j < b; j++) {
        System.arraycopy(v, (i * b + j) * rest, out, (j * a + i) * rest, rest);
      }
    }
    return out;
  }

  private double[] fromLayout1Y(Tensor y, RecurrentReference.Data c) {
    int d = dirs();
    if (layout == 0) {
      assertThat(y.shape()).isEqualTo(Shape.of(seq, d, batch, hidden));
      return values(y);
    }
    assertThat(y.shape()).isEqualTo(Shape.of(batch, seq, d, hidden));
    // [batch, seq·dirs, hidden] → [seq·dirs, batch, hidden]
    return swap01(values(y), batch, seq * d, hidden);
  }

  private double[] fromLayout1State(Tensor s, RecurrentReference.Data c) {
    int d = dirs();
    if (layout == 0) {
      assertThat(s.shape()).isEqualTo(Shape.of(d, batch, hidden));
      return values(s);
    }
    assertThat(s.shape()).isEqualTo(Shape.of(batch, d, hidden));
    return swap01(values(s), batch, d, hidden);
  }

  private double[] values(Tensor t) {
    assertThat(t.dtype()).isEqualTo(dtype);
    double[] v = new double[t.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = t.getDouble(i);
    }
    return v;
  }

  private static void compare(String name, double[] got, double[] want, double tol) {
    assertThat(got).as(name + " length").hasSize(want.length);
    for (int i = 0; i < want.length; i++) {
      double err = Math.abs(got[i] - want[i]);
      if (!(err <= tol * (1 + Math.abs(want[i])))) {
        throw new AssertionError(name + "[" + i + "] is " + got[i] + ", expected " + want[i]
            + " (tolerance " + tol + ")");
      }
    }
  }
}
