package dev.vireo.kernel.detect;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;

/**
 * NonMaxSuppression: boxes [B, N, 4] and scores [B, C, N] give selected_indices [K, 3] of
 * (batch, class, box), batch by batch, class by class, each class in selection order.
 *
 * <p>Per (batch, class): boxes scoring strictly above score_threshold (all when it is omitted)
 * are visited by descending score, ties by ascending index; a box is selected unless its IoU
 * with an already selected box is strictly greater than iou_threshold (default 0), until
 * max_output_boxes_per_class (default 0: nothing) are selected. Boxes are [y1, x1, y2, x2] with
 * any two diagonal corners ({@code center_point_box=0}) or [x_center, y_center, width, height]
 * (1). Boxes of non-positive area never suppress. Computed in f32.
 */
public final class NonMaxSuppressionKernel implements Kernel {
  private final boolean centerPoint;

  NonMaxSuppressionKernel(Node n) {
    long c = n.attrInt("center_point_box", 0);
    if (c != 0 && c != 1) {
      throw new IllegalArgumentException("NonMaxSuppression: center_point_box must be 0 or 1, got " + c);
    }
    centerPoint = c == 1;
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor boxes = inputs[0];
    Tensor scores = inputs[1];
    long maxOut = scalar(inputs, 2) == null ? 0 : scalar(inputs, 2).getLong(0);
    float iou = scalar(inputs, 3) == null ? 0 : (float) scalar(inputs, 3).getDouble(0);
    Tensor st = scalar(inputs, 4);
    boolean filter = st != null;
    float scoreThreshold = filter ? (float) st.getDouble(0) : 0;
    if (boxes.rank() != 3 || boxes.shape().dim(2) != 4 || scores.rank() != 3
        || scores.shape().dim(0) != boxes.shape().dim(0) || scores.shape().dim(2) != boxes.shape().dim(1)) {
      throw new IllegalArgumentException("NonMaxSuppression needs boxes [B, N, 4] and scores [B, C, N], got "
          + boxes.describe() + " and " + scores.describe());
    }
    int b = boxes.shape().dim(0);
    int n = boxes.shape().dim(1);
    int c = scores.shape().dim(1);
    float[] corners = corners(boxes.floats(), b * n);
    float[] s = scores.floats();
    long[] sel = new long[16];
    int count = 0;
    int limit = (int) Math.min(Math.max(maxOut, 0), n);
    int[] order = new int[n];
    int[] chosen = new int[limit];
    for (int bi = 0; bi < b; bi++) {
      for (int ci = 0; ci < c; ci++) {
        int so = (bi * c + ci) * n;
        int candidates = 0;
        for (int i = 0; i < n && limit > 0; i++) {
          if (!filter || s[so + i] > scoreThreshold) {
            order[candidates++] = i;
          }
        }
        sortByScore(order, candidates, s, so);
        int picked = 0;
        for (int q = 0; q < candidates && picked < limit; q++) {
          int box = order[q];
          boolean keep = true;
          for (int p = 0; p < picked && keep; p++) {
            keep = !suppresses(corners, (bi * n + chosen[p]) * 4, (bi * n + box) * 4, iou);
          }
          if (keep) {
            chosen[picked++] = box;
            if (3 * (count + 1) > sel.length) {
              sel = Arrays.copyOf(sel, sel.length * 2);
            }
            sel[3 * count] = bi;
            sel[3 * count + 1] = ci;
            sel[3 * count + 2] = box;
            count++;
          }
        }
      }
    }
    Tensor out = ctx.allocate(DType.INT64, Shape.of(count, 3));
    System.arraycopy(sel, 0, out.longs(), 0, 3 * count);
    return new Tensor[] {out};
  }

  private static Tensor scalar(Tensor[] in, int i) {
    if (i >= in.length || in[i] == null || in[i].size() == 0) {
      return null;
    }
    return in[i];
  }

  /** Each box as (ymin, xmin, ymax, xmax). */
  private float[] corners(float[] box, int count) {
    float[] c = new float[count * 4];
    for (int i = 0; i < count; i++) {
      int o = i * 4;
      if (centerPoint) {
        float xc = box[o];
        float yc = box[o + 1];
        float hw = box[o + 2] / 2;
        float hh = box[o + 3] / 2;
        c[o] = yc - hh;
        c[o + 1] = xc - hw;
        c[o + 2] = yc + hh;
        c[o + 3] = xc + hw;
      } else {
        c[o] = Math.min(box[o], box[o + 2]);
        c[o + 1] = Math.min(box[o + 1], box[o + 3]);
        c[o + 2] = Math.max(box[o], box[o + 2]);
        c[o + 3] = Math.max(box[o + 1], box[o + 3]);
      }
    }
    return c;
  }

  /** Whether the IoU of two boxes (corner offsets a and b) is strictly greater than the threshold. */
  private static boolean suppresses(float[] c, int a, int b, float threshold) {
    float ymin = Math.max(c[a], c[b]);
    float xmin = Math.max(c[a + 1], c[b + 1]);
    float ymax = Math.min(c[a + 2], c[b + 2]);
    float xmax = Math.min(c[a + 3], c[b + 3]);
    if (ymax <= ymin || xmax <= xmin) {
      return false;
    }
    float inter = (ymax - ymin) * (xmax - xmin);
    float areaA = (c[a + 2] - c[a]) * (c[a + 3] - c[a + 1]);
    float areaB = (c[b + 2] - c[b]) * (c[b + 3] - c[b + 1]);
    float union = areaA + areaB - inter;
    if (areaA <= 0 || areaB <= 0 || union <= 0) {
      return false;
    }
    return inter / union > threshold;
  }

  /** Sorts the first n indices by descending score, ties by ascending index (a stable merge sort). */
  private static void sortByScore(int[] idx, int n, float[] s, int so) {
    int[] tmp = new int[n];
    mergeSort(idx, tmp, 0, n, s, so);
  }

  private static void mergeSort(int[] a, int[] tmp, int from, int to, float[] s, int so) {
    if (to - from < 2) {
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(a, tmp, from, mid, s, so);
    mergeSort(a, tmp, mid, to, s, so);
    int i = from;
    int j = mid;
    int k = from;
    while (i < mid && j < to) {
      tmp[k++] = s[so + a[j]] > s[so + a[i]] ? a[j++] : a[i++];
    }
    while (i < mid) {
      tmp[k++] = a[i++];
    }
    while (j < to) {
      tmp[k++] = a[j++];
    }
    System.arraycopy(tmp, from, a, from, to - from);
  }
}
