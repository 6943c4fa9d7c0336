// SPDX-License-Identifier: GPL-2.0
//
// The annotation parser: the only parser of kapi's specification language
// (kerneldoc comments with upstream's tags, placed before the declaration of
// the API they describe). Used by the build-time generator (kapi-gen) and by
// kapi-dump --source. Malformed annotations are reported as diagnostics with
// file:line; a file with any error yields no specs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kapi/model.h"

namespace kapi {

struct Diagnostic {
    std::string file;
    std::uint32_t line = 0;
    std::string message;

    // "file:line: message", the form compilers use.
    std::string str() const;
};

// How to provoke one documented error in a test guest: the "trigger:"
// sub-key of an "error:" block (Documentation/spec-language.rst,
// "Triggers"). A test-side annotation: it is not part of the Spec model and
// never reaches the spec image. Either "none -- REASON" (the error cannot be
// provoked in a VM) or a recipe of KEY=VALUE items, in order: KEY is a
// parameter of the API (VALUE a fixture name or a number as the language
// reads it), "setup" (VALUE a setup fixture) or "check" (VALUE a side
// effect to verify). Fixture names are lowercase identifiers; the
// conformance generator (kapi-gen --conformance) checks them.
struct TriggerItem {
    std::string key;
    std::string value;

    friend bool operator==(const TriggerItem&, const TriggerItem&) = default;
};

// Whether S is a fixture name: a lowercase identifier ([a-z][a-z0-9_]*).
bool is_fixture_name(std::string_view s);

struct ErrorTrigger {
    std::string api;   // the spec's name, "sys_read"
    std::string error; // the error's name, "EBADF"
    std::string file;
    std::uint32_t line = 0; // the line of "trigger:"
    bool none = false;
    std::string reason; // with none: why the error cannot be provoked
    std::vector<TriggerItem> items;
};

// A parameter's "struct: NAME", where it was written. Structs may be
// described in another file than the specs that use them, so a file's
// references are resolved once all files are read: link_structs().
struct StructRef {
    std::string name; // the struct
    std::string spec;
    std::string param;
    std::string file;
    std::uint32_t line = 0;

    friend bool operator==(const StructRef&, const StructRef&) = default;
};

struct ParseResult {
    SpecSet specs;
    std::vector<Diagnostic> errors;
    // Kerneldoc comments that look meant as specs but are not, and so are
    // ignored; messages start with "warning: ". They do not make ok() false.
    std::vector<Diagnostic> warnings;
    // C preprocessor #include lines of the file, in order, verbatim; the
    // generator repeats them so that expressions resolve.
    std::vector<std::string> includes;
    // The triggers of the specs' errors, in file order; empty when the file
    // has errors, like specs.
    std::vector<ErrorTrigger> triggers;
    // Every "struct:" reference of the specs, in file order (specs.structs
    // holds the structs this file describes).
    std::vector<StructRef> struct_refs;

    bool ok() const { return errors.empty(); }
};

// Checks that every reference names a struct of SET: a diagnostic with the
// reference's file:line for each one that does not. Empty when all resolve.
std::vector<Diagnostic> link_structs(const SpecSet& set, const std::vector<StructRef>& refs);

// Parses the annotated C text of one file. file is the name used in
// diagnostics and in each spec's source location. A comment block is a spec
// when it is a kerneldoc block ("/**") whose first line names an API
// ("sys_read - ...") and that carries at least one spec tag; other kerneldoc
// blocks are ignored.
ParseResult parse_annotations(std::string_view text, const std::string& file);

// A struct comment is a kerneldoc block whose first line is "struct: NAME"
// (Documentation/spec-language.rst, "Structs"); it goes to specs.structs.
// A "struct:" reference to a struct of another file is not an error here:
// link_structs() checks the references of all files together.

// Reads and parses one file; an unreadable file is one diagnostic.
ParseResult parse_file(const std::string& path);

// Reads a number as the language writes it (see Num): a plain integer
// literal (value only), an expression of literals and | & ^ + - * / % << >>
// ~ ( ) (evaluated; the text is kept), or an expression naming symbols such
// as INT_MAX (text only; the compiler evaluates it). Returns std::nullopt,
// and sets *error if error is not null, when the text is not a number.
std::optional<Num> parse_number(std::string_view text, std::string* error = nullptr);

} // namespace kapi
