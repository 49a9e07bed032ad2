# Sourced by ./vireo and ./run-tests: sets VIREO_JAVA_HOME to a JDK >= 21 or exits with a clear message.
# Order: JAVA_HOME, then the newest JDK under the machine's JVM folders, then `java` on the PATH.
vireo_java_major() {
  # The JDK's release file names its version without starting a JVM (which costs a second or more
  # per candidate on a busy machine); ask the JVM only when the file is missing. "1.8.0" -> 8.
  local v=""
  [ -f "$1/release" ] && v=$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$1/release" | head -n 1)
  if [ -z "$v" ]; then
    v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1)
  fi
  v=${v#1.}
  echo "$v"
}
vireo_find_jdk() {
  local candidates=() c major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for c in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home /opt/java/* /opt/jdk*; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] && candidates+=("$c")
  done
  if command -v javac >/dev/null 2>&1; then
    c=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    candidates+=("$c")
  fi
  local best="" best_major=0
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] || continue
    major=$(vireo_java_major "$c")
    major=${major%%.*}
    [ -n "$major" ] || continue
    # JAVA_HOME wins when it is new enough; otherwise take the newest found.
    if [ "$c" = "${JAVA_HOME:-}" ] && [ "$major" -ge 21 ]; then best=$c; best_major=$major; break; fi
    if [ "$major" -gt "$best_major" ]; then best=$c; best_major=$major; fi
  done
  if [ -z "$best" ] || [ "$best_major" -lt 21 ]; then
    echo "vireo: no JDK 21 or newer found (JAVA_HOME=${JAVA_HOME:-unset}; looked in /usr/lib/jvm and on the PATH)." >&2
    echo "vireo: install one (e.g. apt-get install openjdk-21-jdk) or set JAVA_HOME to it." >&2
    exit 1
  fi
  VIREO_JAVA_HOME=$best
}
