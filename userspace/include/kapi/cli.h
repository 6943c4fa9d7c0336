// SPDX-License-Identifier: GPL-2.0
//
// What kapi's command-line tools share around getopt_long(): turning a
// rejected option into the one-line message every tool prints, the usage
// error that carries the "Try 'TOOL --help'." hint, reporting a fatal error
// on stderr, and checking that standard output was really written. The
// tools' main() functions stay the only places that map errors to exit
// statuses; this only builds and prints the messages.
#pragma once

#include <getopt.h>

#include <string>
#include <string_view>
#include <vector>

#include "kapi/model.h"

namespace kapi::cli {

// The message for an option getopt_long() rejected, called right after it
// returned '?' (unknown option, or an argument given to a flag) or ':' (a
// missing argument; the short options string must start with ':'). It
// prints nothing itself: the caller sets opterr to 0. LONGOPTS is the table
// given to getopt_long(); long-only options must use a val of 256 or more.
// Messages: "unrecognized option '--bogus'", "invalid option -- 'x'",
// "option '--help' doesn't allow an argument", "option '--output' requires
// an argument", "option '-o' requires an argument".
std::string option_error(int c, const option* longopts, char* const argv[]);

// "Try 'PROGRAM --help'."
std::string help_hint(std::string_view program);

// Throws kapi::Error(ExitCode::Usage, MESSAGE) with help_hint(PROGRAM).
[[noreturn]] void usage_error(std::string_view program, const std::string& message);

// Prints "PROGRAM: MESSAGE" and, if HINT is not empty, HINT on its own
// line(s) to stderr.
void report(std::string_view program, std::string_view message, std::string_view hint);

// Flushes stdout; throws kapi::Error(ExitCode::Failure) if anything written
// to it was lost (a full disk, a closed pipe).
void flush_stdout();

// The spec NAME names in SPECS, or nullptr: the spec of that exact name,
// else, for a NAME without the prefix, the system call "sys_" NAME (so
// "read" finds sys_read, as upstream's tool and strace name it).
const Spec* find_spec(const SpecSet& specs, const std::string& name);

// Names of SPECS near NAME, for "did you mean": those within a small edit
// distance of NAME (with or without "sys_"; a swap of two neighbours counts
// as one edit), then those that contain NAME (at least 3 characters), in
// the order of SPECS, at most MAX.
std::vector<std::string> near_names(const SpecSet& specs, const std::string& name,
                                    std::size_t max = 5);

} // namespace kapi::cli
