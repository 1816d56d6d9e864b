package org.scalesweep.jobs.table;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * manifest.json of an output directory: resolved config and its hash, version, master, seeds, and
 * per-stage outputs with row counts and wall times. Rewritten after every stage.
 */
public final class Manifest {
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

  /** Records a finished stage. */
  public synchronized void stage(String name, double seconds, Map<String, Long> rows, Map<String, Object> extra) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("wall_seconds", Math.round(seconds * 1000) / 1000.0);
    s.put("rows", new LinkedHashMap<>(rows));
    s.put("config_hash", header.get("config_hash"));
    s.put("version", header.get("version"));
    s.putAll(extra);
    stages.put(name, s);
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
