# Sourced by the project's scripts: exports JAVA_HOME pointing at a JDK 25 or newer.
# Order: $JAVA_HOME if it is new enough, then the JDKs under /usr/lib/jvm, newest first.
# The JDK's major version: from its release file (no JVM started, which costs start-up time), else
# from the JVM itself.
java_major() {
  local major
  major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null)
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
  for candidate in $(ls -d /usr/lib/jvm/* 2>/dev/null | sort -rV); do
    if [ -x "$candidate/bin/javac" ] && [ "$(java_major "$candidate")" -ge 25 ] 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}
if ! JAVA_HOME=$(find_jdk25); then
  echo "mmkit needs a JDK 25 or newer: set JAVA_HOME or install one under /usr/lib/jvm" >&2
  exit 1
fi
export JAVA_HOME
