# SPDX-License-Identifier: GPL-2.0
#
# Sphinx configuration for kapi's documentation ('make docs').

import os

project = 'kapi'
copyright = 'kapi contributors'
with open(os.path.join(os.path.dirname(__file__), '..', 'VERSION')) as f:
    release = version = f.read().strip()

extensions = []
master_doc = 'index'
# generated/: the fragments scripts/spec-docs.py makes from the specs, which
# the pages include; they are not pages of their own.
exclude_patterns = ['_build', 'generated']

# Numbers and tables about the specs are never typed by hand: 'make docs'
# and 'make check' run scripts/spec-docs.py first.
_generated = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'generated')
try:
    with open(os.path.join(_generated, 'substitutions.rst')) as f:
        rst_prolog = f.read()
except OSError:
    raise RuntimeError('Documentation/generated/ is missing: run scripts/spec-docs.py '
                       '(make docs does) before sphinx-build')
html_theme = 'alabaster'
highlight_language = 'none'
