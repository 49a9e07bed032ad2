package dev.vireo.exec;

/**
 * Counts of the tensor buffers runs asked for through {@link ExecContext#allocate} and {@link
 * ExecContext#allocateUninitialized}: how many were new arrays and how many were reused from
 * earlier, dead values.
 *
 * @param allocated buffers created as new arrays
 * @param reused buffers taken from a run's free list
 * @param allocatedBytes bytes of the new arrays
 * @param reusedBytes bytes of the reused ones
 */
public record BufferStats(long allocated, long reused, long allocatedBytes, long reusedBytes) {
  /** The counts since {@code earlier} was taken. */
  public BufferStats minus(BufferStats earlier) {
    return new BufferStats(allocated - earlier.allocated, reused - earlier.reused,
        allocatedBytes - earlier.allocatedBytes, reusedBytes - earlier.reusedBytes);
  }
}
