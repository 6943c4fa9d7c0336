#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# CTest install: 'cmake --install' of the build installs kapi-dump (stripped,
# with a .gnu_debuglink to its debug file under PREFIX/lib/debug, which gdb
# finds), its manual page and its bash completion, under --prefix and under
# DESTDIR; the completion completes options, formats, commands and API names;
# and the userspace configures with BUILD_TESTING=OFF when GoogleTest cannot
# be found. Prints one line per failure and a count; exits 1 on any failure.

import argparse
import os
import shutil
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    for opt in ("--cmake", "--build", "--source", "--work", "--fixture"):
        ap.add_argument(opt, required=True)
    args = ap.parse_args()
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    failures = []
    checked = 0

    def expect(ok, what):
        nonlocal checked
        checked += 1
        if not ok:
            failures.append(what)

    def run(argv, env=None, **kw):
        return subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              env=env, **kw)

    def sections(path):
        p = run(["readelf", "-S", "-W", path])
        return p.stdout if p.returncode == 0 else ""

    # --prefix
    prefix = os.path.join(args.work, "prefix")
    p = run([args.cmake, "--install", args.build, "--prefix", prefix])
    expect(p.returncode == 0, "cmake --install --prefix: exit %d: %s" % (p.returncode, p.stdout))
    binary = os.path.join(prefix, "bin", "kapi-dump")
    debug = os.path.join(prefix, "lib", "debug") + prefix + "/bin/kapi-dump.debug"
    for path in (binary, debug, os.path.join(prefix, "share", "man", "man1", "kapi-dump.1"),
                 os.path.join(prefix, "share", "bash-completion", "completions", "kapi-dump")):
        expect(os.path.isfile(path), "not installed: " + os.path.relpath(path, prefix))
    expect(os.access(binary, os.X_OK), "bin/kapi-dump is not executable")
    v = run([binary, "--version"])
    expect(v.returncode == 0 and v.stdout.startswith("kapi-dump "),
           "installed kapi-dump --version: " + v.stdout)
    s = sections(binary)
    expect(".gnu_debuglink" in s, "bin/kapi-dump has no .gnu_debuglink")
    expect(".debug_info" not in s and ".symtab" not in s, "bin/kapi-dump is not stripped")
    expect(".debug_info" in sections(debug), "kapi-dump.debug has no .debug_info")
    if shutil.which("gdb"):
        g = run(["gdb", "-nx", "-batch", "-ex",
                 "set debug-file-directory " + os.path.join(prefix, "lib", "debug"),
                 "-ex", "file " + binary, "-ex", "info line main"])
        expect("kapi-dump.cpp" in g.stdout, "gdb does not find main's line: " + g.stdout)

    # DESTDIR
    dest = os.path.join(args.work, "dest")
    env = dict(os.environ, DESTDIR=dest)
    p = run([args.cmake, "--install", args.build, "--prefix", "/usr"], env=env)
    expect(p.returncode == 0, "DESTDIR cmake --install: exit %d: %s" % (p.returncode, p.stdout))
    for rel in ("usr/bin/kapi-dump", "usr/lib/debug/usr/bin/kapi-dump.debug",
                "usr/share/man/man1/kapi-dump.1",
                "usr/share/bash-completion/completions/kapi-dump"):
        expect(os.path.isfile(os.path.join(dest, rel)), "not installed under DESTDIR: " + rel)

    # The bash completion, run against the installed kapi-dump.
    completion = os.path.join(prefix, "share", "bash-completion", "completions", "kapi-dump")
    cases = [
        ([binary, "--no-w"], ["--no-wrap"]),
        ([binary, "-f", "sy"], ["syzlang"]),
        ([binary, "--format", ""], ["plain", "json", "rst", "syzlang", "c-header"]),
        ([binary, "mode", ""], ["off", "audit", "enforce"]),
        ([binary, "mo"], ["mode", "monitor"]),
        ([binary, "--elf", args.fixture, "sys_render_"],
         ["sys_render_open", "sys_render_xfer", "sys_render_misc"]),
        ([binary, "--vmlinux=" + args.fixture, "-j", "render_"], ["render_ioc_get", "render_helper"]),
    ]
    for words, want in cases:
        script = ('source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _kapi_dump; '
                  'printf "%s\\n" "${COMPREPLY[@]}"')
        c = run(["bash", "-c", script, "completion", completion] + words)
        got = sorted(x for x in c.stdout.split("\n") if x)
        expect(got == sorted(want), "completion of %s: %s, expected %s" %
               (" ".join(words[1:]), got, sorted(want)))

    # BUILD_TESTING=OFF needs no GoogleTest (configure only: the tools'
    # build does not involve the tests).
    notest = os.path.join(args.work, "no-tests")
    p = run([args.cmake, "-S", args.source, "-B", notest, "-DBUILD_TESTING=OFF",
             "-DCMAKE_DISABLE_FIND_PACKAGE_GTest=ON"])
    expect(p.returncode == 0, "BUILD_TESTING=OFF without GoogleTest: exit %d: %s" %
           (p.returncode, p.stdout[-2000:]))
    expect(not os.path.exists(os.path.join(notest, "tests")),
           "BUILD_TESTING=OFF still configures tests/")

    for f in failures:
        print("FAIL " + f)
    print("install: %d checks, %d failures" % (checked, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
