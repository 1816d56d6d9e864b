package org.scalesweep.jobs.ingest;

import java.util.List;

/**
 * Input that cannot be ingested: every problem found (column and row problems, in input order), so
 * one run of the command shows them all. The command line prints the first {@link #SHOWN} and the
 * count, and exits 2 without writing anything.
 */
public final class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  /** Problems printed; the rest are counted. */
  public static final int SHOWN = 20;

  private final String source;
  private final List<String> problems;

  public InvalidInputException(String source, List<String> problems) {
    super(source + ": " + problems.size() + " problem(s); first: " + (problems.isEmpty() ? "" : problems.get(0)));
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  public String source() {
    return source;
  }

  public List<String> problems() {
    return problems;
  }

  /** The report: a headline, the first {@link #SHOWN} problems, and how many were not shown. */
  public List<String> report() {
    List<String> out = new java.util.ArrayList<>();
    out.add("invalid input " + source + ": " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
        + "; nothing was written:");
    problems.stream().limit(SHOWN).forEach(p -> out.add("  " + p));
    if (problems.size() > SHOWN) {
      out.add("  ... and " + (problems.size() - SHOWN) + " more (" + problems.size() + " in total)");
    }
    out.add("See data/README.md for the input schema.");
    return out;
  }
}
