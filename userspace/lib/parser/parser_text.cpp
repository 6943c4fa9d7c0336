// SPDX-License-Identifier: GPL-2.0
//
// Text helpers of the annotation parser: kernel-doc line cleaning, folding
// of values written over several lines, splitting of lists, and numbers:
// integer literals and the constant expressions the parser evaluates itself
// (literals with | & ^ + - * / % << >> ~ and parentheses). Anything else in
// a number is a symbol the compiler resolves later.
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parser_internal.h"
#include "util.h"

namespace kapi::detail {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

int digit_value(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return 99;
}

// One token of a number expression.
struct Token {
    enum Kind { Number, Ident, Op } kind;
    std::string text;
    std::uint64_t value = 0; // Number
};

// Reads an integer literal at s[pos]; advances pos. On error sets error.
bool read_literal(std::string_view s, std::size_t& pos, std::uint64_t& value, std::string& error) {
    std::size_t start = pos;
    unsigned base = 10;
    if (s[pos] == '0' && pos + 1 < s.size() && (s[pos + 1] == 'x' || s[pos + 1] == 'X')) {
        base = 16;
        pos += 2;
    } else if (s[pos] == '0' && pos + 1 < s.size() && (s[pos + 1] == 'b' || s[pos + 1] == 'B')) {
        base = 2;
        pos += 2;
    } else if (s[pos] == '0') {
        base = 8;
    }
    std::size_t digits_start = pos;
    value = 0;
    bool overflow = false;
    while (pos < s.size() && digit_value(s[pos]) < static_cast<int>(base)) {
        auto d = static_cast<std::uint64_t>(digit_value(s[pos]));
        if (value > (std::numeric_limits<std::uint64_t>::max() - d) / base)
            overflow = true;
        value = value * base + d;
        pos++;
    }
    bool no_digits = pos == digits_start && base != 8;
    // integer suffixes: at most one u and one l or ll, in either order
    int us = 0;
    int ls = 0;
    while (pos < s.size() && (s[pos] == 'u' || s[pos] == 'U' || s[pos] == 'l' || s[pos] == 'L')) {
        if (s[pos] == 'u' || s[pos] == 'U')
            us++;
        else
            ls++;
        pos++;
    }
    bool trailing = pos < s.size() && (is_ident_char(s[pos]) || s[pos] == '.');
    while (pos < s.size() && (is_ident_char(s[pos]) || s[pos] == '.'))
        pos++;
    std::string_view text = s.substr(start, pos - start);
    if (no_digits || trailing || us > 1 || ls > 2) {
        error = "bad integer literal '" + std::string(text) + "'";
        return false;
    }
    if (overflow) {
        error = "integer literal '" + std::string(text) + "' does not fit in 64 bits";
        return false;
    }
    return true;
}

bool tokenize(std::string_view s, std::vector<Token>& tokens, std::string& error) {
    static const std::string_view two_char_ops[] = {
        "<<", ">>", "&&", "||", "==", "!=", "<=", ">=", "->"};
    static const std::string_view one_char_ops = "|&^+-*/%~()!<>?:,.[]";
    std::size_t pos = 0;
    while (pos < s.size()) {
        char c = s[pos];
        if (is_space(c)) {
            pos++;
        } else if (is_digit(c)) {
            std::size_t start = pos;
            std::uint64_t value = 0;
            if (!read_literal(s, pos, value, error))
                return false;
            tokens.push_back({Token::Number, std::string(s.substr(start, pos - start)), value});
        } else if (c == '\'') {
            // a character constant ('k' in _IOW('k', 1, ...)): a symbol for
            // the compiler
            std::size_t start = pos++;
            while (pos < s.size() && s[pos] != '\'') {
                if (s[pos] == '\\')
                    pos++;
                pos++;
            }
            if (pos >= s.size()) {
                error = "unterminated character constant";
                return false;
            }
            pos++;
            tokens.push_back({Token::Ident, std::string(s.substr(start, pos - start))});
        } else if (is_ident_start(c)) {
            std::size_t start = pos;
            while (pos < s.size() && is_ident_char(s[pos]))
                pos++;
            tokens.push_back({Token::Ident, std::string(s.substr(start, pos - start))});
        } else {
            std::string_view op;
            for (std::string_view two : two_char_ops)
                if (s.substr(pos, 2) == two)
                    op = two;
            if (op.empty() && one_char_ops.find(c) != std::string_view::npos)
                op = s.substr(pos, 1);
            if (op.empty()) {
                error = "unexpected character '" + std::string(1, c) + "'";
                return false;
            }
            tokens.push_back({Token::Op, std::string(op)});
            pos += op.size();
        }
    }
    return true;
}

bool balanced(const std::vector<Token>& tokens) {
    std::string stack;
    for (const Token& t : tokens) {
        if (t.kind != Token::Op)
            continue;
        if (t.text == "(" || t.text == "[") {
            stack.push_back(t.text[0]);
        } else if (t.text == ")" || t.text == "]") {
            char open = t.text == ")" ? '(' : '[';
            if (stack.empty() || stack.back() != open)
                return false;
            stack.pop_back();
        }
    }
    return stack.empty();
}

// Whether the parser can evaluate the expression itself.
bool evaluable(const std::vector<Token>& tokens) {
    static const std::string_view ops[] = {"|", "&",  "^",  "+", "-", "*", "/",
                                           "%", "<<", ">>", "~", "(", ")"};
    for (const Token& t : tokens) {
        if (t.kind == Token::Ident)
            return false;
        if (t.kind == Token::Op) {
            bool known = false;
            for (std::string_view op : ops)
                known = known || t.text == op;
            if (!known)
                return false;
        }
    }
    return true;
}

// Recursive-descent evaluation with C's precedence. Arithmetic wraps
// modulo 2^64; division, remainder and right shift are signed.
class Evaluator {
public:
    explicit Evaluator(const std::vector<Token>& tokens) : tokens_(tokens) {}

    bool run(std::int64_t& result, std::string& error) {
        std::uint64_t v = 0;
        if (!parse_or(v) || pos_ != tokens_.size()) {
            error = error_.empty() ? "malformed expression" : error_;
            return false;
        }
        result = static_cast<std::int64_t>(v);
        return true;
    }

private:
    bool peek(std::string_view op) const {
        return pos_ < tokens_.size() && tokens_[pos_].kind == Token::Op && tokens_[pos_].text == op;
    }

    template <typename Next, typename Apply>
    bool binary(std::uint64_t& v, std::initializer_list<std::string_view> ops, Next next,
                Apply apply) {
        if (!(this->*next)(v))
            return false;
        for (;;) {
            std::string_view op;
            for (std::string_view o : ops)
                if (peek(o))
                    op = o;
            if (op.empty())
                return true;
            pos_++;
            std::uint64_t rhs = 0;
            if (!(this->*next)(rhs) || !apply(op, v, rhs))
                return false;
        }
    }

    bool parse_or(std::uint64_t& v) {
        return binary(v, {"|"}, &Evaluator::parse_xor, [](auto, std::uint64_t& a, std::uint64_t b) {
            a |= b;
            return true;
        });
    }
    bool parse_xor(std::uint64_t& v) {
        return binary(v, {"^"}, &Evaluator::parse_and, [](auto, std::uint64_t& a, std::uint64_t b) {
            a ^= b;
            return true;
        });
    }
    bool parse_and(std::uint64_t& v) {
        return binary(v, {"&"}, &Evaluator::parse_shift,
                      [](auto, std::uint64_t& a, std::uint64_t b) {
                          a &= b;
                          return true;
                      });
    }
    bool parse_shift(std::uint64_t& v) {
        return binary(v, {"<<", ">>"}, &Evaluator::parse_add,
                      [this](std::string_view op, std::uint64_t& a, std::uint64_t b) {
                          if (b >= 64) {
                              error_ = "shift count out of range";
                              return false;
                          }
                          if (op == "<<")
                              a <<= b;
                          else
                              a = static_cast<std::uint64_t>(static_cast<std::int64_t>(a) >> b);
                          return true;
                      });
    }
    bool parse_add(std::uint64_t& v) {
        return binary(v, {"+", "-"}, &Evaluator::parse_mul,
                      [](std::string_view op, std::uint64_t& a, std::uint64_t b) {
                          a = op == "+" ? a + b : a - b;
                          return true;
                      });
    }
    bool parse_mul(std::uint64_t& v) {
        return binary(v, {"*", "/", "%"}, &Evaluator::parse_unary,
                      [this](std::string_view op, std::uint64_t& a, std::uint64_t b) {
                          if (op == "*") {
                              a *= b;
                              return true;
                          }
                          auto sa = static_cast<std::int64_t>(a);
                          auto sb = static_cast<std::int64_t>(b);
                          if (sb == 0) {
                              error_ = "division by zero";
                              return false;
                          }
                          if (sb == -1) // avoids INT64_MIN / -1
                              a = op == "/" ? 0 - a : 0;
                          else
                              a = static_cast<std::uint64_t>(op == "/" ? sa / sb : sa % sb);
                          return true;
                      });
    }
    bool parse_unary(std::uint64_t& v) {
        if (++depth_ > kMaxDepth) {
            error_ = "expression nested too deeply";
            return false;
        }
        bool ok = parse_unary_op(v);
        depth_--;
        return ok;
    }
    bool parse_unary_op(std::uint64_t& v) {
        if (peek("-") || peek("+") || peek("~")) {
            std::string_view op = tokens_[pos_++].text;
            if (!parse_unary(v))
                return false;
            if (op == "-")
                v = 0 - v;
            else if (op == "~")
                v = ~v;
            return true;
        }
        return parse_primary(v);
    }
    bool parse_primary(std::uint64_t& v) {
        if (pos_ >= tokens_.size())
            return false;
        if (tokens_[pos_].kind == Token::Number) {
            v = tokens_[pos_++].value;
            return true;
        }
        if (peek("(")) {
            pos_++;
            if (!parse_or(v) || !peek(")"))
                return false;
            pos_++;
            return true;
        }
        return false;
    }

    static constexpr int kMaxDepth = 200;

    const std::vector<Token>& tokens_;
    std::size_t pos_ = 0;
    int depth_ = 0;
    std::string error_;
};

} // namespace

Line clean_comment_line(std::string_view raw, std::uint32_t no) {
    std::size_t pos = 0;
    while (pos < raw.size() && is_space(raw[pos]))
        pos++;
    if (pos < raw.size() && raw[pos] == '*') {
        pos++;
        if (pos < raw.size() && raw[pos] == ' ')
            pos++;
    } else {
        pos = 0; // no '*': the indentation is what is left of the line
    }
    Line line;
    line.no = no;
    int col = 0;
    while (pos < raw.size() && (raw[pos] == ' ' || raw[pos] == '\t')) {
        col = raw[pos] == '\t' ? (col / 8 + 1) * 8 : col + 1;
        pos++;
    }
    std::string_view rest = raw.substr(pos);
    while (!rest.empty() && is_space(rest.back()))
        rest.remove_suffix(1);
    line.text = std::string(rest);
    line.indent = line.text.empty() ? 0 : col;
    return line;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && is_space(s.back()))
        s.remove_suffix(1);
    return s;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = ascii_lower(c);
    return out;
}

std::vector<std::string> split_top_level(std::string_view s, char sep) {
    std::vector<std::string> parts;
    if (trim(s).empty())
        return parts;
    int depth = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i < s.size(); i++) {
        char c = s[i];
        if (c == '(' || c == '[' || c == '{')
            depth++;
        else if ((c == ')' || c == ']' || c == '}') && depth > 0)
            depth--;
        else if (c == sep && depth == 0) {
            parts.emplace_back(trim(s.substr(start, i - start)));
            start = i + 1;
        }
    }
    parts.emplace_back(trim(s.substr(start)));
    return parts;
}

std::vector<std::string> split_any(std::string_view s, std::string_view seps) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); i++) {
        if (i == s.size() || seps.find(s[i]) != std::string_view::npos) {
            std::string_view part = trim(s.substr(start, i - start));
            if (!part.empty())
                parts.emplace_back(part);
            start = i + 1;
        }
    }
    return parts;
}

std::string fold_paragraphs(const std::vector<Line>& lines) {
    std::string out;
    std::string para;
    auto flush = [&] {
        if (para.empty())
            return;
        if (!out.empty())
            out += "\n\n";
        out += para;
        para.clear();
    };
    for (const Line& l : lines) {
        if (l.blank()) {
            flush();
        } else if (para.empty()) {
            para = l.text;
        } else {
            para += l.text.starts_with("- ") ? "\n" : " ";
            para += l.text;
        }
    }
    flush();
    return out;
}

std::string fold_lines(const std::vector<Line>& lines) {
    int common = -1;
    for (std::size_t i = 1; i < lines.size(); i++)
        if (!lines[i].blank() && (common < 0 || lines[i].indent < common))
            common = lines[i].indent;
    std::vector<std::string> out;
    for (std::size_t i = 0; i < lines.size(); i++) {
        const Line& l = lines[i];
        if (l.blank()) {
            if (!out.empty() && !out.back().empty())
                out.emplace_back();
            continue;
        }
        int indent = i == 0 ? 0 : l.indent - common;
        out.push_back(std::string(static_cast<std::size_t>(indent), ' ') + l.text);
    }
    while (!out.empty() && out.back().empty())
        out.pop_back();
    std::string text;
    for (std::size_t i = 0; i < out.size(); i++) {
        if (i > 0)
            text += '\n';
        text += out[i];
    }
    return text;
}

std::string join_words(const std::vector<Line>& lines) {
    std::string out;
    for (const Line& l : lines) {
        if (l.blank())
            continue;
        if (!out.empty())
            out += ' ';
        out += l.text;
    }
    return out;
}

std::optional<std::int64_t> parse_int_literal(std::string_view text) {
    text = trim(text);
    bool negative = false;
    if (!text.empty() && text[0] == '-') {
        negative = true;
        text = trim(text.substr(1));
    }
    if (text.empty() || !is_digit(text[0]))
        return std::nullopt;
    std::size_t pos = 0;
    std::uint64_t value = 0;
    std::string error;
    if (!read_literal(text, pos, value, error) || pos != text.size())
        return std::nullopt;
    constexpr auto max = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    if (value > max + (negative ? 1 : 0))
        return std::nullopt;
    return negative ? static_cast<std::int64_t>(0 - value) : static_cast<std::int64_t>(value);
}

bool parse_num(std::string_view text, Num& out, std::string& error) {
    std::string_view t = trim(text);
    out = Num{};
    if (t.empty()) {
        error = "missing number";
        return false;
    }
    std::vector<Token> tokens;
    std::string why;
    if (!tokenize(t, tokens, why)) {
        error = "invalid number '" + std::string(t) + "': " + why;
        return false;
    }
    if (!balanced(tokens)) {
        error = "invalid number '" + std::string(t) + "': unbalanced parentheses";
        return false;
    }
    bool plain = (tokens.size() == 1 && tokens[0].kind == Token::Number) ||
                 (tokens.size() == 2 && tokens[0].kind == Token::Op && tokens[0].text == "-" &&
                  tokens[1].kind == Token::Number);
    if (plain) {
        if (std::optional<std::int64_t> v = parse_int_literal(t)) {
            out.value = v;
            return true;
        }
        // beyond int64: keep the text, the value wraps modulo 2^64
    }
    if (evaluable(tokens)) {
        std::int64_t v = 0;
        if (!Evaluator(tokens).run(v, why)) {
            error = "invalid number '" + std::string(t) + "': " + why;
            return false;
        }
        out.value = v;
    }
    out.expr = std::string(t);
    return true;
}

} // namespace kapi::detail
