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
#   results.py json LOG --group G   JSON documents a guest printed between
#       "# kapi-json-begin NAME" and "# kapi-json-end NAME" lines (each line
#       prefixed with "# "): three cases per document -- valid JSON, matches
#       Documentation/schema/kapi-spec.schema.json, keys in the documented
#       order (the order of each object's "required" list in the schema).
#       --save DIR also writes each document to DIR/NAME.json.
#
# Appends "STATUS<TAB>GROUP: NAME" lines (STATUS is PASS, FAIL or SKIP) to
# the file given with --results and prints a listing. Exits 1 if any case
# failed or none was found.

import argparse
import io
import json
import os
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


SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'Documentation',
                      'schema', 'kapi-spec.schema.json')


def json_documents(lines):
    """The (name, text) of each JSON document between the markers."""
    docs, cur, name = [], None, None
    for line in lines:
        line = line.rstrip('\n')
        if line.startswith('# kapi-json-begin '):
            name, cur = line[len('# kapi-json-begin '):], []
        elif line.startswith('# kapi-json-end ') and cur is not None:
            docs.append((name, ''.join(cur)))
            cur = None
        elif cur is not None:
            cur.append(line[2:] + '\n')
    return docs


def key_order_problems(doc, schema):
    """Objects of DOC whose keys are not in the order of the schema's lists."""
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


def parse_json_docs(lines, save=None):
    """Return (leaves, problems) for the JSON documents in LINES."""
    docs = json_documents(lines)
    if not docs:
        return [], ['no JSON documents']
    if save:
        os.makedirs(save, exist_ok=True)
        for name, text in docs:
            with open(os.path.join(save, name + '.json'), 'w') as f:
                f.write(text)
    try:
        import jsonschema
        with open(SCHEMA) as f:
            schema = json.load(f)
        validator = jsonschema.Draft202012Validator(schema)
        problem = ''
    except Exception as e:  # a missing module or schema fails every case
        validator, problem = None, 'cannot load the schema: %s' % e
    leaves = []
    for name, text in docs:
        try:
            doc = json.load(io.StringIO(text))
        except ValueError as e:
            leaves.append(('FAIL', name + ' is valid JSON', str(e)))
            continue
        leaves.append(('PASS', name + ' is valid JSON', ''))
        if validator is None:
            leaves.append(('FAIL', name + ' matches the schema', problem))
            continue
        error = jsonschema.exceptions.best_match(validator.iter_errors(doc))
        leaves.append(('FAIL' if error else 'PASS', name + ' matches the schema',
                       '/%s: %s' % ('/'.join(map(str, error.absolute_path)), error.message[:200])
                       if error else ''))
        bad = key_order_problems(doc, schema) if isinstance(doc, dict) else ['not an object']
        leaves.append(('FAIL' if bad else 'PASS', name + ' has its keys in the documented order',
                       bad[0][:300] if bad else ''))
    return leaves, []


def main():
    ap = argparse.ArgumentParser(description='Decide a verdict from test output.')
    ap.add_argument('kind', choices=('ktap', 'junit', 'json'))
    ap.add_argument('log')
    ap.add_argument('--group', required=True, help='prefix for the case names')
    ap.add_argument('--results', help='append result lines to this file')
    ap.add_argument('--quiet', action='store_true', help='print failures and the summary only')
    ap.add_argument('--save', metavar='DIR', help='json: write each document to DIR/NAME.json')
    args = ap.parse_args()

    try:
        if args.kind == 'junit':
            leaves, problems = parse_junit(args.log)
        else:
            with open(args.log, errors='replace') as f:
                if args.kind == 'json':
                    leaves, problems = parse_json_docs(f, args.save)
                else:
                    leaves, problems = parse_ktap(f)
    except (OSError, ET.ParseError) as e:
        leaves, problems = [], ['cannot read %s: %s' % (args.log, e)]
    out = []
    for status, name, reason in leaves:
        out.append((status, '%s: %s' % (args.group, name), reason))
    for p in problems:
        out.append(('FAIL', '%s: %s' % (args.group, p), ''))
    if not leaves and not problems:
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
