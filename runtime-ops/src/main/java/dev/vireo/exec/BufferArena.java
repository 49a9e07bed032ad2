package dev.vireo.exec;

import dev.vireo.tensor.DType;
import dev.vireo.tensor.OptionalValue;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import dev.vireo.tensor.TensorSequence;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The buffers of one run at a time: hands out arrays for kernel outputs, taking them from a free
 * list when a dead value of the same storage class and length left one, and takes back the
 * arrays of values the executor releases.
 *
 * <p>Implementation notes. Only arrays this arena handed out during the current run ("owned")
 * are ever recycled; graph inputs, constants, caller-fed tensors and arrays kernels created
 * themselves never are. For each owned array the arena counts the plan slots holding a tensor on
 * it ({@link #hold}/{@link #drop}): views (Reshape, Identity, Squeeze, ...) share the array of
 * their input, so the array goes back to the free list only when its last slot dies. Values that
 * are not tensors (sequences, optionals) can hide arrays where no slot count sees them, so every
 * array inside one is pinned: dropped from the owned set for the rest of the run. Graph outputs
 * are never released by the executor, so their count never reaches zero; a subgraph's outputs
 * keep their count for the same reason, which only costs reuse. Everything that may be wrong
 * errs towards not recycling. At the end of a run the owned set is cleared: the arrays returned
 * to the caller are theirs. Free lists survive runs (that is the point) within a byte budget, and
 * a size class unused for {@link #STALE_RUNS} runs is dropped, so changing shapes do not hoard.
 *
 * <p>Arrays are matched by exact length because a tensor's array holds exactly its elements.
 * Methods are synchronized: kernels may allocate from the session's worker threads.
 */
final class BufferArena {
  /** Runs after which a size class nobody took from is dropped. */
  static final int STALE_RUNS = 16;

  private static final class SizeClass {
    final ArrayDeque<Object> buffers = new ArrayDeque<>();
    long lastRun;
  }

  private final BufferPool pool;
  private final ExecContext base;
  private final ExecContext view;
  private final Map<Long, SizeClass> free = new HashMap<>();
  /** Owned array to the number of live slots holding a tensor on it. */
  private final IdentityHashMap<Object, Integer> owned = new IdentityHashMap<>();
  private long freeBytes;
  private long run;

  BufferArena(BufferPool pool, ExecContext base) {
    this.pool = pool;
    this.base = base;
    this.view = base.forRun(this);
  }

  ExecContext base() {
    return base;
  }

  /** The context kernels of this arena's run receive. */
  ExecContext context() {
    return view;
  }

  /** A tensor on a recycled or new array; zero-filled when {@code zero}. */
  Tensor take(DType dtype, Shape shape, boolean zero) {
    int n = shape.size();
    int width = storageBytes(dtype.storage());
    if (n == 0 || width == 0) {
      return Tensor.zeros(dtype, shape);
    }
    long bytes = (long) n * width;
    Object array = null;
    synchronized (this) {
      SizeClass c = free.get(key(dtype.storage(), n));
      if (c != null) {
        array = c.buffers.pollLast();
        c.lastRun = run;
      }
      if (array != null) {
        freeBytes -= bytes;
      }
    }
    if (array == null) {
      array = Tensor.newArray(dtype, n);
      pool.countAllocated(bytes);
    } else {
      pool.countReused(bytes);
      if (zero) {
        clear(array);
      }
    }
    synchronized (this) {
      owned.put(array, 0);
    }
    return Tensor.wrap(dtype, shape, array);
  }

  /** A slot now holds {@code value}. */
  synchronized void hold(Object value) {
    if (value instanceof Tensor t) {
      Integer c = owned.get(t.data());
      if (c != null) {
        owned.put(t.data(), c + 1);
      }
    } else {
      pin(value);
    }
  }

  /** A slot that held {@code value} died; its array is freed when no other slot holds it. */
  synchronized void drop(Object value) {
    if (!(value instanceof Tensor t)) {
      return;
    }
    Object array = t.data();
    Integer c = owned.get(array);
    if (c == null || c == 0) {
      return;
    }
    if (c > 1) {
      owned.put(array, c - 1);
      return;
    }
    owned.remove(array);
    long bytes = (long) t.size() * storageBytes(t.dtype().storage());
    if (freeBytes + bytes > pool.maxFreeBytesPerArena()) {
      return;
    }
    SizeClass sc = free.computeIfAbsent(key(t.dtype().storage(), t.size()), k -> new SizeClass());
    sc.lastRun = run;
    sc.buffers.addLast(array);
    freeBytes += bytes;
  }

  /** A kernel's scratch tensor: freed if this run owns its array and no slot holds it. */
  synchronized void release(Tensor t) {
    Integer c = owned.get(t.data());
    if (c != null && c == 0) {
      owned.put(t.data(), 1);
      drop(t);
    }
  }

  /** Arrays inside a sequence or optional are never recycled in this run. */
  private void pin(Object value) {
    if (value instanceof TensorSequence s) {
      for (Tensor t : s.tensors()) {
        owned.remove(t.data());
      }
    } else if (value instanceof OptionalValue o && o.value() != null) {
      if (o.value() instanceof Tensor t) {
        owned.remove(t.data());
      } else {
        pin(o.value());
      }
    }
  }

  /** Forgets this run's arrays (the outputs now belong to the caller) and drops stale classes. */
  synchronized void endRun() {
    owned.clear();
    run++;
    if (run % STALE_RUNS == 0) {
      for (Iterator<Map.Entry<Long, SizeClass>> it = free.entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<Long, SizeClass> e = it.next();
        if (run - e.getValue().lastRun > STALE_RUNS) {
          long n = e.getKey() & 0xFFFF_FFFFL;
          freeBytes -= n * e.getValue().buffers.size() * storageBytes(DType.Storage.values()[(int) (e.getKey() >>> 32)]);
          it.remove();
        }
      }
    }
  }

  private static long key(DType.Storage storage, int length) {
    return ((long) storage.ordinal() << 32) | length;
  }

  /** Bytes per element of a storage class; 0 for those never recycled. */
  private static int storageBytes(DType.Storage s) {
    return switch (s) {
      case FLOAT, INT -> 4;
      case DOUBLE, LONG -> 8;
      case SHORT -> 2;
      case BYTE, BOOLEAN -> 1;
      case STRING, NONE -> 0;
    };
  }

  private static void clear(Object array) {
    switch (array) {
      case float[] a -> Arrays.fill(a, 0f);
      case double[] a -> Arrays.fill(a, 0d);
      case byte[] a -> Arrays.fill(a, (byte) 0);
      case short[] a -> Arrays.fill(a, (short) 0);
      case int[] a -> Arrays.fill(a, 0);
      case long[] a -> Arrays.fill(a, 0L);
      case boolean[] a -> Arrays.fill(a, false);
      default -> throw new IllegalStateException("not a recycled array: " + array.getClass());
    }
  }
}
