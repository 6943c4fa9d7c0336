#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# Host-side tests of scripts/spec-docs.py, which generates the numbers and
# tables about the specs in Documentation/: lists are found by shape (a new
# list field of the JSON is a new column, a list inside the records of a
# list is counted, empty nested lists add no column), and on the real specs
# the error and parameter counts equal what module/specs/ declares, counted
# here straight from the annotations. Needs kapi-dump and kapi-gen (KAPI_DUMP,
# KAPI_GEN, default build/userspace/). Run: python3 scripts/spec_docs_test.py

import importlib.util
import os
import re
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(HERE)
_spec = importlib.util.spec_from_file_location('spec_docs', os.path.join(HERE, 'spec-docs.py'))
spec_docs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(spec_docs)

KAPI_DUMP = os.environ.get('KAPI_DUMP', os.path.join(SRC, 'build', 'userspace', 'kapi-dump'))
KAPI_GEN = os.environ.get('KAPI_GEN', os.path.join(SRC, 'build', 'userspace', 'kapi-gen'))
SPECS_DIR = os.path.join(SRC, 'module', 'specs')


def table_rows(rst):
    """A list-table as a list of rows of cells."""
    rows = []
    for line in rst.splitlines():
        if line.startswith('   * - '):
            rows.append([line[7:]])
        elif line.startswith('     - '):
            rows[-1].append(line[7:])
    return rows


class Shapes(unittest.TestCase):
    def test_new_lists_are_columns(self):
        specs = [
            {'name': 'sys_a', 'parameters': [{}, {}], 'errors': [
                {'name': 'EBADF', 'objects': [{'kind': 'fd'}, {'kind': 'file'}]},
                {'name': 'EFAULT', 'objects': []}], 'widgets': [{}],
             'flags_list': ['X', 'Y'], 'summary': 'text'},
            {'name': 'sys_b', 'parameters': [], 'errors': [{'name': 'EIO', 'objects': []}],
             'widgets': [], 'flags_list': []},
        ]
        rows = table_rows(spec_docs.spec_table(specs))
        self.assertEqual(rows[0], ['spec', 'params', 'errors', 'errors: objects', 'widgets'])
        self.assertEqual(rows[1], ['``sys_a``', '2', '2', '2', '1'])
        self.assertEqual(rows[2], ['``sys_b``', '0', '1', '0', '0'])
        self.assertEqual(rows[3], ['total', '2', '3', '2', '1'])

    def test_empty_nested_lists_add_no_column(self):
        specs = [{'name': 'sys_a', 'errors': [{'name': 'EIO', 'objects': []}]}]
        self.assertEqual(table_rows(spec_docs.spec_table(specs))[0], ['spec', 'errors'])

    def test_substitutions(self):
        specs = [{'name': 'sys_read'}, {'name': 'sys_close'}]
        text = spec_docs.substitutions(specs)
        self.assertIn('.. |spec-count| replace:: 2\n', text)
        self.assertIn('.. |spec-count-word| replace:: two\n', text)
        self.assertIn('.. |spec-calls| replace:: ``read`` and ``close``\n', text)


@unittest.skipUnless(os.access(KAPI_DUMP, os.X_OK) and os.access(KAPI_GEN, os.X_OK),
                     'kapi-dump and kapi-gen are not built')
class RealSpecs(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # Every spec file, in the order kapi-dump --source reads a directory.
        cls.declared = {}
        for path in sorted(os.listdir(SPECS_DIR)):
            if not path.endswith('.c'):
                continue
            name = None
            with open(os.path.join(SPECS_DIR, path)) as f:
                for line in f:
                    m = re.match(r' \* (sys_\w+) - ', line)
                    if m:
                        name = m.group(1)
                        cls.declared[name] = {'errors': 0, 'params': 0}
                    elif name and line.startswith(' * error: '):
                        cls.declared[name]['errors'] += 1
                    elif name and line.startswith(' * param: '):
                        cls.declared[name]['params'] += 1
        cls.out = tempfile.mkdtemp()
        spec_docs.sys.argv = ['spec-docs.py', '--kapi-dump', KAPI_DUMP, '--kapi-gen', KAPI_GEN,
                              '--out', cls.out]
        spec_docs.main()

    def read(self, name):
        with open(os.path.join(self.out, name)) as f:
            return f.read()

    def test_counts_follow_the_annotations(self):
        rows = table_rows(self.read('spec-table.rst'))
        col = {title: i for i, title in enumerate(rows[0])}
        got = {r[0].strip('`'): {'errors': int(r[col['errors']]), 'params': int(r[col['params']])}
               for r in rows[1:-1]}
        self.assertEqual(got, self.declared)

    def test_list_and_substitutions_name_every_spec(self):
        listing = self.read('debugfs-list.rst')
        for name in self.declared:
            self.assertIn('   %s - ' % name, listing)
        self.assertIn('Total: %d specifications' % len(self.declared), listing)
        self.assertIn('.. |spec-count| replace:: %d\n' % len(self.declared),
                      self.read('substitutions.rst'))

    def test_image_sizes_add_up(self):
        rows = table_rows(self.read('image-sizes.rst'))
        self.assertEqual([r[0].strip('`') for r in rows[1:]], list(self.declared))
        for r in rows[1:]:
            text, structure, total = (int(c.replace(',', '')) for c in r[1:4])
            self.assertEqual(text + structure, total)


if __name__ == '__main__':
    unittest.main()
