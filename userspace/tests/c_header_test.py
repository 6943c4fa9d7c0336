#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""kapi-dump --c-header: the generated header makes GCC and Clang reject
calls whose constant arguments break the specs (module/specs/fs.c), with the
expected message, and changes no byte of a correct program's code.

Each case is a tiny C file compiled with -c -Wall, without and with
-include of the header, with and without -D_FORTIFY_SOURCE=2. A bad case
must fail with its message on an error line (and no other kapi message);
a good case must compile without any diagnostic and give the same .text
bytes as without the header. GCC checks only when optimizing (-O1 and up):
at -O0 the header defines nothing for GCC, which the good cases confirm
byte for byte. Exit 77 (skipped) when neither compiler is installed.
"""
import argparse
import os
import shutil
import subprocess
import sys

PRE = "#include <fcntl.h>\n#include <unistd.h>\n"

# name: (code, {compiler: expected message or None})
BAD = {
    "open_creat_directory": (
        'int f(void) { return open("d", O_CREAT | O_DIRECTORY, 0700); }',
        "open(): O_CREAT with O_DIRECTORY (EINVAL)"),
    "openat_creat_directory": (
        'int f(void) { return openat(AT_FDCWD, "d", O_CREAT | O_DIRECTORY, 0700); }',
        "openat(): O_CREAT with O_DIRECTORY (EINVAL)"),
    "open_tmpfile_rdonly": (
        'int f(void) { return open("/tmp", O_TMPFILE | O_RDONLY, 0600); }',
        "open(): O_TMPFILE needs O_DIRECTORY and write access (EINVAL)"),
    "openat_tmpfile_without_directory": (
        'int f(int d) { return openat(d, "t", (O_TMPFILE & ~O_DIRECTORY) | O_RDWR, 0600); }',
        "openat(): O_TMPFILE needs O_DIRECTORY and write access (EINVAL)"),
    "read_negative_fd": (
        'long f(void) { char b[8]; return read(-1, b, sizeof(b)) + b[0]; }',
        "read(): fd is a negative descriptor (EBADF)"),
    "write_negative_fd": (
        'long f(void) { return write(-2, "x", 1); }',
        "write(): fd is a negative descriptor (EBADF)"),
    "openat_negative_dfd_relative": (
        'int f(void) { return openat(-5, "rel", O_RDONLY); }',
        "openat(): dfd is a negative descriptor other than AT_FDCWD with a relative path (EBADF)"),
    "read_count_larger_than_buf": (
        'long f(int fd) { char b[8]; long n = read(fd, b, 16); return n + b[0]; }',
        "read(): count is larger than the object buf points to"),
    "write_count_larger_than_buf": (
        'long f(int fd) { static const char m[4] = "abc"; return write(fd, m, 8); }',
        "write(): count is larger than the object buf points to"),
    "open_creat_missing_mode": (
        'int f(void) { return open("x", O_WRONLY | O_CREAT); }',
        "open(): mode is missing"),
    "openat_tmpfile_missing_mode": (
        'int f(int d) { return openat(d, ".", O_TMPFILE | O_RDWR); }',
        "openat(): mode is missing"),
}


GOOD = {
    "open_plain": 'int f(const char *p) { return open(p, O_RDONLY | O_CLOEXEC); }',
    "open_variable_flags": 'int f(const char *p, int fl, int m) { return open(p, fl, m) + open(p, fl); }',
    "open_create": 'int f(void) { return open("x", O_WRONLY | O_CREAT | O_TRUNC, 0644); }',
    "open_tmpfile": 'int f(void) { return open("/tmp", O_TMPFILE | O_RDWR, 0600); }',
    "open_path_directory": 'int f(void) { return open("/srv", O_PATH | O_DIRECTORY); }',
    "openat_fdcwd": 'int f(void) { return openat(AT_FDCWD, "x", O_RDONLY); }',
    "openat_absolute": 'int f(void) { return openat(-5, "/etc/hostname", O_RDONLY); }',
    "openat_dirfd": 'int f(int d, const char *p) { return openat(d, p, O_CREAT | O_EXCL | O_WRONLY, 0600); }',
    "close_minus_one": 'int f(void) { return close(-1); }',
    "read_fits": 'long f(int fd) { char b[16]; long n = read(fd, b, sizeof(b)); return n + b[0]; }',
    "read_unknown_object": 'long f(int fd, char *p) { return read(fd, p, 4096); }',
    "read_variable_count": 'long f(int fd, unsigned n) { char b[8]; long r = read(fd, b, n); return r + b[0]; }',
    "write_literal": 'long f(void) { return write(1, "hello\\n", 6); }',
    "write_variable_fd": 'long f(int fd, const void *p, unsigned long n) { return write(fd, p, n); }',
}


def compilers():
    found = []
    for cc in ("gcc", "clang"):
        path = shutil.which(cc)
        if path:
            found.append(cc)
        else:
            print(f"c_header: {cc} not found, not tested")
    return found


def compile_(cc, src, obj, flags, header):
    # _GNU_SOURCE (O_PATH, O_TMPFILE) on the command line: with -include
    # the header's <fcntl.h> comes before anything the file defines.
    cmd = [cc, "-c", "-Wall", "-Wextra", "-Wpedantic", "-D_GNU_SOURCE", *flags, src, "-o", obj]
    if header:
        cmd[1:1] = ["-include", header]
    r = subprocess.run(cmd, capture_output=True, text=True)
    return r.returncode, r.stderr, cmd


def text_bytes(obj, work):
    out = os.path.join(work, "text.bin")
    subprocess.run(["objcopy", "-O", "binary", "-j", ".text", obj, out], check=True)
    with open(out, "rb") as f:
        return f.read()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kapi-dump", required=True)
    ap.add_argument("--specs", required=True)
    ap.add_argument("--sample-specs", required=True)
    ap.add_argument("--work", required=True)
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    header = os.path.join(args.work, "kapi_checks.h")
    with open(header, "w") as f:
        subprocess.run([args.kapi_dump, "--source", args.specs, "--c-header"],
                       stdout=f, check=True)
    ccs = compilers()
    if not ccs:
        print("c_header: skipped: neither gcc nor clang is installed")
        return 77
    failures = []
    checked = 0

    def src_of(name, code, ext="c"):
        path = os.path.join(args.work, f"{name}.{ext}")
        with open(path, "w") as f:
            f.write(PRE + code + "\n")
        return path

    for cc in ccs:
        # GCC checks from -O1; at -O0 the header leaves GCC's code alone
        # (only the good cases run there).
        levels = ["-O2", "-O1", "-O0"] if cc == "gcc" else ["-O2", "-O0"]
        for opt in levels:
            # glibc's _FORTIFY_SOURCE needs optimization.
            for fortify in ([], ["-D_FORTIFY_SOURCE=2"]) if opt != "-O0" else ([],):
                flags = [opt, *fortify]
                bad = dict(BAD)
                if cc == "gcc" and opt == "-O0":
                    bad = {}
                for name, (code, message) in bad.items():
                    obj = os.path.join(args.work, f"{name}.o")
                    rc, err, cmd = compile_(cc, src_of(name, code), obj, flags, header)
                    lines = [l for l in err.splitlines() if "error:" in l and "kapi: " in l]
                    other = [l for l in lines if message not in l]
                    checked += 1
                    if rc == 0 or not any(message in l for l in lines) or other:
                        failures.append(f"{' '.join(cmd)}: expected error '{message}', got:\n{err}")
                for name, code in GOOD.items():
                    src = src_of(name, code)
                    obj = os.path.join(args.work, f"{name}.o")
                    ref = os.path.join(args.work, f"{name}.ref.o")
                    rc0, err0, cmd0 = compile_(cc, src, ref, flags, None)
                    rc, err, cmd = compile_(cc, src, obj, flags, header)
                    checked += 1
                    if rc0 != 0 or err0:
                        failures.append(f"{' '.join(cmd0)}: the case itself is wrong:\n{err0}")
                    elif rc != 0 or err:
                        failures.append(f"{' '.join(cmd)}: diagnostics for a correct call:\n{err}")
                    elif text_bytes(obj, args.work) != text_bytes(ref, args.work):
                        failures.append(f"{' '.join(cmd)}: .text differs from the build without the header")
        # C++: Clang checks; GCC compiles it untouched.
        cxx = "clang++" if cc == "clang" else "g++"
        if shutil.which(cxx):
            for case in ("open_creat_directory", "open_creat_missing_mode",
                         "read_count_larger_than_buf"):
                code, message = BAD[case]
                rc, err, cmd = compile_(cxx, src_of("cxx_" + case, code, "cc"),
                                        os.path.join(args.work, "cxx.o"), ["-O2"], header)
                checked += 1
                if cc == "clang" and (rc == 0 or message not in err):
                    failures.append(f"{' '.join(cmd)}: expected error '{message}', got:\n{err}")
                # GCC: no check in C++ (glibc's own warnings may remain).
                if cc == "gcc" and (rc != 0 or "kapi: " in err):
                    failures.append(f"{' '.join(cmd)}: C++ with GCC should compile as without "
                                    f"the header:\n{err}")
            src = src_of("cxx_good", GOOD["open_create"] + "\n#include <fstream>\n"
                         "int g() { std::ofstream o; o.open(\"x\"); return o.good(); }", "cc")
            rc, err, cmd = compile_(cxx, src, os.path.join(args.work, "cxx_good.o"), ["-O2"], header)
            checked += 1
            if rc != 0 or err:
                failures.append(f"{' '.join(cmd)}: diagnostics for correct C++:\n{err}")

    # The sample module's ioctls (Clang only): a header from fs.c and the
    # sample's specs, included after <kapi_sample.h>, which defines the
    # commands.
    both = os.path.join(args.work, "both")
    os.makedirs(both, exist_ok=True)
    for spec in (args.specs, args.sample_specs):
        shutil.copy(spec, both)
    ioctl_header = os.path.join(args.work, "kapi_ioctl_checks.h")
    with open(ioctl_header, "w") as f:
        subprocess.run([args.kapi_dump, "--source", both, "--c-header"], stdout=f, check=True)
    inc = ["-I", os.path.dirname(args.sample_specs)]
    pre = '#include "kapi_sample.h"\n'
    good = ("int f(int fd, int *p, struct kapi_sample_config *cfg) { int v = 3; char c = 0;\n"
            "  return ioctl(fd, KAPI_SAMPLE_IOC_SET, &v) + ioctl(fd, KAPI_SAMPLE_IOC_GET, p) +\n"
            "    ioctl(fd, KAPI_SAMPLE_IOC_CONFIG, cfg) + ioctl(fd, FIONBIO, &v) +\n"
            "    ioctl(fd, TCFLSH, 0) + ioctl(fd, FIONREAD, &c); }\n")
    bad = {
        "ioctl_set_small": ("int f(int fd) { char c = 1; return ioctl(fd, KAPI_SAMPLE_IOC_SET, &c); }\n",
                            "ioctl(KAPI_SAMPLE_IOC_SET): arg points to fewer than sizeof(int) "
                            "bytes (EFAULT)"),
        "ioctl_get_small": ("int f(int fd) { short s; int r = ioctl(fd, KAPI_SAMPLE_IOC_GET, &s); "
                            "return r + s; }\n",
                            "ioctl(KAPI_SAMPLE_IOC_GET): arg points to fewer than sizeof(int) "
                            "bytes (EFAULT)"),
    }
    for cc in ccs:
        for opt in (["-O2", "-O0"]):
            ref_src = src_of("ioctl_ref", pre + "#include <sys/ioctl.h>\n" + good)
            src = src_of("ioctl_good", pre + f'#include "{ioctl_header}"\n' + good)
            ref, obj = (os.path.join(args.work, n) for n in ("ioctl_ref.o", "ioctl_good.o"))
            rc0, err0, cmd0 = compile_(cc, ref_src, ref, [opt, *inc], None)
            rc, err, cmd = compile_(cc, src, obj, [opt, *inc], None)
            checked += 1
            if rc0 != 0 or err0 or rc != 0 or err:
                failures.append(f"{' '.join(cmd)}: diagnostics for correct ioctls:\n{err0}{err}")
            elif text_bytes(obj, args.work) != text_bytes(ref, args.work):
                failures.append(f"{' '.join(cmd)}: .text differs from the build without the header")
            if cc != "clang":
                continue
            for name, (code, message) in bad.items():
                src = src_of(name, pre + f'#include "{ioctl_header}"\n' + code)
                rc, err, cmd = compile_(cc, src, os.path.join(args.work, name + ".o"),
                                        [opt, *inc], None)
                checked += 1
                if rc == 0 or message not in err:
                    failures.append(f"{' '.join(cmd)}: expected error '{message}', got:\n{err}")

    for f in failures:
        print("c_header: FAILED " + f)
    print(f"c_header: {checked - len(failures)} of {checked} compilations as expected "
          f"({', '.join(ccs)})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
