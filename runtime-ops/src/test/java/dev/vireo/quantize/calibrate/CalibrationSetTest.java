package dev.vireo.quantize.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.tensor.Npy;
import dev.vireo.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationSetTest {
  @TempDir Path dir;

  @Test
  void readsOneSubfolderPerSampleInNameOrder() throws Exception {
    for (int i : new int[] {1, 0}) {
      Path s = Files.createDirectories(dir.resolve("s" + i));
      Npy.write(Tensor.of(new float[] {i, i + 0.5f}, 2), s.resolve("x.npy"));
      Npy.write(Tensor.of(new long[] {i}, 1), s.resolve("n.npy"));
    }
    Files.writeString(dir.resolve("README.txt"), "files beside the samples are ignored");
    CalibrationSet set = CalibrationSet.open(dir, List.of("x", "n"));
    assertThat(set.size()).isEqualTo(2);
    assertThat(set.sample(0).get("x").floats()).containsExactly(0f, 0.5f);
    assertThat(set.sample(1).get("n").longs()).containsExactly(1L);
  }

  @Test
  void namesWhatIsMissing() throws Exception {
    assertThatThrownBy(() -> CalibrationSet.open(dir.resolve("nope"), List.of("x")))
        .hasMessageStartingWith("calibration folder not found: ");
    assertThatThrownBy(() -> CalibrationSet.open(dir, List.of("x")))
        .hasMessageContaining("has no sample subfolders (expected DIR/<sample>/<input>.npy");
    Files.createDirectories(dir.resolve("a"));
    assertThatThrownBy(() -> CalibrationSet.open(dir, List.of("x")))
        .hasMessageContaining("lacks input 'x'").hasMessageContaining("x.npy");
  }
}
