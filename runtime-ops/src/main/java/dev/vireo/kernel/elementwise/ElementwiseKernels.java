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
import static dev.vireo.tensor.DType.UINT8;

import dev.vireo.kernel.IntegerWidening;
import dev.vireo.kernel.KernelRegistration;
import dev.vireo.kernel.KernelRegistry;
import dev.vireo.linalg.BinaryOp;
import dev.vireo.linalg.CompareOp;
import dev.vireo.linalg.UnaryOp;
import dev.vireo.tensor.DType;
import java.util.Set;

/** Registers the element-wise kernels. */
public final class ElementwiseKernels {
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

    unary(r, "Relu", UnaryOp.RELU, FLOAT, FLOAT16, BFLOAT16, DOUBLE, INT32, INT64);
    unary(r, "Neg", UnaryOp.NEG, FLOAT, FLOAT16, BFLOAT16, DOUBLE, INT32, INT64);
    unary(r, "Abs", UnaryOp.ABS, FLOAT, FLOAT16, BFLOAT16, DOUBLE, INT32, INT64);
    unary(r, "Sigmoid", UnaryOp.SIGMOID, FLOAT, FLOAT16, BFLOAT16);
    unary(r, "Tanh", UnaryOp.TANH, FLOAT, FLOAT16, BFLOAT16);
    unary(r, "Erf", UnaryOp.ERF, FLOAT, FLOAT16, BFLOAT16);
    unary(r, "Sqrt", UnaryOp.SQRT, FLOAT, FLOAT16, BFLOAT16);
    unary(r, "Exp", UnaryOp.EXP, FLOAT, FLOAT16, BFLOAT16);
    unary(r, "Log", UnaryOp.LOG, FLOAT, FLOAT16, BFLOAT16);
    unary(r, "Floor", UnaryOp.FLOOR, FLOAT, FLOAT16, BFLOAT16);
    unary(r, "Ceil", UnaryOp.CEIL, FLOAT, FLOAT16, BFLOAT16);
    unary(r, "Reciprocal", UnaryOp.RECIPROCAL, FLOAT, FLOAT16, BFLOAT16);
    unary(r, "Softplus", UnaryOp.SOFTPLUS, FLOAT, FLOAT16, BFLOAT16);

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

  private static void unary(KernelRegistry r, String op, UnaryOp fn, DType... types) {
    r.add(op, 6, n -> new UnaryMathKernel(fn), types);
  }
}
