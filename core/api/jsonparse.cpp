// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "jsonparse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace Qluster {

namespace {

void lineColumn(const QByteArray &text, qsizetype offset, int *line, int *column)
{
    *line = 1;
    *column = 1;
    offset = std::min(offset, text.size());
    for (qsizetype i = 0; i < offset; ++i) {
        if (text.at(i) == '\n') {
            ++*line;
            *column = 1;
        } else {
            ++*column;
        }
    }
}

} // namespace

Result<QJsonObject> parseJsonObject(const QByteArray &json, const QString &what)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        int line = 0;
        int column = 0;
        lineColumn(json, error.offset, &line, &column);
        return fail(Error::parse(what, line, column, error.errorString()));
    }
    if (!doc.isObject())
        return fail(Error::parse(what, 1, 1, QStringLiteral("expected a JSON object")));
    return doc.object();
}

QStringList jsonStringList(const QJsonValue &value)
{
    QStringList out;
    const QJsonArray array = value.toArray();
    out.reserve(array.size());
    for (const QJsonValue &v : array) {
        if (v.isString())
            out.append(v.toString());
    }
    return out;
}

} // namespace Qluster
