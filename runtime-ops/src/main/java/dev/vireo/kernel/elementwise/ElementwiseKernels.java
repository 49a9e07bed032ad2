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
  private static final DType[] NO_BF16 = {FLOAT, FLOAT16, DOUBLE};
  private static final DType[] INTEGERS = {INT8, UINT8, INT16, UINT16, INT32, UINT32, INT64, UINT64};
  private static final DType[] NUMERIC = {FLOAT, FLOAT16, BFLOAT16, DOUBLE, INT8, UINT8, INT16, UINT16,
      INT32, UINT32, INT64, UINT64};

  private static final DType[] NUMERIC_NO_BF16 = {FLOAT, FLOAT16, DOUBLE, INT8, UINT8, INT16, UINT16,
      INT32, UINT32, INT64, UINT64};
  private static final int LATEST = KernelRegistry.LATEST;

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
    unary(r, "Sign", 9, 12, UnaryOp.SIGN, NUMERIC_NO_BF16);
    unary(r, "Sign", 13, KernelRegistry.LATEST, UnaryOp.SIGN, NUMERIC);
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
    bf16From22(r, "Softsign", 1, UnaryOp.SOFTSIGN);
    // opset 7: the trigonometric functions; opset 9: the hyperbolic ones
    bf16From22(r, "Cos", 7, UnaryOp.COS);
    bf16From22(r, "Sin", 7, UnaryOp.SIN);
    bf16From22(r, "Tan", 7, UnaryOp.TAN);
    bf16From22(r, "Acos", 7, UnaryOp.ACOS);
    bf16From22(r, "Asin", 7, UnaryOp.ASIN);
    bf16From22(r, "Atan", 7, UnaryOp.ATAN);
    bf16From22(r, "Cosh", 9, UnaryOp.COSH);
    bf16From22(r, "Sinh", 9, UnaryOp.SINH);
    bf16From22(r, "Acosh", 9, UnaryOp.ACOSH);
    bf16From22(r, "Asinh", 9, UnaryOp.ASINH);
    bf16From22(r, "Atanh", 9, UnaryOp.ATANH);
    bf16From22(r, "Round", 11, UnaryOp.ROUND);
    bf16From22(r, "HardSwish", 14, UnaryOp.HARD_SWISH);
    bf16From22(r, "Mish", 18, UnaryOp.MISH);
    r.add("Gelu", 20, n -> new UnaryMathKernel(gelu(n)), FLOATS);
    // IsNaN: bf16 from opset 13; IsInf: f16 and bf16 from 20 (float8 unsupported)
    r.add("IsNaN", 9, 12, n -> FloatClassKernel.isNaN(), FLOAT, FLOAT16, DOUBLE);
    r.add("IsNaN", 13, n -> FloatClassKernel.isNaN(), FLOATS);
    r.add("IsInf", 10, 19, FloatClassKernel::isInf, FLOAT, DOUBLE);
    r.add("IsInf", 20, FloatClassKernel::isInf, FLOATS);

    // opset 1 had consumed_inputs, which changes nothing at run time; opset 22 added bf16
    activation(r, "Selu", 1, 21, Activation.SELU, "alpha", 1.67326319217681884765625f, "gamma",
        1.05070102214813232421875f, NO_BF16);
    activation(r, "Selu", 22, LATEST, Activation.SELU, "alpha", 1.67326319217681884765625f,
        "gamma", 1.05070102214813232421875f, FLOATS);
    activation(r, "Elu", 1, 21, Activation.ELU, "alpha", 1f, null, 0f, NO_BF16);
    activation(r, "Elu", 22, LATEST, Activation.ELU, "alpha", 1f, null, 0f, FLOATS);
    activation(r, "HardSigmoid", 1, 21, Activation.HARD_SIGMOID, "alpha", 0.2f, "beta", 0.5f, NO_BF16);
    activation(r, "HardSigmoid", 22, LATEST, Activation.HARD_SIGMOID, "alpha", 0.2f, "beta", 0.5f, FLOATS);
    activation(r, "ThresholdedRelu", 10, 21, Activation.THRESHOLDED_RELU, "alpha", 1f, null, 0f, NO_BF16);
    activation(r, "ThresholdedRelu", 22, LATEST, Activation.THRESHOLDED_RELU, "alpha", 1f, null, 0f,
        FLOATS);
    activation(r, "Shrink", 9, LATEST, Activation.SHRINK, "bias", 0f, "lambd", 0.5f, NO_BF16);
    r.add("Shrink", 9, ShrinkIntegerKernel::new, INTEGERS);
    // Celu: f32 only until opset 28
    activation(r, "Celu", 12, 27, Activation.CELU, "alpha", 1f, null, 0f, FLOAT);
    activation(r, "Celu", 28, LATEST, Activation.CELU, "alpha", 1f, null, 0f, FLOATS);
    activation(r, "Swish", 24, LATEST, Activation.SWISH, "alpha", 1f, null, 0f, FLOATS);

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


    // fmod=0: the divisor's sign (integers); fmod=1: C fmod
    // opset 13 added bf16
    r.add("Mod", 10, 12, ElementwiseKernels::mod, NUMERIC_NO_BF16);
    r.add("Mod", 13, ElementwiseKernels::mod, NUMERIC);
    // opset 7: numpy broadcasting of the slope, a case of the broadcasting the kernel does;
    // opset 9: i32, i64, u32 and u64; opset 16: bf16
    r.add("PRelu", 6, 8, ElementwiseKernels::prelu, NO_BF16);
    r.add("PRelu", 9, 15, ElementwiseKernels::prelu, FLOAT, FLOAT16, DOUBLE, INT32, INT64, UINT32,
        UINT64);
    r.add("PRelu", 16, ElementwiseKernels::prelu, FLOAT, FLOAT16, BFLOAT16, DOUBLE, INT32, INT64,
        UINT32, UINT64);
    // before opset 8 Sum and Mean need equal shapes, a case of the broadcasting the kernel does;
    // opset 13 added bf16
    r.add("Sum", 6, 12, n -> new BinaryArithmeticKernel("Sum", BinaryOp.ADD, n), NO_BF16);
    r.add("Sum", 13, n -> new BinaryArithmeticKernel("Sum", BinaryOp.ADD, n), FLOATS);
    r.add("Mean", 6, 12, MeanKernel::new, NO_BF16);
    r.add("Mean", 13, MeanKernel::new, FLOATS);
    r.add("BitShift", 11, n -> new BinaryArithmeticKernel("BitShift", shift(n), n), UINT8, UINT16,
        UINT32, UINT64);
    r.add("BitwiseAnd", 18, n -> new BinaryArithmeticKernel("BitwiseAnd", BinaryOp.BIT_AND, n), INTEGERS);
    r.add("BitwiseOr", 18, n -> new BinaryArithmeticKernel("BitwiseOr", BinaryOp.BIT_OR, n), INTEGERS);
    r.add("BitwiseXor", 18, n -> new BinaryArithmeticKernel("BitwiseXor", BinaryOp.BIT_XOR, n), INTEGERS);
    r.add("BitwiseNot", 18, n -> new BitwiseNotKernel(), INTEGERS);

    r.add("LeakyRelu", 6, LeakyReluKernel::new, FLOAT, FLOAT16, BFLOAT16, DOUBLE);
    // min/max attributes before opset 11, optional inputs from 11 (one kernel reads both)
    r.add("Clip", 6, ClipKernel::new, FLOAT, FLOAT16, BFLOAT16, DOUBLE, INT32, INT64, INT8, UINT8,
        INT16, UINT16, UINT32, UINT64);
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

  private static void unary(KernelRegistry r, String op, int since, int until, UnaryOp fn,
      DType... types) {
    r.add(op, since, until, n -> new UnaryMathKernel(fn), types);
  }

  /** A float function whose type list gained bf16 at opset 22. */
  private static void bf16From22(KernelRegistry r, String op, int since, UnaryOp fn) {
    unary(r, op, since, 21, fn, NO_BF16);
    unary(r, op, 22, LATEST, fn, FLOATS);
  }

  /** An activation whose parameters a and b are the attributes so named (null: unused). */
  private static void activation(KernelRegistry r, String op, int since, int until, Activation fn,
      String a, float da, String b, float db, DType... types) {
    r.add(op, since, until, n -> new ActivationKernel(fn, n.attrFloat(a, da),
        b == null ? db : n.attrFloat(b, db)), types);
  }

  private static BinaryArithmeticKernel mod(Node n) {
    return new BinaryArithmeticKernel("Mod", n.attrInt("fmod", 0) != 0 ? BinaryOp.FMOD : BinaryOp.MOD, n);
  }

  private static BinaryArithmeticKernel prelu(Node n) {
    return new BinaryArithmeticKernel("PRelu", BinaryOp.PRELU, n);
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
