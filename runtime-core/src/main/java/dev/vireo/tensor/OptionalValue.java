package dev.vireo.tensor;

/**
 * An ONNX optional value: empty, or holding a {@link Tensor} or a {@link TensorSequence}.
 *
 * @param value the held value, or null when empty
 */
public record OptionalValue(Object value) {
  private static final OptionalValue EMPTY = new OptionalValue(null);

  public OptionalValue {
    if (value != null && !(value instanceof Tensor) && !(value instanceof TensorSequence)) {
      throw new IllegalArgumentException("an optional holds a tensor or a sequence, not " + value.getClass().getSimpleName());
    }
  }

  public static OptionalValue empty() {
    return EMPTY;
  }

  public static OptionalValue of(Object value) {
    return new OptionalValue(java.util.Objects.requireNonNull(value, "value"));
  }

  public boolean isPresent() {
    return value != null;
  }

  /** Describes any runtime value: a tensor's type and shape, a sequence, an optional. */
  public static String describe(Object v) {
    if (v == null) {
      return "-";
    }
    if (v instanceof Tensor t) {
      return t.describe();
    }
    if (v instanceof OptionalValue o) {
      return o.isPresent() ? "optional(" + describe(o.value) + ")" : "optional(empty)";
    }
    return v.toString();
  }

  @Override
  public String toString() {
    return describe(this);
  }
}
