package org.scalesweep.jobs.ingest;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A reusable description of an export layout ({@code --mapping FILE}, config key
 * {@code ingest.mapping}), in HOCON:
 *
 * <pre>
 * columns { run_id = Name, params = "model/num_params", flops = "throughput/total_gflops*1e9", loss = "eval/loss" }
 * subgroups = ["eval/*&#47;loss"]
 * params-embeddings = included
 * </pre>
 *
 * {@code columns} are {@code --map} pairs (with unit conversions), {@code subgroups} the
 * {@code --subgroup-columns} patterns, {@code params-embeddings} as {@code --params-embeddings}.
 * Options given on the command line (or in the study config) take precedence.
 */
public record MappingFile(List<String> columns, List<String> subgroups, ParamsEmbeddings paramsEmbeddings) {
  private static final Set<String> KEYS = Set.of("columns", "subgroups", "params-embeddings");

  public MappingFile {
    columns = List.copyOf(columns);
    subgroups = List.copyOf(subgroups);
  }

  /**
   * Reads a mapping file.
   *
   * @throws InvalidInputException when it is missing, not HOCON, or has an unknown key
   */
  public static MappingFile read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(file.toString(), List.of("mapping file '" + file + "' does not exist"));
    }
    Config c;
    try {
      c = ConfigFactory.parseFile(file.toFile()).resolve();
    } catch (ConfigException e) {
      throw new InvalidInputException(file.toString(), List.of(file + ": not a valid mapping file (" + e.getMessage()
          + ")"));
    }
    List<String> problems = new ArrayList<>();
    for (String k : c.root().keySet()) {
      if (!KEYS.contains(k)) {
        problems.add(file + ": unknown key '" + k + "'; allowed: columns, subgroups, params-embeddings");
      }
    }
    List<String> cols = new ArrayList<>();
    if (c.hasPath("columns")) {
      for (String k : c.getObject("columns").keySet()) {
        cols.add(k + "=" + c.getObject("columns").get(k).unwrapped());
      }
    }
    List<String> subs = new ArrayList<>();
    if (c.hasPath("subgroups")) {
      if (c.getValue("subgroups").valueType() == ConfigValueType.LIST) {
        subs.addAll(c.getStringList("subgroups"));
      } else {
        subs.add(c.getString("subgroups"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(file.toString(), problems);
    }
    return new MappingFile(cols, subs,
        c.hasPath("params-embeddings") ? ParamsEmbeddings.parse(c.getString("params-embeddings")) : null);
  }
}
