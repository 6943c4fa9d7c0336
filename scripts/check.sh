#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# 'make check': provision, build everything with warnings as errors, and run
# every test: userspace unit tests, module builds for each Debian kernel,
# the documentation build, checkpatch, and the VM tests on each kernel. Every
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

section "kernel modules"
for k in $kernels; do
	step "kapi.ko builds for Debian $k (-Werror)" "$out/module-$k.log" \
		"$here/build-module.sh" --kernel "$k" --werror
done

# A kernel that has the in-kernel framework must be refused at build time.
refuses_kapi_spec() {
	if KCFLAGS=-DCONFIG_KAPI_SPEC=1 KAPI_BUILD="$out/refuse" \
		"$here/build-module.sh" --kernel "$1"; then
		echo "the build succeeded"
		return 1
	fi
	grep -q 'already has CONFIG_KAPI_SPEC' "$out/refuse-$1.log"
}
k=${kernels%% *}
step "kapi.ko refuses a kernel with CONFIG_KAPI_SPEC" "$out/refuse-$k.log" refuses_kapi_spec "$k"

section "style and documentation"
step "checkpatch clean" "$out/checkpatch.log" "$here/checkpatch.sh"
step "documentation builds (sphinx -W)" "$out/docs.log" \
	sphinx-build -q -W -b html "$src/Documentation" "$build/docs"

section "VM tests"
for k in $kernels; do
	mod="$build/kernel-$k/kapi.ko"
	if [ ! -e "$mod" ]; then
		record FAIL "vm $k: smoke (kapi.ko was not built)"
		continue
	fi
	"$here/vm.sh" --kernel "$k" --name smoke --stream none --timeout 180 \
		--script "$src/selftests/smoke.sh" --module "$mod" \
		--file "$here/guest/ktap.sh:/kapi/ktap.sh" --file "$src/VERSION:/kapi/VERSION" \
		2>"$out/vm-$k-smoke.log"
	rc=$?
	sed 's/^/  /' "$out/vm-$k-smoke.log"
	python3 "$here/results.py" ktap "$build/vm/$k-smoke.output.log" --group "vm $k smoke" --results "$results"
	if [ $rc -eq 0 ]; then
		record PASS "vm $k smoke: guest finished, console clean"
	else
		record FAIL "vm $k smoke: guest verdict $rc (see $build/vm/$k-smoke.console.log)"
	fi
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
