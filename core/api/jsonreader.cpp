// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "jsonreader.h"

#include <array>
#include <charconv>
#include <cmath>

namespace Qluster {

namespace {

// Below QJsonDocument's own limit, so that nothing this reader accepts is refused there.
constexpr int kMaxDepth = 512;

// Bytes a string body can hold as they are: not '"', not '\\', no control character, ASCII.
constexpr std::array<bool, 256> kPlainStringByte = [] {
    std::array<bool, 256> plain{};
    for (int c = 0x20; c < 0x80; ++c)
        plain[size_t(c)] = c != '"' && c != '\\';
    return plain;
}();

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Checks one UTF-8 sequence starting at p (a byte >= 0x80) and returns its length, 0 when it is
// malformed: overlong forms, surrogates, code points past U+10FFFF and noncharacters are refused.
int utf8SequenceLength(const unsigned char *p, const unsigned char *end)
{
    const unsigned char lead = *p;
    int length = 0;
    char32_t cp = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        cp = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        cp = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        cp = lead & 0x07;
    } else {
        return 0;
    }
    if (end - p < length)
        return 0;
    for (int i = 1; i < length; ++i) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    const char32_t minimum = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
    if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE)
        return 0;
    return length;
}

} // namespace

void JsonReader::skipSpace()
{
    while (m_p != m_end && isSpace(*m_p))
        ++m_p;
}

bool JsonReader::atEnd()
{
    skipSpace();
    return m_p == m_end;
}

JsonReader::Type JsonReader::peek()
{
    skipSpace();
    if (m_failed || m_p == m_end)
        return Type::Invalid;
    switch (*m_p) {
    case '{':
        return Type::Object;
    case '[':
        return Type::Array;
    case '"':
        return Type::String;
    case 't':
    case 'f':
        return Type::Bool;
    case 'n':
        return Type::Null;
    default:
        return *m_p == '-' || isDigit(*m_p) ? Type::Number : Type::Invalid;
    }
}

bool JsonReader::expect(char c)
{
    skipSpace();
    if (m_p == m_end || *m_p != c)
        return fail();
    ++m_p;
    return true;
}

bool JsonReader::enter(char open, char close)
{
    if (m_failed || !expect(open) || ++m_depth > kMaxDepth)
        return fail();
    skipSpace();
    m_empty = m_p != m_end && *m_p == close;
    if (m_empty)
        ++m_p;
    return true;
}

bool JsonReader::next(char close)
{
    if (m_failed)
        return false;
    skipSpace();
    if (m_p != m_end && *m_p == ',') {
        ++m_p;
        return true;
    }
    if (m_p == m_end || *m_p != close)
        fail();
    else
        ++m_p;
    return false;
}

bool JsonReader::leave()
{
    --m_depth;
    return true;
}

bool JsonReader::scanString(const char **bodyEnd, bool *hasEscapes)
{
    // After the opening quote: checks the body and moves past the closing quote.
    *hasEscapes = false;
    const auto *p = reinterpret_cast<const unsigned char *>(m_p);
    const auto *end = reinterpret_cast<const unsigned char *>(m_end);
    while (p != end) {
        if (kPlainStringByte[*p]) {
            ++p;
            continue;
        }
        if (*p == '"') {
            *bodyEnd = reinterpret_cast<const char *>(p);
            m_p = reinterpret_cast<const char *>(p + 1);
            return true;
        }
        if (*p == '\\') {
            *hasEscapes = true;
            if (end - p < 2)
                return fail();
            switch (p[1]) {
            case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
                p += 2;
                continue;
            case 'u':
                if (end - p < 6)
                    return fail();
                for (int i = 2; i < 6; ++i) {
                    if (hexValue(char(p[i])) < 0)
                        return fail();
                }
                p += 6;
                continue;
            default:
                return fail();
            }
        }
        if (*p < 0x20)
            return fail();
        const int length = utf8SequenceLength(p, end);
        if (length == 0)
            return fail();
        p += length;
    }
    return fail();
}

std::optional<QByteArrayView> JsonReader::rawString(bool *escapes)
{
    if (m_failed || !expect('"'))
        return std::nullopt;
    const char *begin = m_p;
    const char *bodyEnd = nullptr;
    if (!scanString(&bodyEnd, escapes))
        return std::nullopt;
    return QByteArrayView(begin, bodyEnd - begin);
}

bool JsonReader::skipString()
{
    bool escapes = false;
    return rawString(&escapes).has_value();
}

std::optional<QByteArrayView> JsonReader::keyText(QByteArray *unescaped)
{
    bool escapes = false;
    const auto raw = rawString(&escapes);
    if (!raw || !escapes)
        return raw;
    // managedFields keys look like "k:{\"name\":\"api\"}"; compared decoded, as QJsonObject does.
    const QString key = decodeEscapes(*raw);
    if (!QStringView(key).isValidUtf16()) { // a lone surrogate would not survive UTF-8
        fail();
        return std::nullopt;
    }
    *unescaped = key.toUtf8();
    return QByteArrayView(*unescaped);
}

std::optional<QString> JsonReader::string()
{
    bool escapes = false;
    const auto body = rawString(&escapes);
    if (!body)
        return std::nullopt;
    return escapes ? decodeEscapes(*body) : QString::fromUtf8(*body);
}

QString JsonReader::decodeEscapes(QByteArrayView body) const
{
    // body was checked by scanString: every escape is complete and known.
    QString out;
    out.reserve(body.size());
    const char *p = body.data();
    const char *end = body.data() + body.size();
    while (p != end) {
        const char *backslash = std::find(p, end, '\\');
        out += QString::fromUtf8(QByteArrayView(p, backslash - p));
        if (backslash == end)
            break;
        const char e = backslash[1];
        p = backslash + 2;
        switch (e) {
        case 'b': out += QChar(u'\b'); break;
        case 'f': out += QChar(u'\f'); break;
        case 'n': out += QChar(u'\n'); break;
        case 'r': out += QChar(u'\r'); break;
        case 't': out += QChar(u'\t'); break;
        case 'u': {
            char16_t unit = 0;
            for (int i = 0; i < 4; ++i)
                unit = char16_t((unit << 4) | hexValue(p[i]));
            out += QChar(unit);
            p += 4;
            break;
        }
        default: // '"', '\\', '/'
            out += QLatin1Char(e);
            break;
        }
    }
    return out;
}

std::optional<QString> JsonReader::stringOrNull()
{
    if (peek() == Type::Null)
        return null() ? std::optional<QString>(QString()) : std::nullopt;
    return string();
}

bool JsonReader::skipNumber()
{
    // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    skipSpace();
    const char *p = m_p;
    if (p != m_end && *p == '-')
        ++p;
    if (p == m_end || !isDigit(*p))
        return fail();
    if (*p == '0') {
        ++p;
    } else {
        while (p != m_end && isDigit(*p))
            ++p;
    }
    if (p != m_end && *p == '.') {
        ++p;
        if (p == m_end || !isDigit(*p))
            return fail();
        while (p != m_end && isDigit(*p))
            ++p;
    }
    if (p != m_end && (*p == 'e' || *p == 'E')) {
        ++p;
        if (p != m_end && (*p == '+' || *p == '-'))
            ++p;
        if (p == m_end || !isDigit(*p))
            return fail();
        while (p != m_end && isDigit(*p))
            ++p;
    }
    m_p = p;
    return true;
}

bool JsonReader::number(qint64 *integerOut, double *doubleOut, bool *isInteger)
{
    if (m_failed)
        return false;
    skipSpace();
    const char *begin = m_p;
    if (!skipNumber())
        return false;
    const char *end = m_p;
    // As QJsonDocument: a number is an integer when written as one that fits in 64 bits, or when
    // its double value is integral and in qint64's range ("1e3", "2.0"); otherwise a double.
    const bool integerText = std::none_of(begin, end, [](char c) { return c == '.' || c == 'e' || c == 'E'; });
    if (integerText) {
        const auto [ptr, ec] = std::from_chars(begin, end, *integerOut);
        if (ec == std::errc() && ptr == end) {
            *isInteger = true;
            return true;
        }
    }
    const auto [ptr, ec] = std::from_chars(begin, end, *doubleOut);
    if (ec != std::errc() || ptr != end)
        return fail(); // beyond a double's range or precision (1e400, 1e-400): left to QJsonDocument
    constexpr double kTwo63 = 9223372036854775808.0;
    *isInteger = std::trunc(*doubleOut) == *doubleOut && *doubleOut >= -kTwo63 && *doubleOut < kTwo63;
    if (*isInteger)
        *integerOut = qint64(*doubleOut);
    return true;
}

std::optional<qint64> JsonReader::integer()
{
    qint64 i = 0;
    double d = 0;
    bool isInteger = false;
    if (!number(&i, &d, &isInteger))
        return std::nullopt;
    if (!isInteger) {
        fail();
        return std::nullopt;
    }
    return i;
}

bool JsonReader::literal(const char *word, qsizetype length)
{
    skipSpace();
    if (m_end - m_p < length || QByteArrayView(m_p, length) != QByteArrayView(word, length))
        return fail();
    m_p += length;
    return true;
}

std::optional<bool> JsonReader::boolean()
{
    const Type type = peek();
    if (type != Type::Bool) {
        fail();
        return std::nullopt;
    }
    const bool value = *m_p == 't';
    if (!(value ? literal("true", 4) : literal("false", 5)))
        return std::nullopt;
    return value;
}

bool JsonReader::null()
{
    return !m_failed && literal("null", 4);
}

std::optional<QByteArrayView> JsonReader::skip()
{
    const Type type = peek();
    const char *begin = m_p;
    bool ok = false;
    switch (type) {
    case Type::Object:
        ok = members([this](QByteArrayView) { return skip().has_value(); });
        break;
    case Type::Array:
        ok = elements([this] { return skip().has_value(); });
        break;
    case Type::String:
        ok = skipString();
        break;
    case Type::Number:
        ok = skipNumber();
        break;
    case Type::Bool:
        ok = boolean().has_value();
        break;
    case Type::Null:
        ok = null();
        break;
    case Type::Invalid:
        ok = fail();
        break;
    }
    if (!ok || m_failed)
        return std::nullopt;
    return QByteArrayView(begin, m_p - begin);
}

} // namespace Qluster
