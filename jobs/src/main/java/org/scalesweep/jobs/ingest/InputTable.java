package org.scalesweep.jobs.ingest;

import java.util.List;

/**
 * One input file as read, before validation: column names, rows of raw cells (String from CSV;
 * Number, String, Boolean or null from JSON and Parquet), where each row came from (file:line or
 * file row N), and problems met while parsing.
 */
record InputTable(String source, List<String> columns, List<Object[]> rows, List<String> where,
    List<String> parseProblems) {}
