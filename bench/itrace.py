#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The host side of bench/itrace.sh (Documentation/bench.rst, "Instruction
traces").

  itrace.py monitor SOCKET OUTPUT   wait for the guest's ready line in its
                                    OUTPUT log, turn QEMU's instruction trace
                                    on through the monitor at SOCKET, and off
                                    at the guest's done line
  itrace.py report OUTPUT TRACE [CALL...]
                                    per traced system call: its instructions in
                                    the kernel, those in kapi's modules, per
                                    function; with CALL names, every
                                    instruction of those calls too

OUTPUT is the guest's output log, which holds the guest's /proc/kallsyms
(text symbols); TRACE is QEMU's log with "-d exec,nochain" and one
instruction per translation block, so one line per instruction executed.
"""
import bisect
import collections
import os
import re
import socket
import sys
import time

CALLS = ["read", "write", "openat", "close", "pread64", "readv"]
USER_TOP = 0x800000000000


def monitor(sock, output, limit=1800):
    def hmp(cmd):
        s = socket.socket(socket.AF_UNIX)
        s.connect(sock)
        time.sleep(0.2)
        s.recv(4096)
        s.sendall((cmd + "\n").encode())
        time.sleep(0.3)
        s.close()

    def wait_for(line):
        end = time.time() + limit
        while time.time() < end:
            if os.path.exists(output):
                with open(output, errors="replace") as f:
                    if line in f.read():
                        return True
            time.sleep(0.2)
        return False

    if not wait_for("itrace: ready"):
        sys.exit("itrace: the guest never said it was ready")
    # One instruction per block, blocks not chained: every instruction
    # executed is logged.
    hmp("singlestep on")
    hmp("log exec,nochain")
    ok = wait_for("itrace: done")
    hmp("log none")
    hmp("singlestep off")
    if not ok:
        sys.exit("itrace: the guest never said it was done")


def symbols(output):
    syms = []
    pat = re.compile(r"([0-9a-f]{16}) [tT] (\S+)(?:\s+\[(\S+)\])?$")
    with open(output, errors="replace") as f:
        for line in f:
            m = pat.match(line.strip())
            if m:
                name = m.group(2) + ("[%s]" % m.group(3) if m.group(3) else "")
                syms.append((int(m.group(1), 16), name))
    syms.sort()
    return [a for a, _ in syms], [n for _, n in syms]


def report(output, trace, detail):
    addrs, names = symbols(output)
    if not addrs:
        sys.exit("itrace: no symbols in " + output)

    def where(pc):
        i = bisect.bisect_right(addrs, pc) - 1
        return (names[i], pc - addrs[i]) if i >= 0 else ("?", pc)

    pcs = []
    pat = re.compile(r"/([0-9a-f]{16})/")
    with open(trace, errors="replace") as f:
        for line in f:
            m = pat.search(line)
            if m:
                pcs.append(int(m.group(1), 16))
    entry = {n: a for a, n in zip(addrs, names)}
    marks = [i for i, pc in enumerate(pcs)
             if pc in (entry.get("__x64_sys_getpid"), entry.get("__x64_sys_getppid"))]
    # The calls run twice: keep the second (warm) round.
    segs = []
    for a, b in zip(marks, marks[1:]):
        # From the marker's return to user space to the next marker's entry.
        while a < b and pcs[a] >= USER_TOP:
            a += 1
        while b > a and pcs[b] >= USER_TOP:
            b -= 1
        segs.append([pc for pc in pcs[a:b + 1] if pc >= USER_TOP])
    if len(segs) != 2 * len(CALLS):
        sys.exit("itrace: %d calls between markers in the trace, expected %d"
                 % (len(segs), 2 * len(CALLS)))
    for name, seg in zip(CALLS, segs[len(CALLS):]):
        per = collections.Counter(where(pc)[0] for pc in seg)
        own = {n: c for n, c in per.items() if n.endswith("[kapi]") or
               n.endswith("[kapi_tramp]")}
        print("itrace: %-7s %5d instructions in the kernel, %4d in kapi's modules: %s"
              % (name, len(seg), sum(own.values()),
                 ", ".join("%s %d" % (n, c) for n, c in
                           sorted(own.items(), key=lambda x: -x[1]))))
        if name in detail:
            for pc in seg:
                n, off = where(pc)
                print("  %s+%#x" % (n, off))


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "monitor":
        monitor(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 4 and sys.argv[1] == "report":
        report(sys.argv[2], sys.argv[3], set(sys.argv[4:]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
