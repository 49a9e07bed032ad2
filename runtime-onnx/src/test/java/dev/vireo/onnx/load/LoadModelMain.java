package dev.vireo.onnx.load;

import dev.vireo.ir.Model;
import java.nio.file.Path;

/** Loads the model named by args[0] and exits 0; run in a child JVM with a small heap. */
public final class LoadModelMain {
  private LoadModelMain() {}

  public static void main(String[] args) {
    Model m = OnnxLoader.load(Path.of(args[0]));
    System.out.println("loaded " + m.graph().nodes().size() + " nodes, "
        + m.graph().initializers().size() + " initializers");
  }
}
