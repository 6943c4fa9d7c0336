#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Install the Debian packages kapi needs to build and test, only those that
# are missing, then fetch the target kernels into the cache (never into the
# host). Idempotent: a second run installs nothing and downloads nothing.
# Without root and with packages missing, prints the exact apt-get command.

set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

# One line per purpose keeps the list reviewable.
PACKAGES=(
	# toolchain and kernel module builds
	build-essential make gcc-12 flex bison bc libelf-dev libssl-dev dwarves kmod
	xz-utils zstd cpio rsync
	# userspace companion
	cmake g++ pkg-config libgtest-dev libgmock-dev googletest
	libnl-3-dev libnl-genl-3-dev nlohmann-json3-dev
	# VM harness; strace for the benchmark's comparison (make bench);
	# stress-ng, carried into the guest for the stress run (make stress)
	qemu-system-x86 busybox-static strace stress-ng
	# the benchmark's eBPF equivalent of kapi's checks (make bench): clang
	# and llvm for the BPF target, libbpf and bpftool for its skeleton and
	# loader (static: libelf-dev above, zlib and zstd), bpftrace for its
	# bpftrace version
	llvm libbpf-dev bpftool zlib1g-dev libzstd-dev bpftrace
	# the tools the tracing test carries into the guest to read kapi's
	# trace events (scripts/guest/tracing.sh)
	linux-perf bpftrace trace-cmd
	# static analysis of kapi.ko (make sparse)
	sparse
	# documentation
	python3-sphinx
	# checking the JSON of the VM tests against Documentation/schema/, and
	# the netlink family's YAML spec (Documentation/netlink/specs/)
	python3-jsonschema python3-yaml
	# kapi-dump: libelf for --elf (libelf-dev above), libdw's dwelf_elf_begin
	# for compressed modules (.ko.xz/.ko.gz/.ko.zst), clang's libFuzzer for
	# scripts/fuzz.sh, groff to check the man page
	libdw-dev clang libclang-rt-14-dev groff-base
	# the wild guest's Debian root file system (scripts/rootfs.sh, make wild)
	mmdebstrap
	# packaging: 'make check' runs dkms's build step against the provisioned
	# header trees (in private trees, never the host's /var/lib/dkms)
	dkms
)

missing=()
for p in "${PACKAGES[@]}"; do
	[[ $p == \#* ]] && continue
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing+=("$p")
	fi
done

if [ ${#missing[@]} -gt 0 ]; then
	cmd="apt-get install -y --no-install-recommends ${missing[*]}"
	if [ "$(id -u)" -ne 0 ]; then
		kapi_log "missing packages: ${missing[*]}"
		kapi_log "run as root:  apt-get update && $cmd"
		exit 1
	fi
	kapi_log "installing: ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q >/dev/null
	$cmd -q >/dev/null
else
	kapi_log "host packages: all present"
fi

# shellcheck disable=SC2086
"$here/fetch-kernels.sh" ${KAPI_SERIES:-6.1 6.12}
