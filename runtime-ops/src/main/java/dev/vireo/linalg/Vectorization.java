package dev.vireo.linalg;

import java.lang.System.Logger.Level;

/**
 * Chooses between the SIMD kernels (package {@code dev.vireo.linalg.panama}, the only user of
 * {@code jdk.incubator.vector}) and the scalar ones, once per JVM.
 *
 * <p>The SIMD kernels are used when the {@code jdk.incubator.vector} module is in the boot layer
 * (the JVM was started with {@code --add-modules jdk.incubator.vector}) and the system property
 * {@code vireo.vector} is not {@code false}. Otherwise the scalar kernels run and one warning
 * says how to enable SIMD. The panama classes are loaded reflectively, and only after that
 * check, so that a JVM without the module never links them.
 */
public final class Vectorization {
  private static final System.Logger LOG = System.getLogger("dev.vireo");
  private static final FloatGemm GEMM;
  private static final String DESCRIPTION;

  static {
    FloatGemm gemm = null;
    String description;
    boolean moduleLoaded = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    if (!moduleLoaded) {
      description = "scalar (jdk.incubator.vector not enabled)";
      LOG.log(Level.WARNING, "jdk.incubator.vector is not enabled: Vireo runs its scalar kernels. "
          + "Add --add-modules jdk.incubator.vector to the java command line for SIMD kernels.");
    } else if (!Boolean.parseBoolean(System.getProperty("vireo.vector", "true"))) {
      description = "scalar (-Dvireo.vector=false)";
    } else {
      try {
        Class<?> c = Class.forName("dev.vireo.linalg.panama.PanamaGemm");
        gemm = (FloatGemm) c.getDeclaredConstructor().newInstance();
        description = (String) c.getMethod("describe").invoke(null);
      } catch (ReflectiveOperationException | LinkageError e) {
        description = "scalar (vector kernels failed to load: " + e + ")";
        LOG.log(Level.WARNING, "Vireo's vector kernels failed to load, using scalar kernels: " + e);
      }
    }
    GEMM = gemm;
    DESCRIPTION = description;
  }

  private Vectorization() {}

  /**
   * Instantiates a SIMD implementation from package {@code dev.vireo.linalg.panama} when SIMD is
   * in use, through its public no-argument constructor; null otherwise (the caller then uses its
   * scalar kernel). Each kernel family keeps the result in a {@code static final} field of its
   * own holder class, so this check runs once per family and the JIT sees a constant.
   *
   * @param className the implementation's fully qualified name
   * @param type the interface it implements, defined outside the panama package
   */
  public static <T> T load(String className, Class<T> type) {
    if (GEMM == null) {
      return null;
    }
    try {
      return type.cast(Class.forName(className).getDeclaredConstructor().newInstance());
    } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
      LOG.log(Level.WARNING, "Vireo's vector kernel " + className + " failed to load, using the scalar one: " + e);
      return null;
    }
  }

  /** The SIMD float GEMM, or null when the scalar kernels are in use. */
  public static FloatGemm vectorGemm() {
    return GEMM;
  }

  /** Whether SIMD kernels are in use. */
  public static boolean enabled() {
    return GEMM != null;
  }

  /** E.g. {@code panama 512-bit (16 float lanes)} or {@code scalar (...)}. */
  public static String describe() {
    return DESCRIPTION;
  }
}
