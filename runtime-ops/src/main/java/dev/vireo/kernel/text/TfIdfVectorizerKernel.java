package dev.vireo.kernel.text;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TfIdfVectorizer: counts, per row of a [C] or [N, C] tensor of int32, int64 or strings, the
 * n-grams of the pool (pool_int64s or pool_strings; ngram_counts[i] is where the (i+1)-grams
 * start) of length min_gram_length..max_gram_length, whose items may be {@code d} apart for
 * every skip distance d = 1..max_skip_count + 1 (unigrams are counted once). Count j goes to
 * output column ngram_indexes[j]; the f32 output is [max(ngram_indexes) + 1] or [N, that] and
 * holds, by mode, the count (TF), weight or 1 where the count is positive (IDF), or weight ·
 * count (TFIDF; weights default to 1).
 */
public final class TfIdfVectorizerKernel implements Kernel {
  private enum Mode { TF, IDF, TFIDF }

  private final Mode mode;
  private final int minGram;
  private final int maxGram;
  private final int maxSkip;
  private final long[] ngramIndexes;
  private final int outputSize;
  private final float[] weights;
  private final boolean strings;
  /** Each pooled n-gram of a counted length to its ordinal in the pool. */
  private final Map<List<Object>, Integer> pool = new HashMap<>();

  TfIdfVectorizerKernel(Node n) {
    String m = n.attrString("mode", "");
    mode = switch (m) {
      case "TF" -> Mode.TF;
      case "IDF" -> Mode.IDF;
      case "TFIDF" -> Mode.TFIDF;
      default -> throw new IllegalArgumentException("TfIdfVectorizer: mode must be TF, IDF or TFIDF, got '" + m + "'");
    };
    minGram = (int) n.attrInt("min_gram_length", 1);
    maxGram = (int) n.attrInt("max_gram_length", 1);
    maxSkip = (int) n.attrInt("max_skip_count", 0);
    long[] counts = n.attrInts("ngram_counts", new long[0]);
    ngramIndexes = n.attrInts("ngram_indexes", new long[0]);
    weights = n.attrFloats("weights", null);
    strings = n.hasAttr("pool_strings");
    List<Object> items = new ArrayList<>();
    if (strings) {
      items.addAll(n.attr("pool_strings").stringsValue());
    } else {
      for (long v : n.attrInts("pool_int64s", new long[0])) {
        items.add(v);
      }
    }
    if (minGram < 1 || maxGram < minGram || maxSkip < 0 || ngramIndexes.length == 0) {
      throw new IllegalArgumentException("TfIdfVectorizer: need 1 <= min_gram_length <= max_gram_length, max_skip_count >= 0"
          + " and ngram_indexes, got " + minGram + ", " + maxGram + ", " + maxSkip + ", " + Arrays.toString(ngramIndexes));
    }
    outputSize = (int) Arrays.stream(ngramIndexes).max().getAsLong() + 1;
    int ordinal = 0;
    for (int i = 0; i < counts.length; i++) {
      int size = i + 1;
      int start = (int) counts[i];
      int end = i + 1 < counts.length ? (int) counts[i + 1] : items.size();
      for (int at = start; at + size <= end; at += size) {
        if (size >= minGram && size <= maxGram) {
          pool.put(List.copyOf(items.subList(at, at + size)), ordinal);
        }
        ordinal++;
      }
    }
    if (ordinal > ngramIndexes.length) {
      throw new IllegalArgumentException("TfIdfVectorizer: the pool has " + ordinal + " n-grams but ngram_indexes only "
          + ngramIndexes.length);
    }
    if (weights != null && weights.length < outputSize) {
      throw new IllegalArgumentException("TfIdfVectorizer: weights has " + weights.length + " entries for "
          + outputSize + " outputs");
    }
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x = inputs[0];
    if (x.rank() > 2 || (strings != (x.dtype() == DType.STRING))) {
      throw new IllegalArgumentException("TfIdfVectorizer: input must be [C] or [N, C] of "
          + (strings ? "strings" : "int32 or int64") + " matching the pool, got " + x.describe());
    }
    int rows = x.rank() == 2 ? x.shape().dim(0) : 1;
    int cols = x.rank() == 0 ? 1 : x.shape().dim(x.rank() - 1);
    Tensor out = ctx.allocate(DType.FLOAT, x.rank() == 2 ? Shape.of(rows, outputSize) : Shape.of(outputSize));
    float[] y = out.floats();
    Object[] row = new Object[cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        row[c] = strings ? x.strings()[r * cols + c] : (Object) x.getLong(r * cols + c);
      }
      count(row, y, r * outputSize);
    }
    for (int i = 0; i < y.length; i++) {
      float w = weights == null ? 1 : weights[i % outputSize];
      y[i] = switch (mode) {
        case TF -> y[i];
        case IDF -> y[i] > 0 ? w : 0;
        case TFIDF -> w * y[i];
      };
    }
    return new Tensor[] {out};
  }

  private void count(Object[] row, float[] y, int base) {
    int smallest = minGram;
    List<Object> gram = new ArrayList<>(maxGram);
    for (int d = 1; d <= maxSkip + 1; d++) {
      for (int start = 0; start < row.length; start++) {
        gram.clear();
        for (int k = 0, at = start; k < maxGram && at < row.length; k++, at += d) {
          gram.add(row[at]);
          if (gram.size() >= smallest) {
            Integer id = pool.get(gram);
            if (id != null) {
              y[base + (int) ngramIndexes[id]]++;
            }
          }
        }
      }
      // a unigram does not depend on the skip distance: count it only once
      if (smallest == 1) {
        smallest = 2;
        if (smallest > maxGram) {
          break;
        }
      }
    }
  }
}
