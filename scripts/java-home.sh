# Sourced by the project's scripts (POSIX sh: the Maven wrapper sources it too): exports JAVA_HOME
# pointing at a JDK 25 or newer.
# Order: $JAVA_HOME if it is new enough, then the JDKs under /usr/lib/jvm, newest first.
# The JDK's major version: from its release file, read by the shell itself (no process started:
# this runs before every mmkit command), else from the JVM itself.
java_major() {
  local line major=""
  if [ -r "$1/release" ]; then
    while IFS= read -r line; do
      case $line in
        JAVA_VERSION=\"*)
          major=${line#JAVA_VERSION=\"}
          major=${major%%[!0-9]*}
          break
          ;;
      esac
    done < "$1/release"
  fi
  if [ -z "$major" ]; then
    major=$("$1/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p')
  fi
  echo "$major"
}
find_jdk25() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME")" -ge 25 ] 2>/dev/null; then
    echo "$JAVA_HOME"; return 0
  fi
  # the newest JDK: the highest major version among those with a compiler
  local candidate major best="" best_major=0
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate")
    if [ "$major" -gt "$best_major" ] 2>/dev/null; then
      best=$candidate
      best_major=$major
    fi
  done
  [ "$best_major" -ge 25 ] || return 1
  echo "$best"
}
if ! JAVA_HOME=$(find_jdk25); then
  echo "mmkit needs a JDK 25 or newer: set JAVA_HOME or install one under /usr/lib/jvm" >&2
  exit 1
fi
export JAVA_HOME
