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
exclude_patterns = ['_build']
html_theme = 'alabaster'
highlight_language = 'none'
