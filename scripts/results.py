#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# Turn test output into per-case results for 'make check', deciding the
# verdict from what the tests reported, not from the exit code of whatever
# ran them.
#
#   results.py ktap LOG --group G   KTAP/TAP from a log: kernel timestamps in
#       front of lines, nested subtests (KUnit suites, parameterized cases)
#       and SKIP directives are understood. Only leaf cases count; a
#       parent's line only names its children. A plan that promises more
#       cases than ran is a failure.
#   results.py junit XML --group G  a JUnit report (ctest --output-junit).
#
# Appends "STATUS<TAB>GROUP: NAME" lines (STATUS is PASS, FAIL or SKIP) to
# the file given with --results and prints a listing. Exits 1 if any case
# failed or none was found.

import argparse
import re
import sys
import xml.etree.ElementTree as ET

TS = re.compile(r'^\[\s*\d+\.\d+\]\s?')
RESULT = re.compile(r'^(?P<indent>\s*)(?P<ok>ok|not ok)\s+(?P<num>\d+)(?:\s+-)?\s*(?P<desc>.*?)'
                    r'(?:\s+#\s*(?P<dir>SKIP|TODO)\b\s*(?P<reason>.*))?\s*$', re.I)
PLAN = re.compile(r'^(?P<indent>\s*)1\.\.(?P<n>\d+)\s*$')


def parse_ktap(lines):
    """Return (leaves, problems); leaves are (status, name, reason)."""
    results = []        # (depth, status, desc, reason)
    plans = {}          # depth -> planned count of the current (sub)test
    counted = {}        # depth -> results seen at that depth since its plan
    problems = []
    top_plan = None
    for raw in lines:
        line = TS.sub('', raw.rstrip('\n'))
        m = PLAN.match(line)
        if m:
            d = len(m.group('indent'))
            plans[d] = int(m.group('n'))
            counted[d] = 0
            if d == 0 and top_plan is None:
                top_plan = int(m.group('n'))
            continue
        m = RESULT.match(line)
        if not m:
            continue
        d = len(m.group('indent').expandtabs(4))
        status = 'FAIL' if m.group('ok').lower() == 'not ok' else 'PASS'
        directive = (m.group('dir') or '').upper()
        if directive == 'SKIP':
            status = 'SKIP'
        elif directive == 'TODO':
            status = 'SKIP' if status == 'FAIL' else status
        # Deeper subtests that end here must have kept their plans.
        for deeper in [k for k in plans if k > d]:
            if counted.get(deeper, 0) < plans[deeper]:
                problems.append('%s: plan %d, ran %d' % (m.group('desc'), plans[deeper], counted[deeper]))
            del plans[deeper]
            counted.pop(deeper, None)
        counted[d] = counted.get(d, 0) + 1
        results.append((d, status, m.group('desc'), m.group('reason') or ''))

    if top_plan is not None and counted.get(0, 0) < top_plan:
        problems.append('plan %d, ran %d' % (top_plan, counted.get(0, 0)))

    # A result whose predecessor is deeper is a parent: its children come
    # before it. Name each leaf by its parents, outermost first.
    leaves = []
    pending = []        # indexes into leaves with their depth
    for i, (d, status, desc, reason) in enumerate(results):
        is_parent = i > 0 and results[i - 1][0] > d
        still = []
        for idx, ld in pending:
            if ld > d:
                if is_parent:
                    s, n, r = leaves[idx]
                    leaves[idx] = (s, desc + '.' + n, r)
                    still.append((idx, d))
                continue
            still.append((idx, ld))
        pending = still
        if not is_parent:
            leaves.append((status, desc, reason))
            pending.append((len(leaves) - 1, d))
    return leaves, problems


def parse_junit(path):
    """Return (leaves, problems) from a JUnit XML report."""
    leaves = []
    for case in ET.parse(path).getroot().iter('testcase'):
        name = case.get('name', '?')
        if case.find('failure') is not None or case.find('error') is not None:
            leaves.append(('FAIL', name, ''))
        elif case.find('skipped') is not None or case.get('status') in ('notrun', 'disabled'):
            skipped = case.find('skipped')
            reason = skipped.get('message', '') if skipped is not None else ''
            leaves.append(('SKIP', name, reason))
        else:
            leaves.append(('PASS', name, ''))
    return leaves, []


def main():
    ap = argparse.ArgumentParser(description='Decide a verdict from test output.')
    ap.add_argument('kind', choices=('ktap', 'junit'))
    ap.add_argument('log')
    ap.add_argument('--group', required=True, help='prefix for the case names')
    ap.add_argument('--results', help='append result lines to this file')
    ap.add_argument('--quiet', action='store_true', help='print failures and the summary only')
    args = ap.parse_args()

    try:
        if args.kind == 'junit':
            leaves, problems = parse_junit(args.log)
        else:
            with open(args.log, errors='replace') as f:
                leaves, problems = parse_ktap(f)
    except (OSError, ET.ParseError) as e:
        leaves, problems = [], ['cannot read %s: %s' % (args.log, e)]
    out = []
    for status, name, reason in leaves:
        out.append((status, '%s: %s' % (args.group, name), reason))
    for p in problems:
        out.append(('FAIL', '%s: %s' % (args.group, p), ''))
    if not leaves:
        out.append(('FAIL', '%s: no test results in %s' % (args.group, args.log), ''))

    for status, name, reason in out:
        if not args.quiet or status == 'FAIL':
            print('  %-4s %s%s' % (status, name, ' (%s)' % reason if reason else ''))
    counts = {s: sum(1 for o in out if o[0] == s) for s in ('PASS', 'FAIL', 'SKIP')}
    print('  %s: %d passed, %d failed, %d skipped' % (args.group, counts['PASS'], counts['FAIL'], counts['SKIP']))
    if args.results:
        with open(args.results, 'a') as f:
            for status, name, reason in out:
                f.write('%s\t%s\n' % (status, name))
    return 1 if counts['FAIL'] else 0


if __name__ == '__main__':
    sys.exit(main())
