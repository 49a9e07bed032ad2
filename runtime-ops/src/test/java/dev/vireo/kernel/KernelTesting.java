package dev.vireo.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Attribute;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;

/** Building single nodes, running their kernels and comparing float results in kernel tests. */
public final class KernelTesting {
  /** Tolerance for float32 results against a double reference: |got - want| <= CLOSE * (1 + |want|). */
  public static final double CLOSE = 1e-5;

  private static final ForkJoinPool POOL = new ForkJoinPool(3);
  /** A context that really splits work, so kernels are tested with concurrent chunks. */
  public static final ExecContext PARALLEL = new ExecContext(3, POOL);

  private KernelTesting() {}

  /** A node with {@code inputs} inputs (null entries stay omitted) and {@code outputs} outputs. */
  public static Node node(String opType, int opset, boolean[] present, int outputs, Attribute... attrs) {
    List<Value> in = new ArrayList<>();
    for (int i = 0; i < present.length; i++) {
      in.add(present[i] ? new Value("in" + i, null) : null);
    }
    List<Value> out = new ArrayList<>();
    for (int i = 0; i < outputs; i++) {
      out.add(new Value("out" + i, null));
    }
    Map<String, Attribute> a = new LinkedHashMap<>();
    for (Attribute at : attrs) {
      a.put(at.name(), at);
    }
    return new Node(opType + "_test", "", opType, opset, in, out, a);
  }

  /** A node whose inputs are all present. */
  public static Node node(String opType, int opset, int inputs, int outputs, Attribute... attrs) {
    boolean[] p = new boolean[inputs];
    java.util.Arrays.fill(p, true);
    return node(opType, opset, p, outputs, attrs);
  }

  /** Seeded uniform values in [-1, 1). */
  public static float[] random(Random r, int n) {
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = r.nextFloat() * 2 - 1;
    }
    return f;
  }

  /** Asserts every element of a float tensor is within {@link #CLOSE} of the reference (infinities exactly). */
  public static void assertClose(Tensor got, double[] want) {
    assertClose(got, want, CLOSE);
  }

  public static void assertClose(Tensor got, double[] want, double tol) {
    assertThat(got.size()).as("element count of %s", got.describe()).isEqualTo(want.length);
    for (int i = 0; i < want.length; i++) {
      double g = got.getDouble(i);
      if (Double.isInfinite(want[i])) {
        assertThat(g).as("element %d of %s", i, got.describe()).isEqualTo(want[i]);
        continue;
      }
      assertThat(Math.abs(g - want[i]))
          .as("element %d of %s: got %s, want %s", i, got.describe(), g, want[i])
          .isLessThanOrEqualTo(tol * (1 + Math.abs(want[i])));
    }
  }
}
