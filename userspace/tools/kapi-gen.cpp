// SPDX-License-Identifier: GPL-2.0
//
// kapi-gen: the build-time spec generator. Parses annotated spec files,
// checks them (annotation errors, duplicate names, each system call against
// the target kernel's syscalls.h, everything the kernel will validate) and
// writes the spec image as kernel C source for Kbuild to compile into a
// module's .kapi_specs section. This file only handles options, files and
// exit statuses; parsing and generation live in libkapi.

#include <getopt.h>
#include <unistd.h>

#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kapi/check_generator.h"
#include "kapi/cli.h"
#include "kapi/conformance.h"
#include "kapi/error.h"
#include "kapi/generator.h"
#include "kapi/image.h"
#include "kapi/parser.h"
#include "kapi/syscalls.h"
#include "kapi/version.h"

namespace {

using kapi::ExitCode;

constexpr std::string_view kProgram = "kapi-gen";
constexpr std::string_view kDefaultSymbol = "kapi_builtin_image";
// Exit status when the specs have errors (see --help).
constexpr int kExitSpecErrors = 1;

// Upstream v2 gives every spec a fixed-size struct kernel_api_spec whose
// string members are char arrays sized for the longest text (params,
// errors, signals... up to their maximum counts): about 400-450 KB per spec,
// whatever the spec says. A documented figure, not computed here.
constexpr std::string_view kUpstreamSpecCost = "~400-450 KB";

struct Options {
    bool help = false;
    bool version = false;
    bool stats = false;
    bool checks = false;
    bool conformance = false;
    std::string output;
    std::string symbol{kDefaultSymbol};
    std::string syscalls_h;
    std::string source_root;
    std::vector<std::string> files;
};

enum : int {
    kOptSyscallsH = 256,
    kOptSymbol,
    kOptStats,
    kOptSourceRoot,
    kOptChecks,
    kOptConformance,
};

constexpr option kLongOptions[] = {
    {"help", no_argument, nullptr, 'h'},
    {"version", no_argument, nullptr, 'V'},
    {"output", required_argument, nullptr, 'o'},
    {"syscalls-h", required_argument, nullptr, kOptSyscallsH},
    {"symbol", required_argument, nullptr, kOptSymbol},
    {"source-root", required_argument, nullptr, kOptSourceRoot},
    {"stats", no_argument, nullptr, kOptStats},
    {"checks", no_argument, nullptr, kOptChecks},
    {"conformance", no_argument, nullptr, kOptConformance},
    {nullptr, 0, nullptr, 0},
};
// The leading ':' makes getopt_long() return ':' for a missing argument.
constexpr const char* kShortOptions = ":hVo:";

[[noreturn]] void usage_error(const std::string& message) {
    kapi::cli::usage_error(kProgram, message);
}

Options parse_command_line(int argc, char* argv[]) {
    Options o;
    opterr = 0;
    for (;;) {
        int c = getopt_long(argc, argv, kShortOptions, kLongOptions, nullptr);
        if (c == -1)
            break;
        switch (c) {
        case 'h':
            o.help = true;
            break;
        case 'V':
            o.version = true;
            break;
        case 'o':
            o.output = optarg;
            break;
        case kOptSyscallsH:
            o.syscalls_h = optarg;
            break;
        case kOptSymbol:
            o.symbol = optarg;
            break;
        case kOptSourceRoot:
            o.source_root = optarg;
            break;
        case kOptStats:
            o.stats = true;
            break;
        case kOptChecks:
            o.checks = true;
            break;
        case kOptConformance:
            o.conformance = true;
            break;
        default:
            usage_error(kapi::cli::option_error(c, kLongOptions, argv));
        }
    }
    for (int i = optind; i < argc; ++i)
        o.files.emplace_back(argv[i]);
    if (o.checks && o.conformance)
        usage_error("--checks and --conformance exclude each other");
    if (!o.help && !o.version && o.output.empty())
        usage_error("no output file: give -o OUT.c");
    return o;
}

void print_help(std::ostream& out) {
    out << "Usage: " << kProgram << " [OPTIONS] -o OUT.c [FILE...]\n"
        << "\n"
        << "Generate the spec image of the annotated spec FILEs as kernel C source: one\n"
        << "object in section " << KAPI_IMAGE_SECTION
        << " whose numbers the compiler evaluates against\n"
        << "the target kernel's headers. With no FILE, the image holds no specs.\n"
        << "OUT.c is written only if every check passes.\n"
        << "\n"
        << "Options:\n"
        << "  -o, --output OUT.c     the C file to write\n"
        << "      --symbol NAME      name the image NAME_data and its size NAME_size\n"
        << "                         (default " << kDefaultSymbol << ")\n"
        << "      --syscalls-h PATH  check each system call spec's parameters (count,\n"
        << "                         names, order) against the prototypes in PATH, the\n"
        << "                         target kernel's include/linux/syscalls.h\n"
        << "      --source-root DIR  record spec file names relative to DIR in the image\n"
        << "      --checks           write, instead of the image, the checks specialised\n"
        << "                         for each spec of it (NAME_checks, NAME_checks_count)\n"
        << "      --conformance      write, instead of the image, the case tables of the\n"
        << "                         conformance test program (selftests/conform/): the\n"
        << "                         errors' triggers and the descriptor bounds\n"
        << "      --stats            print what each spec costs in the image\n"
        << "  -h, --help             show this help and exit\n"
        << "  -V, --version          show version information and exit\n"
        << "\n"
        << "Exit status:\n"
        << "  0  success\n"
        << "  " << kExitSpecErrors << "  the specs have errors (printed as FILE:LINE: MESSAGE)\n"
        << "  " << kapi::to_int(ExitCode::Usage) << "  bad command line or unreadable syscalls.h\n"
        << "  " << kapi::to_int(ExitCode::Failure) << "  OUT.c could not be written\n";
}

void print_version(std::ostream& out) {
    kapi::FormatVersion image = kapi::image_format_version();
    out << kProgram << ' ' << kapi::tool_version() << " (spec image format " << image.major << '.'
        << image.minor << ")\n";
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw kapi::Error(ExitCode::Usage, "cannot read '" + path + "'");
    std::ostringstream s;
    s << in.rdbuf();
    if (!in.good() && !in.eof())
        throw kapi::Error(ExitCode::Usage, "error reading '" + path + "'");
    return s.str();
}

// Writes TEXT to PATH through a temporary file in the same directory, so
// that PATH is either the old file or the complete new one.
void write_atomically(const std::string& path, const std::string& text) {
    const std::string tmp = path + ".tmp." + std::to_string(getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << text;
        out.close();
        if (!out) {
            std::remove(tmp.c_str());
            throw kapi::Error(ExitCode::Failure, "cannot write '" + tmp + "'");
        }
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        throw kapi::Error(ExitCode::Failure, "cannot rename '" + tmp + "' to '" + path + "'");
    }
}

std::string location(const kapi::Spec& s) {
    return s.source.file + ":" + std::to_string(s.source.line) + ": ";
}

void print_stats(const kapi::SpecSet& specs, std::ostream& out) {
    kapi::ImageCost cost = kapi::image_cost(specs);
    std::size_t width = 4;
    for (const kapi::SpecCost& c : cost.specs)
        width = std::max(width, c.name.size());
    out << std::left << std::setw(static_cast<int>(width)) << "spec" << std::right << std::setw(10)
        << "text" << std::setw(11) << "structure" << std::setw(8) << "total"
        << "  (bytes in the image)\n";
    for (const kapi::SpecCost& c : cost.specs)
        out << std::left << std::setw(static_cast<int>(width)) << c.name << std::right
            << std::setw(10) << c.text_bytes << std::setw(11) << c.structure_bytes << std::setw(8)
            << c.text_bytes + c.structure_bytes << '\n';
    out << "image: " << cost.specs.size() << " specs, " << cost.total_bytes << " bytes (header "
        << cost.header_bytes << ", records " << cost.structure_bytes << ", string table "
        << cost.string_table_bytes << " after deduplication, padding "
        << cost.total_bytes - cost.header_bytes - cost.structure_bytes - cost.string_table_bytes
        << ")\n";
    out << "upstream v2: " << kUpstreamSpecCost
        << " per spec (the fixed size of struct kernel_api_spec)\n";
}

int run(int argc, char* argv[]) {
    Options o = parse_command_line(argc, argv);
    if (o.help) {
        print_help(std::cout);
        return kapi::to_int(ExitCode::Success);
    }
    if (o.version) {
        print_version(std::cout);
        return kapi::to_int(ExitCode::Success);
    }

    kapi::SpecSet specs;
    std::vector<std::string> includes;
    std::vector<kapi::ErrorTrigger> triggers;
    std::vector<kapi::StructRef> refs;
    std::vector<std::pair<std::string, kapi::StructSpec>> structs; // with their file
    bool failed = false;
    for (const std::string& file : o.files) {
        kapi::ParseResult r = kapi::parse_file(file);
        for (const kapi::Diagnostic& d : r.errors)
            std::cerr << d.str() << '\n';
        failed = failed || !r.ok();
        includes.insert(includes.end(), r.includes.begin(), r.includes.end());
        triggers.insert(triggers.end(), r.triggers.begin(), r.triggers.end());
        for (kapi::Spec& s : r.specs.specs)
            specs.specs.push_back(std::move(s));
        for (kapi::StructSpec& st : r.specs.structs)
            structs.emplace_back(file, std::move(st));
        refs.insert(refs.end(), r.struct_refs.begin(), r.struct_refs.end());
    }
    if (failed)
        return kExitSpecErrors;

    std::map<std::string, const kapi::Spec*> seen;
    for (const kapi::Spec& s : specs.specs) {
        auto [it, added] = seen.try_emplace(s.name, &s);
        if (!added) {
            std::cerr << location(s) << "duplicate spec '" << s.name << "', first defined at "
                      << it->second->source.file << ":" << it->second->source.line << '\n';
            failed = true;
        }
    }

    // Structs are shared by all inputs: one description of each, and
    // every "struct:" of a param names one of them.
    for (auto& [file, st] : structs) {
        if (specs.find_struct(st.name)) {
            std::cerr << file << ": duplicate struct '" << st.name << "' in the inputs\n";
            failed = true;
            continue;
        }
        specs.structs.push_back(std::move(st));
    }
    for (const kapi::Diagnostic& d : kapi::link_structs(specs, refs)) {
        std::cerr << d.str() << '\n';
        failed = true;
    }

    if (!o.syscalls_h.empty()) {
        std::vector<kapi::SyscallDecl> decls = kapi::parse_syscall_decls(read_file(o.syscalls_h));
        for (const kapi::Spec& s : specs.specs) {
            if (s.kind != KAPI_KIND_SYSCALL)
                continue;
            if (std::string why = kapi::check_syscall(s, decls, o.syscalls_h); !why.empty()) {
                std::cerr << location(s) << why << '\n';
                failed = true;
            }
        }
    }
    if (failed)
        return kExitSpecErrors;

    int at = -1;
    if (std::string why = kapi::check_specs(specs, &at); !why.empty()) {
        if (at >= 0)
            std::cerr << location(specs.specs[static_cast<std::size_t>(at)]);
        std::cerr << why << '\n';
        return kExitSpecErrors;
    }

    if (!o.source_root.empty()) {
        namespace fs = std::filesystem;
        const fs::path root = fs::absolute(o.source_root).lexically_normal();
        for (kapi::Spec& s : specs.specs) {
            fs::path rel = fs::absolute(s.source.file).lexically_normal().lexically_relative(root);
            if (!rel.empty() && *rel.begin() != "..")
                s.source.file = rel.generic_string();
        }
        for (kapi::ErrorTrigger& t : triggers) {
            fs::path rel = fs::absolute(t.file).lexically_normal().lexically_relative(root);
            if (!rel.empty() && *rel.begin() != "..")
                t.file = rel.generic_string();
        }
    }

    if (o.conformance) {
        kapi::ConformanceResult c = kapi::generate_conformance_c(specs, triggers, includes);
        for (const kapi::Diagnostic& d : c.errors)
            std::cerr << d.str() << '\n';
        if (!c.errors.empty())
            return kExitSpecErrors;
        write_atomically(o.output, c.c);
        return kapi::to_int(ExitCode::Success);
    }

    write_atomically(o.output, o.checks ? kapi::generate_checks_c(specs, includes, o.symbol)
                                        : kapi::generate_c(specs, includes, o.symbol));
    if (o.stats) {
        print_stats(specs, std::cout);
        kapi::cli::flush_stdout();
    }
    return kapi::to_int(ExitCode::Success);
}

} // namespace

int main(int argc, char* argv[]) {
    try {
        return run(argc, argv);
    } catch (const kapi::Error& e) {
        kapi::cli::report(kProgram, e.what(), e.hint());
        return kapi::to_int(e.code());
    } catch (const std::exception& e) {
        kapi::cli::report(kProgram, std::string("unexpected error: ") + e.what(), {});
        return kapi::to_int(ExitCode::Failure);
    }
}
