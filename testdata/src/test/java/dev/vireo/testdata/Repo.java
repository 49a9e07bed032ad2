package dev.vireo.testdata;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository root from a test's working directory (the module folder). */
public final class Repo {
  private Repo() {}

  public static Path root() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("mvnw"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("repository root (folder with mvnw) not found above " + Path.of("").toAbsolutePath());
    }
    return p;
  }
}
