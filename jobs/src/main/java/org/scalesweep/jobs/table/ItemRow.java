package org.scalesweep.jobs.table;

/** A row of items.parquet: one item of one run replicate of an item-level subgroup; item_id is the input's own id of an ingested item (null when simulated). */
public record ItemRow(
    String study,
    String corpus,
    String subgroup,
    String runId,
    int seed,
    int item,
    double loss,
    Boolean correct,
    @Nullable String itemId) {}
