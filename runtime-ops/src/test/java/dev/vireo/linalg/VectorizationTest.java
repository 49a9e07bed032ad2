package dev.vireo.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The kernels in use are the ones the test run asked for: system property {@code
 * vireo.expectVector} is {@code scalar} or the start of the panama description (e.g. {@code
 * panama 128-bit}); unset (the default run, with the module) means any panama width.
 */
class VectorizationTest {
  @Test
  void providerMatchesTheRequestedWidth() {
    String expected = System.getProperty("vireo.expectVector", "panama");
    assertThat(Vectorization.describe()).startsWith(expected);
    assertThat(Vectorization.enabled()).isEqualTo(expected.startsWith("panama"));
  }
}
