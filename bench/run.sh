#!/usr/bin/env bash
# Benchmark suite: wall-clock medians of Dvc.Build workloads, side by side with DVC when a `dvc`
# executable is on PATH. Usage: bench/run.sh [ROWS...]   (default: every row)
#   rows: noop3 noop100 param100 full100 hash1g restore1g diamond exp10k show100 status2600 push10k push1g pushnoop sshpush10k queue plots100 slurm8 checkpoint
# Every row prints: name | Dvc.Build median | reference median | ratio (Dvc.Build / reference).
# The reference is DVC run on the same workload when `dvc` is on PATH, otherwise the DVC timing
# quoted in the issue (marked *), or md5sum for the hashing row. Timings are medians of RUNS runs
# (default 5). Needs the solution built once: dotnet build Dvc.Build.sln
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

# wall-clock seconds of one run of "$@"
once() {
  local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s.%N)
  awk -v a="$t1" -v b="$t0" "BEGIN {printf \"%.3f\", a - b}"
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
in_dir() { (cd "$1" && "${@:2}"); }

# The reference for a row: DVC's median on the same workload when dvc is on PATH, else the quoted value.
reference() { if $has_dvc; then median in_dir "$1" "${@:3}"; else echo "$2*"; fi; }
ratio_of() { ratio "$1" "${2%\*}"; }
target_exists() { grep -q "<Target Name=\"$1\"" "$root"/build/*.targets; }

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
  local ours base ref; ours=$(median build "$dir" -t:Repro); base=$(empty_msbuild)
  ref=$(reference "$dir" 1.700 dvc repro)
  row "no-op repro, 100x100 (empty msbuild: $base s)" "$ours" "$ref" "$(ratio_of "$ours" "$ref")"
  echo "    overhead over an empty msbuild target: $(awk -v a="$ours" -v b="$base" "BEGIN {printf \"%.3f\", a - b}") s (target <= 0.25 s)"
}

bench_full100() {
  local dir="$work/p100full" ours ref="26.600*"
  gen100 "$dir"
  ours=$(once build "$dir" -t:Repro)
  if $has_dvc; then gen100 "$dir"; ref=$(once in_dir "$dir" dvc repro); fi
  row "first full run, 100x100 (single run)" "$ours" "$ref" "$(ratio_of "$ours" "$ref")"
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
  local ref="2.000*"
  if $has_dvc; then
    sed -i 's/^  s7: .*/  s7: 1000/' "$dir/params.yaml"; in_dir "$dir" dvc repro >/dev/null 2>&1
    sed -i 's/^  s7: .*/  s7: 7/' "$dir/params.yaml"; ref=$(once in_dir "$dir" dvc repro)
  fi
  row "one param reverted, 100x100 (run-cache)" "$ours" "$ref" "$(ratio_of "$ours" "$ref")"
}

bench_noop3() {
  local dir="$work/sample"
  rm -rf "$dir"; mkdir -p "$dir"; cp -r "$root/sample-project/." "$dir/"
  pipeline_proj "$dir"; cp "$root/sample-project/Directory.Build.rsp" "$dir/" 2>/dev/null || true
  (cd "$dir" && git init -q && git add -A && git -c user.name=b -c user.email=b@b commit -qm init)
  build "$dir" -t:Repro >/dev/null
  local ours ref; ours=$(median build "$dir" -t:Repro)
  ref=$(reference "$dir" - dvc repro)
  row "no-op repro, 3-stage sample" "$ours" "${ref%\*}" "$(ratio_of "$ours" "$ref")"
}

# A stage depending on a 1 GiB file; the file is touched (new mtime, same bytes) before every run,
# so both tools must read it again to find it unchanged.
bench_hash1g() {
  local dir="$work/hash" ours ref
  if [ ! -f "$dir/big.bin" ]; then
    rm -rf "$dir"; mkdir -p "$dir"; head -c 1073741824 /dev/urandom > "$work/big.bin.tmp"
  else
    mv "$dir/big.bin" "$work/big.bin.tmp"; rm -rf "$dir"; mkdir -p "$dir"
  fi
  (cd "$dir" && git init -q && git config user.email b@b && git config user.name b)
  mv "$work/big.bin.tmp" "$dir/big.bin"; printf 'big.bin\n' > "$dir/.gitignore"
  printf 'stages:\n  size:\n    cmd: wc -c < big.bin > size.txt\n    deps: [big.bin]\n    outs: [size.txt]\n' > "$dir/dvc.yaml"
  dvc_init_dir "$dir"; pipeline_proj "$dir"
  (cd "$dir" && git add -A && git commit -qm init)
  build "$dir" -t:Repro >/dev/null
  ours=$(median touch_then build "$dir" -t:Repro)
  ref=$(median md5sum "$dir/big.bin")
  row "re-check a touched 1 GiB dep (vs md5sum)" "$ours" "$ref" "$(ratio "$ours" "$ref")"
  if $has_dvc; then
    in_dir "$dir" dvc repro >/dev/null 2>&1 || true
    ref=$(median touch_then in_dir "$dir" dvc repro)
    row "  same, DVC" "$ours" "$ref" "$(ratio "$ours" "$ref")"
  fi
}

touch_then() { touch "$work/hash/big.bin"; "$@"; }

# top -> four independent stages sleeping 1 s -> bottom, every stage forced to run.
gen_diamond() {
  local dir=$1
  rm -rf "$dir"; mkdir -p "$dir"
  (cd "$dir" && git init -q && git config user.email b@b && git config user.name b)
  {
    echo "stages:"
    printf '  top:\n    cmd: echo top > top.txt\n    outs: [top.txt]\n'
    for i in 1 2 3 4; do
      printf '  m%s:\n    cmd: sleep 1 && cat top.txt > m%s.txt\n    deps: [top.txt]\n    outs: [m%s.txt]\n' "$i" "$i" "$i"
    done
    printf '  bottom:\n    cmd: cat m1.txt m2.txt m3.txt m4.txt > bottom.txt\n    deps: [m1.txt, m2.txt, m3.txt, m4.txt]\n    outs: [bottom.txt]\n'
  } > "$dir/dvc.yaml"
  dvc_init_dir "$dir"; pipeline_proj "$dir"
  (cd "$dir" && git add -A && git commit -qm init)
}

# Restoring a 1 GiB output from the cache (the harness times ObjectCache.Checkout), next to `cp`.
# Needs the harness: dotnet build bench/Dvc.Bench (kept out of the solution).
# The copy reference is cp of the same cache object into the same directory, timed in the same
# iteration as our copy, so both see the same page cache and disk state: on a shared machine that
# state moves the figures more than anything either program does.
bench_restore1g() {
  local src="$work/hash/big.bin" dir="$work/restore" times_h=() times_c=() times_cp=() times_add=() times_cpa=() md5 obj
  mkdir -p "$dir" "$work/hash"; [ -f "$src" ] || head -c 1073741824 /dev/urandom > "$src"
  md5=$(md5sum "$src" | cut -d' ' -f1); obj="$dir/cache/files/md5/${md5:0:2}/${md5:2}"
  local dll="$root/artifacts/bench/Dvc.Bench.dll"
  dotnet "$dll" restore "$src" "$dir/cache" "$dir/restored.bin" hardlink "$md5" >/dev/null
  for ((i = 0; i < runs; i++)); do
    times_h+=("$(dotnet "$dll" restore "$src" "$dir/cache" "$dir/restored.bin" hardlink "$md5")")
    times_c+=("$(dotnet "$dll" restore "$src" "$dir/cache" "$dir/restored.bin" copy "$md5")")
    rm -f "$dir/restored.bin"
    times_cp+=("$(once sh -c "cp '$obj' '$dir/cp.bin'")"); rm -f "$dir/cp.bin"
    times_add+=("$(dotnet "$dll" add "$src" "$dir/add-cache" "$md5")"); rm -rf "$dir/add-cache"
    times_cpa+=("$(once sh -c "cp '$src' '$dir/cp.bin'")"); rm -f "$dir/cp.bin"
  done
  local h c cp add cpa
  h=$(mid "${times_h[@]}"); c=$(mid "${times_c[@]}"); cp=$(mid "${times_cp[@]}"); add=$(mid "${times_add[@]}"); cpa=$(mid "${times_cpa[@]}")
  row "restore a 1 GiB output, hardlink (<= 0.050)" "$h" "-" "-"
  row "restore a 1 GiB output, copy (vs cp)" "$c" "$cp" "$(ratio "$c" "$cp")"
  row "add a 1 GiB output to the cache (vs cp)" "$add" "$cpa" "$(ratio "$add" "$cpa")"
}

# median of the given numbers
mid() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

bench_diamond() {
  local dir="$work/diamond" serial parallel one_node ref
  gen_diamond "$dir"; build "$dir" -t:Repro >/dev/null
  serial=$(median build "$dir" -t:Repro -p:Force=true -m:1)
  parallel=$(median build "$dir" -t:Repro -p:Force=true -m)
  one_node=$(median build "$dir" -t:Repro -p:Force=true -m:1 -p:Jobs=4)
  ref=$(reference "$dir" - dvc repro -f)
  row "diamond, 4 x sleep 1 s, serial (-m:1)" "$serial" "${ref%\*}" "$(ratio_of "$serial" "$ref")"
  row "diamond, 4 x sleep 1 s, parallel (-m)" "$parallel" "${ref%\*}" "$(ratio_of "$parallel" "$ref")"
  row "diamond, 4 x sleep 1 s, -m:1 -p:Jobs=4" "$one_node" "${ref%\*}" "$(ratio_of "$one_node" "$ref")"
  echo "    target: parallel <= 1.5 s on 4 cores, <= 2.4 s on 2 cores"
}

# ExpRun's overhead over Repro: the same one-param change reproduced both ways on a repository
# with 10,000 tracked files. Measured only once the experiments targets exist.
bench_exp10k() {
  if ! target_exists ExpRun; then row "ExpRun overhead over Repro, 10k files" "n/a" "-" "-"; echo "    (no ExpRun target yet)"; return; fi
  local dir="$work/exp10k" repro exp ref="-"
  "$here/gen-pipeline.sh" "$dir" 100 100 >/dev/null; dvc_init_dir "$dir"; pipeline_proj "$dir"
  (cd "$dir" && git add -A >/dev/null && git commit -qm init)
  build "$dir" -t:Repro >/dev/null
  repro=$(median flip_param_then "$dir" build "$dir" -t:Repro)
  exp=$(median exp_with_new_param "$dir")
  local overhead; overhead=$(awk -v a="$exp" -v b="$repro" "BEGIN {printf \"%.3f\", a - b}")
  if $has_dvc; then
    ref=$(awk -v a="$(median in_dir "$dir" dvc exp run -S shard.s7=$RANDOM)" -v b="$(median flip_param_then "$dir" in_dir "$dir" dvc repro)" "BEGIN {printf \"%.3f\", a - b}")
  fi
  row "ExpRun overhead over Repro, 10k files" "$overhead" "$ref" "$(ratio "$overhead" "$ref")"
}

flip_param_then() { sed -i "s/^  s7: .*/  s7: $RANDOM/" "$1/params.yaml"; "${@:2}"; }

# Like flip_param_then for Repro: every ExpRun sets a new value, so the same stages run each time.
exp_with_new_param() { build "$1" -t:ExpRun -p:Set=shard.s7=$RANDOM; }

bench_show100() {
  if ! target_exists ExpShow; then row "ExpShow, 100 experiments" "n/a" "-" "-"; echo "    (no ExpShow target yet)"; return; fi
  local dir="$work/show100" ours ref="-"
  "$here/gen-pipeline.sh" "$dir" 3 3 >/dev/null; dvc_init_dir "$dir"; pipeline_proj "$dir"
  (cd "$dir" && git add -A >/dev/null && git commit -qm init)
  for ((e = 0; e < 100; e++)); do build "$dir" -t:ExpRun -p:Set=shard.s1=$e >/dev/null 2>&1 || true; done
  ours=$(median build "$dir" -t:ExpShow)
  $has_dvc && ref=$(median in_dir "$dir" dvc exp show --no-pager)
  row "ExpShow, 100 experiments" "$ours" "$ref" "$(ratio "$ours" "$ref")"
}



# median of the wall-clock seconds of "${@:2}", each run after "$1" (a setup that is not timed)
median_after() {
  local setup=$1 times=() t0 t1; shift
  for ((i = 0; i < runs; i++)); do
    "$setup" >/dev/null 2>&1 || true
    t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s.%N)
    times+=("$(awk -v a="$t1" -v b="$t0" "BEGIN {print a - b}")")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m}'
}

# A repository tracking data/ (made by "$2") with Add, and a local-path remote "$1/../<name>.remote".
remote_repo() {
  local dir=$1; rm -rf "$dir" "$dir.remote"; mkdir -p "$dir"
  (cd "$dir" && git init -q -b main && git config user.email b@e.nch && git config user.name bench)
  dvc_init_dir "$dir"; pipeline_proj "$dir"
  "$2" "$dir/data"
  build "$dir" -t:Add -p:Path=data >/dev/null
  build "$dir" -t:RemoteAdd -p:Name=storage "-p:Url=$dir.remote" -p:Default=true >/dev/null
}

small_files() { mkdir -p "$1"; for ((d = 0; d < 100; d++)); do mkdir -p "$1/d$d"; for ((f = 0; f < 100; f++)); do head -c 1000 /dev/urandom > "$1/d$d/f$f"; done; done; }
one_gib() { mkdir -p "$1"; head -c $((1 << 30)) /dev/urandom > "$1/big.bin"; }

# Push into an empty remote; pull into an empty cache and workspace (the outputs checked out again).
empty_remote() { chmod -R u+w "$remote_dir" 2>/dev/null || true; rm -rf "$remote_dir"; }
empty_cache() { chmod -R u+w "$sync_dir/.dvc/cache" "$sync_dir/data" 2>/dev/null || true; rm -rf "$sync_dir/.dvc/cache/files" "$sync_dir/data"; }

bench_push10k() {
  sync_dir="$work/push10k"; remote_dir="$sync_dir.remote"
  remote_repo "$sync_dir" small_files
  local push pull ref="-" refpull="-"
  push=$(median_after empty_remote build "$sync_dir" -t:Push)
  build "$sync_dir" -t:Push >/dev/null
  pull=$(median_after empty_cache build "$sync_dir" -t:Pull)
  if $has_dvc; then
    (cd "$sync_dir" && dvc remote add -f -d storage "$remote_dir" >/dev/null 2>&1)
    ref=$(median_after empty_remote in_dir "$sync_dir" dvc push)
    refpull=$(median_after empty_cache in_dir "$sync_dir" dvc pull)
  fi
  row "push 10,000 files (10 MB), local remote" "$push" "$ref" "$(ratio "$push" "$ref")"
  row "pull 10,000 files (10 MB), local remote" "$pull" "$refpull" "$(ratio "$pull" "$refpull")"
  echo "    target: push <= 0.3x dvc push"
}

bench_push1g() {
  sync_dir="$work/push1g"; remote_dir="$sync_dir.remote"
  remote_repo "$sync_dir" one_gib
  local push pull cp_push cp_pull
  push=$(median_after empty_remote build "$sync_dir" -t:Push)
  cp_push=$(median_after empty_remote cp_to_remote)
  build "$sync_dir" -t:Push >/dev/null
  pull=$(median_after empty_cache build "$sync_dir" -t:Pull)
  cp_pull=$(median_after empty_cache cp_from_remote)
  row "push 1 GiB file, local remote (ref: cp)" "$push" "$cp_push" "$(ratio "$push" "$cp_push")"
  row "pull 1 GiB file, local remote (ref: cp x2)" "$pull" "$cp_pull" "$(ratio "$pull" "$cp_pull")"
  echo "    target: within 1.2x of cp (pull copies into the cache and then into the workspace: cp twice)"
}

cp_to_remote() { mkdir -p "$remote_dir/files/md5/xx"; cp "$sync_dir/data/big.bin" "$remote_dir/files/md5/xx/big"; }
cp_from_remote() {
  mkdir -p "$sync_dir/.dvc/cache/files/md5/xx" "$sync_dir/data"
  cp "$(find "$remote_dir/files" -type f -size +1M | head -1)" "$sync_dir/.dvc/cache/files/md5/xx/big"
  cp "$sync_dir/.dvc/cache/files/md5/xx/big" "$sync_dir/data/big.bin"
}

bench_pushnoop() {
  sync_dir="$work/push10k"; remote_dir="$sync_dir.remote"
  [ -d "$sync_dir/.dvc" ] || remote_repo "$sync_dir" small_files
  build "$sync_dir" -t:Push >/dev/null
  local ours base ref="-"
  ours=$(median build "$sync_dir" -t:Push); base=$(empty_msbuild)
  $has_dvc && ref=$(median in_dir "$sync_dir" dvc push)
  row "no-change push, 10,000 files (empty msbuild: $base s)" "$ours" "$ref" "$(ratio "$ours" "$ref")"
  echo "    target: <= 0.5 s"
}

# The 10,000-file push (10 MB) over SSH to the loopback sshd of .ci/servers.sh (port 2222, its
# client key), with Jobs=4 and Jobs=1; each timed push starts from an empty remote folder.
bench_sshpush10k() {
  local dir="$work/sshpush10k" state=${DVC_TEST_SERVERS:-/tmp/dvc-build-servers} port=${DVC_TEST_SSH_PORT:-2222}
  bash "$root/.ci/servers.sh" start >/dev/null 2>&1 || true
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    row "push 10,000 files over SSH, Jobs=4" "n/a" "-" "-"; echo "    (no sshd on 127.0.0.1:$port: run .ci/servers.sh install && .ci/servers.sh start as root)"; return
  fi
  remote_repo "$dir" small_files
  ssh_remote_dir="$dir.ssh"; rm -rf "$ssh_remote_dir"
  build "$dir" -t:RemoteAdd -p:Name=ssh "-p:Url=ssh://$(id -un)@127.0.0.1:$port$ssh_remote_dir" -p:Default=true -p:Force=true >/dev/null
  printf "['remote \"ssh\"']\n    keyfile = %s\n" "$state/ssh/client_ed25519" >> "$dir/.dvc/config.local"
  local jobs4 jobs1 ref4="-" ref1="-"
  jobs4=$(median_after ssh_empty_remote build "$dir" -t:Push -p:Remote=ssh -p:Jobs=4)
  jobs1=$(median_after ssh_empty_remote build "$dir" -t:Push -p:Remote=ssh -p:Jobs=1)
  if $has_dvc; then
    ref4=$(median_after ssh_empty_remote in_dir "$dir" dvc push -r ssh -j 4)
    ref1=$(median_after ssh_empty_remote in_dir "$dir" dvc push -r ssh -j 1)
  fi
  row "push 10,000 files over SSH, Jobs=4" "$jobs4" "$ref4" "$(ratio "$jobs4" "$ref4")"
  row "push 10,000 files over SSH, Jobs=1" "$jobs1" "$ref1" "$(ratio "$jobs1" "$ref1")"
}
ssh_empty_remote() { rm -rf "$ssh_remote_dir"; }

# A 2,600-stage matrix pipeline (26 models x 10 learning rates x 10 seeds, 10,400 paths), built once.
gen_matrix() {
  local dir=$1 models="" i
  rm -rf "$dir"; mkdir -p "$dir/data" "$dir/src"
  (cd "$dir" && git init -q && git config user.email bench@example.com && git config user.name bench)
  for ((i = 0; i < 26; i++)); do echo "m$i,1" > "$dir/data/m$i.csv"; models="$models${models:+, }m$i"; done
  echo x > "$dir/src/train.sh"
  { echo "model:"; for ((i = 0; i < 26; i++)); do echo "  m$i: {depth: $i}"; done; echo "train: {epochs: 3}"; } > "$dir/params.yaml"
  cat > "$dir/dvc.yaml" <<Y
stages:
  train:
    matrix:
      model: [$models]
      lr: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0]
      seed: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
    cmd: mkdir -p out/\${item.model}/\${item.lr}/\${item.seed} && echo \${item.lr} \${item.seed} > out/\${item.model}/\${item.lr}/\${item.seed}/model.txt
    deps:
    - src/train.sh
    - data/\${item.model}.csv
    params:
    - model.\${item.model}
    - train.epochs
    outs:
    - out/\${item.model}/\${item.lr}/\${item.seed}/model.txt
Y
  dvc_init_dir "$dir"; pipeline_proj "$dir"
  (cd "$dir" && git add -A >/dev/null && git commit -qm init)
}

# peak resident memory (MB) of one run of "$@"
peak_mb() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1 | awk '{printf "%.0f", $1 / 1024}'; }

bench_status2600() {
  local dir="$work/matrix2600" ours cold ref mem base
  if [ ! -f "$dir/dvc.lock" ]; then gen_matrix "$dir"; build "$dir" -t:Repro -p:Jobs=2 >/dev/null; fi
  # cold: the first Status after the pipeline changed resolves it from scratch
  cold=$(once build "$dir" -t:Status -p:DvcPlanCache=false)
  ours=$(median build "$dir" -t:Status)
  ref=$(reference "$dir" 4.500 dvc status)
  row "Status, 2,600-stage matrix, up to date" "$ours" "$ref" "$(ratio_of "$ours" "$ref")"
  echo "    resolved from scratch (the first Status after an edit of dvc.yaml, dvc.lock or params): $cold s"
  if [ -x /usr/bin/time ]; then
    mkdir -p "$work/empty"; printf '<Project><Target Name="Empty" /></Project>\n' > "$work/empty/empty.proj"
    mem=$(peak_mb dotnet build "$dir/pipeline.proj" -nr:false -tl:off -v:q -t:Status); base=$(peak_mb dotnet msbuild "$work/empty/empty.proj" -t:Empty -nr:false -tl:off -v:q)
    echo "    peak memory: $mem MB (empty msbuild: $base MB; DVC: about 85 MB)"
  fi
}

# The experiment queue: a CPU-light pipeline (prep, then train, each sleeping 1 s; only train depends
# on the swept param, so each experiment runs one 1-s stage), N = 4 and 8 queued experiments with
# fresh param values (no run-cache hits), RunAll serial (Jobs=1) and Jobs=2. Only RunAll is timed.
# Per-experiment overhead = (serial - RunAll of an empty queue - N x 1 s) / N: setting up the
# worktree, checking outputs out of the cache, planning, hashing, committing, removing it.
gen_queue() {
  local dir=$1
  rm -rf "$dir"; mkdir -p "$dir"; dvc_init_dir "$dir"; pipeline_proj "$dir"
  printf 'p: 0\n' > "$dir/params.yaml"
  cat > "$dir/dvc.yaml" <<'Y'
stages:
  prep:
    cmd: sleep 1 && echo prepared > prep.txt
    outs:
      - prep.txt
  train:
    cmd: sleep 1 && cat prep.txt > model.txt && echo ${p} >> model.txt
    deps:
      - prep.txt
    params:
      - p
    outs:
      - model.txt
Y
  (cd "$dir" && git init -q -b main && git config user.name bench && git config user.email bench@localhost && build . -t:Repro >/dev/null && git add -A >/dev/null && git commit -qm init)
}

# seconds of RunAll after queuing $2 experiments with new values; median over $runs rounds
queue_runall() {
  local dir=$1 n=$2 jobs=$3 times=() values t0 t1
  for ((r = 0; r < runs; r++)); do
    values=$(for ((i = 0; i < n; i++)); do printf '%s%s,' "$RANDOM" "$i"; done); values=${values%,}
    [ "$n" -gt 0 ] && build "$dir" -t:ExpRun -p:Queue=true "-p:Set=\"p=$values\"" >/dev/null
    t0=$(date +%s.%N); build "$dir" -t:ExpRun -p:RunAll=true -p:Jobs="$jobs" >/dev/null 2>&1 || true; t1=$(date +%s.%N)
    times+=("$(awk -v a="$t1" -v b="$t0" "BEGIN {print a - b}")")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m}'
}

dvc_queue_runall() {
  local dir=$1 n=$2 values t0 t1
  values=$(for ((i = 0; i < n; i++)); do printf '%s%s,' "$RANDOM" "$i"; done); values=${values%,}
  (cd "$dir" && dvc exp run --queue -S "p=$values" >/dev/null 2>&1)
  t0=$(date +%s.%N); (cd "$dir" && dvc exp run --run-all -j 2 >/dev/null 2>&1) || true; t1=$(date +%s.%N)
  awk -v a="$t1" -v b="$t0" "BEGIN {printf \"%.3f\", a - b}"
}

bench_queue() {
  if ! target_exists QueueStatus; then row "queue, RunAll" "n/a" "-" "-"; echo "    (no queue yet)"; return; fi
  local dir="$work/queue" base serial parallel ref overhead
  gen_queue "$dir"
  build "$dir" -t:ExpRun -p:RunAll=true >/dev/null 2>&1 || true
  base=$(queue_runall "$dir" 0 1)
  for n in 4 8; do
    serial=$(queue_runall "$dir" "$n" 1)
    parallel=$(queue_runall "$dir" "$n" 2)
    ref="-"; $has_dvc && ref=$(dvc_queue_runall "$dir" "$n")
    overhead=$(awk -v s="$serial" -v b="$base" -v n="$n" "BEGIN {printf \"%.3f\", (s - b - n) / n}")
    row "queue, $n x sleep 1 s, RunAll serial" "$serial" "-" "-"
    row "queue, $n x sleep 1 s, RunAll Jobs=2" "$parallel" "$ref" "$(ratio "$parallel" "$ref")"
    echo "    Jobs=2 / serial: $(ratio "$parallel" "$serial") (target <= 0.55); per-experiment overhead: $overhead s (target <= 0.3 s; RunAll of an empty queue: $base s)"
  done
}

# A baseline and 100 experiments written straight as commits under refs/exps (git fast-import: no
# stage runs), each with 3 plots of 1,000 points, its params and metrics, as ExpRun records them.
gen_plots100() {
  local dir=$1 base
  rm -rf "$dir"; mkdir -p "$dir/plots"; dvc_init_dir "$dir"; pipeline_proj "$dir"
  cat > "$dir/dvc.yaml" <<'Y'
stages:
  train:
    cmd: echo
    params: [lr]
    metrics:
      - metrics.json:
          cache: false
    plots:
      - plots/loss.csv:
          cache: false
          x: step
          y: loss
      - plots/acc.csv:
          cache: false
          x: step
          y: acc
          template: smooth
      - plots/val.csv:
          cache: false
          x: step
          y: val
          template: scatter
Y
  plot_files() { for p in loss acc val; do awk -v e="$1" -v p="$p" 'BEGIN {print "step," p; for (i = 0; i < 1000; i++) printf "%d,%.6f\n", i, (e + 1) / (i + 1 + e) + (p == "acc") * i / 1000}' > "$2/plots/$p.csv"; done; }
  printf 'lr: 0\n' > "$dir/params.yaml"; printf '{"loss": 1}\n' > "$dir/metrics.json"; plot_files 0 "$dir"
  (cd "$dir" && git init -q -b main && git config user.name bench && git config user.email bench@localhost && git add -A && git commit -qm base)
  base=$(git -C "$dir" rev-parse HEAD)
  local stage; stage=$(mktemp -d); mkdir -p "$stage/plots"
  for ((e = 1; e <= 100; e++)); do
    plot_files "$e" "$stage"
    echo "commit refs/exps/${base:0:2}/${base:2}/exp-$e"
    echo "committer bench <bench@localhost> $((1700000000 + e)) +0000"
    msg=$(printf 'dvc: commit experiment %024d' "$e"); echo "data $((${#msg} + 1))"; echo "$msg"
    echo "from $base"
    for f in params.yaml metrics.json; do
      [ $f = params.yaml ] && c="lr: 0.$e" || c="{\"loss\": $(awk -v e="$e" 'BEGIN {printf "%.4f", 1 / e}')}"
      echo "M 100644 inline $f"; echo "data ${#c}"; echo "$c"
    done
    for p in loss acc val; do echo "M 100644 inline plots/$p.csv"; echo "data $(wc -c < "$stage/plots/$p.csv")"; cat "$stage/plots/$p.csv"; done
    echo
  done | git -C "$dir" fast-import --quiet
  rm -rf "$stage"
}

bench_plots100() {
  if ! target_exists ExpReport; then row "ExpReport, 100 exps x 3 plots x 1,000 points" "n/a" "-" "-"; return; fi
  local dir="$work/plots100" ours base ten hundred
  gen_plots100 "$dir"
  ours=$(median build "$dir" -t:ExpReport); base=$(empty_msbuild)
  row "ExpReport, 100 exps x 3 plots x 1,000 pts" "$ours" "-" "-"
  echo "    page for 100 experiments, over an empty msbuild target ($base s): $(awk -v a="$ours" -v b="$base" "BEGIN {printf \"%.3f\", a - b}") s (target <= 1 s)"
  build "$dir" -t:ExpReport "-p:Exps=$(seq -s '%3B' -f 'exp-%g' 1 10)" -p:Out=ten.html >/dev/null
  ten=$(stat -c %s "$dir/ten.html"); hundred=$(stat -c %s "$dir/dvc_plots/index.html")
  echo "    page size: 10 experiments $ten bytes, 100 experiments $hundred bytes (library $(cat "$root"/build/vega/*.min.js | wc -c) bytes, inlined once)"
  # The task's own time in-process (needs dotnet build bench/Dvc.Bench): the last of 5 rounds, JIT paid.
  local dll="$root/artifacts/bench/Dvc.Bench.dll"
  if [ -f "$dll" ]; then echo "    in-process, warm: $(dotnet "$dll" plots "$dir" 5 | tail -1)"; fi
}

# 8 queued experiments of a 2-stage pipeline sleeping 1 s per stage: Executor=slurm on the test
# cluster (.ci/slurm.sh start) against a local RunAll with Jobs=2 (the reference column here).
# Also prints the submission time of the whole array, as the build reports it.
slurm8_repo() {
  local dir=$1
  rm -rf "$dir"; mkdir -p "$dir"; dvc_init_dir "$dir"; pipeline_proj "$dir"
  printf 'p:\n  x: 0\n' > "$dir/params.yaml"
  printf 'stages:\n  a:\n    cmd: sleep 1 && echo ${p.x} > a.txt\n    params:\n      - p\n    outs:\n      - a.txt\n  b:\n    cmd: sleep 1 && cat a.txt > b.txt\n    deps:\n      - a.txt\n    outs:\n      - b.txt\n' > "$dir/dvc.yaml"
  (cd "$dir" && git init -q -b main && git config user.name bench && git config user.email bench@dvc.build && git add -A && git commit -qm init)
  build "$dir" -t:Repro >/dev/null
  (cd "$dir" && git add -A && git commit -qm repro)
  build "$dir" -t:ExpRun -p:Queue=true "-p:Set=\"p.x=1,2,3,4,5,6,7,8\"" -p:Name=s >/dev/null
}
# median seconds of RUNS builds of "$@" on a freshly queued slurm8 repository; the last build's output
# is kept in $work/slurm8.out (for the submission time it prints)
slurm8_median() {
  local dir=$1 times=() t0 t1
  for ((i = 0; i < runs; i++)); do
    slurm8_repo "$dir"; t0=$(date +%s.%N)
    dotnet build "$dir/pipeline.proj" -nr:false -tl:off -v:m -clp:NoSummary "${@:2}" >"$work/slurm8.out" 2>&1 || true
    t1=$(date +%s.%N); times+=("$(awk -v a="$t1" -v b="$t0" "BEGIN {print a - b}")")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m}'
}
bench_slurm8() {
  if ! sinfo -h >/dev/null 2>&1; then row "RunAll 8 exps, Executor=slurm (2 CPUs)" "n/a" "-" "-"; echo "    (no Slurm cluster: .ci/slurm.sh start)"; return; fi
  local dir="$work/slurm8" ours ref submit
  ref=$(slurm8_median "$dir" -t:ExpRun -p:RunAll=true -p:Jobs=2)
  ours=$(slurm8_median "$dir" -t:ExpRun -p:RunAll=true -p:Executor=slurm)
  submit=$(sed -n 's/.*as array job [0-9]* in \([0-9.]*\) s\./\1/p' "$work/slurm8.out")
  row "RunAll 8 exps, Executor=slurm (2 CPUs)" "$ours" "$ref" "$(ratio "$ours" "$ref")"
  echo "    reference: local RunAll Jobs=2; sbatch submission of the array: ${submit:-?} s; medians of $runs runs"
}

# One checkpoint registration (signal written -> signal removed: the 10 MB output hashed and cached,
# dvc.lock written, the commit made) in a repository with 10,000 tracked files. The stage is a shell
# loop that writes a new 10 MB model, registers a checkpoint as any language would (the README's
# protocol), and logs how long the build took to release it; the row is the median of RUNS of them.
checkpoint_repo() {
  local dir=$1
  rm -rf "$dir"; mkdir -p "$dir"; dvc_init_dir "$dir"; pipeline_proj "$dir"; small_files "$dir/tracked"
  cat > "$dir/train.sh" <<'S'
#!/bin/sh
sig="$DVC_ROOT/.dvc/tmp/DVC_CHECKPOINT"
i=0
while [ "$i" -lt "$1" ]; do
  i=$((i + 1))
  head -c 10485760 /dev/urandom > model.bin
  t0=$(date +%s.%N); : > "$sig.tmp"; mv "$sig.tmp" "$sig"
  while [ -e "$sig" ]; do sleep 0.002; done
  t1=$(date +%s.%N); awk -v a="$t1" -v b="$t0" 'BEGIN {print a - b}' >> "$2"
done
S
  printf 'stages:\n  train:\n    cmd: sh train.sh %s %s\n    deps:\n      - train.sh\n    outs:\n      - model.bin:\n          checkpoint: true\n' "$runs" "$work/checkpoint-times.txt" > "$dir/dvc.yaml"
  (cd "$dir" && git init -q -b main && git config user.name bench && git config user.email bench@dvc.build && git add -A && git commit -qm init)
}
bench_checkpoint() {
  local dir="$work/checkpoint" ours
  checkpoint_repo "$dir"; rm -f "$work/checkpoint-times.txt"
  build "$dir" -t:ExpRun -p:Name=bench >/dev/null
  ours=$(sort -g "$work/checkpoint-times.txt" | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m}')
  row "register one checkpoint, 10 MB out, 10k files" "$ours" "-" "-"
  echo "    signal written -> removed, median of $runs checkpoints of one ExpRun (target <= 0.15 s)"
}

printf '%-44s %10s %12s %8s\n' "workload" "Dvc.Build" "reference" "ratio"
printf '%-44s %10s %12s %8s\n' "--------" "---------" "---------" "-----"
rows=("$@"); [ ${#rows[@]} -eq 0 ] && rows=(noop3 noop100 param100 full100 hash1g restore1g diamond exp10k show100 status2600 push10k push1g pushnoop sshpush10k queue plots100 slurm8 checkpoint)

for r in "${rows[@]}"; do "bench_$r"; done
if $has_dvc; then echo "reference = $(dvc --version 2>/dev/null | head -1) on this machine"
else echo "* reference = DVC's time quoted in the issue (dvc not on PATH here)"; fi
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), dotnet $(dotnet --version)"
