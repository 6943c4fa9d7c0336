// SPDX-License-Identifier: GPL-2.0
//
// Spec sources: the places kapi-dump reads specifications from, each
// decoding into the model of kapi/model.h. debugfs and ELF files carry spec
// images (decoded by kapi/image.h), and generic netlink one image per spec
// (kapi/netlink.h); a source tree carries annotations (read by the one
// parser, kapi/parser.h). A source that cannot be read at all (a missing
// path, a file that is not ELF, a corrupted image) throws
// kapi::Error(ExitCode::Usage) with one precise message; annotation errors
// in a source tree are returned as diagnostics, all of them, for the caller
// to print.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kapi/model.h"
#include "kapi/parser.h"

namespace kapi {

// Where kapi.ko's debugfs files are when debugfs is mounted normally.
inline constexpr std::string_view kDefaultDebugfsDir = "/sys/kernel/debug/kapi";

struct SourceResult {
    SpecSet specs;
    // Annotation errors (source trees only), as file:line: message, in file
    // order. When there are any, specs must not be used.
    std::vector<Diagnostic> diagnostics;
    // Kerneldoc comments that look meant as specs but are not (source trees
    // only), as file:line: warning: message; they do not make ok() false.
    std::vector<Diagnostic> warnings;
    std::size_t files_scanned = 0; // source trees: .c/.h files read
    std::size_t files_parsed = 0;  // ... of which the parser had to read

    bool ok() const { return diagnostics.empty(); }
};

class Source {
public:
    virtual ~Source() = default;
    // Reads every spec the source holds, in its order: registration order
    // for debugfs, section order for ELF, path order for a source tree.
    virtual SourceResult read() const = 0;
};

// The loaded kapi.ko through debugfs: decodes DIR/image, every registered
// spec image back to back; DIR may also be the debugfs root (DIR/kapi/image
// is read when DIR/image does not exist).
std::unique_ptr<Source> debugfs_source(std::string dir);

// The .kapi_specs section of an ELF file (kapi.ko, another module, a
// vmlinux), read with libelf; the section may hold several images.
std::unique_ptr<Source> elf_source(std::string path);

struct TreeOptions {
    unsigned int threads = 0; // 0: four per CPU (reads wait for the disk), 4 to 16
};

// Annotated sources: PATH is one file (parsed whatever its name), or a
// directory whose .c and .h files are scanned recursively (symbolic links to
// directories are not followed). Files that cannot hold a spec are skipped
// by a cheap scan before the parser reads them (may_contain_specs()). Spec
// file names are PATH joined with the file's path below it, normalized
// ("module/specs/fs.c"). A spec name defined twice is a diagnostic.
std::unique_ptr<Source> tree_source(std::string path, TreeOptions options = {});

// The loaded kapi.ko through its generic netlink family (kapi/netlink.h):
// every registered spec, in registration order, as debugfs gives them.
// read() throws kapi::Error(ExitCode::Usage) when kapi.ko is not loaded.
std::unique_ptr<Source> netlink_source();

// The .kapi_specs section of the ELF file in DATA (NAME is used in
// messages), exactly as elf_source() reads it from a file; for tests and
// fuzzing. Throws kapi::Error(ExitCode::Usage) like elf_source().
std::vector<std::uint8_t> elf_section(std::span<const std::uint8_t> data, const std::string& name,
                                      std::string_view section);

// False only when TEXT certainly holds no spec for the parser: no "/**"
// comment, or no line with a context-flags tag (or a tag only specs use) in
// any of the spellings the parser accepts. parse_annotations() of such a
// text finds no spec and reports no error, so a scanner may skip it unread
// by the parser.
bool may_contain_specs(std::string_view text);

} // namespace kapi
