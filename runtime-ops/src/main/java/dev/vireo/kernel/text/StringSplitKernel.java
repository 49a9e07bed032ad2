package dev.vireo.kernel.text;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * StringSplit: splits every element on {@code delimiter} (consecutive delimiters delimit empty
 * strings) or, when the delimiter is unset or empty, on runs of whitespace with leading and
 * trailing whitespace dropped; at most {@code maxsplit} splits, the rest kept as the last part.
 * Output 0 is X's shape plus one axis as long as the longest split, padded with empty strings;
 * output 1 (int64, X's shape) counts the parts of each element.
 */
public final class StringSplitKernel implements Kernel {
  private final String delimiter;
  private final long maxsplit;

  StringSplitKernel(Node n) {
    delimiter = n.attrString("delimiter", "");
    maxsplit = n.hasAttr("maxsplit") ? n.attrInt("maxsplit", 0) : Long.MAX_VALUE;
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x = inputs[0];
    String[] in = x.strings();
    List<List<String>> parts = new ArrayList<>(in.length);
    int width = 0;
    for (String s : in) {
      List<String> p = delimiter.isEmpty() ? splitWhitespace(s) : splitOn(s);
      parts.add(p);
      width = Math.max(width, p.size());
    }
    int[] dims = new int[x.rank() + 1];
    System.arraycopy(x.shape().dims(), 0, dims, 0, x.rank());
    dims[x.rank()] = width;
    Tensor y = ctx.allocate(DType.STRING, Shape.of(dims));
    Tensor z = ctx.allocate(DType.INT64, x.shape());
    String[] ys = y.strings();
    long[] zs = z.longs();
    for (int i = 0; i < in.length; i++) {
      List<String> p = parts.get(i);
      zs[i] = p.size();
      for (int j = 0; j < width; j++) {
        ys[i * width + j] = j < p.size() ? p.get(j) : "";
      }
    }
    return new Tensor[] {y, z};
  }

  private List<String> splitOn(String s) {
    List<String> p = new ArrayList<>();
    int start = 0;
    while (p.size() < maxsplit) {
      int at = s.indexOf(delimiter, start);
      if (at < 0) {
        break;
      }
      p.add(s.substring(start, at));
      start = at + delimiter.length();
    }
    p.add(s.substring(start));
    return p;
  }

  private List<String> splitWhitespace(String s) {
    List<String> p = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (true) {
      while (i < n && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      if (i == n) {
        return p;
      }
      if (p.size() == maxsplit) {
        // as Python's str.split: the unsplit rest keeps its inner and trailing whitespace
        p.add(s.substring(i));
        return p;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      p.add(s.substring(start, i));
    }
  }
}
