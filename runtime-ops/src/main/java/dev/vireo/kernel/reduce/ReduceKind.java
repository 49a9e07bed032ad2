package dev.vireo.kernel.reduce;

import dev.vireo.linalg.VecMath;

/**
 * The ten ONNX reductions, each as three row functions (over float, double and long rows) that
 * fold {@code n} contiguous values into one. Float rows of the sum, mean, max, min, sum of
 * squares and L2 go through {@link VecMath} (float accumulators, one per lane); the other float
 * rows accumulate in double.
 *
 * <p>Every function also defines the value of an empty row (the spec's reduction over an empty
 * set): 0 for the sums, 1 for the product, -inf for max and the log reductions, +inf for min and
 * NaN for the mean (integer rows use {@link #emptyLong} instead, see there). With {@code n == 1}
 * the functions apply only their element-wise steps, which is what {@code noop_with_empty_axes}
 * asks of the composite reductions (ReduceLogSum gives log x, ReduceSumSquare x²).
 *
 * <p>Long rows hold every integer type widened (unsigned values as non-negative longs, u64 as
 * its bits); results are narrowed back by the kernel, so sums and products wrap like the type.
 */
enum ReduceKind {
  SUM("ReduceSum", 13) {
    @Override double row(float[] x, int o, int n) {
      return VecMath.sum(x, o, n);
    }

    @Override double row(double[] x, int o, int n) {
      double s = 0;
      for (int i = o; i < o + n; i++) {
        s += x[i];
      }
      return s;
    }

    @Override long row(long[] x, int o, int n) {
      long s = 0;
      for (int i = o; i < o + n; i++) {
        s += x[i];
      }
      return s;
    }
  },
  MEAN("ReduceMean", 18) {
    @Override double row(float[] x, int o, int n) {
      return SUM.row(x, o, n) / n;
    }

    @Override double row(double[] x, int o, int n) {
      return SUM.row(x, o, n) / n;
    }

    @Override long row(long[] x, int o, int n) {
      return n == 0 ? 0 : SUM.row(x, o, n) / n;
    }
  },
  MAX("ReduceMax", 18) {
    @Override double row(float[] x, int o, int n) {
      return VecMath.max(x, o, n);
    }

    @Override double row(double[] x, int o, int n) {
      double m = Double.NEGATIVE_INFINITY;
      for (int i = o; i < o + n; i++) {
        m = Math.max(m, x[i]);
      }
      return m;
    }

    @Override long row(long[] x, int o, int n) {
      long m = Long.MIN_VALUE;
      for (int i = o; i < o + n; i++) {
        m = Math.max(m, x[i]);
      }
      return m;
    }
  },
  MIN("ReduceMin", 18) {
    @Override double row(float[] x, int o, int n) {
      return VecMath.min(x, o, n);
    }

    @Override double row(double[] x, int o, int n) {
      double m = Double.POSITIVE_INFINITY;
      for (int i = o; i < o + n; i++) {
        m = Math.min(m, x[i]);
      }
      return m;
    }

    @Override long row(long[] x, int o, int n) {
      long m = Long.MAX_VALUE;
      for (int i = o; i < o + n; i++) {
        m = Math.min(m, x[i]);
      }
      return m;
    }
  },
  PROD("ReduceProd", 18) {
    @Override double row(float[] x, int o, int n) {
      double p = 1;
      for (int i = o; i < o + n; i++) {
        p *= x[i];
      }
      return p;
    }

    @Override double row(double[] x, int o, int n) {
      double p = 1;
      for (int i = o; i < o + n; i++) {
        p *= x[i];
      }
      return p;
    }

    @Override long row(long[] x, int o, int n) {
      long p = 1;
      for (int i = o; i < o + n; i++) {
        p *= x[i];
      }
      return p;
    }
  },
  L1("ReduceL1", 18) {
    @Override double row(float[] x, int o, int n) {
      double s = 0;
      for (int i = o; i < o + n; i++) {
        s += Math.abs(x[i]);
      }
      return s;
    }

    @Override double row(double[] x, int o, int n) {
      double s = 0;
      for (int i = o; i < o + n; i++) {
        s += Math.abs(x[i]);
      }
      return s;
    }

    @Override long row(long[] x, int o, int n) {
      long s = 0;
      for (int i = o; i < o + n; i++) {
        s += Math.abs(x[i]);
      }
      return s;
    }
  },
  L2("ReduceL2", 18) {
    @Override double row(float[] x, int o, int n) {
      return Math.sqrt(SUM_SQUARE.row(x, o, n));
    }

    @Override double row(double[] x, int o, int n) {
      return Math.sqrt(SUM_SQUARE.row(x, o, n));
    }

    @Override long row(long[] x, int o, int n) {
      return (long) Math.sqrt((double) SUM_SQUARE.row(x, o, n));
    }
  },
  LOG_SUM("ReduceLogSum", 18) {
    @Override double row(float[] x, int o, int n) {
      return Math.log(SUM.row(x, o, n));
    }

    @Override double row(double[] x, int o, int n) {
      return Math.log(SUM.row(x, o, n));
    }

    @Override long row(long[] x, int o, int n) {
      return (long) Math.log((double) SUM.row(x, o, n));
    }
  },
  LOG_SUM_EXP("ReduceLogSumExp", 18) {
    // max-shifted so that large inputs do not overflow exp
    @Override double row(float[] x, int o, int n) {
      double m = MAX.row(x, o, n);
      if (Double.isInfinite(m)) {
        return m;
      }
      double s = 0;
      for (int i = o; i < o + n; i++) {
        s += Math.exp(x[i] - m);
      }
      return m + Math.log(s);
    }

    @Override double row(double[] x, int o, int n) {
      double m = MAX.row(x, o, n);
      if (Double.isInfinite(m)) {
        return m;
      }
      double s = 0;
      for (int i = o; i < o + n; i++) {
        s += Math.exp(x[i] - m);
      }
      return m + Math.log(s);
    }

    @Override long row(long[] x, int o, int n) {
      double m = MAX.row(x, o, n);
      double s = 0;
      for (int i = o; i < o + n; i++) {
        s += Math.exp(x[i] - m);
      }
      return (long) (m + Math.log(s));
    }
  },
  SUM_SQUARE("ReduceSumSquare", 18) {
    @Override double row(float[] x, int o, int n) {
      return VecMath.sumSquaredDiff(x, o, n, 0f);
    }

    @Override double row(double[] x, int o, int n) {
      double s = 0;
      for (int i = o; i < o + n; i++) {
        s += x[i] * x[i];
      }
      return s;
    }

    @Override long row(long[] x, int o, int n) {
      long s = 0;
      for (int i = o; i < o + n; i++) {
        s += x[i] * x[i];
      }
      return s;
    }
  };

  private final String opType;
  private final int axesInputSince;

  ReduceKind(String opType, int axesInputSince) {
    this.opType = opType;
    this.axesInputSince = axesInputSince;
  }

  /** The ONNX op type, e.g. {@code ReduceSum}. */
  String opType() {
    return opType;
  }

  /** The first opset in which axes is an input rather than an attribute. */
  int axesInputSince() {
    return axesInputSince;
  }

  abstract double row(float[] x, int offset, int n);

  abstract double row(double[] x, int offset, int n);

  abstract long row(long[] x, int offset, int n);

  /** Whether the reduction only compares values (and so may serve bool and unsigned 64-bit). */
  boolean compares() {
    return this == MAX || this == MIN;
  }

  /**
   * The result of reducing an empty set of integers of a type with range [min, max]: the
   * extreme opposite to the comparison for max and min (as the spec says), 1 for the product and
   * 0 otherwise (the spec leaves the log reductions and the mean undefined for integers).
   */
  long emptyLong(long min, long max) {
    return switch (this) {
      case MAX -> min;
      case MIN -> max;
      case PROD -> 1;
      default -> 0;
    };
  }
}
