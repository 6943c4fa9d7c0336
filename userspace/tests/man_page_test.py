#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# CTest man_page: userspace/man/kapi-dump.1 formats without a single groff
# warning (groff -man -ww), and documents every option that
# kapi-dump --help lists, so that the two cannot drift apart.

import argparse
import re
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kapi-dump", required=True)
    ap.add_argument("--man", required=True)
    args = ap.parse_args()

    failures = []
    p = subprocess.run(["groff", "-man", "-ww", "-z", args.man], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True)
    if p.returncode != 0 or p.stderr:
        failures.append("groff: exit %d: %s" % (p.returncode, p.stderr.strip()))

    help_text = subprocess.run([args.kapi_dump, "--help"], check=True, stdout=subprocess.PIPE,
                               text=True).stdout
    options = sorted(set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", help_text)))
    with open(args.man) as f:
        page = f.read().replace("\\-", "-")
    for opt in options:
        if opt not in page:
            failures.append("option %s is in --help but not in the man page" % opt)
    if len(options) < 10:
        failures.append("--help lists only %d options: %s" % (len(options), options))

    for f in failures:
        print("FAIL " + f)
    print("man_page: %d options checked, %d failures" % (len(options), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
