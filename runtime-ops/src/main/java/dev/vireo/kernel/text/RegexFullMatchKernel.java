package dev.vireo.kernel.text;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * RegexFullMatch: true where the whole string matches {@code pattern}. The pattern is compiled
 * with java.util.regex, which accepts the RE2 subset the spec uses (classes, groups,
 * alternation, bounded repetition); RE2-only syntax such as {@code (?P<name>...)} fails at
 * plan time with the pattern in the message.
 */
public final class RegexFullMatchKernel implements Kernel {
  private final Pattern pattern;

  RegexFullMatchKernel(Node n) {
    if (!n.hasAttr("pattern")) {
      throw new IllegalArgumentException("RegexFullMatch: attribute 'pattern' is required");
    }
    String p = n.attrString("pattern", "");
    try {
      pattern = Pattern.compile(p);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("RegexFullMatch: pattern '" + p + "' is not valid: " + e.getDescription(), e);
    }
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    String[] x = inputs[0].strings();
    Tensor out = ctx.allocate(DType.BOOL, inputs[0].shape());
    boolean[] y = out.booleans();
    for (int i = 0; i < x.length; i++) {
      y[i] = pattern.matcher(x[i]).matches();
    }
    return new Tensor[] {out};
  }
}
