package org.scalesweep.jobs.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * An input table is malformed (a missing column, a wrong type, a null or impossible value): every
 * problem found, each naming the file, the column, a row and what is allowed, so one run of the
 * command shows them all. The command line prints the first {@link #SHOWN} and the count, and exits
 * 2 (like a bad config) without writing anything.
 */
public final class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  /** Problems printed; the rest are counted. */
  public static final int SHOWN = 20;

  private final String source;
  private final List<String> problems;

  /** One problem, stated completely in the message. */
  public InvalidInputException(String message) {
    super(message);
    this.source = null;
    this.problems = List.of(message);
  }

  /** Every problem of one input. */
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
    if (source == null) {
      return List.of(getMessage());
    }
    List<String> out = new ArrayList<>();
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
