#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# 'make check': provision, build everything with warnings as errors, and run
# every test: userspace unit tests, module builds for each Debian kernel,
# the KUnit suites on KUnit kernels built from Debian's sources, the
# documentation build, checkpatch, and the VM tests on each kernel. Every
# case is recorded in build/check/results; the last line printed is the
# summary "check: N passed, N failed, N skipped". Exits 1 on any failure.
# KAPI_KERNELS limits the kernels (default "6.1 6.12").

set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
. "$here/lib.sh"

build="${KAPI_BUILD:-$src/build}"
kernels=${KAPI_KERNELS:-6.1 6.12}
out="$build/check"
results="$out/results"
mkdir -p "$out"
: >"$results"
t_start=$SECONDS

record() { printf '%s\t%s\n' "$1" "$2" >>"$results"; }
section() { printf '\n=== %s\n' "$*"; }

# step NAME LOGFILE CMD... - run CMD with its output in LOGFILE; record it.
step() {
	local name=$1 log=$2 t=$SECONDS
	shift 2
	if "$@" >"$log" 2>&1; then
		record PASS "$name"
		printf '  PASS %s (%ds)\n' "$name" $((SECONDS - t))
	else
		record FAIL "$name"
		printf '  FAIL %s (%ds), log: %s\n' "$name" $((SECONDS - t)) "$log"
		tail -n 30 "$log" | sed 's/^/    | /'
		return 1
	fi
}

summary() {
	local p f s
	p=$(grep -c '^PASS' "$results")
	f=$(grep -c '^FAIL' "$results")
	s=$(grep -c '^SKIP' "$results")
	section "summary ($((SECONDS - t_start))s)"
	if [ "$f" -gt 0 ]; then
		echo "failed:"
		grep '^FAIL' "$results" | cut -f2 | sed 's/^/  /'
	fi
	echo "check: $p passed, $f failed, $s skipped"
	[ "$f" -eq 0 ]
}

section "provision"
if ! step "provision host packages and kernels" "$out/provision.log" "$here/provision.sh"; then
	summary
	exit 1
fi
grep '^kapi: kernel' "$out/provision.log" | sed 's/^/  /'

section "userspace"
us="$build/userspace"
if step "userspace build (-Werror)" "$out/userspace-build.log" \
	sh -c "cmake -S '$src/userspace' -B '$us' -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKAPI_WERROR=ON &&
	       cmake --build '$us' -j$(nproc)"; then
	ctest --test-dir "$us" --output-junit "$out/ctest.xml" -j"$(nproc)" >"$out/ctest.log" 2>&1
	python3 "$here/results.py" junit "$out/ctest.xml" --group userspace --results "$results" --quiet ||
		tail -n 40 "$out/ctest.log" | sed 's/^/    | /'
fi
# libFuzzer on the image decoder and the annotation parser, briefly (longer
# by hand: make fuzz); prints the executions of each target.
step "fuzz: image decoder and annotation parser, 20 s each" "$out/fuzz.log" \
	"$here/fuzz.sh" --time 20
grep '^fuzz ' "$out/fuzz.log" | sed 's/^/  /'

section "kernel modules"
for k in $kernels; do
	step "kapi.ko builds for Debian $k (-Werror)" "$out/module-$k.log" \
		"$here/build-module.sh" --kernel "$k" --werror
done

# A kernel that has the in-kernel framework must be refused at build time.
refuses_kapi_spec() {
	# Reuse the kapi-gen built above rather than build another one.
	if KCFLAGS=-DCONFIG_KAPI_SPEC=1 KAPI_BUILD="$out/refuse" KAPI_GEN="$us/kapi-gen" \
		"$here/build-module.sh" --kernel "$1"; then
		echo "the build succeeded"
		return 1
	fi
	grep -q 'already has CONFIG_KAPI_SPEC' "$out/refuse-$1.log"
}
k=${kernels%% *}
step "kapi.ko refuses a kernel with CONFIG_KAPI_SPEC" "$out/refuse-$k.log" refuses_kapi_spec "$k"

section "KUnit"
# kapi_kunit.ko's suites in QEMU on KUnit kernels built from Debian's 6.1 and
# 6.12 sources (scripts/kunit.sh, also 'make kunit'): each kernel build is a
# step, each KUnit case a result. The parser that decides the verdict of
# this and every other VM test is tested on the host first.
step "results.py: KTAP and KUnit verdicts (host tests)" "$out/results-test.log" \
	python3 "$here/results_test.py"
KUNIT_FILTER= "$here/kunit.sh" --results "$results"

section "selftest and benchmark programs"
step "selftests and kapi_bench build (static, -Werror)" "$out/selftests-build.log" \
	sh -c "make -C '$src/selftests' O='$build/selftests' && make -C '$src/bench' O='$build/bench'"

section "style and documentation"
step "checkpatch clean" "$out/checkpatch.log" "$here/checkpatch.sh"
step "documentation builds (sphinx -W)" "$out/docs.log" \
	sphinx-build -q -E -W -b html "$src/Documentation" "$build/docs"

section "VM tests"

# vm_guest K NAME GROUP VM-ARGS... - boot kernel K running selftests/NAME.sh
# (with the guest KTAP helper), show the harness's summary and record its
# verdict as "GROUP: guest finished, console clean". What the guest printed
# is in $build/vm/K-NAME.output.log.
vm_guest() {
	local k=$1 name=$2 group=$3 rc
	shift 3
	"$here/vm.sh" --kernel "$k" --name "$name" --stream none \
		--script "$src/selftests/$name.sh" --file "$here/guest/ktap.sh:/kapi/ktap.sh" \
		"$@" 2>"$out/vm-$k-$name.log"
	rc=$?
	sed 's/^/  /' "$out/vm-$k-$name.log"
	if [ $rc -eq 0 ]; then
		record PASS "$group: guest finished, console clean"
	else
		record FAIL "$group: guest verdict $rc (see $build/vm/$k-$name.console.log)"
	fi
}

# ktap_results LOG GROUP - record the KTAP cases in LOG.
ktap_results() {
	python3 "$here/results.py" ktap "$1" --group "$2" --results "$results"
}

# specs_json LOG GROUP [--save DIR] - check every JSON document a guest
# printed: valid JSON, matches the schema, keys in the documented order.
specs_json() {
	python3 "$here/results.py" json "$1" --group "$2" --results "$results" "${@:3}"
}

for k in $kernels; do
	mod="$build/kernel-$k/kapi.ko"
	if [ ! -e "$mod" ]; then
		record FAIL "vm $k: smoke (kapi.ko was not built)"
		continue
	fi
	vm_guest "$k" smoke "vm $k smoke" --timeout 180 --module "$mod" \
		--file "$src/VERSION:/kapi/VERSION"
	ktap_results "$build/vm/$k-smoke.output.log" "vm $k smoke"
done

# The spec core: built-in specs in debugfs, the raw image against the
# .kapi_specs section of kapi.ko, the sample module's specs, refused images.
for k in $kernels; do
	b="$build/kernel-$k"
	sect="$out/kapi_specs-$k.bin"
	if [ ! -e "$b/kapi.ko" ] || [ ! -e "$b/samples/kapi_sample.ko" ] ||
	   [ ! -e "$b/samples/kapi_badimage.ko" ]; then
		record FAIL "vm $k specs (kapi.ko or a sample module was not built)"
		continue
	fi
	if ! objcopy -O binary --only-section=.kapi_specs "$b/kapi.ko" "$sect" ||
	   [ ! -s "$sect" ]; then
		record FAIL "vm $k specs (no .kapi_specs section in kapi.ko)"
		continue
	fi
	vm_guest "$k" specs "vm $k specs" --timeout 300 --module "$b/kapi.ko" \
		--module "$b/samples/kapi_sample.ko" --module "$b/samples/kapi_badimage.ko" \
		--file "$sect:/kapi/kapi_specs.bin"
	ktap_results "$build/vm/$k-specs.output.log" "vm $k specs"
	specs_json "$build/vm/$k-specs.output.log" "vm $k specs-json"
done

# kapi-dump in a guest against the live kapi.ko (selftests/tool.sh). The
# JSON it printed must match the schema, and be byte for byte what the
# host's "kapi-dump --elf kapi.ko --json" writes for the same spec.
tool_matches_host() {
	local dir=$1 k=$2 name guest host
	for guest in "$dir"/*.json; do
		[ -e "$guest" ] || { record FAIL "vm $k kapi-dump: the guest printed no JSON"; return; }
		name=$(basename "$guest" .json)
		host="$dir/$name.host"
		if [ "$name" = list ]; then
			"$us/kapi-dump" --elf "$build/kernel-$k/kapi.ko" --json >"$host"
		else
			"$us/kapi-dump" --elf "$build/kernel-$k/kapi.ko" --json "$name" >"$host"
		fi
		if cmp -s "$guest" "$host"; then
			record PASS "vm $k kapi-dump: guest --json $name equals host --elf kapi.ko --json"
		else
			record FAIL "vm $k kapi-dump: guest --json $name differs from host --elf kapi.ko (see $dir)"
			printf '  FAIL guest --json %s differs from the host'"'"'s (see %s)\n' "$name" "$dir"
		fi
	done
}
for k in $kernels; do
	b="$build/kernel-$k"
	if [ ! -e "$b/kapi.ko" ] || [ ! -e "$b/samples/kapi_sample.ko" ] || [ ! -x "$us/kapi-dump" ]; then
		record FAIL "vm $k kapi-dump (kapi.ko, the sample module or kapi-dump was not built)"
		continue
	fi
	vm_guest "$k" tool "vm $k kapi-dump" --timeout 300 --module "$b/kapi.ko" \
		--module "$b/samples/kapi_sample.ko" --bin "$us/kapi-dump:/kapi/bin/kapi-dump"
	ktap_results "$build/vm/$k-tool.output.log" "vm $k kapi-dump"
	rm -rf "$build/vm/$k-tool"
	specs_json "$build/vm/$k-tool.output.log" "vm $k kapi-dump json" --save "$build/vm/$k-tool"
	tool_matches_host "$build/vm/$k-tool" "$k"
done

# Runtime verification, one boot per kernel (selftests/runtime.sh): the
# selftest programs skip without kapi, root or debugfs; they run with kapi
# loaded in each mode; kapi unloads under load (selftests/unload.sh); the
# benchmark program runs briefly. The guest prints each part as a KTAP
# document between section markers; each becomes a result group.
runtime_sections() {
	local log=$1 k=$2 dir="$build/vm/$2-runtime" name group
	rm -rf "$dir"
	mkdir -p "$dir"
	awk -v dir="$dir" '
		/^# kapi-section-begin / { f = dir "/" $3 ".ktap"; next }
		/^# kapi-section-end / { close(f); f = ""; next }
		f != "" { print > f }' "$log"
	for name in skip off audit enforce unload bench; do
		case $name in
		skip) group="vm $k selftests without kapi, root or debugfs" ;;
		off|audit|enforce) group="vm $k runtime $name" ;;
		unload) group="vm $k unload under load" ;;
		bench) group="vm $k bench program" ;;
		esac
		python3 "$here/results.py" ktap "$dir/$name.ktap" --group "$group" \
			--results "$results" --quiet
	done
}
for k in $kernels; do
	mod="$build/kernel-$k/kapi.ko"
	st="$build/selftests"
	if [ ! -e "$mod" ] || [ ! -x "$st/kapi_syscalls" ] || [ ! -x "$build/bench/kapi_bench" ]; then
		record FAIL "vm $k runtime (kapi.ko or the selftest programs were not built)"
		continue
	fi
	vm_guest "$k" runtime "vm $k runtime" --timeout 900 --smp 2 --module "$mod" \
		--file "$src/selftests/unload.sh:/kapi/unload.sh" \
		--file "$st/kapi_syscalls" --file "$st/kapi_runtime" --file "$st/kapi_filter" \
		--file "$st/kapi_stress" --file "$build/bench/kapi_bench"
	runtime_sections "$build/vm/$k-runtime.output.log" "$k"
done

# The harness itself: a kernel report fails a run whose script passed.
harness_catches_report() {
	"$here/vm.sh" --kernel "$1" --name harness-report --stream none --timeout 120 \
		--script "$src/selftests/harness_report.sh"
	[ $? -eq 125 ]
}
k=${kernels##* }
step "vm $k harness: a kernel backtrace fails a passing script" "$out/vm-$k-harness.log" \
	harness_catches_report "$k"

summary
