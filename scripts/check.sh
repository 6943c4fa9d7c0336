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
mkdir -p "$out"
kapi_results check
# A copy of everything printed, checked against the CI output contract.
exec 3>&1 > >(tee "$out/output.log")
tee_pid=$!

# section NAME - a heading: a line of its own, unlike any test runner's.
section() { printf '\n--- %s\n' "$*"; }

# summary - check the output so far (Documentation/testing.rst, "CI output
# contract"), then print the failures and, last, "check: N passed, ...".
summary() {
	step "output: no line looks like another test runner's closing line" \
		"$out/contract.log" python3 "$here/results.py" contract "$out/output.log"
	section "summary"
	kapi_summary
	local rc=$?
	exec 1>&3 3>&-
	wait "$tee_pid"
	return $rc
}

section "provision"
step "provision host packages and kernels" "$out/provision.log" "$here/provision.sh" ||
	{ summary; exit 1; }
grep '^kapi: kernel' "$out/provision.log" | sed 's/^/  /'
# Debian's kernel sources: the KUnit and debug kernels are built from them,
# checkpatch comes from them, and the userspace netlink_spec test runs the
# kernel's own netlink generator from the 6.12 tree (it skips without it).
fetch_sources() {
	local k
	for k in $(printf "%s\n" $kernels 6.12 | sort -u); do "$here/fetch-source.sh" "$k" || return 1; done
}
step "Debian kernel sources unpacked ($kernels)" "$out/sources.log" fetch_sources

section "userspace"
us="$build/userspace"
if step "userspace build (-Werror)" "$out/userspace-build.log" \
	sh -c "cmake -S '$src/userspace' -B '$us' -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKAPI_WERROR=ON &&
	       cmake --build '$us' -j$(nproc)"; then
	ctest --test-dir "$us" --output-junit "$out/ctest.xml" -j"$(nproc)" >"$out/ctest.log" 2>&1
	kapi_parse junit "$out/ctest.xml" --group userspace ||
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
# The parser that decides every VM test's verdict is tested first.
step "results.py: KTAP and KUnit verdicts (host tests)" "$out/results-test.log" \
	python3 "$here/results_test.py"
KUNIT_FILTER= "$here/kunit.sh" --results "$results"

section "selftest and benchmark programs"
step "selftests and kapi_bench build (static, -Werror)" "$out/selftests-build.log" \
	sh -c "make -C '$src/selftests' O='$build/selftests' && make -C '$src/bench' O='$build/bench'"

section "style and documentation"
step "checkpatch clean" "$out/checkpatch.log" "$here/checkpatch.sh"
sparse_args=()
for k in $kernels; do sparse_args+=(--kernel "$k"); done
step "sparse clean ($kernels)" "$out/sparse.log" env KAPI_GEN="$us/kapi-gen" \
	"$here/sparse.sh" "${sparse_args[@]}"
step "spec-docs.py: the generated tables follow the specs (host tests)" "$out/spec-docs-test.log" \
	env KAPI_DUMP="$us/kapi-dump" KAPI_GEN="$us/kapi-gen" python3 "$here/spec_docs_test.py"
# The numbers and tables about the specs are generated from them first.
docs_build() {
	"$here/spec-docs.py" --kapi-dump "$us/kapi-dump" --kapi-gen "$us/kapi-gen" &&
		sphinx-build -q -E -W -b html "$src/Documentation" "$build/docs"
}
step "documentation builds (sphinx -W)" "$out/docs.log" docs_build

section "packaging"
# The DKMS source tree and its image (as Kbuild generates it), DKMS in
# private trees per kernel, 'make install' into a DESTDIR.
dkms_tree="$build/dkms/kapi-$(cat "$src/VERSION")"
dkms_source() {
	KAPI_BUILD="$build" KAPI_GEN="$us/kapi-gen" "$here/dkms-source.sh" "$dkms_tree" || return 1
	for k in $kernels; do
		cmp "$dkms_tree/module/generated/specs.c" "$build/kernel-$k/module/generated/specs.c" ||
			return 1
	done
}
step "DKMS source tree: dkms.conf has the VERSION, image generated as by Kbuild" \
	"$out/dkms-source.log" dkms_source
for k in $kernels; do
	step "dkms add, build, install, status, remove for Debian $k (private trees)" \
		"$out/dkms-$k.log" "$here/dkms-test.sh" "$k" "$dkms_tree" "$out/dkms-$k" \
		"$build/kernel-$k/kapi.ko"
done
# install_files K - 'make install' for K installs the documented files only.
install_files() {
	local k=$1 dest="$out/destdir" krel ko f
	rm -rf "$dest"
	make -C "$src" install BUILD="$build" KERNEL="$k" DESTDIR="$dest" PREFIX=/usr || return 1
	kapi_load_kernel "$k"
	krel=$KAPI_KREL
	ko=.ko
	grep -q '^CONFIG_MODULE_COMPRESS_XZ=y' "$KAPI_KDIR/.config" && ko=.ko.xz
	grep -q '^CONFIG_MODULE_COMPRESS_GZIP=y' "$KAPI_KDIR/.config" && ko=.ko.gz
	grep -q '^CONFIG_MODULE_COMPRESS_ZSTD=y' "$KAPI_KDIR/.config" && ko=.ko.zst
	{
		echo "lib/modules/$krel/updates/kapi$ko"
		echo "lib/modules/$krel/updates/kapi_tramp$ko"
		echo usr/bin/kapi-dump
		echo usr/share/man/man1/kapi-dump.1
		echo usr/share/doc/kapi/README.md
		for f in "$src"/Documentation/*.rst "$src"/Documentation/schema/* \
			"$src"/Documentation/netlink/specs/*; do
			echo "usr/share/doc/kapi/${f#"$src"/Documentation/}"
		done
	} | sort >"$out/install.expected"
	(cd "$dest" && find . -type f -o -type l | sed 's|^\./||' | sort) >"$out/install.found"
	diff -u "$out/install.expected" "$out/install.found" || return 1
	"$dest/usr/bin/kapi-dump" --version &&
		"$dest/usr/bin/kapi-dump" --elf "$build/kernel-$k/kapi.ko" >/dev/null
}
k=${kernels##* }
step "make install into a DESTDIR for Debian $k installs the documented files" \
	"$out/install.log" install_files "$k"

section "VM tests"
# One boot per row and kernel, running scripts/guest/NAME.sh (what each
# asserts: Documentation/testing.rst). Fields: NAME, result group ("vm K
# GROUP"), time limit, parsers (";"-separated: ktap; json GROUP; host
# LABEL; runtime; conform), the guest's files as scripts/vm.sh arguments, where @b
# is build/kernel-K, @s the selftest programs, @n kapi_bench's directory,
# @u the userspace build, @g scripts/guest, @c build/check, @r the source
# tree, @k the kernel.
vm_tests=(
"smoke|smoke|180|ktap|--module @b/kapi.ko --file @r/VERSION:/kapi/VERSION"
"specs|specs|300|ktap;json specs-json|--module @b/kapi.ko --module @b/samples/kapi_sample.ko
	--module @b/samples/kapi_badimage.ko --file @c/kapi_specs-@k.bin:/kapi/kapi_specs.bin"
"tool|kapi-dump|300|ktap;json kapi-dump json;host kapi-dump|--module @b/kapi.ko
	--module @b/samples/kapi_sample.ko --bin @u/kapi-dump:/kapi/bin/kapi-dump"
"netlink|netlink|600|ktap;json netlink json;host kapi-dump --netlink|--module @b/kapi.ko --kmod fuse
	--module @b/samples/kapi_sample.ko --bin @u/kapi-dump:/kapi/bin/kapi-dump
	--file @s/kapi_netlink --file @s/kapi_syscalls"
"quiet|quiet|600|ktap|--module @b/kapi.ko --file @s/kapi_kmsg"
"tracing|tracing|600|ktap|--mem 2048 --module @b/kapi.ko --file @s/kapi_trace
	--bin perf --bin bpftrace --bin trace-cmd"
"conform|conformance|900|conform|--module @b/kapi.ko --module @b/samples/kapi_sample.ko
	--kmod fuse --kmod brd --kmod inet_diag --kmod tcp_diag --file @s/kapi_conform"
"runtime|runtime|900|runtime|--smp 2 --module @b/kapi.ko --kmod fuse --file @g/unload.sh:/kapi/unload.sh
	--file @s/kapi_syscalls --file @s/kapi_runtime --file @s/kapi_filter --file @s/kapi_stress
	--file @s/kapi_sleepers --file @s/kapi_matrix --file @n/kapi_bench --bin @u/kapi-dump:/kapi/bin/kapi-dump"
)

# tool_matches_host DIR K LABEL - compare each DIR/NAME.json a guest printed
# with what the host's kapi-dump writes for the same spec from kapi.ko.
tool_matches_host() {
	local dir=$1 k=$2 label=$3 name guest host
	for guest in "$dir"/*.json; do
		[ -e "$guest" ] || { record FAIL "vm $k $label: the guest printed no JSON"; return; }
		name=$(basename "$guest" .json)
		host="$dir/$name.host"
		if [ "$name" = list ]; then
			"$us/kapi-dump" --elf "$build/kernel-$k/kapi.ko" --json >"$host"
		else
			"$us/kapi-dump" --elf "$build/kernel-$k/kapi.ko" --json "$name" >"$host"
		fi
		if cmp -s "$guest" "$host"; then
			record PASS "vm $k $label: guest --json $name equals host --elf kapi.ko --json"
		else
			record FAIL "vm $k $label: guest --json $name differs from host --elf kapi.ko (see $dir)"
			printf '  FAIL guest --json %s differs from the host'"'"'s (see %s)\n' "$name" "$dir"
		fi
	done
}

# conform_matrix LOG K GROUP - the coverage matrix kapi_conform printed
# without kapi (LOG: that section): its lines, and its JSON into
# build/conform/K.json; a case of its own for the coverage threshold
# (Documentation/testing.rst, "Conformance tests"): at least
# CONFORM_THRESHOLD % of the documented errors provoked and verified, none
# left untriaged, every constraint bound holding.
CONFORM_THRESHOLD=90
conform_matrix() {
	local verdict
	mkdir -p "$build/conform"
	sed -n 's/^# kapi-conform-json //p' "$1" >"$build/conform/$2.json"
	if [ ! -s "$build/conform/$2.json" ]; then
		record FAIL "$3: no coverage matrix"
		return
	fi
	sed -n "s/^# conformance /  $2 conformance /p" "$1"
	verdict=$(python3 -c '
import json, sys
t = json.load(open(sys.argv[1]))["total"]
share = 100 * t["verified"] // max(t["documented"], 1)
ok = (share >= int(sys.argv[2]) and t["untriaged"] == 0 and t["bounds"] > 0
      and t["bounds_verified"] == t["bounds"])
print("PASS" if ok else "FAIL", share, t["untriaged"])' "$build/conform/$2.json" "$CONFORM_THRESHOLD") ||
		verdict="FAIL ? ?"
	set -- "$@" $verdict
	echo "  $2 conformance coverage: $5 % of the documented errors verified (threshold" \
		"$CONFORM_THRESHOLD %), $6 untriaged"
	record "$4" "vm $2 conformance coverage"
}

# vm_row K ROW - boot kernel K for one row of the table and record its results.
vm_row() {
	local k=$1 name group limit parsers files args=() a p dir="$build/vm/$1-${2%%|*}"
	IFS='|' read -r name group limit parsers files <<<"${2//$'\n'/ }"
	for a in $files; do
		a=${a//@b/$build/kernel-$k} a=${a//@s/$build/selftests} a=${a//@u/$us}
		a=${a//@n/$build/bench} a=${a//@g/$here/guest} a=${a//@c/$out} a=${a//@k/$k} a=${a//@r/$src}
		args+=("$a")
	done
	group="vm $k $group"
	if [ "$name" = specs ]; then
		if ! objcopy -O binary --only-section=.kapi_specs "$build/kernel-$k/kapi.ko" \
			"$out/kapi_specs-$k.bin" 2>/dev/null || [ ! -s "$out/kapi_specs-$k.bin" ]; then
			record FAIL "$group (no .kapi_specs section in kapi.ko)"
			return
		fi
	fi
	if ! a=$(kapi_missing "${args[@]}"); then
		record FAIL "$group (not built: $a)"
		return
	fi
	kapi_guest "$group" "$k" "$k" "$name" --timeout "$limit" --script "$here/guest/$name.sh" "${args[@]}"
	IFS=';' read -ra parsers <<<"$parsers"
	for p in "${parsers[@]}"; do
		case $p in
		ktap) kapi_parse ktap "$output" --group "$group" ;;
		json\ *) rm -rf "$dir"; kapi_parse json "$output" --group "vm $k ${p#json }" --save "$dir" ;;
		host\ *) tool_matches_host "$dir" "$k" "${p#host }" ;;
		conform) kapi_parse_sections "$output" "$dir" "" "none=$group" \
			"audit=$group audit" "audit-reports=$group audit reports" \
			"enforce=$group enforce" "enforce-reports=$group enforce reports"
			conform_matrix "$dir/none.ktap" "$k" "$group" ;;
		runtime) kapi_parse_sections "$output" "$dir" "" \
			"skip=vm $k selftests without kapi, root or debugfs" "off=vm $k runtime off" \
			"audit=vm $k runtime audit" "enforce=vm $k runtime enforce" \
			"interpreter=vm $k runtime audit, interpreter" \
			"matrix=vm $k errno matrix, enforce as the kernel" \
			"objects=vm $k runtime object kinds" "unload=vm $k unload under load" \
			"bench=vm $k bench program" ;;
		esac
	done
}

for row in "${vm_tests[@]}"; do
	for k in $kernels; do
		vm_row "$k" "$row"
	done
done

# Hardening and stress, two boots per kernel, short ('make stress' is long).
for k in $kernels; do
	"$here/stress.sh" --no-build --kernel "$k" --cycles 3 --writes 5000 --seconds 20 \
		--name hardening --dkms-ko "$out/dkms-%k/kapi.ko" --results "$results"
done

# The wild guest: Debian 12 with systemd, one boot per kernel (kapi.ko in
# audit mode before systemd), one round of the workload in audit, one in
# enforce, one after rmmod kapi ('make wild' is long: three boots).
wild_kernels=()
for k in $kernels; do wild_kernels+=(--kernel "$k"); done
# An undocumented-error report fails here too (KAPI_WILD_STRICT=0 turns
# it into a skip): two short runs per kernel in a row gave none. The
# kernels' memory-error detectors are on (about a tenth slower).
KAPI_WILD_STRICT=${KAPI_WILD_STRICT:-1} \
	"$here/wild.sh" --no-build --short --detectors --results "$results" "${wild_kernels[@]}"

# The harness itself: a kernel report fails a run whose script passed.
harness_catches_report() {
	"$here/vm.sh" --kernel "$1" --name harness-report --stream none --timeout 120 \
		--script "$here/guest/harness-report.sh"
	[ $? -eq 125 ]
}
k=${kernels##* }
step "vm $k harness: a kernel backtrace fails a passing script" "$out/vm-$k-harness.log" \
	harness_catches_report "$k"

section "debug kernel"
# The debug kernel's short version: KUnit and fault injection ('make debug'
# runs every part, every fault point).
case " $kernels " in
*" 6.12 "*) "$here/debug.sh" --quick --parts "${KAPI_DEBUG_PARTS:-kunit faults}" --results "$results" ;;
*) echo "  (the debug kernel is a 6.12 kernel, which KAPI_KERNELS leaves out)" ;;
esac

summary
