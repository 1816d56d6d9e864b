package org.scalesweep.jobs.runs;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalesweep.fit.RunPoints;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.ingest.Canonical;
import org.scalesweep.jobs.ingest.Ingested;
import org.scalesweep.jobs.ingest.RunRecord;
import org.scalesweep.sim.Keys;

/**
 * The runs of one (study, corpus, subgroup) as lib arrays, in a fixed order (run_id, then seed),
 * with each run's resampling unit and the group's key for keyed draws.
 */
public record RunGroup(String study, String corpus, String subgroup, RunPoints points, long[] units, long scopeKey)
    implements Serializable {

  /** Every group of an input, in (study, corpus, subgroup) order. */
  public static List<RunGroup> of(Ingested in, ResampleUnit unit) {
    Map<String, List<RunRecord>> groups = new LinkedHashMap<>();
    in.runs().stream().sorted(Ingested.ORDER).forEach(r -> groups.computeIfAbsent(r.study() + "\u0001" + r.corpus()
        + "\u0001" + r.subgroup(), k -> new ArrayList<>()).add(r));
    List<RunGroup> out = new ArrayList<>();
    for (List<RunRecord> g : groups.values()) {
      int m = g.size();
      double[] b = new double[m];
      double[] n = new double[m];
      double[] d = new double[m];
      double[] l = new double[m];
      long[] u = new long[m];
      for (int i = 0; i < m; i++) {
        RunRecord r = g.get(i);
        b[i] = r.budget();
        n[i] = r.params();
        d[i] = r.tokens();
        l[i] = r.loss();
        u[i] = unit.of(r);
      }
      RunRecord f = g.get(0);
      out.add(new RunGroup(f.study(), f.corpus(), f.subgroup(), new RunPoints(b, n, d, l), u,
          Keys.name(f.study() + "/" + f.corpus() + "/" + f.subgroup())));
    }
    return out;
  }

  /** "corpus/subgroup", or "study:corpus/subgroup" when the study is a case study's. */
  public String label() {
    boolean plain = study.equals(Study.OVERALL) || study.equals(Canonical.INGESTED_STUDY);
    return (plain ? "" : study + ":") + corpus + "/" + subgroup;
  }
}
