// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "jsonpointer.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Qluster {

Result<JsonPointer> JsonPointer::parse(const QString &text)
{
    if (text.isEmpty())
        return JsonPointer();
    if (!text.startsWith(QLatin1Char('/')))
        return fail(Error::invalid(
            QStringLiteral("invalid JSON pointer \"%1\": it must start with \"/\"").arg(text)));
    QStringList tokens = text.mid(1).split(QLatin1Char('/'));
    for (QString &token : tokens) {
        QString out;
        out.reserve(token.size());
        for (qsizetype i = 0; i < token.size(); ++i) {
            const QChar c = token.at(i);
            if (c != QLatin1Char('~')) {
                out += c;
                continue;
            }
            const QChar next = i + 1 < token.size() ? token.at(i + 1) : QChar();
            if (next == QLatin1Char('0'))
                out += QLatin1Char('~');
            else if (next == QLatin1Char('1'))
                out += QLatin1Char('/');
            else
                return fail(Error::invalid(
                    QStringLiteral("invalid JSON pointer \"%1\": \"~\" must be followed by 0 or 1")
                        .arg(text)));
            ++i;
        }
        token = out;
    }
    return JsonPointer(std::move(tokens));
}

QString JsonPointer::toString() const
{
    QString out;
    for (const QString &token : m_tokens) {
        QString escaped = token;
        escaped.replace(QLatin1Char('~'), QStringLiteral("~0"));
        escaped.replace(QLatin1Char('/'), QStringLiteral("~1"));
        out += QLatin1Char('/') + escaped;
    }
    return out;
}

bool JsonPointer::isProperPrefixOf(const JsonPointer &other) const
{
    if (m_tokens.size() >= other.m_tokens.size())
        return false;
    for (qsizetype i = 0; i < m_tokens.size(); ++i) {
        if (m_tokens.at(i) != other.m_tokens.at(i))
            return false;
    }
    return true;
}

qsizetype JsonPointer::arrayIndex(const QString &token)
{
    if (token.isEmpty() || token.size() > 18)
        return -1;
    if (token.size() > 1 && token.at(0) == QLatin1Char('0'))
        return -1;
    qsizetype n = 0;
    for (const QChar c : token) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return -1;
        n = n * 10 + (c.unicode() - '0');
    }
    return n;
}

Result<QJsonValue> JsonPointer::get(const QJsonValue &document) const
{
    QJsonValue current = document;
    JsonPointer walked;
    for (const QString &token : m_tokens) {
        walked.m_tokens.append(token);
        if (current.isObject()) {
            const QJsonObject object = current.toObject();
            const auto it = object.constFind(token);
            if (it == object.constEnd())
                return fail(Error::invalid(
                    QStringLiteral("path %1 does not exist").arg(walked.toString())));
            current = it.value();
        } else if (current.isArray()) {
            const QJsonArray array = current.toArray();
            const qsizetype index = arrayIndex(token);
            if (index < 0 || index >= array.size())
                return fail(Error::invalid(
                    QStringLiteral("path %1 does not exist: invalid array index").arg(walked.toString())));
            current = array.at(index);
        } else {
            return fail(Error::invalid(
                QStringLiteral("path %1 does not exist").arg(walked.toString())));
        }
    }
    return current;
}

} // namespace Qluster
