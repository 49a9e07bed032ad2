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

/** Builds one node and runs it through the kernel the standard registry picks for it. */
public final class NodeRunner {
  private NodeRunner() {}

  /** A node of the default domain at an opset with untyped inputs and outputs. */
  public static Node node(String op, int opset, int inputs, int outputs, Attribute... attrs) {
    List<Value> in = new ArrayList<>();
    for (int i = 0; i < inputs; i++) {
      in.add(new Value("in" + i, null));
    }
    List<Value> out = new ArrayList<>();
    for (int i = 0; i < outputs; i++) {
      out.add(new Value("out" + i, null));
    }
    Map<String, Attribute> a = new LinkedHashMap<>();
    for (Attribute at : attrs) {
      a.put(at.name(), at);
    }
    return new Node(op, "", op, opset, in, out, a);
  }

  /** Runs the node on the given inputs (null for omitted ones), single-threaded. */
  public static Tensor[] run(Node n, Tensor... inputs) {
    var found = StandardKernels.registry().find("", n.opType(), n.opset(),
        i -> i < inputs.length && inputs[i] != null ? inputs[i].dtype() : null);
    if (found.registration() == null) {
      throw new IllegalStateException("no kernel for " + n + " " + found.missingDetail());
    }
    return found.registration().factory().create(n).run(inputs, ExecContext.singleThreaded());
  }

  /** Runs an op with output count 1 and returns that output. */
  public static Tensor run1(String op, int opset, List<Attribute> attrs, Tensor... inputs) {
    Node n = node(op, opset, inputs.length, 1, attrs.toArray(new Attribute[0]));
    return run(n, inputs)[0];
  }
}
