# Shared by bin/scalesweep and bin/local-cluster (sourced, not run): locate the build, rebuild it
# with Maven when sources changed (SCALESWEEP_NO_BUILD=1 skips that, e.g. inside a Maven build),
# and the java command line with the flags Spark needs on Java 17.
HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET="$HOME_DIR/jobs/target"
VERSION="0.1.0-SNAPSHOT"
JAR="$TARGET/scalesweep-jobs-$VERSION.jar"
APP_JAR="$TARGET/scalesweep-jobs-$VERSION-app.jar"

needs_build() {
  [ -f "$JAR" ] && [ -f "$APP_JAR" ] && [ -f "$TARGET/classpath.txt" ] && [ -f "$TARGET/jvm.options" ] || return 0
  [ "${SCALESWEEP_NO_BUILD:-0}" = "1" ] && return 1
  # rebuild when a source or pom is newer than the jar
  [ -n "$(find "$HOME_DIR/pom.xml" "$HOME_DIR/lib/pom.xml" "$HOME_DIR/jobs/pom.xml" "$HOME_DIR/lib/src/main" \
      "$HOME_DIR/jobs/src/main" -newer "$JAR" -type f -print -quit 2>/dev/null)" ]
}

ensure_built() {
  if needs_build; then
    echo "scalesweep: building the jar with Maven (first use or sources changed)..." >&2
    # Maven 3.8's console prints bare colour resets (ESC[0m) even with -B -q: strip escape sequences so
    # the first run's output is plain text (the pipeline keeps Maven's exit status: callers set pipefail)
    (cd "$HOME_DIR" && mvn -B -q -DskipTests package 2>&1 | sed $'s/\x1b\\[[0-9;]*[A-Za-z]//g' >&2)
  fi
}

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
