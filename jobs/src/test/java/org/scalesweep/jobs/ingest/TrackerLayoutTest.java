package org.scalesweep.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalesweep.grid.BudgetGrid;
import org.scalesweep.jobs.config.Study;

/** Wide per-subgroup loss columns, unit conversions and mapping files, without Spark. */
class TrackerLayoutTest {
  private static final String CSV = "Name,model/num_params,throughput/total_tokens,throughput/total_gflops,eval/loss,"
      + "eval/web/loss,eval/code/loss\n"
      + "r1,1e8,2e9,1200000000,3.1,3.2,2.6\n"
      + "r2,2e8,1e9,1200000000,3.0,3.1,\n"
      + "r3,4e8,5e8,1200000000,3.2,3.3,2.7\n";

  @TempDir
  Path tmp;

  private IngestOptions options(List<String> map, List<String> subgroups) {
    return new IngestOptions(null, ColumnMap.parse(map), 0.1, new BudgetGrid(10), BudgetRule.DATA, 0.1, subgroups,
        ParamsEmbeddings.UNKNOWN);
  }

  private static final List<String> MAP = List.of("run_id=Name", "params=model/num_params",
      "tokens=throughput/total_tokens", "flops=throughput/total_gflops*1e9", "loss=eval/loss");

  @Test
  void wideLossColumnsBecomeSubgroupsAndGflopsAreConverted() throws Exception {
    Path p = tmp.resolve("export.csv");
    Files.writeString(p, CSV);
    Ingested in = Ingest.load(null, p, options(MAP, List.of("eval/*/loss")));
    // 3 overall rows, 3 web rows, 2 code rows (r2 has no code loss)
    assertThat(in.runs()).hasSize(8);
    assertThat(in.runs()).filteredOn(r -> r.subgroup().equals(Study.OVERALL)).hasSize(3);
    assertThat(in.runs()).filteredOn(r -> r.subgroup().equals("code")).extracting(RunRecord::runId)
        .containsExactlyInAnyOrder("r1", "r3");
    RunRecord web = in.runs().stream().filter(r -> r.subgroup().equals("web") && r.runId().equals("r2")).findFirst()
        .orElseThrow();
    assertThat(web.loss()).isEqualTo(3.1);
    assertThat(web.flops()).isEqualTo(1.2e18);
    assertThat(web.budget()).isEqualTo(4e17);
  }

  @Test
  void aBadWideCellIsReportedWithItsRowAndColumn() throws Exception {
    Path p = tmp.resolve("bad.csv");
    Files.writeString(p, CSV.replace("3.3,2.7", "-1,2.7"));
    assertThatThrownBy(() -> Ingest.load(null, p, options(MAP, List.of("eval/*/loss"))))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).singleElement().asString()
            .endsWith("bad.csv:4 [eval/web/loss]: loss = -1 must be a positive finite number"));
  }

  @Test
  void aPatternThatMatchesNothingAndAPatternWithoutAStarAreErrors() throws Exception {
    Path p = tmp.resolve("export.csv");
    Files.writeString(p, CSV);
    assertThatThrownBy(() -> Ingest.load(null, p, options(MAP, List.of("val/*/loss"))))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).anyMatch(
            s -> s.endsWith("export.csv: --subgroup-columns [val/*/loss] match no column; columns: [Name, "
                + "model/num_params, throughput/total_tokens, throughput/total_gflops, eval/loss, eval/web/loss, "
                + "eval/code/loss]")));
    assertThatThrownBy(() -> options(MAP, List.of("eval/loss"))).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.problems()).containsExactly(
            "--subgroup-columns 'eval/loss' must contain exactly one '*' (the subgroup's name), e.g. 'eval/*/loss'"));
  }

  @Test
  void unitConversionsMultiplyOrDivideAndPlainSlashesAreNames() {
    ColumnMap m = ColumnMap.parse(List.of("flops=throughput/total_gflops*1e9", "tokens=tok_k / 1e-3",
        "loss=eval/loss"));
    assertThat(m.source(Canonical.FLOPS)).isEqualTo("throughput/total_gflops");
    assertThat(m.scale(Canonical.FLOPS)).isEqualTo(1e9);
    assertThat(m.source(Canonical.TOKENS)).isEqualTo("tok_k");
    assertThat(m.scale(Canonical.TOKENS)).isEqualTo(1000.0);
    assertThat(m.source(Canonical.LOSS)).isEqualTo("eval/loss");
    assertThat(m.scale(Canonical.LOSS)).isEqualTo(1.0);
    assertThatThrownBy(() -> ColumnMap.parse(List.of("corpus=data.corpus*2"))).isInstanceOfSatisfying(
        InvalidInputException.class, e -> assertThat(e.problems()).containsExactly(
            "--map 'corpus=data.corpus*2': 'corpus' is text; a unit conversion applies to numbers only"));
  }

  @Test
  void theShippedMappingFileReadsTheTrackerLayoutAndUnknownKeysAreErrors() throws Exception {
    MappingFile f = MappingFile.read(ValidatorTest.data("tracker-mapping.conf"));
    assertThat(f.subgroups()).containsExactly("eval/*/loss");
    assertThat(f.paramsEmbeddings()).isEqualTo(ParamsEmbeddings.INCLUDED);
    assertThat(f.columns()).contains("flops=throughput/total_gflops*1e9", "corpus=data.corpus");
    Path bad = tmp.resolve("bad.conf");
    Files.writeString(bad, "colums { loss = x }\n");
    assertThatThrownBy(() -> MappingFile.read(bad)).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.problems()).containsExactly(bad + ": unknown key 'colums'; allowed: columns, subgroups, "
            + "params-embeddings"));
  }
}
