package dev.vireo.kernel.resize;

import dev.vireo.ir.Node;

/**
 * The interpolation settings of a Resize or Upsample node, read once: the filter (nearest,
 * linear, cubic), the coordinate transformation, the nearest rounding, the cubic coefficient,
 * exclude_outside and antialias. Supplies each filter's weights for a ratio in (0, 1].
 */
final class ResizeParams {
  enum Filter { NEAREST, LINEAR, CUBIC }

  enum Coordinates {
    HALF_PIXEL, HALF_PIXEL_SYMMETRIC, PYTORCH_HALF_PIXEL, ALIGN_CORNERS, ASYMMETRIC, TF_CROP_AND_RESIZE,
    TF_HALF_PIXEL_FOR_NN
  }

  /** Nearest rounding; SIMPLE is the pre-opset-11 rule: ceil when downsampling, floor otherwise. */
  enum Rounding { ROUND_PREFER_FLOOR, ROUND_PREFER_CEIL, FLOOR, CEIL, SIMPLE }

  final Filter filter;
  final Coordinates coordinateMode;
  final Rounding rounding;
  final double cubicA;
  final boolean excludeOutside;
  final boolean antialias;
  final double extrapolationValue;

  ResizeParams(Node n, boolean legacy) {
    String op = n.opType();
    String m = n.attrString("mode", "nearest");
    filter = switch (m) {
      case "nearest" -> Filter.NEAREST;
      case "linear", "bilinear" -> Filter.LINEAR;
      case "cubic" -> Filter.CUBIC;
      default -> throw new IllegalArgumentException(op + ": unknown mode '" + m + "'");
    };
    if (legacy && filter == Filter.CUBIC) {
      throw new IllegalArgumentException(op + ": mode 'cubic' needs Resize opset 11 or later");
    }
    // opset 11: coordinate_transformation_mode, nearest_mode, cubic mode and its attributes
    String c = legacy ? "asymmetric" : n.attrString("coordinate_transformation_mode", "half_pixel");
    coordinateMode = switch (c) {
      case "half_pixel" -> Coordinates.HALF_PIXEL;
      case "half_pixel_symmetric" -> Coordinates.HALF_PIXEL_SYMMETRIC;
      case "pytorch_half_pixel" -> Coordinates.PYTORCH_HALF_PIXEL;
      case "align_corners" -> Coordinates.ALIGN_CORNERS;
      case "asymmetric" -> Coordinates.ASYMMETRIC;
      case "tf_crop_and_resize" -> Coordinates.TF_CROP_AND_RESIZE;
      case "tf_half_pixel_for_nn" -> Coordinates.TF_HALF_PIXEL_FOR_NN;
      default -> throw new IllegalArgumentException(op + ": unknown coordinate_transformation_mode '" + c + "'");
    };
    String r = legacy ? "simple" : n.attrString("nearest_mode", "round_prefer_floor");
    rounding = switch (r) {
      case "round_prefer_floor" -> Rounding.ROUND_PREFER_FLOOR;
      case "round_prefer_ceil" -> Rounding.ROUND_PREFER_CEIL;
      case "floor" -> Rounding.FLOOR;
      case "ceil" -> Rounding.CEIL;
      case "simple" -> Rounding.SIMPLE;
      default -> throw new IllegalArgumentException(op + ": unknown nearest_mode '" + r + "'");
    };
    cubicA = n.attrFloat("cubic_coeff_a", -0.75f);
    excludeOutside = n.attrInt("exclude_outside", 0) != 0;
    // opset 18: antialias
    antialias = n.attrInt("antialias", 0) != 0 && filter != Filter.NEAREST;
    extrapolationValue = n.attrFloat("extrapolation_value", 0f);
  }

  /** How many taps the filter reads at this scale. */
  int taps(double scale) {
    return switch (filter) {
      case NEAREST -> 2;
      case LINEAR -> antialias ? 2 - 2 * firstTap(1, scale) : 2;
      case CUBIC -> antialias ? 2 - 2 * firstTap(2, scale) : 4;
    };
  }

  /** The first tap's offset from the coordinate's floor for a filter of this radius, stretched when downscaling. */
  private static int firstTap(int radius, double scale) {
    return (int) Math.floor(-radius / Math.min(scale, 1.0)) + 1;
  }

  /** Fills {@code c} with the weights of the taps for a coordinate whose ratio past its floor tap is in (0, 1]. */
  void coefficients(double ratio, double scale, double[] c) {
    switch (filter) {
      case NEAREST -> {
        boolean upper = switch (rounding) {
          case ROUND_PREFER_FLOOR -> ratio > 0.5;
          case ROUND_PREFER_CEIL -> ratio >= 0.5;
          case FLOOR -> false;
          case CEIL -> true;
          case SIMPLE -> scale < 1;
        };
        if (ratio == 1) {
          upper = true;
        }
        c[0] = upper ? 0 : 1;
        c[1] = upper ? 1 : 0;
      }
      case LINEAR -> {
        if (!antialias) {
          c[0] = 1 - ratio;
          c[1] = ratio;
          return;
        }
        double s = Math.min(scale, 1.0);
        int first = firstTap(1, scale);
        double sum = 0;
        for (int k = 0; k < c.length; k++) {
          c[k] = Math.clamp(1 - Math.abs((first + k - ratio) * s), 0, 1);
          sum += c[k];
        }
        normalize(c, sum);
      }
      case CUBIC -> {
        if (!antialias) {
          c[0] = cubic(ratio + 1);
          c[1] = cubic(ratio);
          c[2] = cubic(1 - ratio);
          c[3] = cubic(2 - ratio);
          return;
        }
        double s = Math.min(scale, 1.0);
        int first = firstTap(2, scale);
        double sum = 0;
        for (int k = 0; k < c.length; k++) {
          c[k] = cubic(s * (first + k - ratio));
          sum += c[k];
        }
        normalize(c, sum);
      }
    }
  }

  private static void normalize(double[] c, double sum) {
    for (int k = 0; k < c.length; k++) {
      c[k] /= sum;
    }
  }

  /** Keys' cubic convolution kernel with coefficient a. */
  private double cubic(double x) {
    double a = cubicA;
    x = Math.abs(x);
    if (x <= 1) {
      return ((a + 2) * x - (a + 3)) * x * x + 1;
    }
    if (x < 2) {
      return ((a * x - 5 * a) * x + 8 * a) * x - 4 * a;
    }
    return 0;
  }
}
