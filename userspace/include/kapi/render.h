// SPDX-License-Identifier: GPL-2.0
//
// Renderers: turn specs from the model into text on a stream, one output
// format each (JSON, reStructuredText, plain text, syzkaller descriptions).
// A renderer knows the model only, never where the specs came from. They
// are chosen by name from one table (renderers()); adding a format is one
// new file under lib/render/ and one entry in that table.
#pragma once

#include <memory>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kapi/model.h"
#include "kapi/parser.h"

namespace kapi {

struct RenderOptions {
    bool pretty = false; // JSON: indented, two spaces per level
    // Plain text: prose wrapped to fit 80 columns. Off, every paragraph,
    // field and list entry is one line (kapi-dump turns it off when stdout
    // is not a terminal).
    bool wrap = true;
};

class Renderer {
public:
    virtual ~Renderer() = default;

    // Without an API name: the APIs of SPECS, in order (for most formats
    // name, kind and one-line description; syzlang describes every call).
    virtual void list(const SpecSet& specs, std::ostream& out) const = 0;

    // One API in detail.
    virtual void spec(const Spec& spec, std::ostream& out) const = 0;
    // One API in detail, with the structs of SET that its params point to
    // (the spec came from SET). Formats that show structs override it; the
    // default is spec().
    virtual void spec_in(const Spec& spec, const SpecSet& set, std::ostream& out) const {
        (void)set;
        this->spec(spec, out);
    }

    // Every API of SPECS in detail, in order (kapi-dump --all). The default
    // is list(), for formats whose list already describes every API in full
    // (syzlang); plain text and RST write each spec() in turn, JSON one
    // document {"specs": [{"api_details": ...}, ...]}.
    virtual void all(const SpecSet& specs, std::ostream& out) const { list(specs, out); }

    // Formats that carry errors in band write MESSAGE as their error
    // document and return true (JSON: {"error": "..."}, with "errors": [{"file",
    // "line", "message"}...] when DETAILS, annotation errors, are given);
    // others write nothing and return false.
    virtual bool error(std::string_view message, std::span<const Diagnostic> details,
                       std::ostream& out) const {
        (void)message;
        (void)details;
        (void)out;
        return false;
    }
    bool error(std::string_view message, std::ostream& out) const {
        return error(message, {}, out);
    }
};

struct RendererInfo {
    std::string_view name;    // "json", as -f/--format takes it
    std::string_view summary; // one line for --help
    std::unique_ptr<Renderer> (*make)(const RenderOptions& options);
};

// Every format, in the order --help lists them.
std::span<const RendererInfo> renderers();

// The format called NAME (case-insensitive), or nullptr.
const RendererInfo* find_renderer(std::string_view name);

// A user-space API manual of SPECS that sphinx-build builds as it is
// (kapi-dump --rst --all --output-dir DIR): conf.py, index.rst (the list
// and a table of contents) and one NAME.rst per spec, as file name and
// contents, in that order. File names are the spec names with any
// character but letters, digits, '_' and '-' replaced by '_', made unique.
struct ManualFile {
    std::string name;
    std::string text;
};
std::vector<ManualFile> rst_manual(const SpecSet& specs);

// The factories behind the table, one per file of lib/render/.
std::unique_ptr<Renderer> make_json_renderer(const RenderOptions& options);
std::unique_ptr<Renderer> make_plain_renderer(const RenderOptions& options);
std::unique_ptr<Renderer> make_rst_renderer(const RenderOptions& options);
std::unique_ptr<Renderer> make_syzlang_renderer(const RenderOptions& options);
std::unique_ptr<Renderer> make_cheader_renderer(const RenderOptions& options);

} // namespace kapi
