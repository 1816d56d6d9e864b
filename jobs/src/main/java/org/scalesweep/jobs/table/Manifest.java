package org.scalesweep.jobs.table;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * manifest.json of an output directory: resolved config and its hash, version, master, seeds, and
 * per-stage outputs with row counts, wall times and every committed part file's rows and SHA-256
 * ({@link PartFile}). Rewritten after every stage.
 */
public final class Manifest {
  /** Key of a stage entry's list of committed part files. */
  public static final String PARTS = "parts";

  private final Map<String, Object> header = new LinkedHashMap<>();
  private final Map<String, Object> stages = new LinkedHashMap<>();

  public Manifest(String study, String configHash, String resolvedConfigJson, String version, String master,
      long seed, int replicates) {
    header.put("study", study);
    header.put("version", version);
    header.put("config_hash", configHash);
    header.put("spark_master", master);
    header.put("seed", seed);
    header.put("replicates", replicates);
    header.put("config", ConfigFactory.parseString(resolvedConfigJson).root().unwrapped());
  }

  /** Records a finished stage and the part files it committed. */
  public synchronized void stage(String name, double seconds, Map<String, Long> rows, List<PartFile> parts,
      Map<String, Object> extra) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("wall_seconds", Math.round(seconds * 1000) / 1000.0);
    s.put("rows", new LinkedHashMap<>(rows));
    s.put("config_hash", header.get("config_hash"));
    s.put("version", header.get("version"));
    s.putAll(extra);
    s.put(PARTS, parts.stream().map(PartFile::toMap).toList());
    stages.put(name, s);
  }

  /** A stage's entry as recorded (or restored), if any. */
  public synchronized Map<?, ?> entry(String name) {
    return stages.get(name) instanceof Map<?, ?> m ? m : null;
  }

  /** Drops a stage's entry (its outputs are about to be replaced). */
  public synchronized void forget(String name) {
    stages.remove(name);
  }

  /** Whether an entry was recorded by this config and this version of ScaleSweep. */
  public synchronized boolean current(String name) {
    Object entry = stages.get(name);
    return entry instanceof Map<?, ?> m && header.get("config_hash").equals(m.get("config_hash"))
        && header.get("version").equals(m.get("version"));
  }

  public synchronized Map<String, Object> stages() {
    return new LinkedHashMap<>(stages);
  }

  /** Stages read back from an existing manifest (for --resume). */
  public synchronized void restore(Map<String, Object> previous) {
    stages.putAll(previous);
  }

  public synchronized String toJson() {
    Map<String, Object> all = new LinkedHashMap<>(header);
    all.put("stages", stages);
    return ConfigValueFactory.fromMap(all).render(ConfigRenderOptions.concise().setFormatted(true)) + "\n";
  }
}
