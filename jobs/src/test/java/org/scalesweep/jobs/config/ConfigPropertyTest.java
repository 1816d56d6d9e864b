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
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.scalesweep.jobs.TestStudies;
import org.scalesweep.jobs.cli.CliRun;
import org.scalesweep.testing.Cases;
import org.scalesweep.testing.Gen;

/**
 * Random configs, as --set overrides and as damaged HOCON files: every one ends in a study or in a
 * ConfigException whose every line names where (file or --set) and what; through the command line
 * an invalid one exits 2 with no stack trace and creates nothing; none hangs. 700 generated override
 * lists and 300 damaged files, on seeded generators ({@link Cases}).
 */
class ConfigPropertyTest {
  static final AtomicInteger TRIED = new AtomicInteger();
  static final AtomicInteger VALID = new AtomicInteger();
  static final Duration LIMIT = Duration.ofSeconds(30);
  static final long SEED = 20261203L;
  static final List<String> QUICK = lines();

  @AfterAll
  static void report() {
    System.out.printf("config property tests: %d generated configs tried, %d valid, %d rejected with exit code 2%n",
        TRIED.get(), VALID.get(), TRIED.get() - VALID.get());
  }

  @TestFactory
  Stream<DynamicTest> randomOverridesGiveAStudyOrAClearError() {
    return Cases.of("random --set overrides", SEED, 700, g -> check(TestStudies.conf("quick.conf"), overrides(g)));
  }

  @TestFactory
  Stream<DynamicTest> damagedFilesGiveAStudyOrAClearError() {
    return Cases.of("damaged config files", SEED, 300, g -> {
      try {
        Path f = Files.createTempFile("scalesweep-random", ".conf");
        try {
          Files.writeString(f, file(g));
          check(f, List.of());
        } finally {
          Files.deleteIfExists(f);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static void check(Path conf, List<String> sets) {
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
      return;
    }
    ConfigException e = (ConfigException) outcome;
    assertThat(e.problems()).isNotEmpty();
    for (String p : e.problems()) {
      // where: the file, a --set, or a key; never a bare exception text
      assertThat(p).as("problem line").doesNotContain("\n\tat ")
          .satisfiesAnyOf(x -> assertThat(x).contains(conf.toString()), x -> assertThat(x).contains("--set"),
              x -> assertThat(x).contains("key '"));
    }
    try {
      Path out = Files.createTempDirectory("scalesweep-never").resolve("out");
      List<String> args = new ArrayList<>(List.of("run", conf.toString(), "--out", out.toString()));
      sets.forEach(s -> args.addAll(List.of("--set", s)));
      CliRun r = assertTimeoutPreemptively(LIMIT, () -> CliRun.of(args.toArray(String[]::new)));
      assertThat(r.code()).as(r.err()).isEqualTo(2);
      assertThat(r.err()).startsWith("error: invalid configuration:").doesNotContain("\tat ")
          .doesNotContain("Exception");
      assertThat(out).doesNotExist();
      Files.delete(out.getParent());
    } catch (IOException io) {
      throw new UncheckedIOException(io);
    }
  }

  /** One to four overrides: a key with a value twelve times in thirteen, a malformed one otherwise. */
  static List<String> overrides(Gen g) {
    return g.list(1, 4, () -> g.frequency(new int[] {12, 1}, () -> keys(g) + "=" + values(g),
        () -> g.of("=1", "seed", "", " = ", "a..b=1", "..=2")));
  }

  /** quick.conf with a line inserted or deleted, truncated, one character garbled, or random text. */
  static String file(Gen g) {
    String text = String.join("\n", QUICK);
    Supplier<String> inserted = () -> {
      List<String> l = new ArrayList<>(QUICK);
      l.add(g.ints(0, QUICK.size() - 1), keys(g) + " = " + values(g));
      return String.join("\n", l);
    };
    Supplier<String> deleted = () -> {
      List<String> l = new ArrayList<>(QUICK);
      l.remove(g.ints(0, QUICK.size() - 1));
      return String.join("\n", l);
    };
    Supplier<String> truncated = () -> text.substring(0, g.ints(0, text.length()));
    Supplier<String> garbled = () -> {
      int i = g.ints(0, text.length() - 1);
      return text.substring(0, i) + g.of('{', '}', '[', ']', '"', '=', '$', '\\', '#', '\n', ',', ':', 'x', '.')
          + text.substring(i + 1);
    };
    Supplier<String> noise = () -> g.anyString(200);
    return g.oneOf(inserted, inserted, deleted, truncated, garbled, garbled, noise);
  }

  /** Schema keys with their '*' filled in, typos of them, prefixes where objects belong, junk. */
  static String keys(Gen g) {
    Supplier<String> schema = () -> g.of(ConfigSchema.keys().stream().map(KeySpec::pattern).toList())
        .replace("*", g.of("dclm", "demo", "base", "faster", "parallel", "overall", "fresh", "\"a.b\"", "\"x y\"",
            "ü", "\"\""));
    Supplier<String> typo = () -> {
      String k = schema.get();
      int i = Math.min(g.ints(0, 30), k.length() - 1);
      return k.substring(0, i) + k.substring(i + 1);
    };
    Supplier<String> prefix = () -> g.of("corpora", "corpora.dclm", "case-studies", "case-studies.demo",
        "case-studies.demo.subgroups", "case-studies.demo.subgroups.faster", "case-studies.demo.accuracy", "grid",
        "grid.rules", "bootstrap", "noise", "study", "fit", "fit.approach3");
    Supplier<String> junk = () -> g.string(1, 20, "abcdefghijklmnopqrstuvwxyz.-_");
    return g.oneOf(schema, schema, schema, typo, prefix, junk);
  }

  /** Numbers of every size and kind, booleans, strings, lists, objects, nulls, substitutions, junk. */
  static String values(Gen g) {
    Supplier<String> small = () -> String.valueOf(g.ints(-3, 5000));
    Supplier<String> longs = () -> String.valueOf(g.anyLong());
    Supplier<String> doubles = () -> String.valueOf(g.anyDouble());
    Supplier<String> special = () -> g.of("NaN", "Infinity", "-Infinity", "\"NaN\"", "1e308", "1e-320", "-0.0",
        "1e18", "3e19", "0", "1", "0.5", "\" 5 \"", "\"1d\"", "0x10", "99999999999999999999", "true", "false", "yes",
        "null", "${nope}", "${seed}", "${?HOME}", "[]", "{}", "[1e18]", "[1e18, 1e18]", "[[1]]", "[\"a\"]",
        "{ x = 1 }", "{ dclm = 1.1 }", "{ E = 1, A = 0, B = 0, alpha = 1, beta = 1 }", "cluster", "items",
        "two-way", "\"\"", "\"base\"", "bca");
    Supplier<String> strings = () -> "\"" + g.anyString(12).replace("\\", "\\\\").replace("\"", "\\\"")
        .replace("\n", "\\n") + "\"";
    Supplier<String> lists = () -> "[" + String.join(", ", g.list(0, 4, () -> g.oneOf(small, doubles, special)))
        + "]";
    Supplier<String> junk = () -> g.string(0, 10, "{}[]=:,\"$#\\ \nab1.");
    return g.oneOf(small, small, longs, doubles, special, special, special, strings, lists, junk);
  }

  private static List<String> lines() {
    try {
      return Files.readAllLines(TestStudies.conf("quick.conf"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
