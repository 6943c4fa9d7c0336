// SPDX-License-Identifier: GPL-2.0
//
// Option error messages, usage errors and error reports shared by kapi's
// command-line tools (see kapi/cli.h). The wording follows glibc's getopt
// messages, which the tools used to print themselves.
#include "kapi/cli.h"

#include <algorithm>
#include <cstddef>
#include <iostream>
#include <ostream>
#include <string>
#include <vector>

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

namespace {

constexpr std::string_view kSyscallPrefix = "sys_";

// The optimal string alignment distance of A and B: insertions, deletions,
// substitutions and swaps of neighbours, each one edit.
std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); i++)
        d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); j++)
        d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); i++) {
        for (std::size_t j = 1; j <= b.size(); j++) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.size()][b.size()];
}

std::string_view without_prefix(std::string_view name) {
    if (name.starts_with(kSyscallPrefix))
        name.remove_prefix(kSyscallPrefix.size());
    return name;
}

} // namespace

const Spec* find_spec(const SpecSet& specs, const std::string& name) {
    if (const Spec* s = specs.find(name))
        return s;
    if (name.empty() || name.starts_with(kSyscallPrefix))
        return nullptr;
    const Spec* s = specs.find(std::string(kSyscallPrefix) + name);
    return s != nullptr && s->kind == KAPI_KIND_SYSCALL ? s : nullptr;
}

std::vector<std::string> near_names(const SpecSet& specs, const std::string& name,
                                    std::size_t max) {
    std::vector<std::string> out;
    auto add = [&](const std::string& n) {
        if (out.size() < max && std::find(out.begin(), out.end(), n) == out.end())
            out.push_back(n);
    };
    const std::string_view bare = without_prefix(name);
    // One edit for up to 4 characters, then one more per 4.
    const std::size_t allowed = 1 + bare.size() / 4;
    for (const Spec& s : specs.specs)
        if (edit_distance(without_prefix(s.name), bare) <= allowed ||
            edit_distance(s.name, name) <= allowed)
            add(s.name);
    if (bare.size() >= 3)
        for (const Spec& s : specs.specs)
            if (s.name.find(bare) != std::string::npos)
                add(s.name);
    return out;
}

void flush_stdout() {
    std::cout.flush();
    if (!std::cout)
        throw Error(ExitCode::Failure, "error writing to standard output");
}

} // namespace kapi::cli
