#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# The coverage matrix of the conformance tests that Documentation/ shows
# (scripts/conform-matrix.py): the measured numbers kept in git,
# Documentation/conform-verified.json, must describe today's specs (their
# documented errors, triggers, not provokable and untriaged errors and
# constraint bounds, as kapi-gen --conformance counts them), and the check
# must notice a file measured against other specs.
#
#   conform_matrix_test.py --kapi-gen PROG --repo DIR --work DIR

import argparse
import json
import os
import shutil
import subprocess
import sys


def check(script, kapi_gen, verified):
    return subprocess.run([sys.executable, script, '--check', '--kapi-gen', kapi_gen,
                           '--verified', verified], capture_output=True, text=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--kapi-gen', required=True)
    ap.add_argument('--repo', required=True)
    ap.add_argument('--work', required=True)
    a = ap.parse_args()
    script = os.path.join(a.repo, 'scripts', 'conform-matrix.py')
    real = os.path.join(a.repo, 'Documentation', 'conform-verified.json')
    failed = 0

    r = check(script, a.kapi_gen, real)
    ok = r.returncode == 0
    print('%s: the kept matrix matches the specs\n%s%s' % ('ok' if ok else 'FAIL', r.stdout,
                                                            r.stderr))
    failed += not ok

    # One count off, one spec missing: both are stale.
    os.makedirs(a.work, exist_ok=True)
    with open(real) as f:
        data = json.load(f)
    for name, edit in (('count', lambda s: s.__setitem__('trigger', s['trigger'] + 1)),
                       ('missing', None)):
        d = json.loads(json.dumps(data))
        for run in d['kernels'].values():
            if edit:
                edit(run['specs'][0])
            else:
                del run['specs'][0]
        path = os.path.join(a.work, 'stale-%s.json' % name)
        with open(path, 'w') as f:
            json.dump(d, f)
        r = check(script, a.kapi_gen, path)
        ok = r.returncode == 1 and 'is stale' in r.stderr
        print('%s: a kept matrix with a %s spec is stale' % ('ok' if ok else 'FAIL', name))
        failed += not ok
    shutil.rmtree(a.work, ignore_errors=True)
    print('%d passed, %d failed' % (3 - failed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
