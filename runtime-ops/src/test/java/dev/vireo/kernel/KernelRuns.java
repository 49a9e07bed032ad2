package dev.vireo.kernel;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Attribute;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Static one-call runs of one node through the standard kernel registry, as the executor would call it. */
public final class KernelRuns {
  private KernelRuns() {}

  /** A node with {@code inputs} inputs (null entries are omitted inputs) and {@code outputs} outputs. */
  public static Node node(String op, int opset, Tensor[] inputs, int outputs, Attribute... attrs) {
    List<Value> in = new ArrayList<>();
    for (int i = 0; i < inputs.length; i++) {
      in.add(inputs[i] == null ? null : new Value("in" + i, null));
    }
    List<Value> out = new ArrayList<>();
    for (int i = 0; i < outputs; i++) {
      out.add(new Value("out" + i, null));
    }
    Map<String, Attribute> a = new LinkedHashMap<>();
    for (Attribute at : attrs) {
      a.put(at.name(), at);
    }
    return new Node(op + "_node", "", op, opset, in, out, a);
  }

  /** Creates the registered kernel for the node and runs it once on a single thread. */
  public static Tensor[] run(String op, int opset, int outputs, Attribute[] attrs, Tensor... inputs) {
    Node n = node(op, opset, inputs, outputs, attrs);
    KernelRegistry.Lookup l = StandardKernels.registry().find("", op, opset,
        i -> i < inputs.length && inputs[i] != null ? inputs[i].dtype() : null);
    if (l.registration() == null) {
      throw new IllegalStateException("no kernel for " + op + " opset " + opset + " " + l.missingDetail());
    }
    return l.registration().factory().create(n).run(inputs, ExecContext.singleThreaded());
  }

  /** {@link #run} for a single output. */
  public static Tensor run1(String op, int opset, Attribute[] attrs, Tensor... inputs) {
    return run(op, opset, 1, attrs, inputs)[0];
  }

  /** No attributes. */
  public static Attribute[] none() {
    return new Attribute[0];
  }

  /** Attributes, for readability at call sites. */
  public static Attribute[] attrs(Attribute... a) {
    return a;
  }

  /** Whether a registration exists for op at opset. */
  public static boolean registered(String op, int opset) {
    return StandardKernels.registry().find("", op, opset, i -> null).registration() != null;
  }
}
