# SPDX-License-Identifier: GPL-2.0
#
# Shared shell helpers for kapi's scripts: logging, the cache location and
# the per-kernel environment files written by fetch-kernels.sh. Sourced, never
# executed.

KAPI_CACHE="${KAPI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kapi}"

kapi_log() { printf 'kapi: %s\n' "$*" >&2; }
kapi_die() { printf 'kapi: error: %s\n' "$*" >&2; exit 1; }

# kapi_kernel_env SERIES - print the path of the environment file describing
# the provisioned kernel of SERIES (6.1 or 6.12).
kapi_kernel_env() { printf '%s/kernels/%s.env\n' "$KAPI_CACHE" "$1"; }

# kapi_load_kernel SERIES - source the environment file of SERIES, or die with
# the command that creates it.
kapi_load_kernel() {
	local env
	env=$(kapi_kernel_env "$1")
	[ -r "$env" ] || kapi_die "kernel $1 is not provisioned ($env missing): run 'make provision'"
	# shellcheck disable=SC1090
	. "$env"
}
