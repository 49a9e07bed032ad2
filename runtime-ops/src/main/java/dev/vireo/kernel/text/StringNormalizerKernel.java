package dev.vireo.kernel.text;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * StringNormalizer: drops the stopwords from a [C] or [1, C] string tensor (case-insensitively
 * unless is_case_sensitive), then lower- or upper-cases what is left in the given locale (en_US by
 * default). When every element is dropped the output is a single empty string, shaped [1] or
 * [1, 1].
 */
public final class StringNormalizerKernel implements Kernel {
  private enum CaseChange { LOWER, UPPER, NONE }

  private final CaseChange change;
  private final boolean caseSensitive;
  private final Locale locale;
  private final Set<String> stopwords = new HashSet<>();

  StringNormalizerKernel(Node n) {
    String action = n.attrString("case_change_action", "NONE");
    change = switch (action) {
      case "LOWER" -> CaseChange.LOWER;
      case "UPPER" -> CaseChange.UPPER;
      case "NONE" -> CaseChange.NONE;
      default -> throw new IllegalArgumentException(
          "StringNormalizer: case_change_action must be LOWER, UPPER or NONE, got '" + action + "'");
    };
    caseSensitive = n.attrInt("is_case_sensitive", 0) != 0;
    String tag = n.attrString("locale", "en_US");
    locale = Locale.forLanguageTag(tag.isEmpty() ? "en-US" : tag.replace('_', '-'));
    if (n.hasAttr("stopwords")) {
      for (String s : n.attr("stopwords").stringsValue()) {
        stopwords.add(caseSensitive ? s : s.toLowerCase(locale));
      }
    }
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x = inputs[0];
    Shape s = x.shape();
    boolean row = s.rank() == 2;
    if (!(s.rank() == 1 || (row && s.dim(0) == 1))) {
      throw new IllegalArgumentException("StringNormalizer: input must be [C] or [1, C], got " + x.describe());
    }
    List<String> kept = new ArrayList<>();
    for (String v : x.strings()) {
      if (stopwords.contains(caseSensitive ? v : v.toLowerCase(locale))) {
        continue;
      }
      kept.add(switch (change) {
        case LOWER -> v.toLowerCase(locale);
        case UPPER -> v.toUpperCase(locale);
        case NONE -> v;
      });
    }
    if (kept.isEmpty()) {
      kept.add("");
    }
    Shape outShape = row ? Shape.of(1, kept.size()) : Shape.of(kept.size());
    Tensor out = ctx.allocate(DType.STRING, outShape);
    kept.toArray(out.strings());
    return new Tensor[] {out};
  }
}
