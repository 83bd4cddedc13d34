#!/usr/bin/env bash
# Chaos test: kill -9 a parallel build (`dotnet build -m`) at random moments, N times, and check after
# each kill that nothing was left broken:
#   - dvc.lock still parses as YAML and keeps every entry it had before the build started;
#   - every object under .dvc/cache/files/md5 hashes to its name (.dir objects included);
#   - the next Repro recovers (succeeds), and the one after runs nothing
#     ("Data and pipelines are up to date.").
# The pipeline has a diamond and a foreach; its stages sleep a random short time and write outputs.
# Usage: bench/chaos.sh [N]    (N kills, default 20; CHAOS_DIR sets the scratch folder)
# Needs the solution built once (dotnet build Dvc.Build.sln), git, python3 with PyYAML, setsid.
set -uo pipefail
n=${1:-${N:-20}}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
work=${CHAOS_DIR:-/tmp/dvcbuild-chaos}/repo-$$
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDTERMINALLOGGER=off

rm -rf "$work"; mkdir -p "$work/.dvc/tmp"; cd "$work" || exit 2
git init -q -b main && git config user.name chaos && git config user.email chaos@dvc.build
cat > pipeline.proj <<PROJ
<Project>
  <Import Project="$root/build/Dvc.Build.props" />
  <Import Project="$root/build/Dvc.Build.targets" />
</Project>
PROJ
: > .dvc/config
printf '/config.local\n/tmp\n/cache\n' > .dvc/.gitignore
# A random sleep of 0 to 0.9 s that works in any POSIX sh.
nap='sleep 0.$(od -An -N1 -tu1 /dev/urandom | tr -d " " | cut -c1)'
cat > dvc.yaml <<YAML
stages:
  top:
    cmd: $nap && cat data.txt > top.txt
    deps: [data.txt]
    outs: [top.txt]
  mid:
    foreach: [a, b, c]
    do:
      cmd: $nap && cat top.txt > mid-\${item}.txt && echo \${item} >> mid-\${item}.txt
      deps:
        - top.txt
      outs:
        - mid-\${item}.txt
  side:
    cmd: $nap && tr a-z A-Z < top.txt > side.txt
    deps: [top.txt]
    outs: [side.txt]
  bottom:
    cmd: $nap && mkdir -p bottom && cat mid-a.txt mid-b.txt > bottom/ab.txt && cat mid-c.txt side.txt > bottom/cs.txt
    deps: [mid-a.txt, mid-b.txt, mid-c.txt, side.txt]
    outs: [bottom]
YAML
echo 0 > data.txt
printf '/pipeline.proj.bin\n' > .gitignore
git add -A && git commit -q -m chaos

build() { dotnet build pipeline.proj -nr:false -tl:off -v:m -clp:NoSummary "$@"; }

lock_stages() {
  python3 -c 'import sys, yaml; d = yaml.safe_load(open("dvc.lock")) if len(sys.argv) < 2 else None; print("\n".join(sorted((d or {}).get("stages", {}))))' 2>/dev/null
}

bad_objects() {
  local count=0 f name want got
  while IFS= read -r f; do
    name=${f#.dvc/cache/files/md5/}; want=${name/\//}; want=${want%.dir}
    got=$(md5sum "$f" | cut -d' ' -f1)
    if [ "$got" != "$want" ]; then echo "corrupted object: $f" >&2; count=$((count + 1)); fi
  done < <(find .dvc/cache/files/md5 -type f ! -name '.*' 2>/dev/null)
  echo "$count"
}

build -m >/dev/null 2>&1 || { echo "the first build failed" >&2; exit 2; }
survived=0 corrupt=0 lost=0
for ((i = 1; i <= n; i++)); do
  before=$(lock_stages)
  echo "$i" > data.txt
  setsid dotnet build pipeline.proj -m -nr:false -tl:off -v:m -clp:NoSummary >"../kill-$i.log" 2>&1 &
  pid=$!
  sleep "$(awk -v r="$RANDOM" 'BEGIN { printf "%.2f", 0.3 + (r % 300) / 100 }')"
  kill -9 -- "-$pid" 2>/dev/null; wait "$pid" 2>/dev/null

  ok=true
  if ! python3 -c 'import yaml; yaml.safe_load(open("dvc.lock"))' 2>/dev/null; then
    echo "kill $i: dvc.lock does not parse" >&2; ok=false
  fi
  after=$(lock_stages)
  missing=$(comm -23 <(echo "$before") <(echo "$after") | grep -c . || true)
  lost=$((lost + missing))
  bad=$(bad_objects); corrupt=$((corrupt + bad))
  [ "$bad" -eq 0 ] && [ "$missing" -eq 0 ] || ok=false
  if ! build -m >"../recover-$i.log" 2>&1; then
    echo "kill $i: the next Repro failed (../recover-$i.log)" >&2; ok=false
  elif ! { build -m >"../noop-$i.log" 2>&1 && grep -q "Data and pipelines are up to date." "../noop-$i.log"; }; then
    echo "kill $i: the Repro after recovery ran something (../noop-$i.log)" >&2; ok=false
  fi
  $ok && survived=$((survived + 1))
done
echo "kills survived: $survived/$n"
echo "corruptions detected: $corrupt"
echo "entries lost: $lost"
[ "$survived" -eq "$n" ]
