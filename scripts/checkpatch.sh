#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Run the kernel's checkpatch.pl (from Debian's 6.12 source, fetched into the
# cache) over every kernel C file of the project: the module, the KUnit
# tests, the sample modules and the UAPI header. Any error, warning or check
# fails.

set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
. "$here/lib.sh"

tree=$("$here/fetch-source.sh" 6.12)
cd "$src"
mapfile -t files < <(git ls-files -co --exclude-standard -- \
	'module/*.c' 'module/*.h' 'module/*.S' 'kunit/*.c' 'kunit/*.h' 'samples/*.c' 'samples/*.h' \
	'include/uapi/*.h' 'include/kapi/*.h' | sort -u)
[ ${#files[@]} -gt 0 ] || kapi_die "checkpatch: no files found"
# Generated code follows the generator's layout, not hand-written style.
mapfile -t files < <(printf '%s\n' "${files[@]}" | grep -v '^module/generated/' || true)
"$tree/scripts/checkpatch.pl" --no-tree --strict --terse --show-types --color=never \
	--ignore FILE_PATH_CHANGES -f "${files[@]}"
echo "checkpatch: ${#files[@]} files clean"
