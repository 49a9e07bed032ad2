package dev.vireo.kernel.elementwise;

import static dev.vireo.tensor.DType.BFLOAT16;
import static dev.vireo.tensor.DType.DOUBLE;
import static dev.vireo.tensor.DType.FLOAT;
import static dev.vireo.tensor.DType.FLOAT16;
import static dev.vireo.tensor.DType.INT32;
import static dev.vireo.tensor.DType.INT64;

import dev.vireo.kernel.KernelRegistry;
import dev.vireo.linalg.BinaryOp;
import dev.vireo.linalg.UnaryOp;

/** Registers the element-wise kernels. */
public final class ElementwiseKernels {
  private ElementwiseKernels() {}

  public static void register(KernelRegistry r) {
    // opset 7: multidirectional broadcasting replaced the broadcast/axis attributes
    binary(r, "Add", BinaryOp.ADD, 7);
    binary(r, "Sub", BinaryOp.SUB, 7);
    binary(r, "Mul", BinaryOp.MUL, 7);
    binary(r, "Div", BinaryOp.DIV, 7);
    binary(r, "Pow", BinaryOp.POW, 7);
    // opset 8: Max and Min broadcast their (one or more) inputs
    binary(r, "Max", BinaryOp.MAX, 8);
    binary(r, "Min", BinaryOp.MIN, 8);

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

    r.add("LeakyRelu", 6, LeakyReluKernel::new, FLOAT, FLOAT16, BFLOAT16);
    // min/max attributes before opset 11, optional inputs from 11 (one kernel reads both)
    r.add("Clip", 6, ClipKernel::new, FLOAT, FLOAT16, BFLOAT16, INT32, INT64);
  }

  private static void binary(KernelRegistry r, String op, BinaryOp fn, int since) {
    r.add(op, since, n -> new BinaryArithmeticKernel(op, fn), FLOAT, DOUBLE, INT32, INT64, FLOAT16, BFLOAT16);
  }

  private static void unary(KernelRegistry r, String op, UnaryOp fn, dev.vireo.tensor.DType... types) {
    r.add(op, 6, n -> new UnaryMathKernel(fn), types);
  }
}
