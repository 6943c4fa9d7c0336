// SPDX-License-Identifier: GPL-2.0
//
// Exit statuses of kapi's tools and kapi::Error, the one exception type for
// fatal user-facing errors. Library code throws kapi::Error with the status
// the process should end with; only a tool's main() catches it, prints it to
// stderr and turns it into that exit status.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>

namespace kapi {

// Process exit statuses, shared by all tools and documented in --help.
enum class ExitCode : int {
    Success = 0,
    NotFound = 1, // the requested API is not in the spec source
    Usage = 2,    // bad command line, or input that cannot be used
    Failure = 3,  // anything else: I/O error on output, out of memory, a bug
};

// Converts an ExitCode to the int that main() returns.
constexpr int to_int(ExitCode code) noexcept {
    return static_cast<int>(code);
}

// A fatal error to report to the user. what() is a one-line message without
// program name or trailing newline; hint(), if not empty, is a second line
// that tells the user what to do about it (e.g. "Try 'kapi-dump --help'.").
class Error : public std::runtime_error {
public:
    Error(ExitCode code, const std::string& message, std::string hint = {})
        : std::runtime_error(message), code_(code), hint_(std::move(hint)) {}

    ExitCode code() const noexcept { return code_; }
    const std::string& hint() const noexcept { return hint_; }

private:
    ExitCode code_;
    std::string hint_;
};

} // namespace kapi
