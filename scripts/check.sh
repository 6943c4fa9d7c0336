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

# section NAME - a heading: a line of its own, unlike any test runner's.
section() { printf '\n--- %s\n' "$*"; }

summary() {
	local p f s
	p=$(grep -c '^PASS' "$results")
	f=$(grep -c '^FAIL' "$results")
	s=$(grep -c '^SKIP' "$results")
	section "summary, $((SECONDS - t_start)) s"
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

section "packaging"
# The DKMS source tree (scripts/dkms-source.sh, 'make dkms-source'): its
# dkms.conf names the VERSION, and its pre-generated spec image is what
# Kbuild generates (and checks against syscalls.h) for each kernel. DKMS
# then adds, builds, installs and removes it for each kernel, in private
# trees (scripts/dkms-test.sh); the module it built is tested in the
# hardening guest below. 'make install' into a DESTDIR installs exactly the
# documented files.
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
# install_files K - 'make install' for kernel K into a DESTDIR installs the
# module (compressed as the kernel's modules_install does), kapi-dump, its
# man page and the documentation, nothing else (no sample module, no depmod
# index), and the installed programs work.
install_files() {
	local k=$1 dest="$out/destdir" krel ko f
	rm -rf "$dest"
	make -C "$src" install BUILD="$build" KERNEL="$k" DESTDIR="$dest" PREFIX=/usr || return 1
	kapi_load_kernel "$k"
	krel=$KAPI_KREL
	ko=kapi.ko
	grep -q '^CONFIG_MODULE_COMPRESS_XZ=y' "$KAPI_KDIR/.config" && ko=kapi.ko.xz
	grep -q '^CONFIG_MODULE_COMPRESS_GZIP=y' "$KAPI_KDIR/.config" && ko=kapi.ko.gz
	grep -q '^CONFIG_MODULE_COMPRESS_ZSTD=y' "$KAPI_KDIR/.config" && ko=kapi.ko.zst
	{
		echo "lib/modules/$krel/updates/$ko"
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

# vm_guest K NAME GROUP VM-ARGS... - boot kernel K running selftests/NAME.sh
# (with the guest KTAP helper), show the harness's summary and record its
# verdict as "GROUP: guest finished, console clean". What the guest printed
# is in $build/vm/K-NAME.output.log.
vm_guest() {
	local k=$1 name=$2 group=$3
	shift 3
	kapi_vm_guest "$k" "$name" "$group" --script "$src/selftests/$name.sh" \
		--file "$here/guest/ktap.sh:/kapi/ktap.sh" "$@"
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
# tool_matches_host DIR K [LABEL] - compare DIR/NAME.json with the host's.
tool_matches_host() {
	local dir=$1 k=$2 label=${3:-kapi-dump} name guest host
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

# The generic netlink family and kapi-dump's netlink side, one boot per
# kernel (selftests/netlink.sh): kapi_netlink speaks the family on a raw
# socket (strict policies, permissions, events, overflow, a fuzz), then
# kapi-dump --netlink, stats, mode, filter and monitor. The JSON that
# "kapi-dump --netlink --json" printed must match the schema and be what
# the host's "kapi-dump --elf kapi.ko --json" writes, byte for byte.
for k in $kernels; do
	b="$build/kernel-$k"
	st="$build/selftests"
	if [ ! -e "$b/kapi.ko" ] || [ ! -e "$b/samples/kapi_sample.ko" ] || [ ! -x "$us/kapi-dump" ] ||
	   [ ! -x "$st/kapi_netlink" ] || [ ! -x "$st/kapi_syscalls" ]; then
		record FAIL "vm $k netlink (kapi.ko, the sample module, kapi-dump or a selftest was not built)"
		continue
	fi
	vm_guest "$k" netlink "vm $k netlink" --timeout 600 --module "$b/kapi.ko" \
		--module "$b/samples/kapi_sample.ko" --bin "$us/kapi-dump:/kapi/bin/kapi-dump" \
		--file "$st/kapi_netlink" --file "$st/kapi_syscalls"
	ktap_results "$build/vm/$k-netlink.output.log" "vm $k netlink"
	rm -rf "$build/vm/$k-netlink"
	specs_json "$build/vm/$k-netlink.output.log" "vm $k netlink json" --save "$build/vm/$k-netlink"
	tool_matches_host "$build/vm/$k-netlink" "$k" "kapi-dump --netlink"
done

# Runtime verification, one boot per kernel (selftests/runtime.sh): the
# selftest programs skip without kapi, root or debugfs; they run with kapi
# loaded in each mode; kapi unloads under load (selftests/unload.sh); the
# benchmark program runs briefly. The guest prints each part as a KTAP
# document between section markers; each becomes a result group.
runtime_sections() {
	local log=$1 k=$2 dir="$build/vm/$2-runtime" name group
	kapi_sections "$log" "$dir"
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

# Hardening and stress, two boots per kernel (scripts/stress.sh). First
# selftests/hardening.sh: kapi.ko is loaded, switched between modes and
# unloaded under load with a reader blocked in a hooked read(), and nothing
# is left behind; hostile writes to the runtime debugfs files fail cleanly
# and change nothing; the kapi.ko that DKMS built passes the install
# guide's checks. Then selftests/stress-ng.sh on two vCPUs: stress-ng's
# file and I/O stressors in audit mode, kapi's counters equal to the
# syscall tracepoints', no valid call reported, then the selftest programs
# in a loop under stress-ng. A short version: 'make stress' runs 100
# cycles, 100000 writes and 2 x 300 s of stress-ng.
for k in $kernels; do
	"$here/stress.sh" --no-build --kernel "$k" --cycles 3 --writes 5000 --seconds 20 \
		--name hardening --dkms-ko "$out/dkms-%k/kapi.ko" --results "$results"
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

section "debug kernel"
# kapi's tests on a 6.12 kernel with the kernel's bug detectors on (KASAN,
# lockdep, kmemleak, debug objects, UBSAN; scripts/debug.sh, also 'make
# debug'), the short version: the KUnit suites, then the steps that fail
# without an allocation (kapi.ko's fail=STEP) and the first 12 of the
# allocations of kapi.ko's init and of an image registration, and every
# 25th after them, made to fail (all of them with 'make debug', which also
# runs the selftests, netlink, hardening and stress parts there). The
# kernel is built once and cached.
case " $kernels " in
*" 6.12 "*) "$here/debug.sh" --quick --parts "${KAPI_DEBUG_PARTS:-kunit faults}" --results "$results" ;;
*) echo "  (the debug kernel is a 6.12 kernel, which KAPI_KERNELS leaves out)" ;;
esac

summary
