// SPDX-License-Identifier: GPL-2.0
//
// Option error messages, usage errors and error reports shared by kapi's
// command-line tools (see kapi/cli.h). The wording follows glibc's getopt
// messages, which the tools used to print themselves.
#include "kapi/cli.h"

#include <iostream>
#include <ostream>

#include "kapi/error.h"

namespace kapi::cli {

namespace {

// The long option that ARG ("--name" or "--name=value") selects, matching
// unambiguous prefixes the way getopt_long() does, or nullptr.
// *AMBIGUOUS is set when the prefix matches several options.
const option* find_long_option(const option* longopts, std::string_view arg, bool* ambiguous) {
    *ambiguous = false;
    if (!arg.starts_with("--"))
        return nullptr;
    std::string_view name = arg.substr(2, arg.find('=') - 2);
    const option* match = nullptr;
    for (const option* opt = longopts; opt->name != nullptr; ++opt) {
        std::string_view candidate = opt->name;
        if (candidate == name)
            return opt;
        if (!name.empty() && candidate.starts_with(name)) {
            if (match != nullptr) {
                *ambiguous = true;
                return nullptr;
            }
            match = opt;
        }
    }
    return match;
}

} // namespace

// After a bad long option, optind is past it and argv[optind - 1] is the
// option; after a bad short option optopt holds it, but argv[optind - 1] can
// be an earlier argument if the option was inside a cluster such as "-xV".
std::string option_error(int c, const option* longopts, char* const argv[]) {
    std::string_view arg = argv[optind - 1];
    bool ambiguous = false;
    const option* opt = find_long_option(longopts, arg, &ambiguous);
    if (ambiguous)
        return "option '" + std::string(arg.substr(0, arg.find('='))) + "' is ambiguous";
    if (opt != nullptr && opt->val == optopt) {
        std::string name = "--" + std::string(opt->name);
        if (c == ':' || opt->has_arg == required_argument)
            return "option '" + name + "' requires an argument";
        return "option '" + name + "' doesn't allow an argument";
    }
    if (optopt == 0)
        return "unrecognized option '" + std::string(arg) + "'";
    std::string shortopt(1, static_cast<char>(optopt));
    if (c == ':')
        return "option '-" + shortopt + "' requires an argument";
    return "invalid option -- '" + shortopt + "'";
}

std::string help_hint(std::string_view program) {
    return "Try '" + std::string(program) + " --help'.";
}

void usage_error(std::string_view program, const std::string& message) {
    throw Error(ExitCode::Usage, message, help_hint(program));
}

void report(std::string_view program, std::string_view message, std::string_view hint) {
    std::cerr << program << ": " << message << '\n';
    if (!hint.empty())
        std::cerr << hint << '\n';
    std::cerr.flush();
}

void flush_stdout() {
    std::cout.flush();
    if (!std::cout)
        throw Error(ExitCode::Failure, "error writing to standard output");
}

} // namespace kapi::cli
