#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# syzlang-consts.py SYZKALLER_DIR FILE.syz OUT.const [DEFINES.syz]
#
# Writes the .const file syz-sysgen needs for a kapi-dump --syzlang file,
# without syz-extract (which needs a configured kernel tree per
# architecture): constants syzkaller already knows (system call numbers,
# O_*, S_*, AT_FDCWD) take the per-architecture values of syzkaller's own
# sys/linux/*.txt.const, which syz-extract made from the kernel headers;
# the file's "define NAME _IOC(DIR, TYPE, NR, SIZE)" lines are evaluated
# with each architecture's _IOC encoding (mips and powerpc: 3 direction
# bits, 13 size bits, _IOC_NONE 1, _IOC_WRITE 4; the others: 2 and 14,
# _IOC_NONE 0, _IOC_WRITE 1). --source output names ioctl commands without
# defines; DEFINES.syz (the --elf output of the same specs) supplies them.
# Used by check-syzlang.sh; never by make check.
import glob
import re
import subprocess
import sys
import tempfile

syz, txt, out = sys.argv[1:4]
ARCHES = ["386", "amd64", "arm", "arm64", "mips64le", "ppc64le", "riscv64", "s390x"]
db = {}
for f in sorted(glob.glob(syz + "/sys/linux/*.txt.const")):
    arches = None
    for line in open(f):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, val = [x.strip() for x in line.split("=", 1)]
        if name == "arches":
            arches = [a.strip() for a in val.split(",")]
            continue
        vals = {}
        dflt = None
        for pair in val.split(","):
            fields = [x.strip() for x in pair.split(":")]
            if len(fields) == 1:
                dflt = fields[0]
                continue
            for a in fields[:-1]:
                vals[a] = fields[-1]
        for a in arches:
            v = vals.get(a, dflt)
            if v is not None and v != "???":
                db.setdefault(name, {}).setdefault(a, int(v, 0))

text = open(txt).read()
code = "\n".join(l.split("#", 1)[0] for l in text.splitlines())
defines = {}
for m in re.finditer(r"^define\s+(\w+)\s+_IOC\(([^,]+),\s*(\w+),\s*(\w+),\s*(\w+)\)", code, re.M):
    defines[m.group(1)] = (m.group(2).strip(), int(m.group(3), 0), int(m.group(4), 0), int(m.group(5), 0))
# --source output names the commands without defines: take them from a
# define file given as a 4th argument (the --elf output of the same specs).
if len(sys.argv) > 4:
    for m in re.finditer(r"^define\s+(\w+)\s+_IOC\(([^,]+),\s*(\w+),\s*(\w+),\s*(\w+)\)",
                         open(sys.argv[4]).read(), re.M):
        defines.setdefault(m.group(1), (m.group(2).strip(), int(m.group(3), 0), int(m.group(4), 0), int(m.group(5), 0)))

def ioc(arch, d, typ, nr, size):
    if arch in ("mips64le", "ppc64le"):
        enc = {"_IOC_NONE": 1, "_IOC_READ": 2, "_IOC_WRITE": 4}
        shift = 29
    else:
        enc = {"_IOC_NONE": 0, "_IOC_READ": 2, "_IOC_WRITE": 1}
        shift = 30
    dv = 0
    for part in d.split("|"):
        dv |= enc[part.strip()]
    return (dv << shift) | (size << 16) | (typ << 8) | nr

# Names of flag sets that neither syzkaller's files nor the defines know
# (a UAPI constant newer than that syzkaller, e.g. CLOSE_RANGE_CLOEXEC):
# what syz-extract would do, on the host's UAPI headers (one value for all
# architectures; the file's includes, uapi/linux/X.h read as linux/X.h).
def host_values(wanted):
    if not wanted:
        return {}
    incs = re.findall(r"^include\s+<uapi/(linux/[\w.]+)>", code, re.M)
    src = "".join("#include <%s>\n" % i for i in incs) + "#include <stdio.h>\nint main(void)\n{\n"
    for n in wanted:
        src += '#ifdef %s\n\tprintf("%s=%%llu\\n", (unsigned long long)(%s));\n#endif\n' % (n, n, n)
    src += "\treturn 0;\n}\n"
    with tempfile.TemporaryDirectory() as tmp:
        open(tmp + "/c.c", "w").write(src)
        if subprocess.run(["cc", "-o", tmp + "/c", tmp + "/c.c"]).returncode != 0:
            return {}
        got = subprocess.run([tmp + "/c"], capture_output=True, text=True).stdout
    return {k: int(v) for k, v in (l.split("=") for l in got.split())}

flag_names = set()
for m in re.finditer(r"^\w+\s*=\s*(.*)$", code, re.M):
    flag_names |= set(re.findall(r"\b[A-Z_][A-Z0-9_]*\b", m.group(1)))
for n, v in host_values(sorted(flag_names - set(db) - set(defines))).items():
    db[n] = {a: v for a in ARCHES}

lines = ["# Made by syzlang-consts.py for " + txt.rsplit("/", 1)[-1], "arches = " + ", ".join(ARCHES)]
names = set(re.findall(r"\b[A-Za-z_]\w*\b", code))
calls = set(re.findall(r"^(\w+)(?:\$\w+)?\(", code, re.M))
needed = sorted((names & set(db)) | {"__NR_" + c for c in calls} | (names & set(defines)))
missing = []
for n in needed:
    if n in defines:
        vals = {a: ioc(a, *defines[n]) for a in ARCHES}
    else:
        vals = db.get(n, {})
    if not vals:
        missing.append(n)
    lines.append(n + " = " + ", ".join("%s:%s" % (a, vals.get(a, "???")) for a in ARCHES))
open(out, "w").write("\n".join(lines) + "\n")
if missing:
    print("no value anywhere for:", " ".join(missing), file=sys.stderr)
