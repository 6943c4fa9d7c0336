// SPDX-License-Identifier: GPL-2.0
//
// The syzlang renderer: syzkaller system call descriptions
// (docs/syscall_descriptions_syntax.md in syzkaller) from the specs, for
// fuzzer authors. Documentation/kapi-dump.rst ("syzlang") describes the
// output and how to check it with syzkaller's compiler.
//
// One output is meant to compile both on its own (it declares every
// resource, flag set, struct and constant definition it uses) and dropped
// into syzkaller's sys/linux/ next to syzkaller's own descriptions. So every
// name it declares is kapi_-prefixed or a kapi variant of a call (read$kapi,
// ioctl$kapi_sample_ioc_set, openat$kapi_dev_kapi_sample), and it refers to
// nothing of syzkaller's but the builtin types.
//
// The mapping, parameter by parameter:
//  - descriptors: the resource kapi_fd (int32, special value -1); a
//    descriptor that may be AT_FDCWD and must be a directory
//    (KAPI_FD_DIR | KAPI_FD_AT_FDCWD) kapi_fd_dir[opt]; one that may be
//    negative (KAPI_FD_NEGATIVE_OK) kapi_fd[opt]; the descriptor of an ioctl
//    whose fd parameter names a device node (/dev/NAME) the resource
//    kapi_dev_NAME, made by an openat$kapi_dev_NAME of that node. Calls that
//    return a descriptor make kapi_fd; when none of the described calls
//    does, an openat$kapi_fd does, and openat$kapi_dir makes kapi_fd_dir.
//  - paths ptr[in, filename], strings ptr[in, string], buffers
//    buffer[dir] (ptr[dir, array[int8], opt] when optional), a buffer of
//    records of a fixed size ptr[dir, array[array[int8, N]]];
//  - other user pointers: the pointed-to C type when the spec's ctype names
//    one (ptr[in, int32]; a struct S the opaque struct kapi_S of the spec's
//    size), else bytes;
//  - a pointer to a described struct ("struct:" of the spec language) the
//    struct kapi_NAME of its fields (flags, ranges and widths as for
//    params), an array of them ptr[dir, array[kapi_NAME, 0:MAX]] with
//    len[] for the count param, a size param of one struct bytesize[];
//  - a parameter that gives another's size len[that one];
//  - the open flags constraint (KAPI_CONSTRAINT_OPEN_FLAGS) the flag set
//    kapi_open_flags of the bits the checker accepts, a umode_t kapi_open_mode
//    (S_IALLUGO's bits); masks and enumerations the flag set
//    kapi_CALL_PARAM; ranges intN[MIN:MAX], N wide enough for both ends;
//    other integers intN by their C type.
// Constant names are kept as names (syzkaller resolves them per
// architecture from the kernel headers the include lines name); an ioctl
// command whose value is known (from an image) gets a define of its
// _IOC() form, so that no module header is needed.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "common.h"
#include "kapi/names.h"
#include "kapi/render.h"
#include "util.h"

namespace kapi {

namespace {

using render::num_given;

// syzkaller's builtin limit on the arguments of a call.
constexpr std::size_t kMaxArgs = 9;

struct NamedList {
    std::string name;
    std::vector<std::string> values;
};

// Everything one rendering declares, each kind in the order first used.
struct Output {
    std::set<std::string> includes;
    std::vector<std::string> resources;
    std::vector<std::string> defines;
    std::vector<std::string> calls;
    std::vector<std::string> openers; // calls that make resources
    std::vector<NamedList> flags;
    std::vector<std::string> structs;
    std::set<std::string> declared;        // names of the above
    bool fd_returned = false;              // a described call makes kapi_fd
    std::vector<std::size_t> fd_returners; // those calls (indices of calls)
    bool devices = false;                  // a kapi_dev_ resource is declared
    bool fd_used = false;
    bool fd_input = false; // a described call takes kapi_fd
    bool dir_used = false;
    const SpecSet* set = nullptr; // the structs params point to

    bool declare(const std::string& name) { return declared.insert(name).second; }
};

// A name syzkaller accepts: letters, digits and '_', not starting with a
// digit.
std::string identifier(std::string_view s) {
    std::string out;
    for (char c : s)
        out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    if (out.empty() || std::isdigit(static_cast<unsigned char>(out[0])))
        out.insert(0, "_");
    return out;
}

// NAME with the kapi_ prefix that keeps it apart from syzkaller's names.
std::string kapi_name(std::string_view name) {
    std::string id = identifier(name);
    return id.starts_with("kapi_") ? id : "kapi_" + id;
}

// The names of a call's arguments: identifiers, unique, and never one that
// syzkaller reserves for length paths ("parent", "syscall").
std::vector<std::string> arg_names(const Spec& s) {
    std::vector<std::string> names;
    for (const Param& p : s.params) {
        std::string id = identifier(p.name);
        if (id == "parent" || id == "syscall")
            id += "_";
        while (std::find(names.begin(), names.end(), id) != names.end())
            id += "_";
        names.push_back(id);
    }
    return names;
}

// A number as syzkaller can read it: the expression when it is a single name
// (syzkaller resolves names against the kernel headers), else the value;
// std::nullopt when only a C compiler could tell (an expression such as
// sizeof(long) read from sources).
std::optional<std::string> constant(const Num& n) {
    if (is_identifier(n.expr))
        return n.expr;
    if (n.value)
        return std::to_string(*n.value);
    return std::nullopt;
}

// The width in bits of a C integer type name: 64 for long long and the
// 64-bit types, 0 (the pointer-sized intptr) for long and the size types,
// 16 and 8 for the small ones, else 32.
unsigned int int_bits(const std::string& c_type) {
    auto has = [&](std::string_view w) { return c_type.find(w) != std::string::npos; };
    if (has("long long") || has("64"))
        return 64;
    if (has("long") || has("size_t") || has("off_t") || has("uintptr"))
        return 0;
    if (has("short") || has("16"))
        return 16;
    if ((has("char") || has("8")) && !has("*"))
        return 8;
    return 32;
}

std::string int_type(unsigned int bits) {
    return bits == 0 ? "intptr" : "int" + std::to_string(bits);
}

// Whether [MIN, MAX] fits an integer of BITS bits, read as signed or as
// unsigned (syzkaller's rule for intN[MIN:MAX]).
bool range_fits(std::int64_t min, std::int64_t max, unsigned int bits) {
    if (bits >= 64)
        return true;
    std::int64_t umax = (std::int64_t{1} << bits) - 1;
    std::int64_t smin = -(std::int64_t{1} << (bits - 1));
    std::int64_t smax = (std::int64_t{1} << (bits - 1)) - 1;
    return (min >= 0 && max <= umax) || (min >= smin && max <= smax);
}

// Whether NAME looks like a constant that the UAPI headers do not give as
// the kernel has it, by the kernel's naming: a __ prefix
// (__FMODE_NONOTIFY), the unions of valid or supported bits
// (VALID_OPEN_FLAGS, VALID_RESOLVE_FLAGS; RWF_SUPPORTED is UAPI but grows
// with each kernel) and the user/group/other unions of linux/stat.h
// (S_IALLUGO, S_IRWXUGO).
bool kernel_internal(const std::string& name) {
    return name.starts_with("__") || name.starts_with("VALID_") ||
           name.ends_with("_SUPPORTED") || (name.starts_with("S_I") && name.ends_with("UGO"));
}

// The elements of a mask: the names ORed in its expression, else its bits.
std::vector<std::string> mask_values(const Num& mask) {
    std::vector<std::string> names;
    bool simple = !mask.expr.empty();
    std::size_t start = 0;
    while (simple && start <= mask.expr.size()) {
        std::size_t bar = mask.expr.find('|', start);
        std::string_view word = std::string_view(mask.expr).substr(
            start, bar == std::string::npos ? std::string::npos : bar - start);
        while (!word.empty() && word.front() == ' ')
            word.remove_prefix(1);
        while (!word.empty() && word.back() == ' ')
            word.remove_suffix(1);
        simple = is_identifier(word);
        names.emplace_back(word);
        if (bar == std::string::npos)
            break;
        start = bar + 1;
    }
    // A mask that names such a constant is its bits when its value is
    // known (an image's: what that kernel accepts); --source output keeps
    // the names.
    if (simple && (!mask.value || std::none_of(names.begin(), names.end(), kernel_internal)))
        return names;
    std::vector<std::string> bits;
    std::uint64_t v = static_cast<std::uint64_t>(mask.value.value_or(0));
    for (unsigned int bit = 0; bit < 64; bit++)
        if (v & (std::uint64_t{1} << bit))
            bits.push_back(hex(std::uint64_t{1} << bit));
    return bits;
}

// Includes the UAPI header that defines each of the names a flag set uses
// (syz-extract resolves names against the headers a file includes): the
// SEEK_* whence values (lseek) and RWF_* flags in fs.h, CLOSE_RANGE_* in
// close_range.h, RESOLVE_* in openat2.h.
void add_includes(Output& out, const std::vector<std::string>& values) {
    static const std::pair<std::string_view, std::string_view> headers[] = {
            {"SEEK_", "uapi/linux/fs.h"},
            {"RWF_", "uapi/linux/fs.h"},
            {"CLOSE_RANGE_", "uapi/linux/close_range.h"},
            {"RESOLVE_", "uapi/linux/openat2.h"},
    };
    for (const std::string& v : values)
        for (const auto& [prefix, header] : headers)
            if (v.starts_with(prefix))
                out.includes.insert(std::string(header));
}

std::string direction(std::uint32_t flags) {
    bool in = flags & KAPI_PARAM_IN;
    bool out = flags & KAPI_PARAM_OUT;
    return in && out ? "inout" : out ? "out" : "in";
}

void add_flags(Output& out, const std::string& name, std::vector<std::string> values) {
    if (out.declare(name))
        out.flags.push_back({name, std::move(values)});
}

// The bits the open flags checker (KAPI_CONSTRAINT_OPEN_FLAGS) accepts one
// by one: the kernel's VALID_OPEN_FLAGS; it refuses only combinations.
std::string open_flags(Output& out) {
    out.includes.insert("uapi/linux/fcntl.h");
    add_flags(out, "kapi_open_flags",
              {"O_RDONLY",  "O_WRONLY",  "O_RDWR",      "O_CREAT",     "O_EXCL",
               "O_NOCTTY",  "O_TRUNC",   "O_APPEND",    "O_NONBLOCK",  "O_DSYNC",
               "FASYNC",    "O_DIRECT",  "O_LARGEFILE", "O_DIRECTORY", "O_NOFOLLOW",
               "O_NOATIME", "O_CLOEXEC", "O_PATH",      "O_SYNC",      "__O_TMPFILE"});
    return "flags[kapi_open_flags]";
}

// A file mode (umode_t): the bits of S_IALLUGO, the ones the kernel keeps.
std::string open_mode(Output& out) {
    out.includes.insert("uapi/linux/stat.h");
    add_flags(out, "kapi_open_mode",
              {"S_IRUSR", "S_IWUSR", "S_IXUSR", "S_IRGRP", "S_IWGRP", "S_IXGRP", "S_IROTH",
               "S_IWOTH", "S_IXOTH", "S_ISUID", "S_ISGID", "S_ISVTX"});
    return "flags[kapi_open_mode]";
}

// The KAPI_FD_* bits of an fd-access mask: its value, else (read from
// sources) the bits its expression names.
std::uint32_t fd_access(const Num& mask) {
    if (mask.value)
        return static_cast<std::uint32_t>(*mask.value);
    static const std::pair<std::string_view, std::uint32_t> names[] = {
        {"KAPI_FD_DIR", KAPI_FD_DIR},
        {"KAPI_FD_AT_FDCWD", KAPI_FD_AT_FDCWD},
        {"KAPI_FD_NEGATIVE_OK", KAPI_FD_NEGATIVE_OK},
    };
    std::uint32_t bits = 0;
    for (const std::string& word : mask_values(mask))
        for (const auto& [name, bit] : names)
            if (word == name)
                bits |= bit;
    return bits;
}

std::string fd_resource(Output& out) {
    out.fd_used = true;
    return "kapi_fd";
}

// The device node an ioctl's descriptor belongs to: the first /dev/ path
// in its fd parameter's description, "" if none.
std::string device_node(const Spec& s) {
    for (const Param& p : s.params) {
        if (p.type != KAPI_TYPE_FD)
            continue;
        std::size_t at = p.description.find("/dev/");
        if (at == std::string::npos)
            continue;
        std::size_t end = at + 5;
        while (end < p.description.size() &&
               (is_ident_char(p.description[end]) || p.description[end] == '/' ||
                p.description[end] == '-' || p.description[end] == '.'))
            end++;
        while (end > at + 5 && (p.description[end - 1] == '.' || p.description[end - 1] == '/'))
            end--;
        if (end > at + 5)
            return p.description.substr(at, end - at);
    }
    return "";
}

// The resource of the descriptors of device NODE and the openat variant
// that makes them.
std::string device_resource(const std::string& node, Output& out) {
    std::string name = "kapi_dev_" + identifier(node.substr(5));
    if (out.declare(name)) {
        fd_resource(out);
        out.devices = true;
        out.resources.push_back("resource " + name + "[kapi_fd]");
        out.includes.insert("uapi/linux/fcntl.h");
        std::string flags = open_flags(out);
        out.openers.push_back("# Opens " + node + " for its ioctls.\nopenat$" + name +
                              "(fd const[AT_FDCWD], file ptr[in, string[\"" + node +
                              "\"]], flags " + flags + ", mode const[0]) " + name);
    }
    return name;
}

// The C type a pointer type name points to, without qualifiers: "int" for
// "const int __user *"; "" unless TYPE is a single pointer.
std::string pointee(const std::string& type) {
    if (std::count(type.begin(), type.end(), '*') != 1 || type.back() != '*')
        return "";
    std::string out;
    std::size_t i = 0;
    std::string t = type.substr(0, type.size() - 1);
    while (i < t.size()) {
        while (i < t.size() && t[i] == ' ')
            i++;
        std::size_t j = i;
        while (j < t.size() && t[j] != ' ')
            j++;
        std::string word = t.substr(i, j - i);
        if (!word.empty() && word != "const" && word != "volatile" && word != "__user")
            out += (out.empty() ? "" : " ") + word;
        i = j;
    }
    return out;
}

// The byte width of the integer C type C_TYPE, 0 when not fixed.
unsigned int int_bytes(const std::string& c_type) {
    return int_bits(c_type) / 8;
}

bool is_int_type(const std::string& c_type) {
    static const std::set<std::string> names = {"int",       "unsigned int",
                                                "unsigned",  "signed int",
                                                "short",     "unsigned short",
                                                "long long", "unsigned long long",
                                                "__u8",      "__u16",
                                                "__u32",     "__u64",
                                                "__s8",      "__s16",
                                                "__s32",     "__s64",
                                                "u8",        "u16",
                                                "u32",       "u64",
                                                "s8",        "s16",
                                                "s32",       "s64",
                                                "int8_t",    "int16_t",
                                                "int32_t",   "int64_t",
                                                "uint8_t",   "uint16_t",
                                                "uint32_t",  "uint64_t",
                                                "__le32",    "__le64",
                                                "__le16"};
    return names.count(c_type) != 0;
}

// The syzlang type of the memory a user pointer parameter P points to.
std::string pointee_type(const Param& p, Output& out) {
    std::string target = pointee(p.type_name);
    std::optional<std::string> size = num_given(p.size) ? constant(p.size) : std::nullopt;
    if (is_int_type(target)) {
        unsigned int bytes = int_bytes(target);
        if (!p.size.value || *p.size.value == bytes)
            return int_type(bytes * 8);
    }
    if (target.starts_with("struct ") && is_identifier(target.substr(7))) {
        std::string name = kapi_name(target.substr(7));
        // A size of 0 is "not given" (syzkaller refuses arrays of size 0):
        // the bytes are then a variable-length array.
        std::optional<std::int64_t> bytes;
        if (p.size.value && *p.size.value > 0)
            bytes = p.size.value;
        if (out.declare(name))
            out.structs.push_back("# " + target + ": its layout is not in the spec; " +
                                  (bytes                ? std::to_string(*bytes) + " bytes"
                                   : !p.size.expr.empty() ? "an image gives its size"
                                                          : "its size is not given") +
                                  ".\n" + name + " {\n\tbytes\tarray[int8" +
                                  (bytes ? ", " + std::to_string(*bytes) : "") + "]\n}");
        return name;
    }
    return size ? "array[int8, " + *size + "]" : "array[int8]";
}

// The syzlang type of a field of struct ST (an integer field's width is
// its size when known, else its C type's).
std::string field_type(const StructSpec& st, const StructField& f, Output& out) {
    if (f.type == KAPI_TYPE_USER_PTR || f.type == KAPI_TYPE_PTR || (f.flags & KAPI_PARAM_USER))
        return "ptr[" + direction(f.flags) + ", array[int8]]";
    unsigned int bits = f.size.value && (*f.size.value == 1 || *f.size.value == 2 ||
                                         *f.size.value == 4 || *f.size.value == 8)
                            ? static_cast<unsigned int>(*f.size.value * 8)
                            : int_bits(f.type_name);
    std::string base = bits == 0 ? "intptr" : int_type(bits);
    if (f.constraint == KAPI_CONSTRAINT_MASK || f.constraint == KAPI_CONSTRAINT_ENUM) {
        std::string name = kapi_name(st.name + "_" + f.name);
        std::vector<std::string> values;
        if (f.constraint == KAPI_CONSTRAINT_MASK)
            values = mask_values(f.mask);
        else
            for (const Num& v : f.values)
                if (std::optional<std::string> c = constant(v))
                    values.push_back(*c);
        add_includes(out, values);
        if (!values.empty()) {
            add_flags(out, name, values);
            return "flags[" + name + ", " + base + "]";
        }
    }
    if (f.constraint == KAPI_CONSTRAINT_RANGE && f.min.value && f.max.value &&
        *f.min.value <= *f.max.value) {
        std::int64_t min = *f.min.value, max = *f.max.value;
        unsigned int width = bits == 0 ? 64 : bits;
        while (width < 64 && !range_fits(min, max, width))
            width *= 2;
        return int_type(width) + "[" + std::to_string(min) + ":" + std::to_string(max) + "]";
    }
    return base;
}

// The syzlang struct kapi_NAME of struct NAME of the spec set, declared
// once; its name. Fields in order, the struct's size an attribute when
// known.
std::string struct_type(const StructSpec& st, Output& out) {
    std::string name = kapi_name(st.name);
    if (!out.declare(name))
        return name;
    std::string text = "# struct " + st.name + (st.description.empty() ? "" : ": ") +
                       std::string(st.description.substr(0, st.description.find('\n'))) +
                       "\n" + name + " {\n";
    for (const StructField& f : st.fields)
        text += "\t" + identifier(f.name) + "\t" + field_type(st, f, out) + "\n";
    text += "}";
    if (st.size.value)
        text += " [size[" + std::to_string(*st.size.value) + "]]";
    out.structs.push_back(std::move(text));
    return name;
}

// The described struct a parameter points to, if the set has it.
const StructSpec* param_struct(const Param& p, const Output& out) {
    if (p.struct_name.empty() || out.set == nullptr)
        return nullptr;
    return out.set->find_struct(p.struct_name);
}

// Arguments that syzkaller's own sys/linux declares with another size than
// their C type: the variants of one call must agree on every argument's
// size, so a $kapi variant takes syzkaller's (the p*v calls split the
// position into two int32 halves, whatever the ABI passes).
std::optional<std::string> syzkaller_arg(const Spec& s, const Param& p) {
    static const std::set<std::string_view> split = {"sys_preadv", "sys_pwritev",
                                                      "sys_preadv2", "sys_pwritev2"};
    if (split.count(s.name) && (p.name == "pos_l" || p.name == "pos_h"))
        return "int32";
    return std::nullopt;
}

// The syzlang type of parameter INDEX of SPEC (a call named CALL).
std::string param_type(const Spec& s, std::size_t index, const std::string& call,
                       const std::vector<std::string>& names, Output& out) {
    const Param& p = s.params[index];
    bool optional = p.flags & KAPI_PARAM_OPTIONAL;
    std::string opt = optional ? ", opt" : "";
    if (std::optional<std::string> t = syzkaller_arg(s, p))
        return *t;
    if (p.type == KAPI_TYPE_FD) {
        std::uint32_t access = p.constraint == KAPI_CONSTRAINT_FD ? fd_access(p.mask) : 0;
        if ((access & KAPI_FD_DIR) && (access & KAPI_FD_AT_FDCWD)) {
            out.dir_used = true;
            fd_resource(out);
            return "kapi_fd_dir[opt]";
        }
        out.fd_input = true;
        return fd_resource(out) + ((access & KAPI_FD_NEGATIVE_OK) || optional ? "[opt]" : "");
    }
    if (p.type == KAPI_TYPE_PATH || p.constraint == KAPI_CONSTRAINT_USER_PATH)
        return "ptr[in, filename" + opt + "]";
    bool pointer =
        p.type == KAPI_TYPE_USER_PTR || p.type == KAPI_TYPE_PTR || p.type == KAPI_TYPE_ARRAY ||
        (p.flags & KAPI_PARAM_USER) || p.constraint == KAPI_CONSTRAINT_BUFFER ||
        p.constraint == KAPI_CONSTRAINT_USER_PTR || p.constraint == KAPI_CONSTRAINT_USER_STRING;
    if (const StructSpec* st = param_struct(p, out)) {
        // An array of COUNT structs, or one struct.
        std::string type = struct_type(*st, out);
        if (p.count_param >= 0) {
            std::string bound;
            if (p.max_count.value && *p.max_count.value > 0)
                bound = ", 0:" + std::to_string(*p.max_count.value);
            type = "array[" + type + bound + "]";
        }
        return "ptr[" + direction(p.flags) + ", " + type + opt + "]";
    }
    if (pointer && p.type != KAPI_TYPE_INT && p.type != KAPI_TYPE_UINT) {
        std::string dir = direction(p.flags);
        if (p.constraint == KAPI_CONSTRAINT_USER_STRING)
            return "ptr[in, string" + opt + "]";
        if (p.constraint == KAPI_CONSTRAINT_BUFFER) {
            std::optional<std::string> mult = constant(p.size_mult);
            if (num_given(p.size_mult) && p.size_mult.value != 1 && mult)
                return "ptr[" + dir + ", array[array[int8, " + *mult + "]]" + opt + "]";
            // buffer[] takes no opt.
            return optional ? "ptr[" + dir + ", array[int8], opt]" : "buffer[" + dir + "]";
        }
        return "ptr[" + dir + ", " + pointee_type(p, out) + opt + "]";
    }
    unsigned int bits = int_bits(p.type_name);
    // The element count of an array of structs, the byte size of a struct.
    for (std::size_t i = 0; i < s.params.size(); i++) {
        const Param& q = s.params[i];
        if (i == index || !param_struct(q, out))
            continue;
        if (q.count_param == static_cast<std::int32_t>(index))
            return "len[" + names[i] + "]";
        if (q.count_param < 0 && q.size_param == static_cast<std::int32_t>(index))
            return "bytesize[" + names[i] + "]";
    }
    if (const Param* buf = render::sized_by(s, index)) {
        for (std::size_t i = 0; i < s.params.size(); i++)
            if (&s.params[i] == buf)
                return "len[" + names[i] + "]";
    }
    if (p.constraint == KAPI_CONSTRAINT_OPEN_FLAGS)
        return open_flags(out);
    if (p.constraint == KAPI_CONSTRAINT_MASK || p.constraint == KAPI_CONSTRAINT_ENUM) {
        std::string name = kapi_name(call + "_" + names[index]);
        std::vector<std::string> values;
        if (p.constraint == KAPI_CONSTRAINT_MASK)
            values = mask_values(p.mask);
        else
            for (const Num& v : p.values)
                if (std::optional<std::string> c = constant(v))
                    values.push_back(*c);
        // syz-extract resolves the names against the headers included.
        add_includes(out, values);
        if (!values.empty()) {
            add_flags(out, name, values);
            return "flags[" + name + "]";
        }
    }
    if (p.constraint == KAPI_CONSTRAINT_NONE && p.type_name.find("umode_t") != std::string::npos)
        return open_mode(out);
    // Ranges are numbers in syzlang, within the width of their type.
    if (p.constraint == KAPI_CONSTRAINT_RANGE && p.min.value && p.max.value &&
        *p.min.value <= *p.max.value) {
        std::int64_t min = *p.min.value, max = *p.max.value;
        // A system call argument is at most pointer-sized on every target
        // (syzkaller refuses a wider one, e.g. on 386): intptr with a range
        // that fits 32 bits (the narrowest pointer), else intptr without
        // one (pread64's loff_t pos, like syzkaller's own fileoff); intN: the
        // narrowest width from N up to 32 that holds both ends.
        if (bits == 0 || bits == 64 || !range_fits(min, max, 32))
            return range_fits(min, max, 32)
                       ? "intptr[" + std::to_string(min) + ":" + std::to_string(max) + "]"
                       : "intptr";
        unsigned int width = bits;
        while (!range_fits(min, max, width))
            width *= 2;
        return int_type(width) + "[" + std::to_string(min) + ":" + std::to_string(max) + "]";
    }
    // A 64-bit argument is an intptr too (see above).
    return int_type(bits == 64 ? 0 : bits);
}

bool returns_fd(const Spec& s) {
    return s.ret.type == KAPI_TYPE_FD || s.ret.check == KAPI_RETURN_FD;
}

// The _IOC() form of an ioctl command number as x86 encodes it (the
// generic encoding: 2 direction bits, 14 size bits), which syzkaller's
// constant extraction evaluates for each architecture.
std::string ioc_form(std::uint64_t cmd) {
    unsigned int dir = (cmd >> 30) & 3;
    std::string d = dir == 0   ? "_IOC_NONE"
                    : dir == 1 ? "_IOC_WRITE"
                    : dir == 2 ? "_IOC_READ"
                               : "_IOC_READ | _IOC_WRITE";
    return "_IOC(" + d + ", " + hex((cmd >> 8) & 0xff) + ", " + std::to_string(cmd & 0xff) + ", " +
           std::to_string((cmd >> 16) & 0x3fff) + ")";
}

// The summary comment of a spec: "# NAME: SUMMARY", one line.
std::string comment(const Spec& s) {
    std::string line = "# " + s.name;
    if (!s.summary.empty())
        line += ": " + s.summary;
    for (char& c : line)
        if (c == '\n' || static_cast<unsigned char>(c) < 0x20)
            c = ' ';
    return line + "\n";
}

void describe_ioctl(const Spec& s, Output& out) {
    std::string line = comment(s);
    std::string cmd;
    if (s.ioctl_cmd.value) {
        // A define of the number's _IOC() form: arch-neutral, needs no
        // module header, and named in kapi's own name space so that it
        // never meets a kernel header's macro or syzkaller's constant.
        cmd = !is_identifier(s.ioctl_cmd.expr)        ? "KAPI_IOC_" + identifier(s.name)
              : s.ioctl_cmd.expr.starts_with("KAPI_") ? s.ioctl_cmd.expr
                                                      : "KAPI_" + s.ioctl_cmd.expr;
        if (cmd != s.ioctl_cmd.expr && !s.ioctl_cmd.expr.empty())
            line += "# " + cmd + " is " + s.ioctl_cmd.expr + "\n";
        if (out.declare(cmd)) {
            out.includes.insert("uapi/asm/ioctl.h");
            out.defines.push_back("define " + cmd + "\t" +
                                  ioc_form(static_cast<std::uint64_t>(*s.ioctl_cmd.value)));
        }
    } else if (is_identifier(s.ioctl_cmd.expr)) {
        cmd = s.ioctl_cmd.expr;
        line += "# " + cmd + " comes from the headers the spec includes.\n";
    } else {
        out.calls.push_back(line + "# no command number syzkaller can read: skipped");
        return;
    }
    std::string node = device_node(s);
    std::string fd = node.empty() ? fd_resource(out) : device_resource(node, out);
    out.fd_input |= node.empty();
    std::string arg = "intptr";
    std::vector<std::string> names = arg_names(s);
    for (std::size_t i = 0; i < s.params.size(); i++)
        if (s.params[i].name == "arg")
            arg = param_type(s, i, identifier(s.name), names, out);
    line +=
        "ioctl$" + kapi_name(s.name) + "(fd " + fd + ", cmd const[" + cmd + "], arg " + arg + ")";
    if (returns_fd(s)) {
        line += " " + fd_resource(out);
        out.fd_returned = true;
        out.fd_returners.push_back(out.calls.size());
    }
    out.calls.push_back(line);
}

void describe(const Spec& s, Output& out) {
    if (s.kind == KAPI_KIND_FUNCTION) {
        out.calls.push_back("# " + s.name + ": a kernel function, not a system call: skipped");
        return;
    }
    if (s.kind == KAPI_KIND_IOCTL) {
        describe_ioctl(s, out);
        return;
    }
    std::string line = comment(s);
    if (s.params.size() > kMaxArgs) {
        out.calls.push_back(line + "# more than " + std::to_string(kMaxArgs) +
                            " arguments: skipped");
        return;
    }
    std::string call = identifier(render::call_name(s));
    std::vector<std::string> names = arg_names(s);
    line += call + "$kapi(";
    for (std::size_t i = 0; i < s.params.size(); i++) {
        if (i > 0)
            line += ", ";
        line += names[i] + " " + param_type(s, i, call, names, out);
    }
    line += ")";
    if (returns_fd(s)) {
        line += " " + fd_resource(out);
        out.fd_returned = true;
        out.fd_returners.push_back(out.calls.size());
    }
    out.calls.push_back(line);
}

// The calls that make the descriptor resources nothing described makes,
// and the resources. syzkaller refuses a resource that no call creates and
// one that no call takes: calls that return a descriptor nothing described
// takes return nothing.
void add_openers(Output& out) {
    if (!out.fd_input && !out.dir_used && !out.devices && out.fd_returned) {
        for (std::size_t i : out.fd_returners) {
            std::string& call = out.calls[i];
            call.resize(call.size() - std::string_view(" kapi_fd").size());
            call.insert(call.rfind('\n') + 1,
                        "# (its descriptor is returned as a number: no call here takes one)\n");
        }
        out.fd_used = false;
    }
    if (out.dir_used) {
        out.includes.insert("uapi/linux/fcntl.h");
        add_flags(out, "kapi_open_dir_flags", {"O_DIRECTORY", "O_PATH", "O_NOFOLLOW", "O_CLOEXEC"});
        out.openers.push_back("# Opens a directory, for the calls that take kapi_fd_dir.\n"
                              "openat$kapi_dir(fd kapi_fd_dir[opt], file ptr[in, filename], "
                              "flags flags[kapi_open_dir_flags], mode const[0]) kapi_fd_dir");
    }
    if (out.fd_input && !out.fd_returned) {
        std::string flags = open_flags(out);
        std::string mode = open_mode(out);
        out.openers.push_back("# Opens a file, for the calls that take kapi_fd.\n"
                              "openat$kapi_fd(fd const[AT_FDCWD], file ptr[in, filename], flags " +
                              flags + ", mode " + mode + ") kapi_fd");
    }
    if (out.fd_used) {
        out.resources.insert(out.resources.begin(), "resource kapi_fd[int32]: -1");
        if (out.dir_used)
            out.resources.insert(out.resources.begin() + 1,
                                 "resource kapi_fd_dir[kapi_fd]: AT_FDCWD");
    }
}

void write(Output& out, std::ostream& os) {
    add_openers(out);
    os << "# syzkaller descriptions generated by kapi-dump from kernel API specifications.\n"
          "# They need none of syzkaller's own descriptions, and every name they declare is a\n"
          "# kapi variant or kapi_-prefixed, so they also compile next to them in sys/linux/.\n";
    if (!out.includes.empty())
        os << '\n';
    for (const std::string& inc : out.includes)
        os << "include <" << inc << ">\n";
    if (!out.resources.empty())
        os << '\n';
    for (const std::string& r : out.resources)
        os << r << '\n';
    if (!out.defines.empty())
        os << '\n';
    for (const std::string& d : out.defines)
        os << d << '\n';
    for (const std::string& c : out.calls)
        os << '\n' << c << '\n';
    for (const std::string& c : out.openers)
        os << '\n' << c << '\n';
    if (!out.flags.empty())
        os << '\n';
    for (const NamedList& f : out.flags) {
        os << f.name << " = ";
        for (std::size_t i = 0; i < f.values.size(); i++)
            os << (i ? ", " : "") << f.values[i];
        os << '\n';
    }
    for (const std::string& st : out.structs)
        os << '\n' << st << '\n';
}

class SyzlangRenderer : public Renderer {
public:
    // A description file of every call the specs describe.
    void list(const SpecSet& specs, std::ostream& os) const override {
        Output out;
        out.set = &specs;
        for (const Spec& s : specs.specs)
            describe(s, out);
        write(out, os);
    }

    void spec(const Spec& s, std::ostream& os) const override { spec_in(s, SpecSet{}, os); }

    void spec_in(const Spec& s, const SpecSet& set, std::ostream& os) const override {
        Output out;
        out.set = &set;
        describe(s, out);
        write(out, os);
    }
};

} // namespace

std::unique_ptr<Renderer> make_syzlang_renderer(const RenderOptions&) {
    return std::make_unique<SyzlangRenderer>();
}

} // namespace kapi
