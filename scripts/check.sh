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

section "selftest and benchmark programs"
step "selftests and kapi_bench build (static, -Werror)" "$out/selftests-build.log" \
	sh -c "make -C '$src/selftests' O='$build/selftests' && make -C '$src/bench' O='$build/bench'"

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

# specs_json LOG GROUP - check every specs-json document a guest printed
# (between "# kapi-json-begin NAME" and "# kapi-json-end NAME"): json.load
# reads it, it matches Documentation/schema/kapi-spec.schema.json, and its
# keys come in the order Documentation/json.rst gives (the order of each
# object's "required" list in the schema). One result line per check.
specs_json() {
	python3 - "$1" "$2" "$src/Documentation/schema/kapi-spec.schema.json" "$results" <<'EOF'
import io, json, sys
log, group, schema_path, results = sys.argv[1:5]
docs, cur, name = [], None, None
with open(log, errors='replace') as f:
    for line in f:
        line = line.rstrip('\n')
        if line.startswith('# kapi-json-begin '):
            name, cur = line[len('# kapi-json-begin '):], []
        elif line.startswith('# kapi-json-end ') and cur is not None:
            docs.append((name, ''.join(cur)))
            cur = None
        elif cur is not None:
            cur.append(line[2:] + '\n')
try:
    import jsonschema
    with open(schema_path) as f:
        schema = json.load(f)
    validator = jsonschema.Draft202012Validator(schema)
    problem = ''
except Exception as e:
    validator, problem = None, 'cannot load the schema: %s' % e

def order_problems(doc):
    """Objects whose keys are not in the order of the schema's lists."""
    d = schema['$defs']['api_details']
    p = d['properties']
    want = {'api_details': d['required'], 'source': p['source']['required'],
            'parameters': p['parameters']['items']['required'],
            'return_spec': p['return_spec']['required']}
    for k in ('errors', 'locks', 'signals', 'side_effects', 'state_transitions',
              'capabilities', 'constraints'):
        want[k] = p[k]['items']['required']
    num = schema['$defs']['num']['required']
    bad = []

    def walk(v, where, key):
        if isinstance(v, dict):
            keys = list(v)
            expect = want.get(key)
            if expect is None and set(keys) == set(num):
                expect = num
            if expect is not None and keys != expect:
                bad.append('%s: %s' % (where, ', '.join(keys)))
            for k2, v2 in v.items():
                walk(v2, where + '.' + k2, k2)
        elif isinstance(v, list):
            for i, v2 in enumerate(v):
                walk(v2, '%s[%d]' % (where, i), key)
    walk(doc.get('api_details'), 'api_details', 'api_details')
    return bad

out = []
for name, text in docs:
    case = '%s: %s' % (group, name)
    try:
        doc = json.load(io.StringIO(text))
    except ValueError as e:
        out.append(('FAIL', case + ' is valid JSON', str(e)))
        continue
    out.append(('PASS', case + ' is valid JSON', ''))
    if validator is None:
        out.append(('FAIL', case + ' matches the schema', problem))
        continue
    error = jsonschema.exceptions.best_match(validator.iter_errors(doc))
    out.append(('FAIL' if error else 'PASS', case + ' matches the schema',
                '/%s: %s' % ('/'.join(map(str, error.absolute_path)), error.message[:200])
                if error else ''))
    bad = order_problems(doc) if isinstance(doc, dict) else ['not an object']
    out.append(('FAIL' if bad else 'PASS', case + ' has its keys in the documented order',
                bad[0] if bad else ''))
if not docs:
    out.append(('FAIL', '%s: no JSON documents in %s' % (group, log), ''))
with open(results, 'a') as f:
    for status, case, reason in out:
        print('  %-4s %s%s' % (status, case, ' (%s)' % reason[:300] if reason else ''))
        f.write('%s\t%s\n' % (status, case))
sys.exit(1 if any(o[0] == 'FAIL' for o in out) else 0)
EOF
}

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
	"$here/vm.sh" --kernel "$k" --name specs --stream none --timeout 300 \
		--script "$src/selftests/specs.sh" --module "$b/kapi.ko" \
		--module "$b/samples/kapi_sample.ko" --module "$b/samples/kapi_badimage.ko" \
		--file "$here/guest/ktap.sh:/kapi/ktap.sh" --file "$sect:/kapi/kapi_specs.bin" \
		2>"$out/vm-$k-specs.log"
	rc=$?
	sed 's/^/  /' "$out/vm-$k-specs.log"
	python3 "$here/results.py" ktap "$build/vm/$k-specs.output.log" --group "vm $k specs" --results "$results"
	if [ $rc -eq 0 ]; then
		record PASS "vm $k specs: guest finished, console clean"
	else
		record FAIL "vm $k specs: guest verdict $rc (see $build/vm/$k-specs.console.log)"
	fi
	specs_json "$build/vm/$k-specs.output.log" "vm $k specs-json"
done

# kapi-dump in a guest against the live kapi.ko (selftests/tool.sh). The
# JSON it printed must match the schema, and be byte for byte what the
# host's "kapi-dump --elf kapi.ko --json" writes for the same spec.
tool_matches_host() {
	local log=$1 k=$2 dir="$build/vm/$2-tool" name guest host
	rm -rf "$dir"
	mkdir -p "$dir"
	awk -v dir="$dir" '
		/^# kapi-json-begin / { f = dir "/" $3 ".guest"; printf "" > f; next }
		/^# kapi-json-end / { close(f); f = ""; next }
		f != "" { print substr($0, 3) > f }' "$log"
	for guest in "$dir"/*.guest; do
		[ -e "$guest" ] || { record FAIL "vm $k kapi-dump: the guest printed no JSON"; return; }
		name=$(basename "$guest" .guest)
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
	"$here/vm.sh" --kernel "$k" --name tool --stream none --timeout 300 \
		--script "$src/selftests/tool.sh" --module "$b/kapi.ko" \
		--module "$b/samples/kapi_sample.ko" --file "$here/guest/ktap.sh:/kapi/ktap.sh" \
		--bin "$us/kapi-dump:/kapi/bin/kapi-dump" 2>"$out/vm-$k-tool.log"
	rc=$?
	sed 's/^/  /' "$out/vm-$k-tool.log"
	python3 "$here/results.py" ktap "$build/vm/$k-tool.output.log" --group "vm $k kapi-dump" --results "$results"
	if [ $rc -eq 0 ]; then
		record PASS "vm $k kapi-dump: guest finished, console clean"
	else
		record FAIL "vm $k kapi-dump: guest verdict $rc (see $build/vm/$k-tool.console.log)"
	fi
	specs_json "$build/vm/$k-tool.output.log" "vm $k kapi-dump json"
	tool_matches_host "$build/vm/$k-tool.output.log" "$k"
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
	"$here/vm.sh" --kernel "$k" --name runtime --stream none --timeout 900 --smp 2 \
		--script "$src/selftests/runtime.sh" --module "$mod" \
		--file "$here/guest/ktap.sh:/kapi/ktap.sh" \
		--file "$src/selftests/unload.sh:/kapi/unload.sh" \
		--file "$st/kapi_syscalls" --file "$st/kapi_runtime" --file "$st/kapi_filter" \
		--file "$st/kapi_stress" --file "$build/bench/kapi_bench" \
		2>"$out/vm-$k-runtime.log"
	rc=$?
	sed 's/^/  /' "$out/vm-$k-runtime.log"
	runtime_sections "$build/vm/$k-runtime.output.log" "$k"
	if [ $rc -eq 0 ]; then
		record PASS "vm $k runtime: guest finished, console clean"
	else
		record FAIL "vm $k runtime: guest verdict $rc (see $build/vm/$k-runtime.console.log)"
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
