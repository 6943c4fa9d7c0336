#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# CTest json_schema: every JSON document kapi-dump writes - the list and
# every spec of each source, compact and pretty, and its error documents -
# and every JSON golden file is valid JSON, matches
# Documentation/schema/kapi-spec.schema.json and keeps its keys in the
# documented order (the order of each object's "required" list). Prints one
# line per failure and a count; exits 1 on any failure.

import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

import jsonschema


def main():
    ap = argparse.ArgumentParser()
    for opt in ("--kapi-dump", "--schema", "--repo", "--data", "--fixtures"):
        ap.add_argument(opt, required=True)
    args = ap.parse_args()

    with open(args.schema) as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    defs = schema["$defs"]
    props = defs["api_details"]["properties"]
    order = {"api_details": defs["api_details"]["required"],
             "source": props["source"]["required"],
             "parameters": props["parameters"]["items"]["required"],
             "return_spec": props["return_spec"]["required"]}
    for key in ("errors", "locks", "signals", "side_effects", "state_transitions",
                "capabilities", "constraints"):
        order[key] = props[key]["items"]["required"]
    order["structs"] = defs["struct"]["required"]
    order["fields"] = defs["struct"]["properties"]["fields"]["items"]["required"]

    failures = []
    checked = 0

    def order_problem(value, key="", where="$"):
        if isinstance(value, dict):
            keys = list(value)
            want = order.get(key)
            if want is None and set(keys) == set(defs["num"]["required"]):
                want = defs["num"]["required"]
            if want is not None and keys != want:
                return "%s: keys %s" % (where, keys)
            for k, v in value.items():
                p = order_problem(v, k, where + "." + k)
                if p:
                    return p
        elif isinstance(value, list):
            for i, v in enumerate(value):
                p = order_problem(v, key, "%s[%d]" % (where, i))
                if p:
                    return p
        return None

    def check(what, text):
        nonlocal checked
        checked += 1
        try:
            doc = json.loads(text)
        except ValueError as e:
            failures.append("%s: not JSON: %s" % (what, e))
            return None
        error = jsonschema.exceptions.best_match(validator.iter_errors(doc))
        if error:
            failures.append("%s: /%s: %s" % (what, "/".join(map(str, error.absolute_path)),
                                             error.message[:200]))
        problem = order_problem(doc.get("api_details"), "api_details") \
            if isinstance(doc, dict) and "api_details" in doc else None
        if problem:
            failures.append("%s: %s" % (what, problem))
        return doc

    def dump(argv, expect_rc=0):
        p = subprocess.run([args.kapi_dump] + argv, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
        if p.returncode != expect_rc:
            failures.append("kapi-dump %s: exit %d, expected %d: %s" %
                            (" ".join(argv), p.returncode, expect_rc, p.stderr.strip()))
        return p.stdout

    sources = [["--elf", os.path.join(args.fixtures, "render_specs.o")],
               ["--elf", os.path.join(args.fixtures, "spec_input.o")],
               ["--source", os.path.join(args.repo, "module", "specs")],
               ["--source", os.path.join(args.repo, "samples")],
               ["--source", os.path.join(args.data, "render", "specs.c")]]
    for src in sources:
        for fmt in (["-j"], ["-p"]):
            what = " ".join(src + fmt)
            listing = check(what, dump(src + fmt))
            names = [a["name"] for a in (listing or {}).get("apis", [])]
            if not names:
                failures.append("%s: no APIs" % what)
            for name in names:
                check(what + " " + name, dump(src + fmt + [name]))
        check(" ".join(src) + " -j nope", dump(src + ["-j", "nope"], 1))
        for fmt in (["-j"], ["-p"]):
            what = " ".join(src + fmt) + " --all"
            doc = check(what, dump(src + fmt + ["--all"]))
            specs = (doc or {}).get("specs", [])
            if [d.get("api_details", {}).get("name") for d in specs] != names:
                failures.append("%s: not every API in order" % what)
            for d in specs:
                problem = order_problem(d.get("api_details"), "api_details")
                if problem:
                    failures.append("%s: %s" % (what, problem))

    # Error documents.
    check("--netlink -j", dump(["--netlink", "-j"], 2))
    check("-j --bogus", dump(["-j", "--bogus"], 2))
    check("-p --source missing", dump(["-p", "--source", "/nonexistent/kapi"], 2))
    with tempfile.TemporaryDirectory() as tmp:
        bad = os.path.join(tmp, "bad.c")
        with open(bad, "w") as f:
            f.write("/**\n * sys_bad - bad\n *\n * contexts: process\n"
                    " * error: ENOTANERROR, never\n */\nlong sys_bad(void);\n")
        for fmt in ("-j", "-p"):
            doc = check("--source bad.c " + fmt, dump(["--source", bad, fmt], 2))
            errors = (doc or {}).get("errors", [])
            if [list(e) for e in errors] != [["file", "line", "message"]]:
                failures.append("--source bad.c %s: errors %s" % (fmt, errors))
    for fmt in ("-j", "-p"):
        doc = check(fmt + " --version", dump([fmt, "--version"]))
        if list((doc or {}).get("version", {})) != ["tool", "image_format", "netlink_family",
                                                     "netlink_version"]:
            failures.append(fmt + " --version: keys out of order: %s" % doc)

    # The selector pattern of errors[].objects names exactly the object
    # kinds of include/kapi/objects.h.
    import re
    with open(os.path.join(args.repo, "include", "kapi", "objects.h")) as f:
        header = f.read()
    types = re.findall(r'KAPI_OT\(\w+, "([^"]+)"', header)
    impls = re.findall(r'KAPI_OI\(\w+, "([^"]+)"', header)
    pattern = re.compile(props["errors"]["items"]["properties"]["objects"]["items"]["pattern"])
    if len(types) < 2 or len(impls) < 2:
        failures.append("include/kapi/objects.h: no object names found")
    for t in types:
        for i in impls:
            sel = t + ":" + i
            checked += 1
            if bool(pattern.search(sel)) != (sel != "*:*"):
                failures.append("schema objects pattern: %s %s" %
                                (sel, "matches" if sel == "*:*" else "does not match"))
    for bad in ("sock", "tcp", "tcp:sock", "sock:tcp:x", "SOCK:tcp", "sock:", ":tcp"):
        checked += 1
        if pattern.search(bad):
            failures.append("schema objects pattern: %s matches" % bad)

    golden = sorted(glob.glob(os.path.join(args.data, "golden", "**", "*.json"), recursive=True))
    if not golden:
        failures.append("no JSON golden files under %s" % args.data)
    for path in golden:
        with open(path) as f:
            check(os.path.relpath(path, args.data), f.read())

    for f in failures:
        print("FAIL " + f)
    print("json_schema: %d documents checked, %d failures" % (checked, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
