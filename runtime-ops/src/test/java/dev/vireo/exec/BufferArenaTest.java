package dev.vireo.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.tensor.DType;
import dev.vireo.tensor.OptionalValue;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import dev.vireo.tensor.TensorSequence;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The arena recycles an owned array only when its last holder dies, and zero-fills on allocate. */
class BufferArenaTest {
  private final BufferPool pool = new BufferPool(1 << 20);
  private final ExecContext session = new ExecContext(1, null, null, pool);

  @Test
  void allocateZeroFillsARecycledArrayAndUninitializedDoesNot() {
    BufferArena arena = pool.acquire(session);
    ExecContext ctx = arena.context();
    Tensor t = ctx.allocateUninitialized(DType.FLOAT, Shape.of(2, 3));
    Arrays.fill(t.floats(), 7f);
    arena.hold(t);
    arena.drop(t);
    Tensor again = ctx.allocateUninitialized(DType.FLOAT, Shape.of(3, 2));
    assertThat(again.data()).isSameAs(t.data());
    assertThat(again.floats()).containsOnly(7f);
    arena.hold(again);
    arena.drop(again);
    Tensor zeroed = ctx.allocate(DType.FLOAT, Shape.of(6));
    assertThat(zeroed.data()).isSameAs(t.data());
    assertThat(zeroed.floats()).containsOnly(0f);
    assertThat(pool.stats()).isEqualTo(new BufferStats(1, 2, 24, 48));
  }

  @Test
  void anArrayReturnsOnlyWhenItsLastSlotDies() {
    BufferArena arena = pool.acquire(session);
    Tensor t = arena.context().allocate(DType.INT64, Shape.of(4));
    Tensor view = t.reshape(Shape.of(2, 2));
    arena.hold(t);
    arena.hold(view);
    arena.drop(t);
    assertThat(arena.context().allocate(DType.INT64, Shape.of(4)).data()).isNotSameAs(t.data());
    arena.drop(view);
    assertThat(arena.context().allocate(DType.INT64, Shape.of(4)).data()).isSameAs(t.data());
  }

  @Test
  void foreignArraysSequencesAndEndedRunsAreNeverRecycled() {
    BufferArena arena = pool.acquire(session);
    ExecContext ctx = arena.context();
    Tensor fed = Tensor.of(new float[] {1, 2}, 2);
    arena.hold(fed);
    arena.drop(fed);
    Tensor inSequence = ctx.allocate(DType.FLOAT, Shape.of(2));
    arena.hold(inSequence);
    arena.hold(new TensorSequence(DType.FLOAT, List.of(inSequence)));
    arena.drop(inSequence);
    Tensor inOptional = ctx.allocate(DType.FLOAT, Shape.of(2));
    arena.hold(inOptional);
    arena.hold(OptionalValue.of(inOptional));
    arena.drop(inOptional);
    Tensor output = ctx.allocate(DType.FLOAT, Shape.of(2));
    arena.hold(output);
    pool.release(arena);
    arena.drop(output);
    BufferArena next = pool.acquire(session);
    assertThat(next).isSameAs(arena);
    Object recycled = next.context().allocate(DType.FLOAT, Shape.of(2)).data();
    assertThat(recycled).isNotSameAs(fed.data()).isNotSameAs(inSequence.data())
        .isNotSameAs(inOptional.data()).isNotSameAs(output.data());
    assertThat(pool.stats().reused()).isZero();
  }

  @Test
  void sessionContextAllocatesFreshArraysAndRunViewsShareThePool() {
    Tensor a = session.allocate(DType.FLOAT, Shape.of(3));
    Tensor b = session.allocate(DType.FLOAT, Shape.of(3));
    assertThat(a.data()).isNotSameAs(b.data());
    assertThat(session.buffers()).isSameAs(pool);
    assertThat(pool.acquire(session).context().buffers()).isSameAs(pool);
  }

  @Test
  void releasedScratchIsReusedButHeldTensorsAreNot() {
    BufferArena arena = pool.acquire(session);
    ExecContext ctx = arena.context();
    Tensor scratch = ctx.allocateUninitialized(DType.FLOAT, Shape.of(5));
    ctx.release(scratch);
    assertThat(ctx.allocate(DType.FLOAT, Shape.of(5)).data()).isSameAs(scratch.data());
    Tensor held = ctx.allocate(DType.FLOAT, Shape.of(7));
    arena.hold(held);
    ctx.release(held);
    assertThat(ctx.allocate(DType.FLOAT, Shape.of(7)).data()).isNotSameAs(held.data());
    ctx.release(Tensor.of(new float[5], 5));
    session.release(scratch);
    assertThat(pool.stats().reused()).isEqualTo(1);
  }

  @Test
  void clearDropsIdleArenas() {
    BufferArena arena = pool.acquire(session);
    pool.release(arena);
    pool.clear();
    assertThat(pool.acquire(session)).isNotSameAs(arena);
  }
}
