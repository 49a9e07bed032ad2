package dev.vireo.kernel;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Attribute;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.ir.ValueType;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one kernel of the standard registry on tensors, for tests: builds the node (input types
 * from the given tensors), finds and creates its kernel, and runs it single-threaded.
 *
 * <pre>{@code
 * Tensor y = KernelHarness.op("Softmax", 13).attr(Attribute.of("axis", 0L)).run1(x);
 * }</pre>
 */
public final class KernelHarness {
  private final String opType;
  private final int opset;
  private final Map<String, Attribute> attrs = new LinkedHashMap<>();
  private int outputs = 1;
  private String domain = "";

  private KernelHarness(String opType, int opset) {
    this.opType = opType;
    this.opset = opset;
  }

  public static KernelHarness op(String opType, int opset) {
    return new KernelHarness(opType, opset);
  }

  public KernelHarness attr(Attribute a) {
    attrs.put(a.name(), a);
    return this;
  }

  public KernelHarness attr(String name, long v) {
    return attr(Attribute.of(name, v));
  }

  public KernelHarness attr(String name, float v) {
    return attr(Attribute.of(name, v));
  }

  public KernelHarness attr(String name, String v) {
    return attr(Attribute.of(name, v));
  }

  public KernelHarness ints(String name, long... v) {
    return attr(Attribute.ints(name, v));
  }

  /** The node's domain (default "", ai.onnx). */
  public KernelHarness domain(String d) {
    domain = d;
    return this;
  }

  /** How many outputs the node declares (default 1). */
  public KernelHarness outputs(int n) {
    outputs = n;
    return this;
  }

  /** The node these settings describe, with inputs typed after the given tensors (null = omitted). */
  public Node node(Tensor... inputs) {
    List<Value> in = new ArrayList<>();
    for (int i = 0; i < inputs.length; i++) {
      Tensor t = inputs[i];
      in.add(t == null ? null : new Value("in" + i, ValueType.TensorType.of(t.dtype(), t.shape())));
    }
    List<Value> out = new ArrayList<>();
    for (int i = 0; i < outputs; i++) {
      out.add(new Value("out" + i, null));
    }
    return new Node(opType + "_test", domain, opType, opset, in, out, attrs);
  }

  /** Creates the kernel for the node (attributes validated here). */
  public Kernel kernel(Tensor... inputs) {
    Node n = node(inputs);
    KernelRegistry.Lookup l = StandardKernels.registry().find(domain, opType, opset, k -> {
      Value v = n.input(k);
      return v == null ? null : v.tensorType().elemType();
    });
    if (l.registration() == null) {
      throw new AssertionError("no kernel for " + opType + " opset " + opset + " "
          + (l.missingDetail() == null ? "" : l.missingDetail()));
    }
    return l.registration().factory().create(n);
  }

  /** Runs the kernel and returns all outputs. */
  public Tensor[] run(Tensor... inputs) {
    return kernel(inputs).run(inputs, ExecContext.singleThreaded());
  }

  /** Runs the kernel and returns output 0. */
  public Tensor run1(Tensor... inputs) {
    return run(inputs)[0];
  }
}
