#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# The numbers and tables of Documentation/ that describe kapi's own specs,
# generated from the specs at build time so that no page repeats them by
# hand: kapi-dump reads the annotated sources (module/specs/) as JSON
# (Documentation/json.rst) and this script writes reStructuredText
# fragments that the pages include. 'make docs' and the documentation step
# of 'make check' run it before sphinx; Documentation/conf.py refuses to
# build without its output.
#
#   scripts/spec-docs.py [--kapi-dump PROG] [--kapi-gen PROG] [--source PATH]
#                        [--out DIR]
#
# Defaults: build/userspace/kapi-dump and kapi-gen, module/specs,
# Documentation/generated.
# Writes into DIR:
#   substitutions.rst  |spec-count|, |spec-count-word|, |spec-calls|,
#                      |spec-names| (rst_prolog of every page)
#   spec-table.rst     one row per spec, one column per list of the spec
#                      (parameters, errors, ...), counted, and a total row
#   spec-checkable.rst the parameters whose constraint a checker can test,
#                      grouped by name, constraint and error
#   debugfs-list.rst   what /sys/kernel/debug/kapi/list shows for them
#   image-sizes.rst    what each spec costs in the spec image (kapi-gen
#                      --stats), with the image's total
#   image-sizes-sample.rst  the same for the sample module's specs
#   conform-matrix.rst the conformance tests' coverage matrix: the specs'
#                      triggers counted here, the verified columns from
#                      Documentation/conform-verified.json
#                      (scripts/conform-matrix.py)
# Lists are found by shape, not by name: a list field the JSON gains is a
# new column, and a list inside the records of a list (the objects of an
# error) is counted too, so the tables follow the specs without changes
# here.

import argparse
import importlib.util
import json
import os
import re
import subprocess
import tempfile
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(HERE)

# Short column titles for the lists every spec has; others use their key.
TITLES = {
    'parameters': 'params',
    'side_effects': 'effects',
    'state_transitions': 'trans.',
    'capabilities': 'caps',
}
WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven',
         'eight', 'nine', 'ten', 'eleven', 'twelve']


def dump(prog, source, *args):
    cmd = [prog, '--source', source, '--json', *args]
    try:
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        err = getattr(e, 'stderr', '') or ''
        sys.exit('spec-docs.py: %s failed: %s %s' % (' '.join(cmd), e, err.strip()))
    return json.loads(out)


def is_records(v):
    return isinstance(v, list) and all(isinstance(x, dict) for x in v)


def counts(spec):
    """{column: count}: each list of records, and lists inside their records."""
    c = {}
    for key, val in spec.items():
        if not is_records(val):
            continue
        c[(key,)] = len(val)
        for rec in val:
            for sub, sval in rec.items():
                if is_records(sval):
                    c[(key, sub)] = c.get((key, sub), 0) + len(sval)
    return c


def records_somewhere(specs, col):
    """Does some spec have records (not strings) in the list @col?"""
    for s in specs:
        lists = [s.get(col[0])]
        if len(col) == 2:
            lists = [r.get(col[1]) for r in s.get(col[0]) or [] if isinstance(r, dict)]
        for v in lists:
            if isinstance(v, list) and v and is_records(v):
                return True
    return False


def title(col):
    if len(col) == 1:
        return TITLES.get(col[0], col[0].replace('_', ' '))
    return '%s: %s' % (TITLES.get(col[0], col[0].replace('_', ' ')),
                       col[1].replace('_', ' '))


def list_table(header, rows, widths=None):
    out = ['.. list-table::', '   :header-rows: 1']
    if widths:
        out.append('   :widths: ' + ' '.join(str(w) for w in widths))
    out.append('')
    for row in [header] + rows:
        for i, cell in enumerate(row):
            out.append(('   * - ' if i == 0 else '     - ') + (cell if cell != '' else '..'))
    return '\n'.join(out) + '\n'


def short(name):
    return name[4:] if name.startswith('sys_') else name


def join_words(items):
    if len(items) <= 1:
        return ''.join(items)
    return ', '.join(items[:-1]) + ' and ' + items[-1]


def spec_table(specs):
    cols = []
    per = []
    for s in specs:
        c = counts(s)
        per.append(c)
        for col in c:
            if col not in cols:
                cols.append(col)
    # A list of strings is a value, not a list of records: an empty list
    # counts only where some spec's list of that name has records in it.
    cols = [c for c in cols if records_somewhere(specs, c)]
    # Each nested list right after the list it is in.
    top = [c for c in cols if len(c) == 1]
    cols = [c for t in top for c in [t] + [n for n in cols if len(n) == 2 and n[0] == t[0]]]
    header = ['spec'] + [title(c) for c in cols]
    rows = [['``%s``' % s['name']] + [str(p.get(c, 0)) for c in cols]
            for s, p in zip(specs, per)]
    rows.append(['total'] + [str(sum(p.get(c, 0) for p in per)) for c in cols])
    return list_table(header, rows)


def value(v):
    if not isinstance(v, dict):
        return None
    return v.get('expr') or (str(v['value']) if v.get('value') is not None else None)


def constraint(p, params):
    kind = (p.get('constraint_type') or '').replace('KAPI_CONSTRAINT_', '')
    text = '``%s``' % kind
    lo, hi = value(p.get('min_value')), value(p.get('max_value'))
    if kind == 'RANGE' and lo is not None and hi is not None:
        text += ' ``%s, %s``' % (lo, hi)
    mask = value(p.get('valid_mask'))
    if mask is not None:
        text += ' ``%s``' % mask
    idx = p.get('size_param_idx')
    if isinstance(idx, int) and 0 <= idx < len(params):
        text += ', size from ``%s``' % params[idx]['name']
    return text


def checkable(specs):
    groups = {}
    for s in specs:
        params = s.get('parameters') or []
        for p in params:
            kind = p.get('constraint_type') or 'KAPI_CONSTRAINT_NONE'
            if kind == 'KAPI_CONSTRAINT_NONE':
                continue
            err = (p.get('violation_error') or {}).get('name') or '-'
            key = (p['name'], constraint(p, params), err)
            groups.setdefault(key, []).append('``%s``' % short(s['name']))
    rows = [['``%s`` of %s' % (name, join_words(users)), cons, '``%s``' % err
             if err != '-' else '-'] for (name, cons, err), users in groups.items()]
    return list_table(['parameter', 'constraint', 'errno'], rows, [30, 45, 25])


def debugfs_list(specs):
    lines = ['::', '',
             '   Available Kernel API Specifications',
             '   ===================================', '']
    lines += ['   %s - %s' % (s['name'], s['description']) for s in specs]
    lines += ['', '   Total: %d specifications' % len(specs)]
    return '\n'.join(lines) + '\n'


def substitutions(specs):
    n = len(specs)
    calls = [short(s['name']) for s in specs]
    return '\n'.join([
        '.. |spec-count| replace:: %d' % n,
        '.. |spec-count-word| replace:: %s' % (WORDS[n] if n < len(WORDS) else str(n)),
        '.. |spec-calls| replace:: %s' % join_words(['``%s``' % c for c in calls]),
        '.. |spec-names| replace:: %s' % join_words(['``%s``' % s['name'] for s in specs]),
    ]) + '\n'


IMAGE_LINE = re.compile(r'(\d+) specs?, (\d+) bytes \(header (\d+), records (\d+), '
                        r'string table (\d+)[^,]*, padding (\d+)\)')


def image_sizes(prog, source, whole):
    """kapi-gen --stats as a table, a row per spec, and a sentence about the
    whole image: @whole for the long form (kapi.ko's own), else a short one."""
    if os.path.isdir(source):
        files = sorted(os.path.join(d, f) for d, _, fs in os.walk(source)
                       for f in fs if f.endswith('.c'))
    else:
        files = [source]
    with tempfile.TemporaryDirectory() as tmp:
        # File names as the build records them, relative to the tree.
        cmd = [prog, '--stats', '--source-root', SRC, '-o', os.path.join(tmp, 'image.c'),
               *files]
        try:
            out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        except (OSError, subprocess.CalledProcessError) as e:
            err = getattr(e, 'stderr', '') or ''
            sys.exit('spec-docs.py: %s failed: %s %s' % (' '.join(cmd), e, err.strip()))
    lines = out.splitlines()
    header = lines[0].split('(')[0].split()
    rows, m = [], None
    for line in lines[1:]:
        words = line.split()
        if line.startswith('image:'):
            m = IMAGE_LINE.search(line)
        elif len(words) == len(header) and all(w.isdigit() for w in words[1:]):
            rows.append(['``%s``' % words[0]] + ['{:,}'.format(int(w)) for w in words[1:]])
    if not rows or not m:
        sys.exit('spec-docs.py: cannot read the output of %s:\n%s' % (' '.join(cmd), out))
    n, total, hdr, recs, strs, pad = (int(x) for x in m.groups())
    if whole:
        per_spec = total / n
        text = ('The whole image is {:,} bytes: the {}-byte header, {:,} bytes of '
                'records and a {:,}-byte string table ({} bytes of padding). That is '
                'about {} KB per spec, some {} times less than upstream\'s fixed cost '
                'of about 400-450 KB.').format(total, hdr, recs, strs, pad,
                                               round(per_spec / 1000),
                                               round(425000 / per_spec))
    else:
        text = ('(An image of {:,} bytes: header {}, records {:,}, strings {:,}, '
                '{} bytes of padding.)').format(total, hdr, recs, strs, pad)
    return list_table(header, rows) + '\n' + text + '\n'


def conform_matrix(prog):
    """scripts/conform-matrix.py's table, for the specs of kapi.ko and of the
    sample module."""
    spec = importlib.util.spec_from_file_location('conform_matrix',
                                                  os.path.join(HERE, 'conform-matrix.py'))
    cm = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cm)
    host = cm.host_counts(prog, cm.default_specs())
    verified = cm.load_verified(os.path.join(SRC, 'Documentation', 'conform-verified.json'))
    text = cm.rst(host, verified)
    if cm.stale(host, verified):
        text += ('\n.. warning:: The verified columns were measured against other specs: '
                 'run the conformance tests again (scripts/conform-matrix.py --check).\n')
    return text


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--kapi-dump', default=os.environ.get(
        'KAPI_DUMP', os.path.join(SRC, 'build', 'userspace', 'kapi-dump')))
    ap.add_argument('--kapi-gen', default=os.environ.get(
        'KAPI_GEN', os.path.join(SRC, 'build', 'userspace', 'kapi-gen')))
    ap.add_argument('--source', default=os.path.join(SRC, 'module', 'specs'))
    ap.add_argument('--sample', default=os.path.join(SRC, 'samples', 'kapi_sample_specs.c'),
                    help="the sample module's specs, for the second image table")
    ap.add_argument('--out', default=os.path.join(SRC, 'Documentation', 'generated'))
    a = ap.parse_args()

    names = [x['name'] for x in dump(a.kapi_dump, a.source)['apis']]
    specs = [dump(a.kapi_dump, a.source, n)['api_details'] for n in names]
    if not specs:
        sys.exit('spec-docs.py: no specs in %s' % a.source)
    note = '.. Generated by scripts/spec-docs.py from the specs; do not edit.\n\n'
    files = {
        'substitutions.rst': substitutions(specs),
        'spec-table.rst': spec_table(specs),
        'spec-checkable.rst': checkable(specs),
        'debugfs-list.rst': debugfs_list(specs),
        'image-sizes.rst': image_sizes(a.kapi_gen, a.source, True),
        'image-sizes-sample.rst': image_sizes(a.kapi_gen, a.sample, False),
        'conform-matrix.rst': conform_matrix(a.kapi_gen),
    }
    os.makedirs(a.out, exist_ok=True)
    for name, text in files.items():
        path = os.path.join(a.out, name)
        text = note + text
        # Unchanged files keep their time, so sphinx does not redo pages.
        try:
            with open(path) as f:
                if f.read() == text:
                    continue
        except OSError:
            pass
        with open(path, 'w') as f:
            f.write(text)


if __name__ == '__main__':
    main()
