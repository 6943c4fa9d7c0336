#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# The netlink family's three descriptions agree: Documentation/netlink/
# specs/kapi.yaml matches the kernel's genetlink-c schema; the kernel's own
# generator (tools/net/ynl/ynl-gen-c.py, from Debian's 6.12 source in
# kapi's cache, as scripts/checkpatch.sh uses it) turns it into exactly the
# names and values that include/uapi/linux/kapi.h defines for the family,
# and the header defines no family name the spec lacks; and the reference
# tables of Documentation/netlink.rst are what scripts/netlink-rst.py
# generates from it. The first two need the kernel source: without it the
# test says so and exits 77 (skipped) after checking the tables.

import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

import jsonschema
import yaml

SKIP = 77


def kernel_source():
    if os.environ.get('KAPI_KERNEL_SRC'):
        return os.environ['KAPI_KERNEL_SRC']
    cache = os.environ.get('XDG_CACHE_HOME') or os.path.expanduser('~/.cache')
    trees = sorted(glob.glob(os.path.join(cache, 'kapi', 'src', 'linux-source-6.12-*')))
    return trees[-1] if trees else None


def generated_header(src, spec_path, work):
    """The UAPI header ynl-gen-c.py writes for the spec. The generator wants
    a spec inside a kernel tree (it looks for MAINTAINERS), next to the
    schema, and licensed as the kernel's own specs are: a copy is placed so."""
    specs = os.path.join(work, 'Documentation', 'netlink', 'specs')
    os.makedirs(specs)
    open(os.path.join(work, 'MAINTAINERS'), 'w').close()
    shutil.copy(os.path.join(src, 'Documentation', 'netlink', 'genetlink-c.yaml'),
                os.path.dirname(specs))
    with open(spec_path) as f:
        lines = f.read().split('\n')
    lines[0] = '# SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause)'
    copy = os.path.join(specs, 'kapi.yaml')
    with open(copy, 'w') as f:
        f.write('\n'.join(lines))
    out = os.path.join(work, 'kapi.h')
    subprocess.run([sys.executable, 'ynl-gen-c.py', '--mode', 'uapi', '--header', '--spec', copy,
                    '-o', out], cwd=os.path.join(src, 'tools', 'net', 'ynl'), check=True,
                   timeout=120)
    with open(out) as f:
        return f.read()


def names_in(header):
    """Every #define and enum member of a header, in order."""
    names = []
    for line in header.split('\n'):
        m = re.match(r'#define\s+([A-Z_][A-Z0-9_]*)\s+\S', line)
        if m and not m.group(1).startswith('_UAPI'):
            names.append(m.group(1))
            continue
        m = re.match(r'\s+([A-Z_][A-Z0-9_]*)\s*(=.*)?,?\s*(/\*.*)?$', line)
        if m:
            names.append(m.group(1))
    return names


def values(header_dir, header_text, names, work, tag):
    """NAME=VALUE for each name, as a C compiler sees them in the header."""
    c = os.path.join(work, tag + '.c')
    with open(c, 'w') as f:
        f.write('#include <stdio.h>\n')
        if header_text is None:
            f.write('#include "uapi/linux/kapi.h"\n')
        else:
            f.write(header_text)
        f.write('static void s(const char *n, const char *v) { printf("%s=\\"%s\\"\\n", n, v); }\n')
        f.write('static void i(const char *n, long long v) { printf("%s=%lld\\n", n, v); }\n')
        f.write('#define P(x) _Generic((x) + 0, char *: s, const char *: s, default: i)(#x, x)\n')
        f.write('int main(void) {\n')
        for n in names:
            f.write('\tP(%s);\n' % n)
        f.write('\treturn 0;\n}\n')
    exe = os.path.join(work, tag)
    cmd = [os.environ.get('CC', 'cc'), '-std=gnu11', '-Wall', '-Werror', '-o', exe, c]
    if header_dir:
        cmd[1:1] = ['-I', header_dir]
    subprocess.run(cmd, check=True)
    return subprocess.run([exe], check=True, capture_output=True, text=True).stdout


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument('--repo', required=True)
    args = p.parse_args()
    spec_path = os.path.join(args.repo, 'Documentation', 'netlink', 'specs', 'kapi.yaml')
    uapi = os.path.join(args.repo, 'include', 'uapi', 'linux', 'kapi.h')
    failures = []

    # The tables of the page are generated from the spec.
    sys.path.insert(0, os.path.join(args.repo, 'scripts'))
    rst_gen = __import__('netlink-rst')
    with open(spec_path) as f:
        spec = yaml.safe_load(f)
    rst_path = os.path.join(args.repo, 'Documentation', 'netlink.rst')
    with open(rst_path) as f:
        rst = f.read()
    if rst_gen.splice(rst, rst_gen.generate(spec)) != rst:
        failures.append('Documentation/netlink.rst: the generated tables are out of date; run '
                        'scripts/netlink-rst.py --update Documentation/netlink.rst')
    else:
        print('ok the tables of Documentation/netlink.rst are generated from kapi.yaml')

    src = kernel_source()
    schema = src and os.path.join(src, 'Documentation', 'netlink', 'genetlink-c.yaml')
    if not src or not os.path.exists(schema):
        for f in failures:
            print('FAIL ' + f)
        if failures:
            return 1
        print('SKIP no Debian 6.12 kernel source in the cache (scripts/fetch-source.sh 6.12): '
              'the schema and the generator were not checked')
        return SKIP

    with open(schema) as f:
        try:
            jsonschema.validate(spec, yaml.safe_load(f))
            print('ok kapi.yaml matches the kernel\'s genetlink-c schema')
        except jsonschema.ValidationError as e:
            failures.append('kapi.yaml does not match genetlink-c.yaml: %s' % e.message)

    with tempfile.TemporaryDirectory(prefix='kapi-netlink-spec-') as work:
        gen = generated_header(src, spec_path, work)
        gen_names = names_in(gen)
        with open(uapi) as f:
            ours = f.read()
        # The family's part of the UAPI header: everything after its heading.
        family_part = ours[ours.index(' * The generic netlink family'):]
        our_names = names_in(family_part) + ['KAPI_GENL_NAME', 'KAPI_GENL_VERSION']
        extra = sorted(set(our_names) - set(gen_names))
        if extra:
            failures.append('include/uapi/linux/kapi.h defines family names kapi.yaml lacks: '
                            + ', '.join(extra))
        expected = values(None, gen, gen_names, work, 'generated')
        actual = values(os.path.join(args.repo, 'include'), None, gen_names, work, 'uapi')
        if expected != actual:
            for e, a in zip(expected.split('\n'), actual.split('\n')):
                if e != a:
                    failures.append('kapi.yaml gives %s, include/uapi/linux/kapi.h %s' % (e, a))
        else:
            print('ok ynl-gen-c.py makes of kapi.yaml the %d names and values of '
                  'include/uapi/linux/kapi.h' % len(gen_names))

    for f in failures:
        print('FAIL ' + f)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
