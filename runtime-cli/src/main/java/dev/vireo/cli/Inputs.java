package dev.vireo.cli;

import dev.vireo.Session;
import dev.vireo.check.CaseRunner;
import dev.vireo.ir.Model;
import dev.vireo.ir.Value;
import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Float16;
import dev.vireo.tensor.Npy;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Input tensors for {@code vireo run} and {@code vireo bench}: read from .npy or .pb files, or made up from a seed. */
final class Inputs {
  private static final byte[] NPY_MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

  private Inputs() {}

  /**
   * Reads the {@code -i NAME=FILE} inputs of a command.
   *
   * @throws IllegalArgumentException for a name that is not a model input or an unreadable file
   */
  static Map<String, Object> readAll(Model model, Map<String, Path> files) {
    Map<String, Value> declared = new LinkedHashMap<>();
    model.graph().inputs().forEach(v -> declared.put(v.name(), v));
    Map<String, Object> feeds = new LinkedHashMap<>();
    for (Map.Entry<String, Path> e : files.entrySet()) {
      Value v = declared.get(e.getKey());
      if (v == null) {
        throw new IllegalArgumentException("unknown input '" + e.getKey() + "'; the model's inputs are: "
            + String.join(", ", declared.keySet()));
      }
      feeds.put(e.getKey(), read(e.getKey(), e.getValue(), v.type()));
    }
    return feeds;
  }

  /** Rejects negative {@code --dim} values. */
  static void checkDims(Map<String, Long> dims) {
    dims.forEach((k, v) -> {
      if (v < 0) {
        throw new IllegalArgumentException("--dim " + k + "=" + v + ": a dimension must be >= 0");
      }
    });
  }

  /**
   * Adds seeded random data for every session input missing from {@code feeds}, noting each on
   * {@code err}.
   */
  static void fillRandom(Session session, Map<String, Object> feeds, Map<String, Long> dims, long seed,
      PrintWriter err) {
    Random rnd = new Random(seed);
    for (Session.IoInfo in : session.inputs()) {
      if (!feeds.containsKey(in.name())) {
        Shape shape = shapeFor(in.name(), in.type(), dims);
        Tensor t = random(in.name(), ((ValueType.TensorType) in.type()).elemType(), shape, rnd);
        err.println("input '" + in.name() + "': random " + t.describe() + " (seed " + seed + ")");
        feeds.put(in.name(), t);
      }
    }
    err.flush();
  }

  /**
   * Reads an input file: a NumPy {@code .npy} file (recognised by its magic string) or else a
   * serialized ONNX TensorProto, SequenceProto or OptionalProto, as the input is declared.
   *
   * @throws IllegalArgumentException naming the input and the file when it cannot be read
   */
  static Object read(String input, Path file, ValueType declared) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("input '" + input + "': no such file: " + file);
    }
    try {
      return isNpy(file) ? Npy.read(file) : CaseRunner.readValue(file, declared);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("input '" + input + "': cannot read " + file + ": "
          + Failures.message(e), e);
    }
  }

  private static boolean isNpy(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(NPY_MAGIC.length);
      return java.util.Arrays.equals(head, NPY_MAGIC);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The concrete shape for a declared type: fixed dims as declared, symbolic dims from {@code
   * dims} or else 1, unknown dims 1.
   *
   * @throws IllegalArgumentException when the input is not a tensor or its rank or type is unknown
   */
  static Shape shapeFor(String input, ValueType type, Map<String, Long> dims) {
    if (!(type instanceof ValueType.TensorType tt)) {
      throw new IllegalArgumentException("input '" + input + "' is " + (type == null ? "of unknown type" : type)
          + ": only tensor inputs can be made up; give it with -i " + input + "=FILE");
    }
    if (tt.elemType() == null || !tt.hasRank()) {
      throw new IllegalArgumentException("input '" + input + "' is " + tt
          + ": its element type or rank is unknown; give it with -i " + input + "=FILE");
    }
    long[] shape = new long[tt.rank()];
    for (int i = 0; i < shape.length; i++) {
      Dim d = tt.dims().get(i);
      shape[i] = d.isKnown() ? d.value() : d.isSymbolic() ? dims.getOrDefault(d.symbol(), 1L) : 1;
    }
    return Shape.of(shape);
  }

  /**
   * Random data: floats uniform in [0, 1), integers 0 or 1 (valid as masks, type ids and indices
   * into any dim of size 2 or more), bools and strings of one digit.
   *
   * @throws IllegalArgumentException for element types without random generation (8-bit floats,
   *     4-bit and 2-bit integers, complex)
   */
  static Tensor random(String input, DType type, Shape shape, Random rnd) {
    int n = shape.size();
    Object data = switch (type) {
      case FLOAT -> {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
          a[i] = rnd.nextFloat();
        }
        yield a;
      }
      case DOUBLE -> {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
          a[i] = rnd.nextDouble();
        }
        yield a;
      }
      case FLOAT16, BFLOAT16 -> {
        short[] a = new short[n];
        for (int i = 0; i < n; i++) {
          float f = rnd.nextFloat();
          a[i] = type == DType.FLOAT16 ? Float16.floatToHalf(f) : Float16.floatToBfloat16(f);
        }
        yield a;
      }
      case INT8, UINT8 -> {
        byte[] a = new byte[n];
        for (int i = 0; i < n; i++) {
          a[i] = (byte) rnd.nextInt(2);
        }
        yield a;
      }
      case INT16, UINT16 -> {
        short[] a = new short[n];
        for (int i = 0; i < n; i++) {
          a[i] = (short) rnd.nextInt(2);
        }
        yield a;
      }
      case INT32, UINT32 -> {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
          a[i] = rnd.nextInt(2);
        }
        yield a;
      }
      case INT64, UINT64 -> {
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
          a[i] = rnd.nextInt(2);
        }
        yield a;
      }
      case BOOL -> {
        boolean[] a = new boolean[n];
        for (int i = 0; i < n; i++) {
          a[i] = rnd.nextBoolean();
        }
        yield a;
      }
      case STRING -> {
        String[] a = new String[n];
        for (int i = 0; i < n; i++) {
          a[i] = Integer.toString(rnd.nextInt(10));
        }
        yield a;
      }
      default -> throw new IllegalArgumentException("input '" + input + "': cannot make up random "
          + type + " data; give it with -i " + input + "=FILE");
    };
    return Tensor.wrap(type, shape, data);
  }
}
