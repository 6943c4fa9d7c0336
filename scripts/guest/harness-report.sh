# SPDX-License-Identifier: GPL-2.0
#
# Negative test of the VM harness (guest side): make the kernel print a
# backtrace, then exit 0. The harness must still fail the run (exit 125),
# because a clean console is part of every verdict.

echo l >/proc/sysrq-trigger
sleep 1
exit 0
