package org.scalesweep.jobs.stage;

import java.io.Serializable;
import java.util.List;
import org.scalesweep.relative.Contrast;
import org.scalesweep.relative.CorpusRuns;
import org.scalesweep.relative.ItemLosses;

/**
 * Everything one (corpus, case study) needs to evaluate resamples, broadcast once to executors.
 *
 * @param study case study name
 * @param corpus corpus name
 * @param runs replicate-averaged run losses
 * @param contrasts contrasts in order
 * @param items item losses of the item-level subgroups (empty unless items are resampled)
 * @param estimate full-sample statistics (Δβ, γ, β_b, β_t per contrast)
 * @param jackknife leave-one-cluster-out statistics, [cluster][statistic]
 * @param crossovers pairs of contrast indices whose crossover is estimated
 * @param notes per contrast, why its data is incomplete ("" when it is not): flagged dropped_points
 */
public record BootstrapInput(String study, String corpus, CorpusRuns runs, List<Contrast> contrasts, List<ItemLosses> items,
    double[] estimate, double[][] jackknife, List<int[]> crossovers, List<String> notes) implements Serializable {}
