package dev.vireo.ir;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A loaded model: its main graph, the operator-set versions it imports per domain, producer
 * information and metadata properties.
 */
public final class Model {
  private final Graph graph;
  private final Map<String, Integer> opsetImports;
  private final long irVersion;
  private final String producerName;
  private final String producerVersion;
  private final String domain;
  private final long modelVersion;
  private final String docString;
  private final Map<String, String> metadata;
  private final Path source;

  public Model(
      Graph graph,
      Map<String, Integer> opsetImports,
      long irVersion,
      String producerName,
      String producerVersion,
      String domain,
      long modelVersion,
      String docString,
      Map<String, String> metadata,
      Path source) {
    this.graph = graph;
    this.opsetImports = Collections.unmodifiableMap(new LinkedHashMap<>(opsetImports));
    this.irVersion = irVersion;
    this.producerName = producerName == null ? "" : producerName;
    this.producerVersion = producerVersion == null ? "" : producerVersion;
    this.domain = domain == null ? "" : domain;
    this.modelVersion = modelVersion;
    this.docString = docString == null ? "" : docString;
    this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    this.source = source;
  }

  /** A model from a graph alone (built in code), importing these opsets. */
  public static Model of(Graph graph, Map<String, Integer> opsetImports) {
    return new Model(graph, opsetImports, 8, "vireo", "", "", 0, "", Map.of(), null);
  }

  public Graph graph() {
    return graph;
  }

  /** Domain ("" for ai.onnx) to imported opset version. */
  public Map<String, Integer> opsetImports() {
    return opsetImports;
  }

  /** The opset version imported for a domain, or 0 when not imported. */
  public int opset(String domain) {
    String d = domain == null || domain.equals("ai.onnx") ? "" : domain;
    return opsetImports.getOrDefault(d, 0);
  }

  public long irVersion() {
    return irVersion;
  }

  public String producerName() {
    return producerName;
  }

  public String producerVersion() {
    return producerVersion;
  }

  public String domain() {
    return domain;
  }

  public long modelVersion() {
    return modelVersion;
  }

  public String docString() {
    return docString;
  }

  /** The model's metadata_props, in file order. */
  public Map<String, String> metadata() {
    return metadata;
  }

  /** The file it was loaded from, or null. */
  public Path source() {
    return source;
  }
}
