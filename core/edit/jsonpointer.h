// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"

#include <QJsonValue>
#include <QStringList>

namespace Qluster {

/// JsonPointer is an RFC 6901 pointer ("/spec/containers/0/name", "~1" for "/", "~0" for "~")
/// split into unescaped reference tokens; the empty pointer "" names the whole document.
class JsonPointer final
{
public:
    JsonPointer() = default;
    explicit JsonPointer(QStringList tokens) : m_tokens(std::move(tokens)) {}

    /// JsonPointer::parse splits and unescapes text; it fails on text not starting with "/" or
    /// containing a "~" not followed by 0 or 1.
    static Result<JsonPointer> parse(const QString &text);

    /// JsonPointer::toString escapes the tokens back into RFC 6901 text.
    QString toString() const;
    const QStringList &tokens() const { return m_tokens; }
    bool isRoot() const { return m_tokens.isEmpty(); }
    /// JsonPointer::isProperPrefixOf is true when other points strictly inside this location.
    bool isProperPrefixOf(const JsonPointer &other) const;

    /// JsonPointer::get returns the value the pointer names in document, or an error naming the
    /// first token that does not exist.
    Result<QJsonValue> get(const QJsonValue &document) const;

    /// JsonPointer::arrayIndex parses an RFC 6901 array index (digits, no leading zero); -1 if not.
    static qsizetype arrayIndex(const QString &token);

    friend bool operator==(const JsonPointer &, const JsonPointer &) = default;

private:
    QStringList m_tokens;
};

} // namespace Qluster
