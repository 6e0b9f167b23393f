// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace Qluster {

/// JsonReader reads JSON text front to back without building a document: the caller asks for the
/// value it expects (a string, a number, an object's members) and skips the rest. It is stricter
/// than QJsonDocument (RFC 8259 grammar, UTF-8 checked in every string it reads or skips, a lower
/// nesting limit), so text it accepts is text QJsonDocument accepts with the
/// same values. Any surprise, including a value of another type than asked for, makes it fail()
/// for good: callers then decode with QJsonDocument, which reports errors with line and column.
class JsonReader
{
public:
    enum class Type { Null, Bool, Number, String, Array, Object, Invalid };

    explicit JsonReader(QByteArrayView text) : m_p(text.data()), m_end(text.data() + text.size()) {}

    bool failed() const { return m_failed; }
    /// JsonReader::atEnd is true when nothing but white space is left.
    bool atEnd();
    /// JsonReader::peek is the type of the next value, judged by its first character.
    Type peek();

    /// JsonReader::members reads an object, calling onMember(key) after each member's key and
    /// colon; onMember reads or skips the value and returns false to stop (the reader then fails).
    /// key is the key as UTF-8 (escapes decoded), valid until onMember reads a value.
    template<typename OnMember>
    bool members(OnMember &&onMember)
    {
        if (!enter('{', '}'))
            return false;
        if (m_empty)
            return leave();
        QByteArray unescaped; // a key with escapes, decoded
        do {
            const auto key = keyText(&unescaped);
            if (!key || !expect(':') || !onMember(*key))
                return fail();
        } while (next('}'));
        return !m_failed && leave();
    }
    /// JsonReader::elements reads an array, calling onElement() for each element.
    template<typename OnElement>
    bool elements(OnElement &&onElement)
    {
        if (!enter('[', ']'))
            return false;
        if (m_empty)
            return leave();
        do {
            if (!onElement())
                return fail();
        } while (next(']'));
        return !m_failed && leave();
    }

    /// JsonReader::string reads a string, escapes decoded.
    std::optional<QString> string();
    /// JsonReader::stringOrNull reads a string, or null as an empty string (as QJsonValue::toString).
    std::optional<QString> stringOrNull();
    /// JsonReader::integer reads a number QJsonDocument keeps as an integer (see number()).
    std::optional<qint64> integer();
    /// JsonReader::number reads any number: an integer when written as one that fits in 64 bits
    /// or when its value is integral and in qint64's range ("1e3"), as QJsonDocument; else a double.
    bool number(qint64 *integerOut, double *doubleOut, bool *isInteger);
    std::optional<bool> boolean();
    bool null();
    /// JsonReader::skip reads a value of any type, checking it, and returns its text.
    std::optional<QByteArrayView> skip();

private:
    bool fail()
    {
        m_failed = true;
        return false;
    }
    void skipSpace();
    bool expect(char c);
    bool enter(char open, char close);
    bool next(char close);
    bool leave();
    // A string's text between its quotes, checked; escapes tells whether it holds any.
    std::optional<QByteArrayView> rawString(bool *escapes);
    std::optional<QByteArrayView> keyText(QByteArray *unescaped);
    QString decodeEscapes(QByteArrayView body) const;
    bool literal(const char *word, qsizetype length);
    bool skipString();
    bool skipNumber();
    bool scanString(const char **bodyEnd, bool *hasEscapes);

    const char *m_p;
    const char *m_end;
    int m_depth = 0;
    bool m_empty = false;
    bool m_failed = false;
};

} // namespace Qluster
