package dev.vireo.kernel.rnn;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.Node;
import java.util.Arrays;
import java.util.List;

/**
 * The attributes RNN, GRU and LSTM share, read and validated once per node.
 *
 * @param op the op type, for messages
 * @param direction forward, reverse or bidirectional
 * @param hiddenSize hidden_size, or -1 when absent (then taken from R's last dim at run time)
 * @param layout 0 for {@code [seq, batch, ...]}, 1 for {@code [batch, seq, ...]} (opset 14+;
 *     earlier nodes never carry the attribute, so 0)
 * @param clip the cell clip threshold, {@link Float#POSITIVE_INFINITY} when absent
 * @param activations per direction (index 0 forward, 1 backward) the op's functions in spec
 *     order: RNN {@code f}; GRU {@code f, g}; LSTM {@code f, g, h}
 */
public record RecurrentAttributes(
    String op,
    Direction direction,
    int hiddenSize,
    int layout,
    float clip,
    Activation[][] activations) {

  /** The direction attribute. */
  public enum Direction {
    FORWARD,
    REVERSE,
    BIDIRECTIONAL;

    public int count() {
      return this == BIDIRECTIONAL ? 2 : 1;
    }

    /** Whether direction index d (0 or 1) runs from the end of each sequence. */
    public boolean reversed(int d) {
      return this == REVERSE || d == 1;
    }
  }

  /**
   * Reads a node's attributes.
   *
   * @param defaults the op's default activations for one direction, in spec order
   * @throws IllegalArgumentException for an unknown direction or activation, a bad hidden_size,
   *     layout or clip, or an activation list of the wrong length
   */
  public static RecurrentAttributes read(Node n, String... defaults) {
    String op = n.opType();
    String dir = n.attrString("direction", "forward");
    Direction direction =
        switch (dir) {
          case "forward" -> Direction.FORWARD;
          case "reverse" -> Direction.REVERSE;
          case "bidirectional" -> Direction.BIDIRECTIONAL;
          default -> throw new IllegalArgumentException(op + ": unknown direction '" + dir
              + "', expected forward, reverse or bidirectional");
        };
    long hidden = n.attrInt("hidden_size", -1);
    if (n.hasAttr("hidden_size") && (hidden <= 0 || hidden > Integer.MAX_VALUE)) {
      throw new IllegalArgumentException(op + ": hidden_size must be positive, got " + hidden);
    }
    long layout = n.attrInt("layout", 0);
    if (layout != 0 && layout != 1) {
      throw new IllegalArgumentException(op + ": layout must be 0 or 1, got " + layout);
    }
    float clip = Float.POSITIVE_INFINITY;
    if (n.hasAttr("clip")) {
      clip = n.attrFloat("clip", 0);
      if (!(clip >= 0)) {
        throw new IllegalArgumentException(op + ": clip must be >= 0, got " + clip);
      }
    }
    Attribute a = n.attr("activations");
    List<String> names = a == null ? List.of() : a.stringsValue();
    if (names.isEmpty()) {
      names = List.of(defaults);
    }
    int per = defaults.length;
    if (names.size() != per && names.size() != 2 * per) {
      throw new IllegalArgumentException(op + ": activations has " + names.size() + " functions "
          + names + ", expected " + per + " per direction (" + per * direction.count()
          + " for direction " + dir + ")");
    }
    Activation[] all = Activation.resolve(
        op, names, n.attrFloats("activation_alpha", null), n.attrFloats("activation_beta", null));
    Activation[][] perDirection = new Activation[direction.count()][];
    for (int d = 0; d < perDirection.length; d++) {
      // a single set serves both directions; a second set given for one direction is unused
      int from = d == 1 && all.length == 2 * per ? per : 0;
      perDirection[d] = Arrays.copyOfRange(all, from, from + per);
    }
    return new RecurrentAttributes(op, direction, (int) hidden, (int) layout, clip, perDirection);
  }

  public int numDirections() {
    return direction.count();
  }
}
