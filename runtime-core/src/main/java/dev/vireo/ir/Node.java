package dev.vireo.ir;

import dev.vireo.error.VireoException.NodeContext;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One operator application: op type and domain, the opset version it was imported at, its input
 * and output values, and its attributes.
 *
 * <p>Omitted optional inputs and outputs (ONNX's empty names) are {@code null} entries, so
 * positions keep their meaning.
 */
public final class Node {
  /** The default ONNX domain, written as the empty string. */
  public static final String ONNX_DOMAIN = "";

  private final String name;
  private final String domain;
  private final String opType;
  private final int opset;
  private final List<Value> inputs;
  private final List<Value> outputs;
  private final Map<String, Attribute> attributes;

  /**
   * Creates a node and makes it the producer of its outputs.
   *
   * @param opset the version of {@code domain} the model imports
   */
  public Node(
      String name,
      String domain,
      String opType,
      int opset,
      List<Value> inputs,
      List<Value> outputs,
      Map<String, Attribute> attributes) {
    this.name = name == null ? "" : name;
    this.domain = domain == null || domain.equals("ai.onnx") ? ONNX_DOMAIN : domain;
    this.opType = opType;
    this.opset = opset;
    this.inputs = Collections.unmodifiableList(new ArrayList<>(inputs));
    this.outputs = Collections.unmodifiableList(new ArrayList<>(outputs));
    this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    for (Value v : outputs) {
      if (v != null) {
        v.setProducer(this);
      }
    }
  }

  public String name() {
    return name;
  }

  /** The operator domain; {@link #ONNX_DOMAIN} ("") for ai.onnx. */
  public String domain() {
    return domain;
  }

  public String opType() {
    return opType;
  }

  /** The opset version of this node's domain that the model imports. */
  public int opset() {
    return opset;
  }

  public List<Value> inputs() {
    return inputs;
  }

  public List<Value> outputs() {
    return outputs;
  }

  /** Input i, or null when omitted or beyond the given inputs. */
  public Value input(int i) {
    return i < inputs.size() ? inputs.get(i) : null;
  }

  /** Output i, or null when omitted. */
  public Value output(int i) {
    return i < outputs.size() ? outputs.get(i) : null;
  }

  public Map<String, Attribute> attributes() {
    return attributes;
  }

  public boolean hasAttr(String name) {
    return attributes.containsKey(name);
  }

  public Attribute attr(String name) {
    return attributes.get(name);
  }

  public long attrInt(String name, long dflt) {
    Attribute a = attributes.get(name);
    return a == null ? dflt : a.intValue();
  }

  public float attrFloat(String name, float dflt) {
    Attribute a = attributes.get(name);
    return a == null ? dflt : a.floatValue();
  }

  public String attrString(String name, String dflt) {
    Attribute a = attributes.get(name);
    return a == null ? dflt : a.stringValue();
  }

  /** The ints list, or {@code dflt} (may be null) when absent. */
  public long[] attrInts(String name, long[] dflt) {
    Attribute a = attributes.get(name);
    return a == null ? dflt : a.intsValue();
  }

  public float[] attrFloats(String name, float[] dflt) {
    Attribute a = attributes.get(name);
    return a == null ? dflt : a.floatsValue();
  }

  public Tensor attrTensor(String name) {
    Attribute a = attributes.get(name);
    return a == null ? null : a.tensorValue();
  }

  public Graph attrGraph(String name) {
    Attribute a = attributes.get(name);
    return a == null ? null : a.graphValue();
  }

  /** This node's identity for error messages. */
  public NodeContext context() {
    return new NodeContext(name, opType, domain, opset);
  }

  /** The domain as written in messages: "ai.onnx" for the default domain. */
  public String domainLabel() {
    return domain.isEmpty() ? "ai.onnx" : domain;
  }

  @Override
  public String toString() {
    return context().toString();
  }
}
