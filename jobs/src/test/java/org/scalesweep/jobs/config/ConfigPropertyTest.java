package org.scalesweep.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;
import org.scalesweep.jobs.TestStudies;
import org.scalesweep.jobs.cli.CliRun;

/**
 * Random configs, as --set overrides and as damaged HOCON files: every one ends in a study or in a
 * ConfigException whose every line names where (file or --set) and what; through the command line
 * an invalid one exits 2 with no stack trace and creates nothing; none hangs.
 */
class ConfigPropertyTest {
  static final AtomicInteger TRIED = new AtomicInteger();
  static final AtomicInteger VALID = new AtomicInteger();
  static final Duration LIMIT = Duration.ofSeconds(30);

  @AfterContainer
  static void report() {
    System.out.printf("config property tests: %d generated configs tried, %d valid, %d rejected with exit code 2%n",
        TRIED.get(), VALID.get(), TRIED.get() - VALID.get());
  }

  @Property(tries = 700)
  void randomOverridesGiveAStudyOrAClearError(@ForAll("overrides") List<String> sets) throws IOException {
    check(TestStudies.conf("quick.conf"), sets);
  }

  @Property(tries = 300)
  void damagedFilesGiveAStudyOrAClearError(@ForAll("files") String text) throws IOException {
    Path f = Files.createTempFile("scalesweep-random", ".conf");
    try {
      Files.writeString(f, text);
      check(f, List.of());
    } finally {
      Files.deleteIfExists(f);
    }
  }

  private static void check(Path conf, List<String> sets) throws IOException {
    TRIED.incrementAndGet();
    Object outcome = assertTimeoutPreemptively(LIMIT, () -> {
      try {
        return StudyLoader.load(conf, sets);
      } catch (ConfigException e) {
        return e;
      }
    });
    if (outcome instanceof Study) {
      VALID.incrementAndGet();
      Statistics.collect("valid");
      return;
    }
    Statistics.collect("rejected");
    ConfigException e = (ConfigException) outcome;
    assertThat(e.problems()).isNotEmpty();
    for (String p : e.problems()) {
      // where: the file, a --set, or a key; never a bare exception text
      assertThat(p).as("problem line").doesNotContain("\n\tat ")
          .satisfiesAnyOf(x -> assertThat(x).contains(conf.toString()), x -> assertThat(x).contains("--set"),
              x -> assertThat(x).contains("key '"));
    }
    Path out = Files.createTempDirectory("scalesweep-never").resolve("out");
    List<String> args = new ArrayList<>(List.of("run", conf.toString(), "--out", out.toString()));
    sets.forEach(s -> args.addAll(List.of("--set", s)));
    CliRun r = assertTimeoutPreemptively(LIMIT, () -> CliRun.of(args.toArray(String[]::new)));
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: invalid configuration:").doesNotContain("\tat ")
        .doesNotContain("Exception");
    assertThat(out).doesNotExist();
    Files.delete(out.getParent());
  }

  @Provide
  Arbitrary<List<String>> overrides() {
    Arbitrary<String> set = Combinators.combine(keys(), values()).as((k, v) -> k + "=" + v);
    Arbitrary<String> malformed = Arbitraries.of("=1", "seed", "", " = ", "a..b=1", "..=2");
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(12, set), net.jqwik.api.Tuple.of(1, malformed))
        .list().ofMinSize(1).ofMaxSize(4);
  }

  @Provide
  Arbitrary<String> files() {
    List<String> lines;
    try {
      lines = Files.readAllLines(TestStudies.conf("quick.conf"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Arbitrary<Integer> at = Arbitraries.integers().between(0, lines.size() - 1);
    Arbitrary<String> inserted = Combinators.combine(at, keys(), values()).as((i, k, v) -> {
      List<String> l = new ArrayList<>(lines);
      l.add(i, k + " = " + v);
      return String.join("\n", l);
    });
    Arbitrary<String> deleted = at.map(i -> {
      List<String> l = new ArrayList<>(lines);
      l.remove((int) i);
      return String.join("\n", l);
    });
    String text = String.join("\n", lines);
    Arbitrary<String> truncated = Arbitraries.integers().between(0, text.length()).map(n -> text.substring(0, n));
    Arbitrary<String> garbled = Combinators.combine(Arbitraries.integers().between(0, text.length() - 1),
        Arbitraries.of('{', '}', '[', ']', '"', '=', '$', '\\', '#', '\n', ',', ':', 'x', '.'))
        .as((i, c) -> text.substring(0, i) + c + text.substring(i + 1));
    Arbitrary<String> noise = Arbitraries.strings().ofMaxLength(200);
    return Arbitraries.oneOf(inserted, inserted, deleted, truncated, garbled, garbled, noise);
  }

  /** Schema keys with their '*' filled in, typos of them, prefixes where objects belong, junk. */
  static Arbitrary<String> keys() {
    Arbitrary<String> names = Arbitraries.of("dclm", "demo", "base", "faster", "parallel", "overall", "fresh",
        "\"a.b\"", "\"x y\"", "ü", "\"\"");
    Arbitrary<String> schema = Combinators.combine(Arbitraries.of(ConfigSchema.keys().stream().map(KeySpec::pattern)
        .toList()), names).as((p, n) -> p.replace("*", n));
    Arbitrary<String> typo = Combinators.combine(schema, Arbitraries.integers().between(0, 30))
        .as((k, i) -> k.substring(0, Math.min(i, k.length() - 1)) + k.substring(Math.min(i, k.length() - 1) + 1));
    Arbitrary<String> prefix = Arbitraries.of("corpora", "corpora.dclm", "case-studies", "case-studies.demo",
        "case-studies.demo.subgroups", "case-studies.demo.subgroups.faster", "case-studies.demo.accuracy", "grid",
        "grid.rules", "bootstrap", "noise", "study", "fit", "fit.approach3");
    Arbitrary<String> junk = Arbitraries.strings().withCharRange('a', 'z').withChars('.', '-', '_')
        .ofMinLength(1).ofMaxLength(20);
    return Arbitraries.oneOf(schema, schema, schema, typo, prefix, junk);
  }

  /** Numbers of every size and kind, booleans, strings, lists, objects, nulls, substitutions, junk. */
  static Arbitrary<String> values() {
    Arbitrary<String> small = Arbitraries.integers().between(-3, 5000).map(String::valueOf);
    Arbitrary<String> longs = Arbitraries.longs().map(String::valueOf);
    Arbitrary<String> doubles = Arbitraries.doubles().map(String::valueOf);
    Arbitrary<String> special = Arbitraries.of("NaN", "Infinity", "-Infinity", "\"NaN\"", "1e308", "1e-320", "-0.0",
        "1e18", "3e19", "0", "1", "0.5", "\" 5 \"", "\"1d\"", "0x10", "99999999999999999999", "true", "false", "yes",
        "null", "${nope}", "${seed}", "${?HOME}", "[]", "{}", "[1e18]", "[1e18, 1e18]", "[[1]]", "[\"a\"]",
        "{ x = 1 }", "{ dclm = 1.1 }", "{ E = 1, A = 0, B = 0, alpha = 1, beta = 1 }", "cluster", "items",
        "two-way", "\"\"", "\"base\"", "bca");
    Arbitrary<String> strings = Arbitraries.strings().ofMaxLength(12).map(s -> "\"" + s.replace("\\", "\\\\")
        .replace("\"", "\\\"").replace("\n", "\\n") + "\"");
    Arbitrary<String> lists = Arbitraries.oneOf(small, doubles, special).list().ofMaxSize(4)
        .map(l -> "[" + String.join(", ", l) + "]");
    Arbitrary<String> junk = Arbitraries.strings().withChars("{}[]=:,\"$#\\ \nab1.").ofMaxLength(10);
    return Arbitraries.oneOf(small, small, longs, doubles, special, special, special, strings, lists, junk);
  }
}
