package dev.vireo.optimize.fold;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Attribute;
import dev.vireo.ir.Graph;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.ir.ValueType;
import dev.vireo.kernel.Kernel;
import dev.vireo.kernel.KernelRegistry;
import dev.vireo.kernel.ValueKernel;
import dev.vireo.optimize.GraphEditor;
import dev.vireo.optimize.GraphPass;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.optimize.PassContext;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes nodes whose inputs are all constants (initializers that are not graph inputs, or
 * Constant nodes) with Vireo's own kernels, and replaces their outputs by initializers; Constant
 * nodes themselves become initializers. An output that is a graph output keeps its value and is
 * produced by a Constant node instead.
 *
 * <p>Not folded: random ops, quantization ops (QuantizeLinear, DequantizeLinear and their kin
 * stay so that quantized weights stay quantized and QDQ fusions still see them), nodes with
 * subgraphs, nodes without a kernel or whose kernel fails (the error then surfaces at run time, as
 * without optimization), and outputs over {@link #MAX_OUTPUT_ELEMENTS} elements (so that a fold
 * cannot blow up memory, e.g. a ConstantOfShape or an Expand of a scalar).
 */
public final class ConstantFolding implements GraphPass {
  /** Largest output folded, in elements (4 Mi: 16 MiB of float). */
  public static final long MAX_OUTPUT_ELEMENTS = 1L << 22;

  private static final Set<String> NEVER = Set.of(
      "RandomNormal", "RandomNormalLike", "RandomUniform", "RandomUniformLike", "Multinomial",
      "Bernoulli", "Dropout", "QuantizeLinear", "DequantizeLinear", "DynamicQuantizeLinear");

  @Override
  public String name() {
    return "constant-folding";
  }

  @Override
  public OptimizationLevel level() {
    return OptimizationLevel.BASIC;
  }

  @Override
  public int apply(Graph graph, PassContext ctx) {
    GraphEditor ed = new GraphEditor(graph);
    int folded = 0;
    for (Node s : ed.snapshot()) {
      Node n = ed.current(s);
      if (n == null || !foldable(ed, n)) {
        continue;
      }
      Tensor[] values = n.opType().equals("Constant") && n.domain().isEmpty()
          ? new Tensor[] {ed.constant(n.output(0))}
          : compute(ed, n, ctx.kernels());
      if (values == null) {
        continue;
      }
      replaceByConstants(ed, n, values, ctx);
      folded++;
    }
    return folded;
  }

  private static boolean foldable(GraphEditor ed, Node n) {
    if (NEVER.contains(n.opType()) || GraphEditor.hasSubgraphs(n) || n.outputs().isEmpty()) {
      return false;
    }
    if (n.opType().equals("Constant") && n.domain().isEmpty()) {
      // a Constant that is a graph output is already as folded as it gets
      return n.output(0) != null && !ed.isGraphOutput(n.output(0)) && ed.constant(n.output(0)) != null;
    }
    for (Value in : n.inputs()) {
      if (in != null && ed.constant(in) == null) {
        return false;
      }
    }
    boolean used = false;
    for (Value o : n.outputs()) {
      if (o == null) {
        continue;
      }
      used |= !ed.isUnused(o);
      ValueType.TensorType t = o.tensorType();
      if (o.type() != null && t == null) {
        return false; // sequences and optionals stay
      }
      if (t != null && t.isStatic() && t.shape().size() > MAX_OUTPUT_ELEMENTS) {
        return false;
      }
    }
    return used;
  }

  /** Runs the node's kernel on its constant inputs; null when it cannot or the result is too big. */
  private static Tensor[] compute(GraphEditor ed, Node n, KernelRegistry kernels) {
    KernelRegistry.Lookup l = kernels.find(n.domain(), n.opType(), n.opset(), k -> elemType(n, k));
    if (l.registration() == null) {
      return null;
    }
    Tensor[] in = new Tensor[n.inputs().size()];
    for (int i = 0; i < in.length; i++) {
      in[i] = n.input(i) == null ? null : ed.constant(n.input(i));
    }
    Object[] out;
    try {
      Kernel k = l.registration().factory().create(n);
      out = k instanceof ValueKernel vk ? vk.runValues(in, ExecContext.singleThreaded())
          : k.run(in, ExecContext.singleThreaded());
    } catch (RuntimeException | OutOfMemoryError e) {
      return null;
    }
    Tensor[] r = new Tensor[n.outputs().size()];
    for (int i = 0; i < r.length; i++) {
      if (n.output(i) == null) {
        continue;
      }
      if (out == null || i >= out.length || !(out[i] instanceof Tensor t) || t.size() > MAX_OUTPUT_ELEMENTS) {
        return null;
      }
      r[i] = t;
    }
    return r;
  }

  /**
   * Replaces a node's outputs by constants: initializers for internal values, a Constant node for
   * each graph output (whose Value must stay).
   */
  static void replaceByConstants(GraphEditor ed, Node n, Tensor[] values, PassContext ctx) {
    List<Node> constants = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      Value o = n.output(i);
      if (o != null && ed.isGraphOutput(o)) {
        constants.add(new Node(ed.uniqueName(n.name() + "_folded"), "", "Constant", Math.max(1, ctx.opset("")),
            List.of(), List.of(o), Map.of("value", Attribute.of("value", values[i]))));
      }
    }
    if (constants.isEmpty()) {
      ed.remove(n);
    } else {
      ed.replace(List.of(n), constants);
    }
    for (int i = 0; i < values.length; i++) {
      Value o = n.output(i);
      if (o != null && !ed.isGraphOutput(o) && !ed.consumers(o).isEmpty()) {
        Value init = ed.addInitializer(o.name(), values[i]);
        ed.replaceAllUses(o, init);
      }
    }
  }

  private static DType elemType(Node n, int input) {
    Value v = n.input(input);
    return v != null && v.type() instanceof ValueType.TensorType t ? t.elemType() : null;
  }
}
