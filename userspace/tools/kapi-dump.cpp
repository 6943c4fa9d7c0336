// SPDX-License-Identifier: GPL-2.0
//
// kapi-dump: show kernel API specifications from a spec source (kapi.ko
// through debugfs or generic netlink, a module's ELF file, annotated
// sources) in a chosen format (plain text, JSON, reStructuredText,
// syzlang); and, through kapi.ko's netlink family, watch and steer its
// runtime checks (the commands monitor, stats, mode, filter and log). This file
// parses the command line, runs one source through one renderer or one
// command, and maps errors to exit statuses, which only main() does;
// sources, renderers and the netlink client live in libkapi. Output is
// built in memory and written only when everything succeeded, so a failure
// never leaves partial output; only monitor streams, one event at a time.

#include <getopt.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <new>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "kapi/cli.h"
#include "kapi/error.h"
#include "kapi/json.h"
#include "kapi/netlink.h"
#include "kapi/render.h"
#include "kapi/source.h"
#include "kapi/version.h"
#include "uapi/linux/kapi.h"

namespace {

using kapi::ExitCode;

constexpr std::string_view kProgram = "kapi-dump";

enum class SourceKind { Debugfs, Elf, Tree, Netlink };

// The commands that talk to kapi.ko's runtime through netlink.
enum class Command { None, Monitor, Stats, Mode, Filter, Log };

constexpr struct {
    std::string_view name;
    Command command;
} kCommands[] = {
    {"monitor", Command::Monitor},
    {"stats", Command::Stats},
    {"mode", Command::Mode},
    {"log", Command::Log},
    {"filter", Command::Filter},
};

struct Options {
    bool help = false;
    bool version = false;
    SourceKind source = SourceKind::Debugfs;
    std::string source_option; // as given, for messages; "" if none
    std::string source_arg{kapi::kDefaultDebugfsDir};
    const kapi::RendererInfo* format = nullptr; // nullptr: plain
    std::string format_option;
    bool pretty = false;
    std::optional<bool> wrap; // --wrap, --no-wrap; unset: whether stdout is a terminal
    bool all = false;         // --all: every API in detail
    std::string output_dir;   // --output-dir: the RST manual's directory
    bool stats = false;
    std::string api;
    Command command = Command::None;
    std::vector<std::string> args; // the command's arguments
    long long count = -1;          // monitor --count; -1: until interrupted
    bool reset = false;            // stats --reset
    kapi::netlink::Filter filter;  // filter: what the arguments set
    // The first command-line error. Errors are reported after the whole
    // line is read, so that a JSON request is honoured however the options
    // are ordered.
    std::string error;

    bool json() const { return format != nullptr && format->name == "json"; }
};

// What main() needs to report an error the way the user asked for output.
struct ErrorMode {
    bool json = false;
    bool pretty = false;
    // Annotation errors, for the JSON error document's "errors".
    std::vector<kapi::Diagnostic> details;
};

enum : int {
    kOptDebugfs = 256,
    kOptElf,
    kOptVmlinux,
    kOptSource,
    kOptNetlink,
    kOptRst,
    kOptPlain,
    kOptSyzlang,
    kOptCHeader,
    kOptStats,
    kOptCount,
    kOptReset,
    kOptWrap,
    kOptNoWrap,
    kOptAll,
    kOptOutputDir,
};

constexpr option kLongOptions[] = {
    {"debugfs", optional_argument, nullptr, kOptDebugfs},
    {"elf", required_argument, nullptr, kOptElf},
    {"vmlinux", required_argument, nullptr, kOptVmlinux},
    {"source", required_argument, nullptr, kOptSource},
    {"netlink", no_argument, nullptr, kOptNetlink},
    {"json", no_argument, nullptr, 'j'},
    {"rst", no_argument, nullptr, kOptRst},
    {"plain", no_argument, nullptr, kOptPlain},
    {"syzlang", no_argument, nullptr, kOptSyzlang},
    {"c-header", no_argument, nullptr, kOptCHeader},
    {"format", required_argument, nullptr, 'f'},
    {"pretty", no_argument, nullptr, 'p'},
    {"wrap", no_argument, nullptr, kOptWrap},
    {"all", no_argument, nullptr, kOptAll},
    {"output-dir", required_argument, nullptr, kOptOutputDir},
    {"no-wrap", no_argument, nullptr, kOptNoWrap},
    {"stats", no_argument, nullptr, kOptStats},
    {"count", required_argument, nullptr, kOptCount},
    {"reset", no_argument, nullptr, kOptReset},
    {"help", no_argument, nullptr, 'h'},
    {"version", no_argument, nullptr, 'V'},
    {nullptr, 0, nullptr, 0},
};
// The leading ':' makes getopt_long() return ':' for a missing argument.
constexpr const char* kShortOptions = ":hVjpf:";

std::string format_names() {
    std::string names;
    for (const kapi::RendererInfo& r : kapi::renderers())
        names += (names.empty() ? "" : ", ") + std::string(r.name);
    return names;
}

void note_error(Options& o, const std::string& message) {
    if (o.error.empty())
        o.error = message;
}

void set_source(Options& o, SourceKind kind, const std::string& option, const std::string& arg) {
    if (!o.source_option.empty()) {
        note_error(o,
                   "only one source can be given, not both " + o.source_option + " and " + option);
        return;
    }
    o.source = kind;
    o.source_option = option;
    o.source_arg = arg;
    if (kind != SourceKind::Netlink && arg.empty())
        note_error(o, "option '" + option + "' needs a non-empty path");
}

void set_format(Options& o, std::string_view name, const std::string& option) {
    const kapi::RendererInfo* r = kapi::find_renderer(name);
    if (r == nullptr) {
        note_error(o, "unknown format '" + std::string(name) + "' (known: " + format_names() + ")");
        return;
    }
    if (o.format != nullptr && o.format != r) {
        note_error(o, "conflicting formats: " + o.format_option + " and " + option);
        return;
    }
    o.format = r;
    o.format_option = option;
}

std::string_view command_name(Command c) {
    for (const auto& k : kCommands)
        if (k.command == c)
            return k.name;
    return "";
}

// The options and arguments a command takes: it talks to kapi.ko through
// netlink and writes plain text or JSON.
void check_command(Options& o, int argc, char* argv[]) {
    const std::string name(command_name(o.command));
    for (int i = optind; i < argc; i++)
        o.args.emplace_back(argv[i]);
    if (!o.source_option.empty() && o.source != SourceKind::Netlink)
        note_error(o, "'" + name + "' talks to kapi.ko through netlink; it takes no " +
                          o.source_option);
    if (o.format != nullptr && o.format->name != "json" && o.format->name != "plain")
        note_error(o, "'" + name + "' writes plain text or JSON, not " + o.format_option);
    if (o.stats)
        note_error(o, "--stats applies to reading specs, not to '" + name + "'");
    std::size_t max = o.command == Command::Filter ? 4 : o.command == Command::Monitor ? 0 : 1;
    if (o.args.size() > max)
        note_error(o, "unexpected argument '" + o.args[max] + "'");
    if (o.command == Command::Mode && !o.args.empty() && !kapi::netlink::parse_mode(o.args.front()))
        note_error(o, "unknown mode '" + o.args.front() + "' (known: off, audit, enforce)");
    if (o.command == Command::Log && !o.args.empty() && o.args.front() != "on" &&
        o.args.front() != "off")
        note_error(o, "unknown log switch '" + o.args.front() + "' (known: on, off)");
    if (o.command == Command::Stats && o.reset && !o.args.empty())
        note_error(o, "--reset resets every counter; it takes no API name");
    if (o.command == Command::Filter && !o.args.empty()) {
        try {
            o.filter = kapi::netlink::parse_filter_words(o.args);
        } catch (const kapi::Error& e) {
            note_error(o, e.what());
        }
    }
}

// Whether ARG after a bare --debugfs is its directory rather than an API
// name: it has a '/' (no API name has one), or names an existing directory.
bool looks_like_a_directory(const char* arg) {
    if (arg[0] == '-' || arg[0] == '\0')
        return false;
    if (std::strchr(arg, '/') != nullptr)
        return true;
    struct stat st;
    return stat(arg, &st) == 0 && S_ISDIR(st.st_mode);
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
        case kOptDebugfs: {
            // Upstream's spelling: "--debugfs PATH", a separate argument.
            const char* dir = optarg;
            if (dir == nullptr && optind < argc && looks_like_a_directory(argv[optind]))
                dir = argv[optind++];
            set_source(o, SourceKind::Debugfs, "--debugfs",
                       dir != nullptr ? dir : std::string(kapi::kDefaultDebugfsDir));
            break;
        }
        case kOptElf:
            set_source(o, SourceKind::Elf, "--elf", optarg);
            break;
        case kOptVmlinux:
            set_source(o, SourceKind::Elf, "--vmlinux", optarg);
            break;
        case kOptSource:
            set_source(o, SourceKind::Tree, "--source", optarg);
            break;
        case kOptNetlink:
            set_source(o, SourceKind::Netlink, "--netlink", {});
            break;
        case 'j':
            set_format(o, "json", "--json");
            break;
        case kOptRst:
            set_format(o, "rst", "--rst");
            break;
        case kOptPlain:
            set_format(o, "plain", "--plain");
            break;
        case kOptSyzlang:
            set_format(o, "syzlang", "--syzlang");
            break;
        case kOptCHeader:
            set_format(o, "c-header", "--c-header");
            break;
        case 'f':
            set_format(o, optarg, "--format " + std::string(optarg));
            break;
        case 'p':
            o.pretty = true;
            break;
        case kOptWrap:
            o.wrap = true;
            break;
        case kOptAll:
            o.all = true;
            break;
        case kOptOutputDir:
            o.output_dir = optarg;
            if (o.output_dir.empty())
                note_error(o, "option '--output-dir' needs a non-empty path");
            break;
        case kOptNoWrap:
            o.wrap = false;
            break;
        case kOptStats:
            o.stats = true;
            break;
        case kOptReset:
            o.reset = true;
            break;
        case kOptCount: {
            char* end = nullptr;
            errno = 0;
            o.count = std::strtoll(optarg, &end, 10);
            if (errno != 0 || end == optarg || *end != '\0' || o.count < 1)
                note_error(o, "--count needs a positive number, not '" + std::string(optarg) + "'");
            break;
        }
        default:
            note_error(o, kapi::cli::option_error(c, kLongOptions, argv));
        }
    }
    // -p asks for indented JSON, and so for JSON (as bpftool's -p does).
    if (o.pretty && o.format == nullptr)
        set_format(o, "json", "--pretty");
    if (o.pretty && !o.json())
        note_error(o, "--pretty applies to JSON only, not to " + o.format_option);
    if (optind < argc) {
        for (const auto& c : kCommands)
            if (argv[optind] == c.name)
                o.command = c.command;
        if (o.command == Command::None)
            o.api = argv[optind];
        optind++;
    }
    if (o.command != Command::None)
        check_command(o, argc, argv);
    else if (optind < argc)
        note_error(o, "unexpected argument '" + std::string(argv[optind]) + "'");
    if (!o.output_dir.empty()) {
        // A manual is every API: --output-dir implies --all.
        o.all = true;
        if (o.format == nullptr || o.format->name != "rst")
            note_error(o, "--output-dir writes a reStructuredText manual; it needs --rst");
    }
    if (o.all && o.command != Command::None)
        note_error(o, "--all applies to reading specs, not to '" +
                          std::string(command_name(o.command)) + "'");
    else if (o.all && !o.api.empty())
        note_error(o, "--all shows every API; it takes no API name ('" + o.api + "')");
    if (o.count >= 0 && o.command != Command::Monitor)
        note_error(o, "--count applies to 'monitor' only");
    if (o.reset && o.command != Command::Stats)
        note_error(o, "--reset applies to 'stats' only");
    return o;
}

void print_help(std::ostream& out) {
    out << "Usage: " << kProgram << " [SOURCE] [FORMAT] [OPTIONS] [API_NAME]\n"
        << "       " << kProgram << " monitor|stats|mode|filter|log [-j] [ARGUMENTS]\n"
        << "\n"
        << "Show kernel API specifications: machine-readable descriptions of system\n"
        << "calls and other kernel interfaces, as kapi.ko exports them, as a module's\n"
        << KAPI_IMAGE_SECTION << " ELF section carries them, or as annotated sources "
        << "write them.\n"
        << "Without API_NAME, list the APIs (name, kind, description); with it, show\n"
        << "that API in detail.\n"
        << "\n"
        << "Source (one of):\n"
        << "      --debugfs [DIR]  the loaded kapi.ko, reading DIR/image or DIR/kapi/image\n"
        << "                       (DIR: kapi's debugfs directory or the debugfs root;\n"
        << "                       the default source; DIR defaults to\n"
        << "                       " << kapi::kDefaultDebugfsDir << ")\n"
        << "      --elf FILE       the " << KAPI_IMAGE_SECTION
        << " section of FILE (kapi.ko, another module\n"
        << "                       or a kernel image; also .ko.xz/.gz/.zst; - for stdin)\n"
        << "      --vmlinux FILE   the same as --elf FILE\n"
        << "      --source PATH    annotated C sources: a file, or a directory scanned\n"
        << "                       recursively for .c and .h files\n"
        << "      --netlink        the loaded kapi.ko through generic netlink (no\n"
        << "                       debugfs needed)\n"
        << "\n"
        << "Format (one of):\n"
        << "      --plain          plain text (the default)\n"
        << "  -j, --json           JSON (Documentation/json.rst); errors too\n"
        << "      --rst            reStructuredText, a user-space API manual\n"
        << "      --syzlang        syzkaller descriptions of the system calls\n"
        << "      --c-header       a C header: compile-time checks of constant arguments\n"
        << "  -f, --format NAME    the format called NAME:\n";
    for (const kapi::RendererInfo& r : kapi::renderers()) {
        std::string name(r.name);
        name.resize(10, ' ');
        out << "                         " << name << r.summary << '\n';
    }
    out << "  -p, --pretty         indented JSON (implies --json)\n"
        << "      --wrap           plain text: wrap prose at 80 columns (the default\n"
        << "                       when stdout is a terminal)\n"
        << "      --no-wrap        plain text: one line per paragraph and entry (the\n"
        << "                       default into a pipe or file)\n"
        << "\n"
        << "Options:\n"
        << "      --all            every API in detail (JSON: {\"specs\": [...]})\n"
        << "      --output-dir DIR with --rst: write a manual of every API into DIR\n"
        << "                       (conf.py, index.rst, NAME.rst), for sphinx-build\n"
        << "      --stats          print what reading the source took to stderr\n"
        << "      --count N        monitor: stop after N violations\n"
        << "  -h, --help           show this help and exit\n"
        << "  -V, --version        show version information and exit\n"
        << "\n"
        << "Examples:\n"
        << "  " << kProgram
        << "                                list the APIs of the loaded kapi.ko\n"
        << "  " << kProgram << " sys_read                       show sys_read as text\n"
        << "  " << kProgram << " --json -p sys_read             ... as indented JSON\n"
        << "  " << kProgram << " --elf kapi.ko --rst sys_open   from the module file, as RST\n"
        << "  " << kProgram << " --source module/specs -j       a source tree's specs, as JSON\n"
        << "  " << kProgram << " --elf kapi.ko --syzlang        syzkaller descriptions\n"
        << "  " << kProgram << " --elf kapi.ko.xz read          sys_read of an installed module\n"
        << "  " << kProgram << " --elf kapi.ko --rst --output-dir m  a manual for Sphinx\n"
        << "\n"
        << "Runtime commands (through kapi.ko's netlink family " << KAPI_GENL_NAME << "):\n"
        << "  monitor              print each violation as it happens, until interrupted;\n"
        << "                       with -j one JSON object per line (needs root)\n"
        << "  stats [API_NAME]     the runtime counters, as runtime/stats shows them\n"
        << "  stats --reset        set every counter to zero (needs root)\n"
        << "  mode [off|audit|enforce]\n"
        << "                       show the mode, or set it (needs root)\n"
        << "  filter [clear | pid=N tgid=N uid=N comm=NAME]\n"
        << "                       show the filter, or set it (needs root)\n"
        << "  log [on|off]         show whether violations also go to the kernel log\n"
        << "                       (off by default), or switch it (needs root)\n"
        << "  " << kProgram << " monitor -j                     stream violations as JSON\n"
        << "  " << kProgram << " filter comm=myprog             check only myprog\n"
        << "\n"
        << "Exit status:\n"
        << "  " << kapi::to_int(ExitCode::Success) << "  success\n"
        << "  " << kapi::to_int(ExitCode::NotFound)
        << "  API_NAME not found (the available names go to stderr, except with JSON)\n"
        << "  " << kapi::to_int(ExitCode::Usage)
        << "  bad command line, or a source that cannot be read or decoded\n"
        << "  " << kapi::to_int(ExitCode::Failure) << "  any other failure\n"
        << "\n"
        << "Diagnostics go to stderr; with JSON, an error is also written to stdout as\n"
        << "{\"error\": \"...\"}. See kapi-dump(1) and Documentation/kapi-dump.rst.\n";
}

void print_version(std::ostream& out) {
    kapi::FormatVersion image = kapi::image_format_version();
    out << kProgram << ' ' << kapi::tool_version() << " (spec image format " << image.major << '.'
        << image.minor << ", netlink family " << kapi::genl_family_name() << " v"
        << kapi::genl_family_version() << ")\n";
}

// -j --version: {"version": {"tool": "0.1.0", "image_format": "2.0",
// "netlink_family": "kapi", "netlink_version": 1}}.
void print_version_json(std::ostream& out, bool pretty) {
    kapi::FormatVersion image = kapi::image_format_version();
    kapi::JsonWriter j(out, pretty);
    j.begin_object();
    j.begin_object("version");
    j.string("tool", kapi::tool_version());
    j.string("image_format", std::to_string(image.major) + "." + std::to_string(image.minor));
    j.string("netlink_family", kapi::genl_family_name());
    j.uinteger("netlink_version", kapi::genl_family_version());
    j.end_object();
    j.end_object();
    j.end();
}

std::unique_ptr<kapi::Source> make_source(const Options& o) {
    switch (o.source) {
    case SourceKind::Elf:
        return kapi::elf_source(o.source_arg);
    case SourceKind::Tree:
        return kapi::tree_source(o.source_arg);
    case SourceKind::Netlink:
        return kapi::netlink_source();
    case SourceKind::Debugfs:
        break;
    }
    return kapi::debugfs_source(o.source_arg);
}

// --stats: "source: 59952 files scanned, 13 parsed, 0 specs in 0.80 s
// (74940 files/s)", or for an image source "source: 5 specs in 0.00 s".
void print_stats(const kapi::SourceResult& r, std::chrono::steady_clock::duration took) {
    double seconds = std::chrono::duration<double>(took).count();
    char time[64];
    std::snprintf(time, sizeof(time), "%.2f s", seconds);
    std::cerr << kProgram << ": source: ";
    if (r.files_scanned > 0)
        std::cerr << r.files_scanned << " files scanned, " << r.files_parsed << " parsed, ";
    std::cerr << r.specs.specs.size() << " specs in " << time;
    if (r.files_scanned > 0 && seconds > 0)
        std::cerr << " ("
                  << static_cast<unsigned long>(static_cast<double>(r.files_scanned) / seconds)
                  << " files/s)";
    std::cerr << '\n';
}

// Prints annotation errors, then fails with a summary that names the first;
// with JSON, the error document lists them all.
[[noreturn]] void annotation_errors(const Options& o, const kapi::SourceResult& r,
                                    ErrorMode& mode) {
    for (const kapi::Diagnostic& d : r.diagnostics)
        std::cerr << d.str() << '\n';
    mode.details = r.diagnostics;
    std::size_t n = r.diagnostics.size();
    std::string message = n == 1
                              ? "an annotation error in '" + o.source_arg + "'"
                              : std::to_string(n) + " annotation errors in '" + o.source_arg + "'";
    throw kapi::Error(ExitCode::Usage, message + ", the first: " + r.diagnostics.front().str());
}

[[noreturn]] void not_found(const Options& o, const kapi::SpecSet& specs) {
    std::string hint;
    std::vector<std::string> near = kapi::cli::near_names(specs, o.api);
    if (!o.json()) {
        if (specs.specs.empty()) {
            hint = "No APIs are available from this source.";
        } else if (!near.empty()) {
            hint = "Did you mean:";
            for (const std::string& n : near)
                hint += "\n  " + n;
        } else {
            hint = "Available APIs:";
            for (const kapi::Spec& s : specs.specs)
                hint += "\n  " + s.name;
        }
    }
    throw kapi::Error(ExitCode::NotFound, "API '" + o.api + "' not found", hint);
}

// Writes the manual's files into DIR, made if missing; files of the same
// names are replaced.
void write_manual(const std::string& dir, const std::vector<kapi::ManualFile>& files) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec)
        throw kapi::Error(ExitCode::Failure, "cannot make '" + dir + "': " + ec.message());
    for (const kapi::ManualFile& f : files) {
        const std::string path = (std::filesystem::path(dir) / f.name).string();
        std::ofstream file(path, std::ios::binary | std::ios::trunc);
        file << f.text;
        file.close();
        if (!file)
            throw kapi::Error(ExitCode::Failure, "cannot write '" + path + "'");
    }
}

// SIGINT and SIGTERM end "monitor" cleanly.
volatile std::sig_atomic_t g_stop = 0;

extern "C" void on_stop_signal(int) {
    g_stop = 1;
}

// Writes TEXT to stdout at once (monitor streams); a failed write is fatal.
void emit(std::string_view text) {
    std::cout << text << std::flush;
    if (!std::cout)
        throw kapi::Error(ExitCode::Failure, "cannot write to standard output");
}

ExitCode monitor(const Options& o, kapi::netlink::Client& client) {
    struct sigaction sa {};
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
    long long events = 0;
    std::uint64_t lost = 0;
    client.monitor(
        [] { std::cerr << kProgram << ": waiting for violations; stop with Ctrl-C" << std::endl; },
        [&](const kapi::netlink::Client::Event& e) {
            std::ostringstream out;
            kapi::JsonWriter j(out, o.pretty);
            if (e.violation) {
                if (o.json())
                    kapi::netlink::write_json(j, nullptr, *e.violation);
                else
                    out << kapi::netlink::violation_text(*e.violation);
                events++;
            } else {
                lost += e.lost;
                if (o.json()) {
                    j.begin_object();
                    j.uinteger("lost", e.lost);
                    j.end_object();
                } else {
                    out << "# lost " << e.lost << " events\n";
                }
            }
            if (o.json())
                j.end();
            emit(out.str());
            return o.count < 0 || events < o.count;
        },
        [] { return g_stop != 0; });
    std::cerr << kProgram << ": " << events << " events, " << lost << " lost\n";
    return ExitCode::Success;
}

ExitCode run_command(const Options& o) {
    namespace nl = kapi::netlink;
    nl::Client client;
    std::ostringstream out;
    kapi::JsonWriter j(out, o.pretty);
    switch (o.command) {
    case Command::Monitor:
        return monitor(o, client);
    case Command::Stats: {
        if (o.reset) {
            client.reset_stats();
            return ExitCode::Success;
        }
        std::vector<nl::SpecStats> stats;
        if (o.args.empty())
            stats = client.stats();
        else
            stats.push_back(client.stats(o.args.front()));
        std::optional<nl::Status> status;
        if (o.args.empty())
            status = client.status();
        if (o.json()) {
            j.begin_object();
            j.begin_array("stats");
            for (const nl::SpecStats& s : stats)
                nl::write_json(j, nullptr, s);
            j.end_array();
            if (status)
                nl::write_json(j, "status", *status);
            j.end_object();
        } else {
            for (const nl::SpecStats& s : stats)
                out << nl::stats_text(s);
            if (status)
                out << nl::status_text(*status);
        }
        break;
    }
    case Command::Mode:
        if (!o.args.empty()) {
            client.set_mode(*nl::parse_mode(o.args.front()));
            return ExitCode::Success;
        }
        if (o.json()) {
            j.begin_object();
            j.string("mode", nl::mode_name(client.status().mode));
            j.end_object();
        } else {
            out << nl::mode_name(client.status().mode) << '\n';
        }
        break;
    case Command::Filter:
        if (!o.args.empty()) {
            client.set_filter(o.filter);
            return ExitCode::Success;
        }
        if (o.json()) {
            j.begin_object();
            nl::write_json(j, "filter", client.status().filter);
            j.end_object();
        } else {
            out << nl::filter_text(client.status().filter) << '\n';
        }
        break;
    case Command::Log:
        if (!o.args.empty()) {
            client.set_log(o.args.front() == "on");
            return ExitCode::Success;
        }
        if (o.json()) {
            j.begin_object();
            j.string("log", client.status().log ? "on" : "off");
            j.end_object();
        } else {
            out << (client.status().log ? "on" : "off") << '\n';
        }
        break;
    case Command::None:
        break;
    }
    if (o.json())
        j.end();
    std::cout << out.str();
    kapi::cli::flush_stdout();
    return ExitCode::Success;
}

ExitCode run(int argc, char* argv[], ErrorMode& mode) {
    Options o = parse_command_line(argc, argv);
    mode.json = o.json();
    mode.pretty = o.pretty;
    if (!o.error.empty())
        kapi::cli::usage_error(kProgram, o.error);
    if (o.help || o.version) {
        if (o.help)
            print_help(std::cout);
        else if (o.json())
            print_version_json(std::cout, o.pretty);
        else
            print_version(std::cout);
        mode.json = false;
        kapi::cli::flush_stdout();
        return ExitCode::Success;
    }
    if (o.command != Command::None)
        return run_command(o);

    auto start = std::chrono::steady_clock::now();
    kapi::SourceResult result = make_source(o)->read();
    if (o.stats)
        print_stats(result, std::chrono::steady_clock::now() - start);
    for (const kapi::Diagnostic& d : result.warnings)
        std::cerr << d.str() << '\n';
    if (!result.ok())
        annotation_errors(o, result, mode);

    const kapi::RendererInfo& format =
        o.format != nullptr ? *o.format : *kapi::find_renderer("plain");
    kapi::RenderOptions render_options;
    render_options.pretty = o.pretty;
    render_options.wrap = o.wrap.value_or(isatty(STDOUT_FILENO) == 1);
    std::unique_ptr<kapi::Renderer> renderer = format.make(render_options);
    std::ostringstream out;
    if (!o.output_dir.empty()) {
        write_manual(o.output_dir, kapi::rst_manual(result.specs));
        return ExitCode::Success;
    }
    if (o.all) {
        renderer->all(result.specs, out);
    } else if (o.api.empty()) {
        renderer->list(result.specs, out);
    } else {
        const kapi::Spec* spec = kapi::cli::find_spec(result.specs, o.api);
        if (spec == nullptr)
            not_found(o, result.specs);
        renderer->spec_in(*spec, result.specs, out);
    }
    std::cout << out.str();
    kapi::cli::flush_stdout();
    return ExitCode::Success;
}

// Reports E: on stderr always, and in JSON mode as {"error": ...} on
// stdout too.
void report(const kapi::Error& e, const ErrorMode& mode) {
    kapi::cli::report(kProgram, e.what(), e.hint());
    if (mode.json) {
        std::ostringstream doc;
        kapi::RenderOptions options;
        options.pretty = mode.pretty;
        kapi::make_json_renderer(options)->error(e.what(), mode.details, doc);
        std::cout << doc.str();
        std::cout.flush();
    }
}

} // namespace

int main(int argc, char* argv[]) {
    ErrorMode mode;
    try {
        return kapi::to_int(run(argc, argv, mode));
    } catch (const kapi::Error& e) {
        report(e, mode);
        return kapi::to_int(e.code());
    } catch (const std::bad_alloc&) {
        report(kapi::Error(ExitCode::Failure, "out of memory"), mode);
        return kapi::to_int(ExitCode::Failure);
    } catch (const std::exception& e) {
        report(kapi::Error(ExitCode::Failure, std::string("unexpected error: ") + e.what()), mode);
        return kapi::to_int(ExitCode::Failure);
    }
}
