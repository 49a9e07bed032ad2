package dev.vireo.onnx.load;

import dev.vireo.error.ModelLoadException;
import dev.vireo.error.Phase;
import dev.vireo.ir.Graph;
import dev.vireo.ir.GraphChecker;
import dev.vireo.ir.Model;
import dev.vireo.onnx.proto.ModelProto;
import dev.vireo.onnx.proto.OperatorSetIdProto;
import dev.vireo.onnx.proto.StringStringEntryProto;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads an ONNX model file into Vireo's IR.
 *
 * <p>The file is memory-mapped and parsed with aliasing, so the only heap copy of the weights is
 * the decoded tensors. Every failure (unreadable or malformed file, invalid tensor, undefined
 * name, cycle, ...) becomes a {@link ModelLoadException} whose one-line message names the file.
 */
public final class OnnxLoader {
  private OnnxLoader() {}

  /**
   * Loads, imports and checks a model; the graph comes back topologically sorted.
   *
   * @throws ModelLoadException with a one-line reason naming the file
   */
  public static Model load(Path file) {
    try {
      ProtoFiles.Parsed<ModelProto> p =
          ProtoFiles.parse(file, ModelProto.parser(), "ONNX model", RawDataSplitter.Kind.MODEL);
      return toModel(p.message(), p.tensors(), file);
    } catch (ModelLoadException e) {
      String reason = e.reason();
      if (reason.startsWith(file.toString())) {
        throw e;
      }
      throw new ModelLoadException(
          e.phase(), e.node(), e.node() == null ? file + ": " + reason : reason + " (in " + file + ")", e);
    } catch (RuntimeException e) {
      // Anything the checks above missed (e.g. from Shape or Tensor) is still a bad file.
      throw new ModelLoadException(Phase.LOAD, file + ": " + e, e);
    } catch (StackOverflowError e) {
      throw new ModelLoadException(Phase.LOAD, file + ": the model nests too deeply", null);
    }
  }

  /**
   * Imports a parsed model.
   *
   * @param tensors where its tensor bytes are (external data folder, split-out raw data)
   * @param file the source recorded in the model; may be null
   */
  static Model toModel(ModelProto m, TensorSource tensors, Path file) {
    if (!m.hasGraph()) {
      throw new ModelLoadException(Phase.VALIDATE, "the model has no graph");
    }
    Map<String, Integer> opsets = new LinkedHashMap<>();
    for (OperatorSetIdProto o : m.getOpsetImportList()) {
      if (o.getVersion() <= 0 || o.getVersion() > Integer.MAX_VALUE) {
        throw new ModelLoadException(
            Phase.VALIDATE, "opset_import of domain '" + o.getDomain() + "' has version " + o.getVersion());
      }
      opsets.put(normalizeDomain(o.getDomain()), (int) o.getVersion());
    }
    if (opsets.isEmpty() && m.getIrVersion() < 3) {
      opsets.put("", 1); // IR versions before 3 had no opset_import: operator set 1 was implied
    }
    FunctionInliner functions = new FunctionInliner(m.getFunctionsList(), opsets);
    Graph graph = new GraphImporter(tensors, opsets, functions).importMain(m.getGraph());
    GraphChecker.check(graph);
    Map<String, String> metadata = new LinkedHashMap<>();
    for (StringStringEntryProto e : m.getMetadataPropsList()) {
      metadata.put(e.getKey(), e.getValue());
    }
    for (StringStringEntryProto e : m.getGraph().getMetadataPropsList()) {
      graph.metadata().put(e.getKey(), e.getValue());
    }
    return new Model(
        graph, opsets, m.getIrVersion(), m.getProducerName(), m.getProducerVersion(),
        m.getDomain(), m.getModelVersion(), m.getDocString(), metadata, file);
  }

  /** "" for the default domain, written either "" or "ai.onnx". */
  static String normalizeDomain(String domain) {
    return domain == null || domain.equals("ai.onnx") ? "" : domain;
  }
}
