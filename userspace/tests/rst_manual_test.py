#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# CTest rst_manual: builds a user-space API manual from kapi-dump --rst with
# sphinx-build -W (warnings are errors), as Documentation/kapi-dump.rst
# tells users to: the list of the five system call specs of
# module/specs/ as the index, one document per spec under a toctree, and a
# second part made of the renderer fixture, whose prose is full of
# characters reStructuredText would otherwise read as markup; then the
# manuals kapi-dump --rst --output-dir writes, and one --rst --all document.

import argparse
import json
import os
import shutil
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    for opt in ("--kapi-dump", "--repo", "--fixtures", "--work"):
        ap.add_argument(opt, required=True)
    ap.add_argument("--sphinx-build", default="sphinx-build")
    args = ap.parse_args()

    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)

    def dump(argv):
        return subprocess.run([args.kapi_dump] + argv, check=True, stdout=subprocess.PIPE,
                              text=True).stdout

    def part(doc, src):
        names = [a["name"] for a in json.loads(dump(src + ["-j"]))["apis"]]
        text = dump(src + ["--rst"])
        text += "\n.. toctree::\n   :maxdepth: 1\n\n"
        for name in names:
            text += "   %s\n" % name
            with open(os.path.join(args.work, name + ".rst"), "w") as f:
                f.write(dump(src + ["--rst", name]))
        with open(os.path.join(args.work, doc + ".rst"), "w") as f:
            f.write(text)
        return len(names)

    n = part("index", ["--source", os.path.join(args.repo, "module", "specs")])
    n += part("fixture", ["--elf", os.path.join(args.fixtures, "render_specs.o")])
    with open(os.path.join(args.work, "index.rst"), "a") as f:
        f.write("   fixture\n")
    with open(os.path.join(args.work, "conf.py"), "w") as f:
        f.write("project = 'kapi manual test'\nmaster_doc = 'index'\nextensions = []\n")

    p = subprocess.run([args.sphinx_build, "-W", "-q", "-b", "html", args.work,
                        os.path.join(args.work, "_build")], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True)
    sys.stdout.write(p.stdout)
    rc = p.returncode

    # The manuals kapi-dump writes itself (--rst --output-dir) build as they
    # are, with a document per API.
    for name, src in (("module", ["--source", os.path.join(args.repo, "module", "specs")]),
                      ("fixture", ["--elf", os.path.join(args.fixtures, "render_specs.o")])):
        out = os.path.join(args.work, "output-dir-" + name)
        dump(src + ["--rst", "--output-dir", out])
        names = [a["name"] for a in json.loads(dump(src + ["-j"]))["apis"]]
        missing = [x for x in names if not os.path.isfile(os.path.join(out, x + ".rst"))]
        if missing or not names:
            print("FAIL --output-dir %s: no document for %s" % (name, missing or "any API"))
            rc = rc or 1
        p = subprocess.run([args.sphinx_build, "-W", "-q", "-b", "html", out,
                            os.path.join(out, "_build")], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
        sys.stdout.write(p.stdout)
        n += len(names)
        rc = rc or p.returncode
    # --all --rst on stdout: one document, a section per API.
    out = os.path.join(args.work, "all")
    os.makedirs(out)
    with open(os.path.join(out, "index.rst"), "w") as f:
        f.write(dump(["--source", os.path.join(args.repo, "module", "specs"), "--rst", "--all"]))
    with open(os.path.join(out, "conf.py"), "w") as f:
        f.write("project = 'kapi --all test'\nmaster_doc = 'index'\nextensions = []\n")
    p = subprocess.run([args.sphinx_build, "-W", "-q", "-b", "html", out,
                        os.path.join(out, "_build")], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True)
    sys.stdout.write(p.stdout)
    rc = rc or p.returncode
    print("rst_manual: %d API documents, sphinx-build -W exit status %d" % (n, rc))
    return rc


if __name__ == "__main__":
    sys.exit(main())
