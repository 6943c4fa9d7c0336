#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# The coverage matrix of the conformance tests in Documentation/
# (Documentation/testing.rst, "Conformance tests"). Two halves:
#
# * what the specs say, computed on the host: kapi-gen --conformance writes
#   the table of every documented error and how its trigger treats it
#   (cf_errors: CF_TRIGGER, CF_NONE, CF_UNTRIAGED), read here into the
#   columns documented, trigger, not provokable and untriaged;
# * what a guest measured, "provoked and verified" and the bounds that held,
#   per kernel: only a VM run
#   knows it (make check writes build/conform/K.json). The numbers of the
#   last run are kept in git, Documentation/conform-verified.json, with the
#   counts of the specs they were measured against, so that 'make docs'
#   needs no VM.
#
#   conform-matrix.py --rst OUT     the table (scripts/spec-docs.py calls it)
#   conform-matrix.py --check       fails when conform-verified.json is stale:
#                                   measured against specs whose counts differ
#                                   from today's, or more verified than triggers
#   conform-matrix.py --update K.json...   conform-verified.json from VM runs
#                                   (the file's name is the kernel: 6.1.json)
#
# Options: --kapi-gen PROG (default build/userspace/kapi-gen or $KAPI_GEN),
# --specs FILE... (default module/specs/*.c and the sample module's specs),
# --verified FILE (default Documentation/conform-verified.json).

import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(HERE)
HOW = {'CF_TRIGGER': 'trigger', 'CF_NONE': 'not_provokable', 'CF_UNTRIAGED': 'untriaged'}
HOST_KEYS = ('documented', 'trigger', 'not_provokable', 'untriaged', 'bounds')
ERROR_LINE = re.compile(r'^\t\{ "([^"]+)", "([^"]+)", (CF_[A-Z]+) \},$')
CASE_API = re.compile(r'^\t\t\.api = "([^"]+)", ')
CASE_BOUND = re.compile(r'^\t\t\.bound = (true|false), ')


def default_specs():
    return (sorted(glob.glob(os.path.join(SRC, 'module', 'specs', '*.c'))) +
            [os.path.join(SRC, 'samples', 'kapi_sample_specs.c')])


def host_counts(kapi_gen, specs):
    """{spec: {documented, trigger, not_provokable, untriaged}} from the specs,
    in the order kapi-gen lists them."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, 'conform_gen.c')
        cmd = [kapi_gen, '--conformance', '--source-root', SRC, '-o', out, *specs]
        try:
            subprocess.run(cmd, check=True, capture_output=True, text=True)
        except (OSError, subprocess.CalledProcessError) as e:
            err = getattr(e, 'stderr', '') or ''
            sys.exit('conform-matrix.py: %s failed: %s %s' % (' '.join(cmd), e, err.strip()))
        with open(out) as f:
            lines = f.read().splitlines()
    counts = {}
    api = None
    for line in lines:
        m = ERROR_LINE.match(line)
        if m:
            c = counts.setdefault(m.group(1), dict.fromkeys(HOST_KEYS, 0))
            c['documented'] += 1
            c[HOW[m.group(3)]] += 1
            continue
        m = CASE_API.match(line)
        if m:
            api = m.group(1)
            continue
        m = CASE_BOUND.match(line)
        if m and m.group(1) == 'true':
            # The cases come before the error table: count them first.
            counts.setdefault(api, dict.fromkeys(HOST_KEYS, 0))['bounds'] += 1
    if not counts:
        sys.exit('conform-matrix.py: no documented errors in the output of %s' % ' '.join(cmd))
    return counts


def load_verified(path):
    try:
        with open(path) as f:
            return json.load(f)
    except FileNotFoundError:
        return {'kernels': {}}


def kernel_key(k):
    return tuple(int(x) if x.isdigit() else 0 for x in k.split('.'))


def short(api):
    return api[4:] if api.startswith('sys_') else api


def stale(host, verified):
    """The reasons why @verified does not describe the specs of @host."""
    why = []
    for k, run in sorted(verified.get('kernels', {}).items(), key=lambda kv: kernel_key(kv[0])):
        specs = {s['spec']: s for s in run['specs']}
        for api, c in host.items():
            s = specs.get(api)
            if s is None:
                why.append('%s: %s not measured' % (k, api))
                continue
            for key in HOST_KEYS:
                if s[key] != c[key]:
                    why.append('%s: %s %s: measured with %d, the specs say %d'
                               % (k, api, key, s[key], c[key]))
            if s['verified'] > c['trigger']:
                why.append('%s: %s: %d verified, more than its %d triggers'
                           % (k, api, s['verified'], c['trigger']))
        for api in specs:
            if api not in host:
                why.append('%s: %s measured, but no spec has it' % (k, api))
    return why


def rst(host, verified):
    kernels = sorted(verified.get('kernels', {}), key=kernel_key)
    head = ['spec', 'documented', 'trigger', 'not provokable', 'untriaged', 'bounds'] + \
        [x for k in kernels for x in ('verified %s' % k, 'bounds held %s' % k)]
    total = dict.fromkeys(HOST_KEYS, 0)
    vtotal = {k: [0, 0] for k in kernels}
    rows = []
    for api, c in host.items():
        row = [short(api)] + [str(c[k]) for k in HOST_KEYS]
        for k in kernels:
            s = {x['spec']: x for x in verified['kernels'][k]['specs']}.get(api)
            row += [str(s['verified']), str(s['bounds_verified'])] if s else ['-', '-']
            vtotal[k][0] += s['verified'] if s else 0
            vtotal[k][1] += s['bounds_verified'] if s else 0
        for k in HOST_KEYS:
            total[k] += c[k]
        rows.append(row)
    rows.append(['total'] + [str(total[k]) for k in HOST_KEYS] +
                [str(x) for k in kernels for x in vtotal[k]])
    out = ['.. list-table::', '   :header-rows: 1', '']
    for row in [head] + rows:
        out.append('   * - ' + row[0])
        out.extend('     - ' + cell for cell in row[1:])
    out.append('')
    for k in kernels:
        share = 100 * vtotal[k][0] // max(total['documented'], 1)
        out.append('On %s, %d of the %d documented errors (%d %%) were provoked and verified, '
                   'and %d of the %d constraint bounds held.'
                   % (k, vtotal[k][0], total['documented'], share, vtotal[k][1], total['bounds']))
        out.append('')
    return '\n'.join(out) + '\n'


def update(files, path):
    verified = load_verified(path)
    for f in files:
        k = os.path.basename(f)[:-len('.json')]
        with open(f) as fp:
            verified['kernels'][k] = json.load(fp)
    with open(path, 'w') as f:
        json.dump(verified, f, indent=1, sort_keys=True)
        f.write('\n')


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--kapi-gen', default=os.environ.get(
        'KAPI_GEN', os.path.join(SRC, 'build', 'userspace', 'kapi-gen')))
    ap.add_argument('--specs', nargs='+', default=default_specs())
    ap.add_argument('--verified', default=os.path.join(SRC, 'Documentation',
                                                       'conform-verified.json'))
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument('--rst', metavar='OUT')
    g.add_argument('--check', action='store_true')
    g.add_argument('--update', nargs='+', metavar='K.json')
    a = ap.parse_args()

    if a.update:
        update(a.update, a.verified)
        return 0
    host = host_counts(a.kapi_gen, a.specs)
    verified = load_verified(a.verified)
    why = stale(host, verified)
    if a.check:
        if not verified.get('kernels'):
            why.append('no kernel measured')
        for w in why:
            print('conform-matrix.py: %s is stale: %s' % (os.path.relpath(a.verified, SRC), w),
                  file=sys.stderr)
        if why:
            print('conform-matrix.py: run the conform VM row on each kernel, then '
                  'scripts/conform-matrix.py --update build/conform/*.json', file=sys.stderr)
            return 1
        print('conform-matrix.py: %s matches the specs (%d specs, %d kernels)'
              % (os.path.relpath(a.verified, SRC), len(host), len(verified['kernels'])))
        return 0
    text = rst(host, verified)
    if why:
        # The documentation still builds; the test (--check) fails.
        text += ('\n.. warning:: The verified columns were measured against other specs: '
                 'run the conformance tests again.\n')
    with open(a.rst, 'w') as f:
        f.write(text)
    return 0


if __name__ == '__main__':
    sys.exit(main())
