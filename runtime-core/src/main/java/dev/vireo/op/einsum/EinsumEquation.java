package dev.vireo.op.einsum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A parsed Einsum equation such as {@code "...ij,...jk->...ik"} or the implicit {@code "ij,jk"},
 * resolved against the input ranks.
 *
 * <p>Every axis gets a label id: letters map to ids 0-51 ({@code A-Z} then {@code a-z}), the
 * dims covered by {@code ...} to ids 52+ (the broadcast ellipsis dims, right-aligned across the
 * inputs). Without {@code ->} the output is the ellipsis dims followed by the letters that occur
 * exactly once, in alphabetical (ASCII) order.
 *
 * @param inputs per input, the label id of each axis (a repeated id takes a diagonal)
 * @param output the label id of each output axis
 * @param ellipsisRank the number of broadcast ellipsis dims
 */
public record EinsumEquation(int[][] inputs, int[] output, int ellipsisRank) {
  /** Label ids of the ellipsis dims start here. */
  public static final int ELLIPSIS = 52;

  /**
   * Parses an equation for inputs of the given ranks.
   *
   * @throws IllegalArgumentException naming the equation and what is wrong with it
   */
  public static EinsumEquation parse(String equation, int[] ranks) {
    String eq = equation.replace(" ", "");
    int arrow = eq.indexOf("->");
    String lhs = arrow < 0 ? eq : eq.substring(0, arrow);
    String[] terms = lhs.split(",", -1);
    if (terms.length != ranks.length) {
      throw new IllegalArgumentException("Einsum: equation '" + equation + "' has " + terms.length
          + " input terms for " + ranks.length + " inputs");
    }
    int ell = 0;
    boolean anyEllipsis = false;
    for (int i = 0; i < terms.length; i++) {
      int letters = letterCount(equation, terms[i]);
      if (terms[i].contains("...")) {
        anyEllipsis = true;
        ell = Math.max(ell, ranks[i] - letters);
        if (ranks[i] < letters) {
          throw new IllegalArgumentException("Einsum: term '" + terms[i] + "' of '" + equation
              + "' has more labels than input " + i + " has dims (" + ranks[i] + ")");
        }
      } else if (letters != ranks[i]) {
        throw new IllegalArgumentException("Einsum: term '" + terms[i] + "' of '" + equation + "' has "
            + letters + " labels, input " + i + " has rank " + ranks[i]);
      }
    }
    int[][] in = new int[terms.length][];
    int[] count = new int[ELLIPSIS];
    for (int i = 0; i < terms.length; i++) {
      in[i] = labels(equation, terms[i], ranks[i] - letterCount(equation, terms[i]), ell);
      for (int l : in[i]) {
        if (l < ELLIPSIS) {
          count[l]++;
        }
      }
    }
    int[] out;
    if (arrow >= 0) {
      String rhs = eq.substring(arrow + 2);
      if (rhs.contains("...") && !anyEllipsis) {
        throw new IllegalArgumentException("Einsum: output of '" + equation + "' has ... but no input has");
      }
      out = labels(equation, rhs, ell, ell);
      boolean[] seen = new boolean[ELLIPSIS + ell];
      for (int l : out) {
        if (seen[l]) {
          throw new IllegalArgumentException("Einsum: output of '" + equation + "' repeats a label");
        }
        if (l < ELLIPSIS && count[l] == 0) {
          throw new IllegalArgumentException("Einsum: output label '" + letter(l) + "' of '" + equation
              + "' appears in no input");
        }
        seen[l] = true;
      }
    } else {
      List<Integer> o = new ArrayList<>();
      for (int k = 0; k < ell; k++) {
        o.add(ELLIPSIS + k);
      }
      for (int l = 0; l < ELLIPSIS; l++) {
        if (count[l] == 1) {
          o.add(l);
        }
      }
      out = o.stream().mapToInt(Integer::intValue).toArray();
    }
    return new EinsumEquation(in, out, ell);
  }

  private static int letterCount(String equation, String term) {
    String t = term.replace("...", "");
    for (char ch : t.toCharArray()) {
      if (id(ch) < 0) {
        throw new IllegalArgumentException("Einsum: '" + ch + "' in '" + equation + "' is not a letter");
      }
    }
    if (term.indexOf("...") != term.lastIndexOf("...")) {
      throw new IllegalArgumentException("Einsum: term '" + term + "' of '" + equation + "' has two ellipses");
    }
    return t.length();
  }

  /** The label ids of a term whose ellipsis covers {@code ellDims} dims of the {@code ell} broadcast ones. */
  private static int[] labels(String equation, String term, int ellDims, int ell) {
    int letters = letterCount(equation, term);
    int[] l = new int[letters + (term.contains("...") ? ellDims : 0)];
    int k = 0;
    for (int i = 0; i < term.length(); i++) {
      if (term.startsWith("...", i)) {
        for (int e = 0; e < ellDims; e++) {
          l[k++] = ELLIPSIS + ell - ellDims + e;
        }
        i += 2;
      } else {
        l[k++] = id(term.charAt(i));
      }
    }
    return l;
  }

  private static int id(char ch) {
    if (ch >= 'A' && ch <= 'Z') {
      return ch - 'A';
    }
    if (ch >= 'a' && ch <= 'z') {
      return 26 + ch - 'a';
    }
    return -1;
  }

  private static char letter(int id) {
    return (char) (id < 26 ? 'A' + id : 'a' + id - 26);
  }

  /** Number of distinct label ids (an upper bound for arrays indexed by id). */
  public int labelSpace() {
    return ELLIPSIS + ellipsisRank;
  }

  @Override
  public String toString() {
    return Arrays.deepToString(inputs) + "->" + Arrays.toString(output);
  }
}
