// SPDX-License-Identifier: GPL-2.0
//
// kapi-dump: show kernel API specifications from a spec source (kapi.ko via
// debugfs or generic netlink, or a module's ELF file) in a chosen format.
// This file only parses the command line and maps errors to exit statuses;
// sources and renderers live in libkapi. No source is implemented yet.

#include <getopt.h>

#include <exception>
#include <iostream>
#include <ostream>
#include <string>
#include <string_view>

#include "kapi/error.h"
#include "kapi/version.h"
#include "uapi/linux/kapi.h"

namespace {

using kapi::ExitCode;

constexpr std::string_view kProgram = "kapi-dump";
constexpr std::string_view kHelpHint = "Try 'kapi-dump --help'.";

struct Options {
    bool help = false;
    bool version = false;
};

// getopt_long() table; val is the matching short option. Give long-only
// options a val of 256 or more, so that bad_option() cannot mistake them
// for a short option.
constexpr option kLongOptions[] = {
    {"help", no_argument, nullptr, 'h'},
    {"version", no_argument, nullptr, 'V'},
    {nullptr, 0, nullptr, 0},
};
constexpr const char* kShortOptions = "hV";

[[noreturn]] void usage_error(const std::string& message) {
    throw kapi::Error(ExitCode::Usage, message, std::string(kHelpHint));
}

// The long option that ARG ("--name" or "--name=value") selects, matching
// unambiguous prefixes the way getopt_long() does, or nullptr.
const option* find_long_option(std::string_view arg) {
    if (!arg.starts_with("--"))
        return nullptr;
    std::string_view name = arg.substr(2, arg.find('=') - 2);
    const option* match = nullptr;
    for (const option* opt = kLongOptions; opt->name != nullptr; ++opt) {
        std::string_view candidate = opt->name;
        if (candidate == name)
            return opt;
        if (!name.empty() && candidate.starts_with(name)) {
            if (match != nullptr)
                return nullptr; // ambiguous
            match = opt;
        }
    }
    return match;
}

// Describes the option getopt_long() just rejected (it prints nothing
// itself, as opterr is 0). After a bad long option, optind is past it; after
// a bad short option optopt holds it, but argv[optind - 1] can be an earlier
// argument if the option was inside a cluster such as "-xV".
[[noreturn]] void bad_option(char* const argv[]) {
    std::string_view arg = argv[optind - 1];
    if (optopt == 0)
        usage_error("unrecognized option '" + std::string(arg) + "'");
    if (const option* opt = find_long_option(arg); opt != nullptr && opt->val == optopt) {
        std::string name = "--" + std::string(opt->name);
        if (opt->has_arg == no_argument)
            usage_error("option '" + name + "' doesn't allow an argument");
        usage_error("option '" + name + "' requires an argument");
    }
    usage_error("invalid option -- '" + std::string(1, static_cast<char>(optopt)) + "'");
}

Options parse_command_line(int argc, char* argv[]) {
    Options options;
    opterr = 0;
    for (;;) {
        int c = getopt_long(argc, argv, kShortOptions, kLongOptions, nullptr);
        if (c == -1)
            break;
        switch (c) {
        case 'h':
            options.help = true;
            break;
        case 'V':
            options.version = true;
            break;
        default:
            bad_option(argv);
        }
    }
    // SOURCE, FORMAT and API_NAME will be accepted here once implemented.
    if (optind < argc)
        usage_error("unexpected argument '" + std::string(argv[optind]) + "'");
    return options;
}

void print_help(std::ostream& out) {
    out << "Usage: " << kProgram << " [SOURCE] [FORMAT] [OPTIONS] [API_NAME]\n"
        << "\n"
        << "Show kernel API specifications: machine-readable descriptions of system\n"
        << "calls and other kernel interfaces, as exported by the kapi.ko module or\n"
        << "carried in a module's " << KAPI_IMAGE_SECTION << " ELF section.\n"
        << "\n"
        << "Options:\n"
        << "  -h, --help     show this help and exit\n"
        << "  -V, --version  show version information and exit\n"
        << "\n"
        << "Not implemented yet (planned):\n"
        << "  SOURCE    where to read specs from:\n"
        << "              debugfs   the loaded kapi.ko, via /sys/kernel/debug/" << KAPI_DEBUGFS_DIR
        << "/\n"
        << "              netlink   the loaded kapi.ko, via generic netlink family '"
        << KAPI_GENL_NAME << "'\n"
        << "              ELF file  the " << KAPI_IMAGE_SECTION
        << " section of a module or vmlinux\n"
        << "  FORMAT    plain text, JSON or reStructuredText\n"
        << "  API_NAME  show only the API of this name (exit status 1 if absent)\n"
        << "Until a source is implemented, only --help and --version do anything.\n"
        << "\n"
        << "Examples:\n"
        << "  " << kProgram << " --version   show the tool and interface versions\n"
        << "  " << kProgram << " --help      show this help\n"
        << "\n"
        << "Exit status:\n"
        << "  " << kapi::to_int(ExitCode::Success) << "  success\n"
        << "  " << kapi::to_int(ExitCode::NotFound) << "  API_NAME not found\n"
        << "  " << kapi::to_int(ExitCode::Usage) << "  bad command line or unusable input\n"
        << "  " << kapi::to_int(ExitCode::Failure) << "  any other failure\n";
}

void print_version(std::ostream& out) {
    kapi::FormatVersion image = kapi::image_format_version();
    out << kProgram << ' ' << kapi::tool_version() << " (spec image format " << image.major << '.'
        << image.minor << ", netlink family " << kapi::genl_family_name() << " v"
        << kapi::genl_family_version() << ")\n";
}

// Makes sure everything written to stdout reached it (e.g. not a full disk).
void flush_stdout() {
    std::cout.flush();
    if (!std::cout)
        throw kapi::Error(ExitCode::Failure, "error writing to standard output");
}

ExitCode run(int argc, char* argv[]) {
    Options options = parse_command_line(argc, argv);
    if (options.help) {
        print_help(std::cout);
    } else if (options.version) {
        print_version(std::cout);
    } else {
        throw kapi::Error(ExitCode::Usage,
                          "no spec source is implemented yet (debugfs, netlink and ELF "
                          "sources are planned)",
                          std::string(kHelpHint));
    }
    flush_stdout();
    return ExitCode::Success;
}

void report(std::string_view message, std::string_view hint) {
    std::cerr << kProgram << ": " << message << '\n';
    if (!hint.empty())
        std::cerr << hint << '\n';
}

} // namespace

int main(int argc, char* argv[]) {
    try {
        return kapi::to_int(run(argc, argv));
    } catch (const kapi::Error& e) {
        report(e.what(), e.hint());
        return kapi::to_int(e.code());
    } catch (const std::exception& e) {
        report(std::string("unexpected error: ") + e.what(), {});
        return kapi::to_int(ExitCode::Failure);
    }
}
