#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# Host-side tests of scripts/results.py, the code that decides the verdict
# of every VM test: KTAP parsing (nested subtests, parameterized cases,
# plans, SKIP, kernel timestamps), the KUnit verdict (missing suites,
# filters, the debugfs cross-check, a log cut short by a crash) and the
# discovery of the suites a test module registers. The KTAP below is what
# KUnit printed on the consoles of the 6.1 and 6.12 KUnit kernels (a module
# loaded after boot), shortened. Run: python3 scripts/results_test.py

import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import results  # noqa: E402

# Linux 6.1: no top-level plan for a module's suites, a parameterized case
# is a subtest without a plan.
CONSOLE_61 = '''\
[    0.832605] KTAP version 1
[    0.832722] 1..0
[    1.700000] kdev_kunit: loading out-of-tree module taints kernel.
[    1.815781]     KTAP version 1
[    1.815944]     # Subtest: kdev_pass
[    1.816051]     1..3
[    1.817307]     ok 1 kdev_ok_a
[    1.817883]     ok 2 kdev_ok_b
[    1.818265]     ok 3 kdev_skip # SKIP not here
[    1.818368] # kdev_pass: pass:2 fail:0 skip:1 total:3
[    1.818489] # Totals: pass:2 fail:0 skip:1 total:3
[    1.818665] ok 1 kdev_pass
[    1.818883]     KTAP version 1
[    1.818935]     # Subtest: kdev_fail
[    1.818990]     1..3
[    1.819208]     ok 1 kdev_ok_a
[    1.820587]     # kdev_bad: EXPECTATION FAILED at kunit/kdev_kunit.c:31
[    1.820600]     Expected 1 == 2, but
[    1.821128]     not ok 2 kdev_bad
[    1.821192]         KTAP version 1
[    1.821307]         # Subtest: kdev_param_case
[    1.821658]         ok 1 one
[    1.822032]     # kdev_param_case: EXPECTATION FAILED at kunit/kdev_kunit.c:49
[    1.822100]     Expected p->v != 2, but
[    1.822200]         p->v == 2 (0x2)
[    1.822420]         not ok 2 two
[    1.822660]         ok 3 three
[    1.822750]     # kdev_param_case: pass:2 fail:1 skip:0 total:3
[    1.822894]     not ok 3 kdev_param_case
[    1.823021] # kdev_fail: pass:1 fail:2 skip:0 total:3
[    1.823186] not ok 2 kdev_fail
'''

# Linux 6.12: the module's suites get a top-level plan of their own.
CONSOLE_612 = '''\
[    1.256038] KTAP version 1
[    1.256038] 1..0
[    1.956082] KTAP version 1
[    1.956082] 1..2
[    1.960082]     KTAP version 1
[    1.960082]     # Subtest: kdev_pass
[    1.960082]     # module: kdev_kunit
[    1.960082]     1..2
[    1.964082]     ok 1 kdev_ok_a
[    1.964082]     ok 2 kdev_ok_b
[    1.964082] ok 1 kdev_pass
[    1.964082]     KTAP version 1
[    1.964082]     # Subtest: kdev_fail
[    1.964082]     # module: kdev_kunit
[    1.964082]     1..2
[    1.964082]     ok 1 kdev_ok_a
[    1.968082]         KTAP version 1
[    1.968082]         # Subtest: kdev_param_case
[    1.972083]         ok 1 one
[    1.972083]         ok 2 two
[    1.976083]     ok 2 kdev_param_case
[    1.976083] ok 2 kdev_fail
'''

# 6.12 again, the guest panicking in the middle of the parameterized case.
CONSOLE_612_PANIC = CONSOLE_612.split('[    1.972083]         ok 2 two')[0] + '''\
[    1.972083] Kernel panic - not syncing: a test panics
'''

DEBUGFS = '''\
# kapi-kunit-debugfs-begin kdev_pass
# KTAP version 1
# 1..1
#     KTAP version 1
#     # Subtest: kdev_pass
#     1..2
#     ok 1 kdev_ok_a
#     ok 2 kdev_ok_b
# ok 1 kdev_pass
# kapi-kunit-debugfs-end kdev_pass
# kapi-kunit-debugfs-begin kdev_fail
# KTAP version 1
# 1..1
#     KTAP version 1
#     # Subtest: kdev_fail
#     1..2
# ok 1 kdev_fail
# kapi-kunit-debugfs-end kdev_fail
'''


def lines(text):
    return text.splitlines(True)


class KtapTest(unittest.TestCase):
    def test_nested_and_parameterized_cases_are_named_by_their_parents(self):
        leaves, problems = results.parse_ktap(lines(CONSOLE_61))
        self.assertEqual(problems, [])
        self.assertEqual([(s, n) for s, n, _ in leaves], [
            ('PASS', 'kdev_pass.kdev_ok_a'), ('PASS', 'kdev_pass.kdev_ok_b'),
            ('SKIP', 'kdev_pass.kdev_skip'), ('PASS', 'kdev_fail.kdev_ok_a'),
            ('FAIL', 'kdev_fail.kdev_bad'), ('PASS', 'kdev_fail.kdev_param_case.one'),
            ('FAIL', 'kdev_fail.kdev_param_case.two'), ('PASS', 'kdev_fail.kdev_param_case.three')])

    def test_a_failure_carries_its_first_diagnostic(self):
        leaves, _ = results.parse_ktap(lines(CONSOLE_61))
        reasons = {n: r for _, n, r in leaves}
        self.assertEqual(reasons['kdev_fail.kdev_bad'],
                         'kdev_bad: EXPECTATION FAILED at kunit/kdev_kunit.c:31')
        self.assertEqual(reasons['kdev_fail.kdev_param_case.two'],
                         'kdev_param_case: EXPECTATION FAILED at kunit/kdev_kunit.c:49')
        self.assertEqual(reasons['kdev_pass.kdev_skip'], 'not here')
        self.assertEqual(reasons['kdev_pass.kdev_ok_a'], '')

    def test_flat_tap_with_a_plan(self):
        leaves, problems = results.parse_ktap(lines(
            'KTAP version 1\n1..3\nok 1 a\n# out\nnot ok 2 - b\nok 3 c # SKIP no root\n'))
        self.assertEqual(problems, [])
        self.assertEqual(leaves, [('PASS', 'a', ''), ('FAIL', 'b', 'out'),
                                  ('SKIP', 'c', 'no root')])

    def test_a_plan_not_kept_is_a_problem(self):
        _, problems = results.parse_ktap(lines('KTAP version 1\n1..3\nok 1 a\n'))
        self.assertEqual(problems, ['plan 3, ran 1'])

    def test_each_document_keeps_its_own_plan(self):
        # Two documents in one log: the first promised 2 and ran 1.
        _, problems = results.parse_ktap(lines(
            'KTAP version 1\n1..2\nok 1 a\nKTAP version 1\n1..1\nok 1 b\n'))
        self.assertEqual(problems, ['plan 2, ran 1'])
        _, problems = results.parse_ktap(lines(
            'KTAP version 1\n1..1\nok 1 a\nKTAP version 1\n1..1\nok 1 b\n'))
        self.assertEqual(problems, [])

    def test_a_log_cut_inside_a_subtest(self):
        leaves, problems = results.parse_ktap(lines(CONSOLE_612_PANIC))
        self.assertIn('kdev_fail: plan 2, ran 1', problems)
        self.assertIn('plan 2, ran 1', problems)
        # Leaves whose parents never reported are named by "# Subtest:".
        self.assertEqual([n for _, n, _ in leaves][-2:],
                         ['kdev_fail.kdev_ok_a', 'kdev_fail.kdev_param_case.one'])


class KunitTest(unittest.TestCase):
    def test_6_1_failures_are_found(self):
        leaves, problems = results.parse_kunit(lines(CONSOLE_61), ['kdev_pass', 'kdev_fail'])
        self.assertEqual(problems, [])
        self.assertEqual(sorted(n for s, n, _ in leaves if s == 'FAIL'),
                         ['kdev_fail.kdev_bad', 'kdev_fail.kdev_param_case.two'])

    def test_6_12_passes(self):
        leaves, problems = results.parse_kunit(lines(CONSOLE_612), ['kdev_pass', 'kdev_fail'],
                                               lines(DEBUGFS))
        self.assertEqual(problems, [])
        self.assertEqual(len(leaves), 5)
        self.assertTrue(all(s == 'PASS' for s, _, _ in leaves))

    def test_a_suite_that_does_not_report_fails(self):
        _, problems = results.parse_kunit(lines(CONSOLE_612),
                                          ['kdev_pass', 'kdev_fail', 'kdev_other'])
        self.assertEqual(problems, ['suite kdev_other did not report'])

    def test_a_crash_fails(self):
        _, problems = results.parse_kunit(lines(CONSOLE_612_PANIC), ['kdev_pass', 'kdev_fail'])
        self.assertIn('suite kdev_fail did not report', problems)

    def test_debugfs_must_agree_with_the_console(self):
        # The suite failed on the console, debugfs says ok.
        _, problems = results.parse_kunit(lines(CONSOLE_61), ['kdev_pass', 'kdev_fail'],
                                          lines(DEBUGFS))
        self.assertEqual(problems, ['suite kdev_fail: debugfs results say ok, the console FAIL'])
        # A suite without debugfs results.
        _, problems = results.parse_kunit(lines(CONSOLE_612), ['kdev_pass', 'kdev_fail'],
                                          lines(DEBUGFS.split('# kapi-kunit-debugfs-begin kdev_fail')[0]))
        self.assertEqual(problems, ['suite kdev_fail: no /sys/kernel/debug/kunit/kdev_fail/results'])

    def test_filter_by_suite(self):
        # 6.1 runs every suite: the filter drops the failing one.
        leaves, problems = results.parse_kunit(lines(CONSOLE_61), ['kdev_pass', 'kdev_fail'],
                                               glob='kdev_pass')
        self.assertEqual(problems, [])
        self.assertEqual([n for _, n, _ in leaves],
                         ['kdev_pass.kdev_ok_a', 'kdev_pass.kdev_ok_b', 'kdev_pass.kdev_skip'])

    def test_filter_by_case(self):
        leaves, problems = results.parse_kunit(lines(CONSOLE_61), ['kdev_pass', 'kdev_fail'],
                                               glob='kdev_*.kdev_param*')
        self.assertEqual(problems, [])
        self.assertEqual([(s, n) for s, n, _ in leaves], [
            ('PASS', 'kdev_fail.kdev_param_case.one'), ('FAIL', 'kdev_fail.kdev_param_case.two'),
            ('PASS', 'kdev_fail.kdev_param_case.three')])

    def test_a_filter_that_matches_nothing_fails(self):
        _, problems = results.parse_kunit(lines(CONSOLE_61), ['kdev_pass'], glob='nothing')
        self.assertEqual(problems, ['no case matches the filter nothing'])


class SuitesTest(unittest.TestCase):
    def test_suites_come_from_the_registration_and_their_names(self):
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, 'a_test.c'), 'w') as f:
                f.write('''
static struct kunit_suite kapi_a_suite = {
	.name = "kapi_a",	/* not "kapi_x" */
	.test_cases = kapi_a_cases,
};
static struct kunit_suite kapi_b_suite = {
	.name = "kapi_b",
	.attr = { .speed = KUNIT_SPEED_SLOW },
	.test_cases = kapi_b_cases,
};
// kunit_test_suites(&kapi_old_suite);
static struct kunit_suite kapi_unused_suite = { .name = "kapi_unused" };
kunit_test_suites(&kapi_a_suite,
		  &kapi_b_suite);
''')
            with open(os.path.join(d, 'c_test.c'), 'w') as f:
                f.write('static struct kunit_suite c = {\n\t.name = "kapi_c",\n};\n'
                        'kunit_test_suite(c);\n')
            self.assertEqual(results.kunit_suites(d), ['kapi_a', 'kapi_b', 'kapi_c'])

    def test_no_suites_is_an_error(self):
        with tempfile.TemporaryDirectory() as d:
            with self.assertRaises(ValueError):
                results.kunit_suites(d)


class ContractTest(unittest.TestCase):
    """The CI output contract (Documentation/testing.rst): what make check
    prints must not look like another test runner closing on no test."""
    GOOD = [
        '--- provision',
        '  PASS provision host packages and kernels (59s)',
        '  FAIL vm 6.1 smoke: insmod kapi.ko (no such file)',
        '  userspace: passed 655, failed 0, skipped 3',
        '  suite kapi_image: passed 98, failed 0, skipped 0',
        '  kunit total (120 s): passed 335, failed 0, skipped 0',
        '  kapi-vm: 6.12/smoke: passed, exit 0, 3.9s wall (tcg)',
        '  PASS checkpatch clean (18s)',
        '  PASS fuzz: image decoder and annotation parser, 20 s each (96s)',
        '  fuzz decode_fuzz: 343739 executions (20 s), corpus 29 inputs, 0 findings',
        '  suites in kunit/: kapi_check kapi_image kapi_registry',
        '  KUnit kernel 6.1: 6.1.192 (built now, 412 s, /x/kunit/6.1-a)',
        '  vm 6.1 smoke: passed 11, failed 0, skipped 0',
        '  kapi-vm: 6.1/hardening: tcg, exit 0, 40.3s wall (6.1.192-3); logs: /x/6.1-hardening.log',
        '  6.1 hardening: 3 load/unload cycles (13 s)',
        '  6.1 hardening: kmalloc 2517->2529 kB after 3 cycles',
        '  6.1 hardening: 5000 writes (6.6 s): 367 accepted (6 switches to off)',
        '  6.1 hardening: 3 cycles, 5000 writes (41 s)',
        '  6.1 stress-ng counted: 602156 calls checked (22 s)',
        '  6.1 stress-ng selftests: 1 round under stress-ng (20 s)',
        '  6.1 stress-ng: 2 x 20 s (59 s)',
        '  root file system: /x/rootfs/fa58 (0 s)',
        '  wild 6.1 short: boot and workload (126 s)',
        '  wild 6.1 none: system running, up after 31.91 s; 1 round (28 s)',
        '  wild 6.1 audit: kapi checked 129629 calls: 0 undocumented errors, 20 parameter violations',
        '  (kunit: 88s)',
        '--- summary, 1500 s',
        'check: 1800 passed, 0 failed, 12 skipped',
    ]

    def problems(self, lines, final=True):
        return [p[1] for p in results.contract_problems(lines, final)]

    def test_make_checks_own_shapes_keep_it(self):
        self.assertEqual(self.problems(self.GOOD), [])

    def test_foreign_closing_lines_break_it(self):
        for line in ('  ok   kapi_image: 98 passed, 0 failed, 0 skipped', 'ok  \tpkg\t0.01s',
                     'PASS', '  FAIL', 'not ok 3 x', '1..12', '--- PASS: TestX (0.00s)',
                     '=== RUN   TestX', '===== 5 passed in 0.1s =====', 'Ran 30 tests in 0.1s',
                     'OK', 'test result: ok. 5 passed; 0 failed', 'Tests run: 5, Failures: 0',
                     '100% tests passed, 0 tests failed out of 5', 'Result: PASS',
                     '5 examples, 0 failures', '[  PASSED  ] 5 tests.', '# pass 5',
                     '3 runs, 3 assertions, 0 failures', 'Executed 5 tests, with 0 failures'):
            self.assertEqual(self.problems(self.GOOD[:2] + [line] + self.GOOD[2:]),
                             ["another test runner's closing line"], line)

    def test_a_plain_summary_before_the_last_line_breaks_it(self):
        for line in ('kunit: 335 passed, 0 failed, 0 skipped', '  userspace: 655 passed, 0 failed',
                     'debug kunit: kunit: 5 passed, 0 failed, 0 skipped'):
            self.assertEqual(self.problems(self.GOOD[:3] + [line] + self.GOOD[3:]),
                             ['a plain summary line before the last'], line)

    def test_reused_results_break_it(self):
        for line in ('  KUnit kernel 6.1: 6.1.192 (cached, /x/kunit/6.1-a)', 'lint: 3 files (cached)',
                     '> Task :test UP-TO-DATE', 'userspace: cache hit, replaying logs'):
            self.assertEqual(self.problems(self.GOOD[:2] + [line] + self.GOOD[2:]),
                             ['says results were reused (cached)'], line)
        # A path through the cache directory is not a claim about results.
        self.assertEqual(self.problems(self.GOOD[:2] + ['  logs: /root/.cache/kapi/vm/x.log'] +
                                       self.GOOD[2:]), [])

    # pytest's short closing line, and lines make check printed that a judge
    # read as one (a count, then "in N s"; a duration, then "in").
    DURATIONS = ('5 passed in 0.12s', 'no tests ran in 0.01s', '1 failed, 2 passed in 1.20 seconds',
                 '  no test ran', '  3 cycles in 13 s', '  5000 writes in 6.6 s: 367 accepted (6 switches to off)',
                 '  6.1: 3 cycles, 5000 writes in 41 s', '  counted: 602156 calls checked in 22 s',
                 '  selftests: 1 rounds under stress-ng in 20 s', '  6.1: stress-ng, 2 x 20 s in 59 s',
                 '  wild 6.1 short: 126 s in all',
                 '  wild 6.1 none: system running, up after 31.91 s; 1 rounds in 28 s',
                 '  fuzz decode_fuzz: 343739 executions in 20s, corpus 29 inputs, 0 findings',
                 '  KUnit kernel 6.1: 6.1.192 built in 412 s (/x/kunit/6.1-a)',
                 'sparse (6.1): clean, 57 files checked in 19 s', '  12 files in 3.5 sec')

    def test_a_count_and_a_duration_break_it(self):
        for line in self.DURATIONS:
            self.assertEqual(self.problems(self.GOOD[:2] + [line] + self.GOOD[2:]),
                             ['a count and "in N s", the shape of pytest\'s closing line'], line)

    def test_the_listing_of_the_problems_keeps_the_contract(self):
        for line in self.DURATIONS + ('  ok   kapi_image: 98 passed, 0 failed, 0 skipped', '5 examples, 0 failures',
                                      'kunit: 335 passed, 0 failed, 0 skipped'):
            shown = '  output.log:3: what: [%s]' % results.defused(line)
            self.assertEqual(self.problems([shown], final=False), [], shown)

    def test_the_last_line_must_be_checks_summary(self):
        self.assertEqual(self.problems(self.GOOD[:-1]),
                         ['the last line is not "check: N passed, N failed, N skipped"'])
        self.assertEqual(self.problems(self.GOOD[:-1], final=False), [])
        self.assertEqual(self.problems(self.GOOD + ['', '']), [])


class JsonDocumentsTest(unittest.TestCase):
    def test_kernel_messages_inside_a_document_are_left_out(self):
        lines = ['# kapi-json-begin sys_x', '# {', '#   "a": 1,',
                 '[    7.778401] random: crng init done', '#   "b": 2', '# }',
                 '# kapi-json-end sys_x']
        self.assertEqual(results.json_documents(lines),
                         [('sys_x', '{\n  "a": 1,\n  "b": 2\n}\n')])


if __name__ == '__main__':
    unittest.main()
