package dev.vireo.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.tensor.DType;
import dev.vireo.tensor.Float16;
import org.junit.jupiter.api.Test;

class ElementsTest {
  private static final int[] MAP = {2, -1, 0};

  @Test
  void gatherLeavesUnmappedEntriesForEveryStorage() {
    float[] f = new float[3];
    Elements.gather(new float[] {1, 2, 3}, MAP, f);
    assertThat(f).containsExactly(3, 0, 1);
    double[] d = new double[3];
    Elements.gather(new double[] {1, 2, 3}, MAP, d);
    assertThat(d).containsExactly(3, 0, 1);
    byte[] b = new byte[3];
    Elements.gather(new byte[] {1, 2, 3}, MAP, b);
    assertThat(b).containsExactly(3, 0, 1);
    short[] s = new short[3];
    Elements.gather(new short[] {1, 2, 3}, MAP, s);
    assertThat(s).containsExactly(3, 0, 1);
    int[] i = new int[3];
    Elements.gather(new int[] {1, 2, 3}, MAP, i);
    assertThat(i).containsExactly(3, 0, 1);
    long[] l = new long[3];
    Elements.gather(new long[] {1, 2, 3}, MAP, l);
    assertThat(l).containsExactly(3, 0, 1);
    boolean[] z = new boolean[3];
    Elements.gather(new boolean[] {true, false, false}, MAP, z);
    assertThat(z).containsExactly(false, false, true);
    String[] t = {"", "", ""};
    Elements.gather(new String[] {"a", "b", "c"}, MAP, t);
    assertThat(t).containsExactly("c", "", "a");
  }

  @Test
  void scatterLaterEntriesWin() {
    long[] dst = new long[3];
    Elements.scatter(new long[] {5, 6, 7}, new int[] {1, -1, 1}, dst);
    assertThat(dst).containsExactly(0, 7, 0);
  }

  @Test
  void fillUnmapped() {
    String[] s = {"x", "y", "z"};
    Elements.fillUnmapped(new String[] {"pad"}, MAP, s);
    assertThat(s).containsExactly("x", "pad", "z");
  }

  @Test
  void axisMapOverTwoAxes() {
    // 2x3 source, output 2x2 reading columns [2, -1] and rows [1, 0]
    int[] map = Elements.axisMap(new int[] {2, 2}, new int[][] {{1, 0}, {2, -1}}, new int[] {3, 1});
    assertThat(map).containsExactly(5, -1, 2, -1);
    assertThat(Elements.axisMap(new int[0], new int[0][], new int[0])).containsExactly(0);
    assertThat(Elements.axisMap(new int[] {0, 3}, new int[][] {{}, {0, 1, 2}}, new int[] {3, 1})).isEmpty();
  }

  @Test
  void scalarArrays() {
    assertThat((float[]) Elements.scalarArray(DType.FLOAT, 1.5)).containsExactly(1.5f);
    assertThat((short[]) Elements.scalarArray(DType.FLOAT16, 1.5)).containsExactly(Float16.floatToHalf(1.5f));
    assertThat((byte[]) Elements.scalarArray(DType.UINT8, 255)).containsExactly((byte) -1);
    assertThat((boolean[]) Elements.scalarArray(DType.BOOL, 2)).containsExactly(true);
    assertThat((String[]) Elements.scalarArray(DType.STRING, 1)).containsExactly("");
    assertThat((long[]) Elements.scalarArray(DType.INT64, -3)).containsExactly(-3L);
  }
}
