# Sourced by bench/requests, bench/async and bench/jobs: sets JAVA_HOME (a JDK 25, via .mvn/find-jdk.sh)
# and GATEWAY_CP (server/target/classes plus its runtime classpath), building server/ (and dag/, which
# it depends on) offline first when the classes or the classpath file are missing or older than a source
# file (online when the local Maven repository lacks a dependency). BENCH_BUILD=always forces the build, BENCH_BUILD=never skips it.
# shellcheck shell=bash
_bench_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../.mvn/find-jdk.sh
. "$_bench_root/.mvn/find-jdk.sh"
_bench_marker="$_bench_root/server/target/classes/com/verivus/gateway/cli/GatewayCommand.class"
_bench_cpfile="$_bench_root/server/target/runtime-classpath.txt"
_bench_need=0
case "${BENCH_BUILD:-auto}" in
  always) _bench_need=1 ;;
  never) ;;
  *)
    if [ ! -f "$_bench_marker" ] || [ ! -s "$_bench_cpfile" ]; then
      _bench_need=1
    elif [ -n "$(find "$_bench_root/server/src/main" "$_bench_root/dag/src/main" "$_bench_root/server/pom.xml" \
                 "$_bench_root/pom.xml" -newer "$_bench_marker" -print -quit 2>/dev/null)" ]; then
      _bench_need=1
    fi ;;
esac
if [ "$_bench_need" = 1 ]; then
  echo "bench: building server/ (./mvnw -q -B -o -pl server -am test-compile) ..." >&2
  # offline first (fast); online once when a fresh ~/.m2 lacks a dependency
  (cd "$_bench_root" && { ./mvnw -q -B -o -pl server -am test-compile >/dev/null 2>&1 \
    || ./mvnw -q -B -pl server -am test-compile >&2; })
  touch "$_bench_marker"   # javac skips unchanged classes; the marker's time says "built after the sources"
fi
[ -s "$_bench_cpfile" ] || { echo "bench: $_bench_cpfile is missing after the build" >&2; exit 1; }
GATEWAY_CP="$_bench_root/server/target/classes:$(cat "$_bench_cpfile")"
export JAVA_HOME GATEWAY_CP
