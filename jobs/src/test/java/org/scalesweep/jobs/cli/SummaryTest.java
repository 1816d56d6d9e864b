package org.scalesweep.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryTest {
  @TempDir
  Path dir;

  @Test
  void groupsContrastsByCaseStudySaysWhichGapsMoveAndPointsToTheReport() throws Exception {
    Path report = Files.createDirectories(dir.resolve("report"));
    Files.writeString(report.resolve("significance.csv"), String.join("\n",
        "study,corpus,baseline,treatment,delta_beta,ci_low,ci_high,p_value,significant,alpha,flags,reason",
        "demo,dclm,base,faster,-0.0201,-0.0240,-0.0170,9.99E-4,true,0.05,,",
        "demo,dclm,base,parallel,0.0007,-0.0020,0.0031,0.61,false,0.05,\"unstable,boundary\",\"a reason, with commas\"",
        "pair,dclm,left,right,0.0150,0.0120,0.0180,9.99E-4,true,0.05,,", ""));
    Files.writeString(report.resolve("crossovers.csv"), "study,corpus,treatment_1,treatment_2,in_range\n"
        + "demo,dclm,faster,parallel,true\n");
    Files.writeString(report.resolve("dashboard.html"), "<html></html>");
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    Summary.print(dir, new PrintStream(buf, true, StandardCharsets.UTF_8));
    List<String> lines = buf.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(0)).startsWith("2 of 3 contrasts significant (sign of delta-beta at p < 0.05)");
    assertThat(lines).contains("  demo (vs base):", "  pair (vs left):", "    no significant change: parallel@dclm",
        "1 of 1 crossovers fall inside the budget range (crossovers.csv).");
    assertThat(lines).anyMatch(l -> l.matches(" +dclm +faster +gap narrows +delta_beta -0\\.0201 \\[-0\\.0240, "
        + "-0\\.0170\\] p=0\\.0010"));
    assertThat(lines).anyMatch(l -> l.matches(" +dclm +right +gap widens +delta_beta \\+0\\.0150.*"));
    assertThat(lines).anyMatch(l -> l.equals("Dashboard: " + report.resolve("dashboard.html").toAbsolutePath().toUri()));
  }

  @Test
  void readsQuotedFields() {
    assertThat(Summary.fields("a,\"b,c\",\"d \"\"e\"\"\",")).containsExactly("a", "b,c", "d \"e\"", "");
  }
}
