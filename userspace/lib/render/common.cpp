// SPDX-License-Identifier: GPL-2.0
//
// Shared helpers of the renderers (see common.h).
#include "common.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include "../image_layout.h"
#include "kapi/names.h"

namespace kapi::render {

std::optional<ErrnoRef> errno_ref(const Spec& spec, const std::string& name) {
    if (name.empty())
        return std::nullopt;
    std::optional<std::int32_t> code;
    for (const ErrorSpec& e : spec.errors)
        if (e.name == name && e.code != 0) {
            code = e.code;
            break;
        }
    if (!code)
        if (std::optional<int> v = errno_value(name); v && *v > 0 && *v <= detail::kMaxErrno)
            code = -*v;
    if (!code)
        code = detail::parse_errno_number(name);
    if (!code)
        return std::nullopt;
    for (const ErrorSpec& e : spec.errors)
        if (e.code == *code && !e.name.empty())
            return ErrnoRef{e.name, *code};
    if (std::string_view n = errno_name(-*code); !n.empty())
        return ErrnoRef{std::string(n), *code};
    return std::nullopt;
}

bool num_given(const Num& n) {
    return (n.value && *n.value != 0) || !n.expr.empty();
}

std::string num_text(const Num& n, NumStyle style) {
    std::string value;
    if (n.value || n.expr.empty()) {
        std::int64_t v = n.value.value_or(0);
        if (style == NumStyle::Hex) {
            char buf[24];
            std::snprintf(buf, sizeof(buf), "0x%llx",
                          static_cast<unsigned long long>(static_cast<std::uint64_t>(v)));
            value = buf;
        } else if (style == NumStyle::Unsigned) {
            value = std::to_string(static_cast<std::uint64_t>(v));
        } else {
            value = std::to_string(v);
        }
    }
    if (n.expr.empty())
        return value;
    if (value.empty() || value == n.expr)
        return n.expr;
    return n.expr + " (" + value + ")";
}

std::vector<std::string_view> lines(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (;;) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) {
            out.push_back(text.substr(start));
            return out;
        }
        out.push_back(text.substr(start, nl - start));
        start = nl + 1;
    }
}

std::vector<std::vector<std::string>> paragraphs(std::string_view text) {
    std::vector<std::vector<std::string>> out;
    std::vector<std::string> cur;
    for (std::string_view line : lines(text)) {
        bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos;
        if (blank) {
            if (!cur.empty())
                out.push_back(std::move(cur));
            cur.clear();
        } else {
            cur.emplace_back(line);
        }
    }
    if (!cur.empty())
        out.push_back(std::move(cur));
    return out;
}

std::vector<std::string> wrap(std::string_view text, std::size_t width, std::string_view first,
                              std::string_view rest) {
    std::vector<std::string> lines;
    std::string cur(first);
    bool empty = true; // no word on cur yet
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n'))
            i++;
        std::size_t j = i;
        while (j < text.size() && text[j] != ' ' && text[j] != '\t' && text[j] != '\n')
            j++;
        if (j == i)
            break;
        std::string_view word = text.substr(i, j - i);
        if (!empty && cur.size() + 1 + word.size() > width) {
            lines.push_back(cur);
            cur = std::string(rest);
            empty = true;
        }
        if (!empty)
            cur += ' ';
        cur += word;
        empty = false;
        i = j;
    }
    if (!empty || lines.empty())
        lines.push_back(cur);
    return lines;
}

std::string signal_text(std::int32_t number) {
    std::string_view name = signal_name(number);
    if (name.empty())
        return std::to_string(number);
    return std::string(name) + " (" + std::to_string(number) + ")";
}

std::string call_name(const Spec& spec) {
    if (spec.kind == KAPI_KIND_SYSCALL && spec.name.starts_with("sys_"))
        return spec.name.substr(4);
    return spec.name;
}

std::string order_text(std::uint32_t order) {
    std::string out = std::to_string(order & KAPI_PARAM_ORDER_RANK);
    if (order & KAPI_PARAM_ORDER_AUDIT)
        out += " (audit only: enforce lets the kernel answer)";
    return out;
}

const Param* size_source(const Spec& spec, const Param& p) {
    // a descriptor rule's size_param names the path it depends on
    if (p.constraint == KAPI_CONSTRAINT_FD || p.size_param < 0 || static_cast<std::size_t>(p.size_param) >= spec.params.size())
        return nullptr;
    return &spec.params[static_cast<std::size_t>(p.size_param)];
}

const Param* sized_by(const Spec& spec, std::size_t index) {
    for (const Param& p : spec.params)
        if (p.constraint != KAPI_CONSTRAINT_FD && p.size_param >= 0 &&
            static_cast<std::size_t>(p.size_param) == index)
            return &p;
    return nullptr;
}

std::vector<std::string> object_names(const ErrorSpec& e) {
    std::vector<std::string> out;
    for (const ObjectSelector& o : e.objects)
        out.push_back(object_selector_name(o.type, o.impl));
    return out;
}

std::vector<const StructSpec*> structs_of(const Spec& spec, const SpecSet& set) {
    std::vector<const StructSpec*> out;
    for (const Param& p : spec.params) {
        if (p.struct_name.empty())
            continue;
        const StructSpec* st = set.find_struct(p.struct_name);
        if (st && std::find(out.begin(), out.end(), st) == out.end())
            out.push_back(st);
    }
    return out;
}

std::string struct_ref_text(const Spec& spec, const Param& p) {
    if (p.struct_name.empty())
        return {};
    auto name_of = [&](std::int32_t i) {
        return i >= 0 && static_cast<std::size_t>(i) < spec.params.size()
                   ? spec.params[static_cast<std::size_t>(i)].name
                   : std::to_string(i);
    };
    std::string text;
    if (p.count_param >= 0) {
        text = "array of " + name_of(p.count_param) + " struct " + p.struct_name;
        if (num_given(p.max_count))
            text += " (at most " + num_text(p.max_count, NumStyle::Unsigned) + ")";
    } else {
        text = "pointer to struct " + p.struct_name;
        if (p.size_param >= 0)
            text += " (its size in " + name_of(p.size_param) + ")";
    }
    return text;
}

} // namespace kapi::render
