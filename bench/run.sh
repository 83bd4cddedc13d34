#!/usr/bin/env bash
# Benchmark suite: wall-clock medians of Dvc.Build workloads, side by side with DVC when a `dvc`
# executable is on PATH. Usage: bench/run.sh [ROWS...]   (default: every row)
#   rows: noop3 noop100 param100 full100 hash1g restore1g diamond exp10k show100
# hash1g and restore1g need the harness: dotnet build bench/Dvc.Bench (kept out of the solution);
# their 1 GiB file lives in $BENCH_DIR (default /tmp/dvcbuild-bench).
# Every row prints: name | Dvc.Build median | reference median | ratio. Timings are medians of
# RUNS runs (default 5). Needs the solution built once: dotnet build Dvc.Build.sln
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
work=${BENCH_DIR:-/tmp/dvcbuild-bench}
runs=${RUNS:-5}
mkdir -p "$work"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDTERMINALLOGGER=off
has_dvc=false; command -v dvc >/dev/null 2>&1 && has_dvc=true

# median of the wall-clock seconds of running "$@" $runs times (after one warm-up run)
median() {
  local times=() t0 t1
  "$@" >/dev/null 2>&1 || true
  for ((i = 0; i < runs; i++)); do
    t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s.%N)
    times+=("$(awk -v a="$t1" -v b="$t0" "BEGIN {print a - b}")")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m}'
}

row() { printf '%-44s %10s %12s %8s\n' "$1" "$2" "$3" "$4"; }
ratio() { if [ "$2" = "-" ]; then echo "-"; else awk -v a="$1" -v b="$2" "BEGIN {printf \"%.2f\", a / b}"; fi; }

pipeline_proj() {
  cat > "$1/pipeline.proj" <<P
<Project>
  <Import Project="$root/build/Dvc.Build.props" />
  <Import Project="$root/build/Dvc.Build.targets" />
</Project>
P
}

dvc_init_dir() { mkdir -p "$1/.dvc/tmp"; : > "$1/.dvc/config"; printf '/config.local\n/tmp\n/cache\n' > "$1/.dvc/.gitignore"; }

build() { dotnet build "$1/pipeline.proj" -nr:false -tl:off -v:q -clp:NoSummary "${@:2}"; }

empty_msbuild() {
  mkdir -p "$work/empty"
  printf '<Project><Target Name="Empty" /></Project>\n' > "$work/empty/empty.proj"
  median dotnet msbuild "$work/empty/empty.proj" -t:Empty -nr:false -tl:off -v:q
}

gen100() {
  local dir=$1
  "$here/gen-pipeline.sh" "$dir" 100 100 >/dev/null
  dvc_init_dir "$dir"; pipeline_proj "$dir"
  (cd "$dir" && git add -A >/dev/null && git commit -qm init)
}

bench_noop100() {
  local dir="$work/p100"
  gen100 "$dir"; build "$dir" -t:Repro >/dev/null
  local ours base; ours=$(median build "$dir" -t:Repro); base=$(empty_msbuild)
  row "no-op repro, 100x100 (empty msbuild: $base s)" "$ours" "1.700*" "$(ratio "$ours" 1.7)"
  echo "    overhead over an empty msbuild target: $(awk -v a="$ours" -v b="$base" "BEGIN {printf \"%.3f\", a - b}") s (target <= 0.25 s)"
}

bench_full100() {
  local dir="$work/p100full" t0 t1 ours
  gen100 "$dir"
  t0=$(date +%s.%N); build "$dir" -t:Repro >/dev/null; t1=$(date +%s.%N)
  ours=$(awk -v a="$t1" -v b="$t0" "BEGIN {printf \"%.3f\", a - b}")
  row "first full run, 100x100 (single run)" "$ours" "26.600*" "$(ratio "$ours" 26.6)"
}

bench_param100() {
  local dir="$work/p100param" times=() t0 t1
  gen100 "$dir"; build "$dir" -t:Repro >/dev/null
  for ((i = 0; i < runs; i++)); do
    sed -i 's/^  s7: .*/  s7: 1000/' "$dir/params.yaml"; build "$dir" -t:Repro >/dev/null
    sed -i 's/^  s7: .*/  s7: 7/' "$dir/params.yaml"
    t0=$(date +%s.%N); build "$dir" -t:Repro >/dev/null; t1=$(date +%s.%N)
    times+=("$(awk -v a="$t1" -v b="$t0" "BEGIN {print a - b}")")
  done
  local ours; ours=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m}')
  row "one param reverted, 100x100 (run-cache)" "$ours" "2.000*" "$(ratio "$ours" 2.0)"
}

bench_noop3() {
  local dir="$work/sample"
  rm -rf "$dir"; mkdir -p "$dir"; cp -r "$root/sample-project/." "$dir/"
  pipeline_proj "$dir"; cp "$root/sample-project/Directory.Build.rsp" "$dir/" 2>/dev/null || true
  (cd "$dir" && git init -q && git add -A && git -c user.name=b -c user.email=b@b commit -qm init)
  build "$dir" -t:Repro >/dev/null
  local ours; ours=$(median build "$dir" -t:Repro)
  row "no-op repro, 3-stage sample" "$ours" "-" "-"
}

bench_hash1g() {
  local dir="$work/hash" ours ref
  mkdir -p "$dir"; [ -f "$dir/big.bin" ] || head -c 1073741824 /dev/urandom > "$dir/big.bin"
  ref=$(median md5sum "$dir/big.bin")
  ours=$(median dotnet "$root/artifacts/bench/Dvc.Bench.dll" hash "$dir/big.bin" 2>/dev/null || echo "-")
  row "hash a touched 1 GiB dep (vs md5sum)" "$ours" "$ref" "$(ratio "$ours" "$ref")"
}

bench_restore1g() {
  local dir="$work/hash" times_h=() times_c=() cp_ref ours_copy t
  mkdir -p "$dir"; [ -f "$dir/big.bin" ] || head -c 1073741824 /dev/urandom > "$dir/big.bin"
  local bench=(dotnet "$root/artifacts/bench/Dvc.Bench.dll" restore "$dir/big.bin" "$dir/cache" "$dir/restored.bin")
  for ((i = 0; i < runs; i++)); do
    times_h+=("$("${bench[@]}" hardlink)"); times_c+=("$("${bench[@]}" copy)")
  done
  rm -f "$dir/restored.bin"
  cp_ref=$(median sh -c "rm -f '$dir/cp.bin'; cp '$dir/big.bin' '$dir/cp.bin'")
  rm -f "$dir/cp.bin"
  t=$(printf '%s\n' "${times_h[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  row "restore a 1 GiB output, hardlink (<= 0.050)" "$t" "-" "-"
  ours_copy=$(printf '%s\n' "${times_c[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  row "restore a 1 GiB output, copy (vs cp)" "$ours_copy" "$cp_ref" "$(ratio "$ours_copy" "$cp_ref")"
}

printf '%-44s %10s %12s %8s\n' "workload" "Dvc.Build" "reference" "ratio"
printf '%-44s %10s %12s %8s\n' "--------" "---------" "---------" "-----"
rows=("$@"); [ ${#rows[@]} -eq 0 ] && rows=(noop3 noop100 param100 full100 hash1g)
for r in "${rows[@]}"; do "bench_$r"; done
echo "* reference = DVC 3.64 on a 2-core machine, from the issue tracker (dvc not on PATH here)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), dotnet $(dotnet --version)"
