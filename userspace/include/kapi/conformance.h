// SPDX-License-Identifier: GPL-2.0
//
// The conformance generator behind kapi-gen --conformance: turns the specs
// and the triggers of their errors (kapi/parser.h, ErrorTrigger) into the
// case tables of a KTAP test program that provokes every documented error
// with a trigger and asserts the exact errno, and calls each
// machine-checked descriptor and buffer constraint at and beyond its
// bounds. The program's runner and its fixtures are C code in
// selftests/conform/; the generated file holds only data. See Documentation/testing.rst,
// "Conformance tests".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kapi/model.h"
#include "kapi/parser.h"

namespace kapi {

// What a fixture name stands for in a trigger.
enum class FixtureKind {
    Value, // a parameter's value (a descriptor, a pointer, a path)
    Setup, // "setup=": a change to the calling process before the call
    Check, // "check=": a side effect verified around the call
};

struct FixtureDef {
    std::string_view name;
    FixtureKind kind;
    std::string_view desc; // one line, for the documentation
};

// Every fixture the runner (selftests/conform/fixtures.c) defines.
const std::vector<FixtureDef>& conformance_fixtures();

struct ConformanceResult {
    std::string c;                  // the generated C source
    std::vector<Diagnostic> errors; // unknown fixtures, misplaced kinds
};

// Generates the case tables for SPECS with TRIGGERS (file names as the
// triggers and specs carry them). Of INCLUDES, the spec files' #include
// lines, the quoted ones (a spec file's own headers, such as the ioctl
// numbers of kapi_sample.h) are repeated in the generated C, for the
// constants that triggers and ioctl commands name.
ConformanceResult generate_conformance_c(const SpecSet& specs,
                                         const std::vector<ErrorTrigger>& triggers,
                                         const std::vector<std::string>& includes = {});

} // namespace kapi
