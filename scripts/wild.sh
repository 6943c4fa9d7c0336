#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The wild guest (Documentation/wild.rst): a Debian 12 system with systemd,
# booted on each Debian kernel three times, without kapi, with kapi.ko in
# audit mode and in enforce mode (loaded by the initramfs, before systemd
# starts), each boot running scripts/guest/wild-workload.sh. Compares the
# results of the workload's steps between the boots and summarizes what kapi
# reported in audit and enforce. --short (make check) boots each kernel once,
# kapi.ko in audit mode, and runs one round in audit, one in enforce (the
# runtime/mode switch) and one after the guest unloads kapi.ko, compared the same way.
#
# Failures: a guest that crashes, hangs or shows a kernel report on its
# console; a step missing, or giving different results in two rounds of a
# boot or in two boots; a parameter violation the workload did not make on
# purpose, or one of its deliberate invalid calls not reported; a
# divergence or a return violation. With KAPI_WILD_STRICT=1 an
# undocumented-error report fails too (otherwise that case is skipped).
#
# usage: wild.sh [--kernel 6.1|6.12]... [--seconds N] [--short]
#                [--detectors] [--results FILE] [--no-build]
#   --seconds N   workload time per boot (default: WILD_MINUTES * 60, 10 min)
#   --short       one boot per kernel, one round per mode (--seconds unused)
#   --detectors   boot with the Debian kernels' own memory-error detectors on:
#                 slub_debug=FZPU (sanity checks, red zones, poisoning, owner
#                 tracking), KFENCE sampling, page poisoning (also
#                 KAPI_WILD_DETECTORS=1); their reports fail the boot
#   --results F   add the results to F (make check) instead of build/wild/results
#   --no-build    use the kapi.ko and kapi_wild already built

set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
. "$here/lib.sh"

build="${KAPI_BUILD:-$src/build}"
kernels=() seconds=$((${WILD_MINUTES:-10} * 60)) res= dobuild=1 short=0
detectors=${KAPI_WILD_DETECTORS:-0}
while [ $# -gt 0 ]; do
	case $1 in
	--kernel) kernels+=("$2"); shift 2 ;;
	--seconds) seconds=$2; shift 2 ;;
	--short) short=1; shift ;;
	--detectors) detectors=1; shift ;;
	--results) res=$2; shift 2 ;;
	--no-build) dobuild=0; shift ;;
	*) echo "usage: wild.sh [--kernel 6.1|6.12]... [--seconds N] [--short] [--detectors] [--results FILE] [--no-build]" >&2
	   exit 2 ;;
	esac
done
[ ${#kernels[@]} -gt 0 ] || read -ra kernels <<<"${KAPI_KERNELS:-6.1 6.12}"
out="$build/wild"
mkdir -p "$out"
kapi_results wild "$res"
strict=${KAPI_WILD_STRICT:-0}

if [ $dobuild -eq 1 ]; then
	for k in "${kernels[@]}"; do
		step "kapi.ko builds for Debian $k" "$out/module-$k.log" \
			"$here/build-module.sh" --kernel "$k" --werror || { kapi_summary; exit 1; }
	done
	step "kapi_wild builds (static, -Werror)" "$out/selftests.log" \
		make -C "$src/selftests" O="$build/selftests" "$build/selftests/kapi_wild" ||
		{ kapi_summary; exit 1; }
fi
t=$SECONDS
if ! "$here/rootfs.sh" >"$out/rootfs.path" 2>"$out/rootfs.log"; then
	record FAIL "wild: the Debian root file system builds (see $out/rootfs.log)"
	tail -n 20 "$out/rootfs.log" | sed 's/^/    | /'
	kapi_summary
	exit 1
fi
rootfs=$(cat "$out/rootfs.path")
if [ ! -f "$rootfs/root.ext4" ]; then
	record FAIL "wild: rootfs.sh printed no image directory (see $out/rootfs.path)"
	kapi_summary
	exit 1
fi
echo "  root file system: $rootfs ($((SECONDS - t)) s)"

# boot K MODE - one boot of kernel K; its output in $out/K-MODE.output.log.
# MODE short: kapi.ko loaded in audit mode, the short plan; the output is
# split at its "# wild-phase MODE" lines into K-{audit,enforce,none}.output.log.
boot() {
	local k=$1 mode=$2 rel args=() f t=$SECONDS kmode=$2 plan=long tmo=$((seconds + 1200))
	kapi_load_kernel "$k"
	rel=$KAPI_KREL
	[ "$mode" = short ] && kmode=audit plan=short tmo=2400
	args=(--disk "$rootfs/root.ext4" --init "$here/guest/wild-init.sh" --mem 1024
	      --timeout "$tmo" --script "$here/guest/wild-workload.sh"
	      --module "$build/kernel-$k/kapi.ko" --file "$build/selftests/kapi_wild"
	      --append "kapi.wild=$kmode kapi.wild_seconds=$seconds kapi.wild_plan=$plan systemd.show_status=0")
	[ "$detectors" = 1 ] && args+=(--append "slub_debug=FZPU kfence.sample_interval=100 page_poison=1")
	for f in "$rootfs/boot-$rel"/*; do
		args+=(--file "$f:/kapi/boot/$(basename "$f")")
	done
	if ! f=$(kapi_missing "${args[@]}"); then
		record FAIL "wild $k $mode (not built: $f)"
		return 1
	fi
	kapi_guest "wild $k $mode" "$k" "$k" "wild-$mode" --log-dir "$build/vm" "${args[@]}"
	cp "$output" "$out/$k-$mode.output.log" 2>/dev/null
	if [ "$mode" = short ]; then
		rm -f "$out/$k"-{none,audit,enforce}.output.log
		awk -v o="$out/$k-" '
			/^# wild-phase / { m = $3 }
			m == "" { pre = pre $0 "\n"; next }
			{ f = o m ".output.log"; if (!(f in seen)) { seen[f] = 1; printf "%s", pre >f }
			  print >f }' "$output" 2>/dev/null
	fi
	echo "  wild $k $mode: boot and workload ($((SECONDS - t)) s)"
}

for k in "${kernels[@]}"; do
	if [ $short -eq 1 ]; then
		boot "$k" short
	else
		for mode in none audit enforce; do
			boot "$k" "$mode"
		done
	fi
	python3 - "$out" "$k" "$strict" "$results" "$short" <<'EOF'
# Compare the boots of one kernel and summarize kapi's reports.
import collections, os, re, sys

out, k, strict, results = sys.argv[1], sys.argv[2], sys.argv[3] == "1", sys.argv[4]
short = sys.argv[5] == "1"
modes = ["none", "audit", "enforce"]
# The steps of scripts/guest/wild-workload.sh, every boot runs them.
STEPS = """system proctools procfs log units cgroup sockets nettools pipes pipelines
           fds clockstep kmsg files fileio loopfs fuse nfs system-end invalid"""
rec = open(results, "a")
# The workload's invalid calls, as kapi's records name them (comm, rule,
# syscall, actual): kapi_wild's invalid step and its files step's write to
# a read-only descriptor.
INVALID = {("kapi_wild", "param:fd:fd", "sys_read", "4294967196"),
           ("kapi_wild", "param:buf:buffer", "sys_read", "0xffffffffff600000+16"),
           ("kapi_wild", "param:buf:buffer", "sys_write", "0xffffffffff600000+16"),
           ("kapi_wild", "param:filename:user_path", "sys_openat", "0xffffffffff600000"),
           ("kapi_wild", "param:filename:user_path", "sys_openat", "length>=4096"),
           ("kapi_wild", "param:fd:fd", "sys_close", "1073741824")}
READONLY_WRITE = ("kapi_wild", "param:fd:fd", "sys_write", "fd_mode[r]")
DELIBERATE = INVALID | {READONLY_WRITE}
# (comm, rule, syscall) of every parameter violation the workload makes on
# purpose: the calls above, and the nettools step's `nc -l`: netcat-openbsd
# 1.219 closes its listening socket twice at exit, a true double close
# (Documentation/wild.rst), kept as a real program's bug kapi must report.
ON_PURPOSE = {(c, ru, sc) for c, ru, sc, _ in DELIBERATE} | \
             {("nc", "param:fd:fd", "sys_close")}


def record(verdict, name, why=""):
    rec.write(f"{verdict}\t{name}\n")
    if verdict == "FAIL":
        print(f"  FAIL {name}")
        for line in why.splitlines()[:20]:
            print(f"    | {line}")


def parse(mode):
    """Steps (name -> set of results), the round count and kapi's sections."""
    path = os.path.join(out, f"{k}-{mode}.output.log")
    steps = collections.defaultdict(collections.Counter)
    sections, cur, rounds, info, unload = collections.defaultdict(list), None, 0, [], None
    try:
        lines = open(path, errors="replace").read().splitlines()
    except OSError:
        return None
    for line in lines:
        m = re.match(r"# wild-kapi-begin (\S+)", line)
        if m:
            cur = m.group(1)
            continue
        if line.startswith("# wild-kapi-end "):
            cur = None
            continue
        if cur:
            sections[cur].append(line)
            continue
        m = re.match(r"# wild: (\d+) rounds? \(", line)
        if m:
            rounds = int(m.group(1))
        m = re.match(r"# wild: (system \S+ up after .*|\d+ rounds? \(.*)", line)
        if m:
            info.append(m.group(1))
        if line.startswith("wild-unload "):
            unload = line[len("wild-unload "):]
        if line.startswith("wild-step "):
            name, _, result = line[len("wild-step "):].partition(" ")
            steps[name][result] += 1
    return steps, rounds, sections, info, unload


runs = {m: parse(m) for m in modes}
valid = None
for mode in modes:
    r = runs[mode]
    g = f"wild {k} {mode}"
    if r is None or not r[0]:
        record("FAIL", f"{g}: the workload printed its steps", "no output")
        continue
    steps, rounds, sections, info, unload = r
    print(f"  wild {k} {mode}: {'; '.join(info)}")
    want = set(STEPS.split())
    if rounds < 1 or want - set(steps):
        record("FAIL", f"{g}: the workload printed every step",
               f"{rounds} rounds; missing: {' '.join(sorted(want - set(steps)))}")
    else:
        record("PASS", f"{g}: the workload printed every step ({rounds} rounds)")
    unstable = {n: c for n, c in steps.items() if len(c) > 1}
    if unstable:
        why = "\n".join(f"{n}: " + " / ".join(f"{res} (x{c})" for res, c in cnt.items())
                        for n, cnt in unstable.items())
        record("FAIL", f"{g}: each step gives the same result in every round", why)
    else:
        record("PASS", f"{g}: each step gives the same result in every round")


def diff(a, b):
    ra, rb = runs[a], runs[b]
    if not ra or not rb or not ra[0] or not rb[0]:
        return
    names = sorted(set(ra[0]) | set(rb[0]))
    bad = []
    for n in names:
        sa, sb = set(ra[0].get(n, {})), set(rb[0].get(n, {}))
        if sa != sb:
            bad.append(f"{n}:\n  {a}: {' / '.join(sorted(sa)) or '-'}\n  {b}: {' / '.join(sorted(sb)) or '-'}")
    name = f"wild {k}: every step gives the same results without kapi and in {b}"
    if bad:
        record("FAIL", name, "\n".join(bad))
    else:
        record("PASS", name)


# The short plan unloads kapi.ko between enforce and the round without it,
# inside the guest (scripts/guest/wild-workload.sh); the host only reads
# the result line the guest printed.
if short and runs["enforce"]:
    u = runs["enforce"][4]
    name = f"wild {k}: kapi.ko unloads inside the guest's running system"
    record("PASS" if u == "status=0 gone=yes" else "FAIL", name, u or "no wild-unload line")

diff("none", "audit")
diff("none", "enforce")


def fields(line):
    return dict(p.split("=", 1) for p in line.split() if "=" in p)


summary = []
for mode in ("audit", "enforce"):
    r = runs[mode]
    g = f"wild {k} {mode}"
    if not r or "stats" not in r[2]:
        record("FAIL", f"{g}: kapi's stats were printed")
        continue
    stats, viol = r[2]["stats"], r[2].get("violations", [])
    tot = collections.Counter()
    und = collections.Counter()
    met = collections.defaultdict(lambda: (0, 0))
    par = collections.Counter()
    per = {}    # spec -> its summary line's counts, in registration order
    keys = ("calls", "violations", "return_violations", "undocumented", "divergences", "enforced")
    for line in stats:
        f = fields(line)
        sc = line.split()[0] if line.split() else ""
        if "calls" in f:
            per[sc] = {key: int(f.get(key, 0)) for key in keys}
            for key in keys:
                tot[key] += int(f.get(key, 0))
        elif "errno" in f:
            # One line per error code and object kind ("other": no slot).
            if int(f.get("undocumented", 0)):
                und[(sc, f["errno"])] += int(f["undocumented"])
            m = met[(sc, f["errno"], f.get("object", "-"))]
            met[(sc, f["errno"], f.get("object", "-"))] = (m[0] + int(f.get("failed", 0)),
                                                            m[1] + int(f.get("undocumented", 0)))
        elif "param" in f and int(f.get("violations", 0)):
            par[(sc, f["param"], f.get("rule", "?"))] += int(f["violations"])
    recs = collections.Counter()
    for line in viol:
        m = re.match(r"\s*(\d+) (.*)", line)
        if not m:
            continue
        f = fields(m.group(2))
        # Any other field (an object's kind, say) is kept as it is.
        known = ("uid", "comm", "syscall", "rule", "expected", "actual", "mode")
        extra = " ".join(t for t in m.group(2).split() if t.partition("=")[0] not in known)
        recs[(f.get("rule", "?"), f.get("syscall", "?"), f.get("actual", "?"), extra, f.get("comm", "?"))] += int(m.group(1))
    print(f"\n  wild {k} {mode}: kapi checked {tot['calls']} calls: {tot['undocumented']} undocumented errors, "
          f"{tot['divergences']} divergences, {tot['return_violations']} return violations, "
          f"{tot['violations']} parameter violations, {tot['enforced']} calls refused")
    # Every spec's own counts: what the run shows of each system call.
    print("    per spec (stats):  syscall  calls  param  return  undocumented  divergences  enforced")
    for sc, c in per.items():
        print(f"      {sc:<14} {c['calls']:>9} {c['violations']:>6} {c['return_violations']:>7} "
              f"{c['undocumented']:>13} {c['divergences']:>12} {c['enforced']:>9}")
    idle = [sc for sc, c in per.items() if c["calls"] == 0]
    record("FAIL" if idle or not per else "PASS",
           f"{g}: the workload makes every hooked system call ({len(per)} specs)",
           "no call of: " + " ".join(idle) if idle else "no spec in the stats")
    if und:
        print("    undocumented errors (stats):  syscall  errno  count")
        for (sc, e), c in sorted(und.items(), key=lambda x: -x[1]):
            print(f"      {sc:<14} {e:<14} {c}")
    # The errors the run met per system call and object kind, documented
    # or not: by system call, then most failed calls first.
    met_rows = sorted(met.items(), key=lambda x: (x[0][0], -x[1][0], x[0][1], x[0][2]))
    # make check's short run keeps the table in the summary file only.
    if met_rows and not short:
        print("    errors met (stats):  syscall  errno  object  failed  undocumented")
        for (sc, e, o), (fl, ud) in met_rows:
            print(f"      {sc:<14} {e:<14} {o:<24} {fl:<8} {ud}")
    if par:
        print("    parameter violations (stats):  syscall  parameter  rule  count")
        for (sc, p, ru), c in sorted(par.items(), key=lambda x: -x[1]):
            print(f"      {sc:<14} {p:<10} {ru:<12} {c}")
    if recs:
        print("    reports (violation records):  rule  syscall  actual  object  comm  count")
        for (ru, sc, a, extra, comm), c in sorted(recs.items(), key=lambda x: -x[1]):
            print(f"      {ru:<22} {sc:<12} {a:<14} {extra or '-':<24} {comm:<16} {c}")
    with open(os.path.join(out, f"{k}-{mode}.summary"), "w") as s:
        for sc, c in per.items():
            s.write(f"spec {sc} " + " ".join(f"{key}={c[key]}" for key in keys) + "\n")
        for (sc, e), c in sorted(und.items()):
            s.write(f"undocumented {sc} {e} {c}\n")
        for (sc, e, o), (fl, ud) in met_rows:
            s.write(f"met {sc} {e} {o} {fl} {ud}\n")
        for (ru, sc, a, extra, comm), c in sorted(recs.items()):
            s.write(f"record {ru} {sc} {a} {extra or '-'} {comm} {c}\n")
    name = f"{g}: no divergence"
    record("PASS" if tot["divergences"] == 0 else "FAIL", name,
           "\n".join(l for l in viol if "rule=divergence" in l))
    name = f"{g}: no return violation"
    record("PASS" if tot["return_violations"] == 0 else "FAIL", name,
           "\n".join(l for l in viol if "rule=return:" in l))
    # Every parameter violation must be one the workload makes on purpose,
    # and each of those must be reported (kapi misses none of them).
    # (The other records, of undocumented errors and the like, have cases
    # of their own.)
    stray = {r: c for r, c in recs.items()
             if r[0].startswith(("param:", "context")) and (r[4], r[0], r[1]) not in ON_PURPOSE}
    record("FAIL" if stray else "PASS",
           f"{g}: every parameter violation is one the workload makes on purpose",
           "\n".join(" ".join(filter(None, (ru, sc, f"actual={a}", extra, f"comm={comm}:"))) + f" {c}"
                      for (ru, sc, a, extra, comm), c in stray.items()))
    seen = {(r[4], r[0], r[1], r[2]) for r in recs}
    missed = sorted(DELIBERATE - seen)
    record("FAIL" if missed else "PASS",
           f"{g}: kapi reported each deliberate invalid call ({len(DELIBERATE)})",
           "\n".join(f"not reported: comm={c} {ru} {sc} actual={a}" for c, ru, sc, a in missed))
    name = f"{g}: no undocumented-error report"
    if strict:
        record("PASS" if tot["undocumented"] == 0 else "FAIL", name,
               "\n".join(f"{sc} {e}: {c}" for (sc, e), c in und.items()))
    else:
        rec.write(f"SKIP\t{name} (KAPI_WILD_STRICT=1 enables it; {tot['undocumented']} reports)\n")
EOF
done

kapi_summary
