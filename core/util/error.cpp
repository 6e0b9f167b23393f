// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "error.h"

namespace Qluster {

Error Error::invalid(const QString &message)
{
    Error e;
    e.kind = Kind::Invalid;
    e.message = message;
    return e;
}

Error Error::io(const QString &file, const QString &message)
{
    Error e;
    e.kind = Kind::Io;
    e.file = file;
    e.message = message;
    return e;
}

Error Error::parse(const QString &file, int line, int column, const QString &message)
{
    Error e;
    e.kind = Kind::Parse;
    e.file = file;
    e.line = line;
    e.column = column;
    e.message = message;
    return e;
}

Error Error::http(int status, const QString &reason, const QString &message)
{
    Error e;
    e.kind = Kind::Http;
    e.httpStatus = status;
    e.reason = reason;
    e.message = message;
    return e;
}

Error Error::withRequest(const QString &requestVerb, const QUrl &requestUrl) const
{
    Error e = *this;
    e.verb = requestVerb;
    e.url = requestUrl.adjusted(QUrl::RemoveUserInfo);
    return e;
}

QString Error::toString() const
{
    QString where;
    if (!file.isEmpty()) {
        where = file;
        if (line > 0) {
            where += QLatin1Char(':') + QString::number(line);
            if (column > 0)
                where += QLatin1Char(':') + QString::number(column);
        }
    } else if (!verb.isEmpty() || !url.isEmpty()) {
        where = verb.isEmpty() ? url.toDisplayString()
                               : verb + QLatin1Char(' ') + url.toDisplayString();
    }

    QString what;
    if (httpStatus > 0) {
        what = QString::number(httpStatus);
        if (!reason.isEmpty())
            what += QLatin1Char(' ') + reason;
        if (!message.isEmpty())
            what += QStringLiteral(": ") + message;
    } else {
        what = message;
    }
    for (const StatusCause &cause : causes) {
        if (cause.message.isEmpty() || message.contains(cause.message))
            continue;
        what += QStringLiteral("; ")
            + (cause.field.isEmpty() ? cause.message
                                     : cause.field + QStringLiteral(": ") + cause.message);
    }
    return where.isEmpty() ? what : where + QStringLiteral(": ") + what;
}

} // namespace Qluster
