package dev.vireo.op;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.Dim;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one op definition's shape inference in tests. Inputs are written as types ({@code
 * "f32[N,3,?]"}, {@code "f32[*]"} for unknown rank, null for omitted) or as constant tensors.
 *
 * <pre>{@code
 * String y = OpDefHarness.op("MatMul", 13).in("f32[B,4,8]").in("f32[8,2]").inferOne();
 * }</pre>
 */
public final class OpDefHarness {
  private final String opType;
  private final int opset;
  private final List<Value> inputs = new ArrayList<>();
  private final Map<String, Attribute> attrs = new LinkedHashMap<>();
  private int outputs = 1;
  private String domain = "";

  private OpDefHarness(String opType, int opset) {
    this.opType = opType;
    this.opset = opset;
  }

  public static OpDefHarness op(String opType, int opset) {
    return new OpDefHarness(opType, opset);
  }

  /** An input of this type, or an omitted input for null. */
  public OpDefHarness in(String type) {
    inputs.add(type == null ? null : new Value("in" + inputs.size(), parse(type)));
    return this;
  }

  /** A constant input (an initializer). */
  public OpDefHarness in(Tensor constant) {
    Value v = new Value("in" + inputs.size(), null);
    v.setInitializer(constant);
    inputs.add(v);
    return this;
  }

  public OpDefHarness attr(Attribute a) {
    attrs.put(a.name(), a);
    return this;
  }

  public OpDefHarness attr(String name, long v) {
    return attr(Attribute.of(name, v));
  }

  public OpDefHarness attr(String name, String v) {
    return attr(Attribute.of(name, v));
  }

  public OpDefHarness ints(String name, long... v) {
    return attr(Attribute.ints(name, v));
  }

  /** The node's domain (default "", ai.onnx). */
  public OpDefHarness domain(String d) {
    domain = d;
    return this;
  }

  public OpDefHarness outputs(int n) {
    outputs = n;
    return this;
  }

  /** All inferred output types, as strings such as {@code f32[N,8]}. */
  public List<String> infer() {
    List<Value> outs = new ArrayList<>();
    for (int i = 0; i < outputs; i++) {
      outs.add(new Value("out" + i, null));
    }
    Node n = new Node(opType + "_test", domain, opType, opset, inputs, outs, attrs);
    OpDef def = StandardOps.registry().find(domain, opType);
    if (def == null) {
      throw new AssertionError("no op definition for " + opType);
    }
    List<String> r = new ArrayList<>();
    for (ValueType t : def.infer(new InferenceContext(n))) {
      r.add(String.valueOf(t));
    }
    return r;
  }

  /** Output 0's inferred type as a string. */
  public String inferOne() {
    return infer().get(0);
  }

  /** Parses {@code f32[N,3,?]}, {@code i64[]} or {@code f32[*]}. */
  public static TensorType parse(String s) {
    int b = s.indexOf('[');
    DType t = s.startsWith("?") ? null : DType.parse(s.substring(0, b));
    String body = s.substring(b + 1, s.length() - 1);
    if (body.equals("*")) {
      return new TensorType(t, null);
    }
    List<Dim> dims = new ArrayList<>();
    if (!body.isEmpty()) {
      for (String d : body.split(",")) {
        dims.add(d.equals("?") ? Dim.unknown()
            : Character.isDigit(d.charAt(0)) ? Dim.of(Long.parseLong(d)) : Dim.symbol(d));
      }
    }
    return new TensorType(t, dims);
  }
}
