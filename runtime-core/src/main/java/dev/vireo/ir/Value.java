package dev.vireo.ir;

import dev.vireo.tensor.Tensor;

/**
 * A named edge of a graph: produced by one node (or a graph input, or an initializer) and read
 * by any number of nodes. Its type is refined by shape inference.
 */
public final class Value {
  private final String name;
  private ValueType type;
  private Node producer;
  private Tensor initializer;

  public Value(String name, ValueType type) {
    this.name = name;
    this.type = type;
  }

  public String name() {
    return name;
  }

  /** The declared or inferred type; may be null when nothing is known. */
  public ValueType type() {
    return type;
  }

  public void setType(ValueType type) {
    this.type = type;
  }

  /** The tensor type, or null when the type is unknown or not a tensor. */
  public ValueType.TensorType tensorType() {
    return type instanceof ValueType.TensorType t ? t : null;
  }

  /** The node computing this value; null for graph inputs and initializers. */
  public Node producer() {
    return producer;
  }

  void setProducer(Node producer) {
    this.producer = producer;
  }

  /** The constant data of an initializer; null otherwise. */
  public Tensor initializer() {
    return initializer;
  }

  public void setInitializer(Tensor initializer) {
    this.initializer = initializer;
    if (initializer != null && type == null) {
      this.type = ValueType.TensorType.of(initializer.dtype(), initializer.shape());
    }
  }

  @Override
  public String toString() {
    return name + (type == null ? "" : ": " + type);
  }
}
