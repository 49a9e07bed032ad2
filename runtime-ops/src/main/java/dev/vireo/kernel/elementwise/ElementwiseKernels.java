package dev.vireo.kernel.elementwise;

import static dev.vireo.tensor.DType.BFLOAT16;
import static dev.vireo.tensor.DType.BOOL;
import static dev.vireo.tensor.DType.DOUBLE;
import static dev.vireo.tensor.DType.FLOAT;
import static dev.vireo.tensor.DType.FLOAT16;
import static dev.vireo.tensor.DType.INT16;
import static dev.vireo.tensor.DType.INT32;
import static dev.vireo.tensor.DType.INT64;
import static dev.vireo.tensor.DType.INT8;
import static dev.vireo.tensor.DType.STRING;
import static dev.vireo.tensor.DType.UINT16;
import static dev.vireo.tensor.DType.UINT32;
import static dev.vireo.tensor.DType.UINT64;
import static dev.vireo.tensor.DType.UINT8;

import dev.vireo.ir.Node;
import dev.vireo.kernel.IntegerWidening;
import dev.vireo.kernel.KernelRegistration;
import dev.vireo.kernel.KernelRegistry;
import dev.vireo.linalg.Activation;
import dev.vireo.linalg.BinaryOp;
import dev.vireo.linalg.CompareOp;
import dev.vireo.linalg.UnaryOp;
import dev.vireo.tensor.DType;
import java.util.Set;

/** Registers the element-wise kernels. */
public final class ElementwiseKernels {
  private static final DType[] FLOATS = {FLOAT, FLOAT16, BFLOAT16, DOUBLE};
  private static final DType[] INTEGERS = {INT8, UINT8, INT16, UINT16, INT32, UINT32, INT64, UINT64};
  private static final DType[] NUMERIC = {FLOAT, FLOAT16, BFLOAT16, DOUBLE, INT8, UINT8, INT16, UINT16,
      INT32, UINT32, INT64, UINT64};

  private ElementwiseKernels() {}

  public static void register(KernelRegistry r) {
    // before opset 7: broadcast/axis attributes; from 7: numpy broadcasting (the kernel branches)
    binary(r, "Add", BinaryOp.ADD, 1);
    binary(r, "Sub", BinaryOp.SUB, 1);
    binary(r, "Mul", BinaryOp.MUL, 1);
    binary(r, "Div", BinaryOp.DIV, 1);
    binary(r, "Pow", BinaryOp.POW, 1);
    // before opset 8 Max and Min need equal shapes, a case of the broadcasting the kernel does
    binary(r, "Max", BinaryOp.MAX, 1);
    binary(r, "Min", BinaryOp.MIN, 1);

    // the signed types: Relu (opset 14), Neg; every numeric type: Abs, Sign (opset 9)
    unary(r, "Relu", 6, UnaryOp.RELU, FLOAT, FLOAT16, BFLOAT16, DOUBLE, INT8, INT16, INT32, INT64);
    unary(r, "Neg", 6, UnaryOp.NEG, FLOAT, FLOAT16, BFLOAT16, DOUBLE, INT8, INT16, INT32, INT64);
    unary(r, "Abs", 6, UnaryOp.ABS, NUMERIC);
    unary(r, "Sign", 9, UnaryOp.SIGN, NUMERIC);
    unary(r, "Sigmoid", 6, UnaryOp.SIGMOID, FLOATS);
    unary(r, "Tanh", 6, UnaryOp.TANH, FLOATS);
    unary(r, "Erf", 9, UnaryOp.ERF, FLOATS);
    unary(r, "Sqrt", 6, UnaryOp.SQRT, FLOATS);
    unary(r, "Exp", 6, UnaryOp.EXP, FLOATS);
    unary(r, "Log", 6, UnaryOp.LOG, FLOATS);
    unary(r, "Floor", 6, UnaryOp.FLOOR, FLOATS);
    unary(r, "Ceil", 6, UnaryOp.CEIL, FLOATS);
    unary(r, "Reciprocal", 6, UnaryOp.RECIPROCAL, FLOATS);
    unary(r, "Softplus", 1, UnaryOp.SOFTPLUS, FLOATS);
    unary(r, "Softsign", 1, UnaryOp.SOFTSIGN, FLOATS);
    // opset 7: the trigonometric functions; opset 9: the hyperbolic ones
    unary(r, "Cos", 7, UnaryOp.COS, FLOATS);
    unary(r, "Sin", 7, UnaryOp.SIN, FLOATS);
    unary(r, "Tan", 7, UnaryOp.TAN, FLOATS);
    unary(r, "Acos", 7, UnaryOp.ACOS, FLOATS);
    unary(r, "Asin", 7, UnaryOp.ASIN, FLOATS);
    unary(r, "Atan", 7, UnaryOp.ATAN, FLOATS);
    unary(r, "Cosh", 9, UnaryOp.COSH, FLOATS);
    unary(r, "Sinh", 9, UnaryOp.SINH, FLOATS);
    unary(r, "Acosh", 9, UnaryOp.ACOSH, FLOATS);
    unary(r, "Asinh", 9, UnaryOp.ASINH, FLOATS);
    unary(r, "Atanh", 9, UnaryOp.ATANH, FLOATS);
    unary(r, "Round", 11, UnaryOp.ROUND, FLOATS);
    unary(r, "HardSwish", 14, UnaryOp.HARD_SWISH, FLOATS);
    unary(r, "Mish", 18, UnaryOp.MISH, FLOATS);
    r.add("Gelu", 20, n -> new UnaryMathKernel(gelu(n)), FLOATS);
    r.add("IsNaN", 9, n -> FloatClassKernel.isNaN(), FLOATS);
    r.add("IsInf", 10, FloatClassKernel::isInf, FLOATS);

    // opset 1 had consumed_inputs, which changes nothing at run time
    activation(r, "Selu", 1, Activation.SELU, "alpha", 1.67326319217681884765625f, "gamma",
        1.05070102214813232421875f);
    activation(r, "Elu", 1, Activation.ELU, "alpha", 1f, null, 0f);
    activation(r, "HardSigmoid", 1, Activation.HARD_SIGMOID, "alpha", 0.2f, "beta", 0.5f);
    activation(r, "ThresholdedRelu", 10, Activation.THRESHOLDED_RELU, "alpha", 1f, null, 0f);
    activation(r, "Shrink", 9, Activation.SHRINK, "bias", 0f, "lambd", 0.5f);
    activation(r, "Celu", 12, Activation.CELU, "alpha", 1f, null, 0f);
    activation(r, "Swish", 24, Activation.SWISH, "alpha", 1f, null, 0f);

    compare(r, "Equal", CompareOp.EQUAL, 7, FLOAT, FLOAT16, BFLOAT16, DOUBLE, INT32, INT64, BOOL, STRING);
    compare(r, "Less", CompareOp.LESS, 7, FLOAT, FLOAT16, BFLOAT16, DOUBLE, INT32, INT64);
    compare(r, "Greater", CompareOp.GREATER, 7, FLOAT, FLOAT16, BFLOAT16, DOUBLE, INT32, INT64);
    compare(r, "LessOrEqual", CompareOp.LESS_OR_EQUAL, 12, FLOAT, FLOAT16, BFLOAT16, DOUBLE, INT32, INT64);
    compare(r, "GreaterOrEqual", CompareOp.GREATER_OR_EQUAL, 12, FLOAT, FLOAT16, BFLOAT16, DOUBLE, INT32, INT64);
    compare(r, "And", CompareOp.AND, 7, BOOL);
    compare(r, "Or", CompareOp.OR, 7, BOOL);
    compare(r, "Xor", CompareOp.XOR, 7, BOOL);
    r.add("Not", 1, n -> new NotKernel(), BOOL);
    // opset 9: Where; its type-defining input is X (input 1)
    r.add(new KernelRegistration("", "Where", 9, KernelRegistry.LATEST, 1, Set.of(), n -> new WhereKernel()));

    // opset 15 (19 saturate, for float8 targets only): CastLike, any type to input 1's type
    r.add("CastLike", 15, n -> new CastLikeKernel());

    // fmod=0: the divisor's sign (integers); fmod=1: C fmod
    r.add("Mod", 10, n -> new BinaryArithmeticKernel("Mod",
        n.attrInt("fmod", 0) != 0 ? BinaryOp.FMOD : BinaryOp.MOD, n), NUMERIC);
    // opset 7: numpy broadcasting of the slope, a case of the broadcasting the kernel does
    r.add("PRelu", 6, n -> new BinaryArithmeticKernel("PRelu", BinaryOp.PRELU, n), FLOAT, FLOAT16,
        BFLOAT16, DOUBLE, INT32, INT64, INT8, UINT8, INT16, UINT16, UINT32);
    // before opset 8 Sum and Mean need equal shapes, a case of the broadcasting the kernel does
    r.add("Sum", 6, n -> new BinaryArithmeticKernel("Sum", BinaryOp.ADD, n), FLOATS);
    r.add("Mean", 6, MeanKernel::new, FLOATS);
    r.add("BitShift", 11, n -> new BinaryArithmeticKernel("BitShift", shift(n), n), UINT8, UINT16,
        UINT32, UINT64);
    r.add("BitwiseAnd", 18, n -> new BinaryArithmeticKernel("BitwiseAnd", BinaryOp.BIT_AND, n), INTEGERS);
    r.add("BitwiseOr", 18, n -> new BinaryArithmeticKernel("BitwiseOr", BinaryOp.BIT_OR, n), INTEGERS);
    r.add("BitwiseXor", 18, n -> new BinaryArithmeticKernel("BitwiseXor", BinaryOp.BIT_XOR, n), INTEGERS);
    r.add("BitwiseNot", 18, n -> new BitwiseNotKernel(), INTEGERS);

    r.add("LeakyRelu", 6, LeakyReluKernel::new, FLOAT, FLOAT16, BFLOAT16);
    // min/max attributes before opset 11, optional inputs from 11 (one kernel reads both)
    r.add("Clip", 6, ClipKernel::new, FLOAT, FLOAT16, BFLOAT16, INT32, INT64, INT8, UINT8, INT16,
        UINT16, UINT32);
  }

  private static void binary(KernelRegistry r, String op, BinaryOp fn, int since) {
    r.add(op, since, n -> new BinaryArithmeticKernel(op, fn, n), withNarrow(FLOAT, DOUBLE, INT32, INT64, FLOAT16, BFLOAT16));
  }

  private static void compare(KernelRegistry r, String op, CompareOp fn, int since, DType... types) {
    r.add(op, since, n -> new CompareKernel(op, fn), types[0] == BOOL ? types : withNarrow(types));
  }

  private static DType[] withNarrow(DType... types) {
    DType[] all = java.util.Arrays.copyOf(types, types.length + IntegerWidening.NARROW_TYPES.length);
    System.arraycopy(IntegerWidening.NARROW_TYPES, 0, all, types.length, IntegerWidening.NARROW_TYPES.length);
    return all;
  }

  private static void unary(KernelRegistry r, String op, int since, UnaryOp fn, DType... types) {
    r.add(op, since, n -> new UnaryMathKernel(fn), types);
  }

  /** An activation whose parameters a and b are the attributes so named (null: unused). */
  private static void activation(KernelRegistry r, String op, int since, Activation fn, String a,
      float da, String b, float db) {
    r.add(op, since, n -> new ActivationKernel(fn, n.attrFloat(a, da),
        b == null ? db : n.attrFloat(b, db)), FLOATS);
  }

  private static UnaryOp gelu(Node n) {
    String approximate = n.attrString("approximate", "none");
    return switch (approximate) {
      case "none" -> UnaryOp.GELU;
      case "tanh" -> UnaryOp.GELU_TANH;
      default -> throw new IllegalArgumentException("Gelu: approximate must be 'none' or 'tanh', got '"
          + approximate + "'");
    };
  }

  private static BinaryOp shift(Node n) {
    String direction = n.attrString("direction", "");
    return switch (direction) {
      case "LEFT" -> BinaryOp.SHL;
      case "RIGHT" -> BinaryOp.SHR;
      default -> throw new IllegalArgumentException("BitShift: direction must be LEFT or RIGHT, got '"
          + direction + "'");
    };
  }
}
