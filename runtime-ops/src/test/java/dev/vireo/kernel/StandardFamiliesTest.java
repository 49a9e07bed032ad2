package dev.vireo.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.op.StandardOps;
import dev.vireo.tensor.DType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every kernel of the standard registry has an op definition, and no two of its registrations
 * serve the same (op, opset, type).
 */
class StandardFamiliesTest {
  @Test
  void everyKernelHasAnOpDefinition() {
    List<String> missing = new ArrayList<>();
    for (KernelRegistration reg : StandardKernels.registry().all()) {
      if (StandardOps.registry().find(reg.domain(), reg.opType()) == null) {
        missing.add(reg.domainLabel() + " " + reg.opType());
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void noTwoRegistrationsOfAnOpOverlap() {
    List<KernelRegistration> all = StandardKernels.registry().all();
    for (int i = 0; i < all.size(); i++) {
      for (int j = i + 1; j < all.size(); j++) {
        KernelRegistration a = all.get(i);
        KernelRegistration b = all.get(j);
        boolean sameOp = a.opType().equals(b.opType()) && a.domain().equals(b.domain());
        boolean overlap = a.sinceVersion() <= b.untilVersion() && b.sinceVersion() <= a.untilVersion();
        boolean sharedType = a.types().isEmpty() || b.types().isEmpty()
            || a.types().stream().anyMatch(b.types()::contains);
        assertThat(sameOp && overlap && sharedType)
            .as("%s %s and %s overlap", a.opType(), a.versionLabel(), b.versionLabel()).isFalse();
      }
    }
  }

  @Test
  void theStandardRegistryServesTheBriefsOpsAtOpset7AndLatest() {
    String[] ops = {"Conv", "Gemm", "MatMul", "Add", "Sub", "Mul", "Div", "Relu", "Sigmoid", "Tanh",
        "MaxPool", "AveragePool", "GlobalAveragePool", "BatchNormalization", "Reshape", "Flatten",
        "Transpose", "Concat", "Softmax", "Identity", "Constant", "Shape", "Gather", "Unsqueeze",
        "Squeeze", "Cast"};
    for (String op : ops) {
      for (int opset : new int[] {7, 13, 24}) {
        KernelRegistry.Lookup l = StandardKernels.registry().find("", op, opset, k -> DType.FLOAT);
        assertThat(l.registration()).as("%s at opset %d", op, opset).isNotNull();
      }
    }
  }
}
