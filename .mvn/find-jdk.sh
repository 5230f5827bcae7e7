# Sourced by ./mvnw and ./jbang: sets JAVA_HOME to a JDK 25 (or any 21+ JAVA_HOME already chosen).
# Order: JAVA_HOME when it is 21 or newer, then a scan of the usual install places, newest first.

_gw_java_major() {
  # prints the feature version of the java at $1/bin/java, or nothing
  local release="$1/release" v="" line
  if [ -r "$release" ]; then
    # read with bash itself: this runs for every candidate on every launch, and a fork costs ~1 ms
    while IFS= read -r line || [ -n "$line" ]; do
      case "$line" in
        JAVA_VERSION=\"[0-9]*) v="${line#JAVA_VERSION=\"}"; v="${v%%[!0-9]*}"; break ;;
      esac
    done < "$release"
  fi
  if [ -z "${v:-}" ] && [ -x "$1/bin/java" ]; then
    v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' | head -1)
  fi
  printf '%s' "${v:-}"
}

_gw_find_jdk() {
  local want_min=21 preferred=25 cand major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(_gw_java_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge "$want_min" ]; then
      printf '%s' "$JAVA_HOME"; return 0
    fi
  fi
  for cand in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* \
              "$HOME"/.sdkman/candidates/java/* "$HOME"/.jbang/cache/jdks/* \
              "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$cand/bin/javac" ] || continue
    major=$(_gw_java_major "$cand")
    [ -n "$major" ] || continue
    if [ "$major" -eq "$preferred" ]; then printf '%s' "$cand"; return 0; fi
    if [ "$major" -ge "$want_min" ] && [ "$major" -gt "$best_major" ]; then best="$cand"; best_major=$major; fi
  done
  if [ -n "$best" ]; then printf '%s' "$best"; return 0; fi
  return 1
}

if ! JAVA_HOME=$(_gw_find_jdk); then
  cat >&2 <<'MSG'
[ERROR] No JDK 25 found. This project needs Java 25 (21 is the minimum).
        Looked at JAVA_HOME, /usr/lib/jvm, /usr/java, /opt/java, ~/.sdkman, ~/.jbang/cache/jdks and ~/.jdks.
        Install one, for example:
          Debian/Ubuntu:  apt-get install temurin-25-jdk   (Adoptium repository) or openjdk-25-jdk
          SDKMAN:         sdk install java 25-tem
        then run again, or point JAVA_HOME at it.
MSG
  exit 3
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
