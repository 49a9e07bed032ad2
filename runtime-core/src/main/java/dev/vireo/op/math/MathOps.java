package dev.vireo.op.math;

import dev.vireo.op.OpDefRegistry;

/** Registers the element-wise, matrix-product and type-conversion op definitions. */
public final class MathOps {
  private MathOps() {}

  public static void register(OpDefRegistry r) {
    for (String op : new String[] {"Relu", "Sigmoid", "Tanh", "Erf", "Sqrt", "Exp", "Log", "Abs",
        "Neg", "Floor", "Ceil", "Reciprocal", "Softplus", "LeakyRelu", "Clip", "Softmax",
        "Not"}) {
      r.register(new ElementwiseDef(op));
    }
    for (String op : new String[] {"Add", "Sub", "Mul", "Div", "Pow", "Max", "Min"}) {
      r.register(new BroadcastDef(op, false));
    }
    for (String op : new String[] {"Equal", "Less", "Greater", "LessOrEqual", "GreaterOrEqual",
        "And", "Or", "Xor"}) {
      r.register(new BroadcastDef(op, true));
    }
    r.register(new WhereDef());
    r.register(new MatMulDef());
    r.register(new GemmDef());
    r.register(new CastDef());
    r.register(new CastLikeDef());
  }
}
