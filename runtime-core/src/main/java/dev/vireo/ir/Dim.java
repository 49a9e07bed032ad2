package dev.vireo.ir;

/**
 * One dimension of a declared shape: a known size, a named symbol ({@code batch}, {@code seq}),
 * or unknown.
 */
public record Dim(long value, String symbol) {
  private static final Dim UNKNOWN = new Dim(-1, null);

  public static Dim of(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("dim must be >= 0, got " + value);
    }
    return new Dim(value, null);
  }

  public static Dim symbol(String name) {
    return name == null || name.isEmpty() ? UNKNOWN : new Dim(-1, name);
  }

  public static Dim unknown() {
    return UNKNOWN;
  }

  public boolean isKnown() {
    return value >= 0;
  }

  public boolean isSymbolic() {
    return value < 0 && symbol != null;
  }

  @Override
  public String toString() {
    return isKnown() ? Long.toString(value) : symbol != null ? symbol : "?";
  }
}
