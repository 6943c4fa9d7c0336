// SPDX-License-Identifier: GPL-2.0
//
// Reading whole files for the spec sources, with errors that name the path
// and the reason. Private to libkapi's sources.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kapi::detail {

// Reads the file at PATH into *OUT (replacing its contents), to its end,
// whatever size the file reports (debugfs files report 0). Returns 0, or
// the errno of the failed open() or read(); *OUT is then undefined.
int read_whole_file(const std::string& path, std::string* out);

// Reads PATH as read_whole_file() does; throws kapi::Error(ExitCode::Usage)
// "cannot read 'PATH': REASON" with HINT on failure.
std::vector<std::uint8_t> read_file_bytes(const std::string& path, const std::string& hint = {});

} // namespace kapi::detail
