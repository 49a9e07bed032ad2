/**
 * QDQ fusions: DequantizeLinear → op → QuantizeLinear chains rewritten into the standard integer
 * operators (QLinearConv, QLinearMatMul), so no float tensor is materialized between them.
 */
package dev.vireo.optimize.qdq;
