package org.scalesweep.jobs.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.scalesweep.grid.IsoFlopGrid;
import org.scalesweep.grid.ModelConfig;
import org.scalesweep.sim.KeyedRandom;
import org.scalesweep.sim.Keys;

/**
 * Writes {@code data/tracker-example.csv}, the shipped tracker-style export: the suite's 85 IsoFLOP
 * configurations (budgets 1e18 … 1e20 forward FLOPs) on three invented corpora, one row per run as an
 * experiment tracker exports it (config columns, summary metrics, per-domain loss columns),
 * parameter counts with embeddings, training FLOPs in GFLOPs (3·f·D, the suite's analytic count, so
 * 11–26% below 6·N·D for small models), losses from a Chinchilla law per corpus times lognormal
 * noise of {@link #NOISE}. Written by us from the published law; licence-free. Run
 * {@code main} to regenerate; {@code TrackerExampleTest} checks the shipped file is this output.
 */
public final class TrackerExample {
  /** Lognormal run noise of every loss column. */
  public static final double NOISE = 0.005;
  /** The example's corpora and their laws E, A, α, B, β. */
  public static final List<String> CORPORA = List.of("web-en", "web-multi", "code-mix");
  static final double[][] LAWS = {{1.69, 406.4, 0.34, 410.7, 0.28}, {1.82, 380.0, 0.33, 430.0, 0.28},
      {1.45, 420.0, 0.35, 400.0, 0.29}};
  /** Per-domain factors and planted relative exponents Δβ (gap to the overall loss per budget). */
  public static final List<String> DOMAINS = List.of("wiki", "news", "code");
  static final double[] DOMAIN_FACTOR = {1.0, 1.05, 0.85};
  static final double[] DOMAIN_DELTA_BETA = {0, 0, 0.01};
  static final long SEED = 17;
  static final int VOCAB = 128_256;

  private TrackerExample() {}

  /** The CSV text. */
  public static String csv() {
    StringBuilder sb = new StringBuilder("Name,State,data.corpus,model.hidden_dim,model.num_layers,model.num_heads,"
        + "model.vocab_size,trainer.train_batch_size,trainer.max_steps,optimizer.lr,model/num_params,"
        + "throughput/total_tokens,throughput/total_gflops,eval/loss");
    DOMAINS.forEach(d -> sb.append(",eval/").append(d).append("/loss"));
    sb.append('\n');
    List<ModelConfig> suite = IsoFlopGrid.suite();
    for (int c = 0; c < CORPORA.size(); c++) {
      double[] law = LAWS[c];
      for (ModelConfig m : suite) {
        double truth = law[0] + law[1] / Math.pow(m.params(), law[2]) + law[3] / Math.pow(m.tokens(), law[4]);
        long run = Keys.of(SEED, c, m.runKey());
        double gflops = 3 * m.forwardFlops() / 1e9;
        sb.append(String.format(Locale.ROOT, "isoflop-%s-%s-d%d,finished,%s,%d,%d,%d,%d,%d,%d,%.6g,%d,%d,%.10g,%.5f",
            CORPORA.get(c), label(m.budget()), m.width(), CORPORA.get(c), m.width(), m.depth(), m.heads(), VOCAB,
            m.batch(), m.steps(), m.learningRate(), m.params(), m.tokens(), gflops, noisy(truth, Keys.extend(run, 0))));
        for (int d = 0; d < DOMAINS.size(); d++) {
          double l = truth * DOMAIN_FACTOR[d] * Math.pow(m.budget() / 1e18, -DOMAIN_DELTA_BETA[d]);
          sb.append(String.format(Locale.ROOT, ",%.5f", noisy(l, Keys.extend(run, d + 1))));
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  private static double noisy(double loss, long key) {
    return loss * Math.exp(NOISE * KeyedRandom.gaussian(key));
  }

  private static String label(double budget) {
    int e = (int) Math.floor(Math.log10(budget) + 1e-9);
    return Math.round(budget / Math.pow(10, e)) + "e" + e;
  }

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "data/tracker-example.csv");
    Files.writeString(out, csv());
    System.out.println("wrote " + out);
  }
}
