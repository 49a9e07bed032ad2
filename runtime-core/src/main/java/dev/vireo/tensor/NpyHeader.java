package dev.vireo.tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * The header of a {@code .npy} file: a Python dict literal such as {@code {'descr': '<f4',
 * 'fortran_order': False, 'shape': (2, 3), }}.
 *
 * <p>The parser accepts exactly the subset numpy writes (quoted keys, a quoted descr, True/False,
 * a tuple of non-negative integers, optional trailing commas, any whitespace) and reports
 * anything else as malformed, naming the file.
 */
record NpyHeader(String descr, boolean fortranOrder, long[] shape) {

  static NpyHeader parse(String text, String file) {
    return new Parser(text, file).header();
  }

  /** Python's repr of a shape tuple: {@code ()}, {@code (5,)}, {@code (2, 3)}. */
  static String shapeRepr(long[] shape) {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(shape[i]);
    }
    return b.append(shape.length == 1 ? ",)" : ")").toString();
  }

  private static final class Parser {
    private final String s;
    private final String file;
    private int pos;

    Parser(String s, String file) {
      this.s = s;
      this.file = file;
    }

    NpyHeader header() {
      String descr = null;
      Boolean fortran = null;
      long[] shape = null;
      expect('{');
      while (true) {
        skipSpace();
        if (peek() == '}') {
          pos++;
          break;
        }
        String key = string();
        expect(':');
        switch (key) {
          case "descr" -> {
            skipSpace();
            if (peek() == '[') {
              throw fail("structured dtypes (a list as 'descr') are not supported");
            }
            descr = string();
          }
          case "fortran_order" -> fortran = bool();
          case "shape" -> shape = tuple();
          default -> throw fail("unexpected key '" + key + "' in the header");
        }
        skipSpace();
        if (peek() == ',') {
          pos++;
        } else if (peek() != '}') {
          throw fail("expected ',' or '}' at offset " + pos + " of the header");
        }
      }
      skipSpace();
      if (pos != s.length()) {
        throw fail("unexpected text after the header dict at offset " + pos);
      }
      if (descr == null || fortran == null || shape == null) {
        throw fail("the header lacks "
            + (descr == null ? "'descr'" : fortran == null ? "'fortran_order'" : "'shape'"));
      }
      return new NpyHeader(descr, fortran, shape);
    }

    private String string() {
      skipSpace();
      char q = peek();
      if (q != '\'' && q != '"') {
        throw fail("expected a quoted string at offset " + pos + " of the header");
      }
      int end = s.indexOf(q, pos + 1);
      if (end < 0) {
        throw fail("unterminated string in the header");
      }
      String v = s.substring(pos + 1, end);
      pos = end + 1;
      return v;
    }

    private boolean bool() {
      skipSpace();
      if (s.startsWith("True", pos)) {
        pos += 4;
        return true;
      }
      if (s.startsWith("False", pos)) {
        pos += 5;
        return false;
      }
      throw fail("'fortran_order' must be True or False");
    }

    private long[] tuple() {
      expect('(');
      List<Long> dims = new ArrayList<>();
      while (true) {
        skipSpace();
        if (peek() == ')') {
          pos++;
          break;
        }
        int start = pos;
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
          pos++;
        }
        // numpy writes Python ints; a trailing 'L' comes from Python 2
        String digits = s.substring(start, pos);
        if (pos < s.length() && s.charAt(pos) == 'L') {
          pos++;
        }
        if (digits.isEmpty() || digits.length() > 18) {
          throw fail("bad dimension in 'shape' at offset " + start
              + " (expected a non-negative integer below 10^18)");
        }
        dims.add(Long.parseLong(digits));
        skipSpace();
        if (peek() == ',') {
          pos++;
        } else if (peek() != ')') {
          throw fail("expected ',' or ')' in 'shape' at offset " + pos);
        }
      }
      return dims.stream().mapToLong(Long::longValue).toArray();
    }

    private void expect(char c) {
      skipSpace();
      if (peek() != c) {
        throw fail("expected '" + c + "' at offset " + pos + " of the header");
      }
      pos++;
    }

    private char peek() {
      if (pos >= s.length()) {
        throw fail("the header ends early");
      }
      return s.charAt(pos);
    }

    private void skipSpace() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    private IllegalArgumentException fail(String problem) {
      return Npy.bad(file, "malformed .npy header: " + problem);
    }
  }
}
