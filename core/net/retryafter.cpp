// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "retryafter.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

namespace Qluster {

namespace {

QDateTime parseHttpDate(const QString &text, const QDateTime &now)
{
    // HTTP dates are always GMT and in English (RFC 9110 section 5.6.7).
    const QLocale c = QLocale::c();
    const QString simplified = text.simplified();
    QDateTime date = c.toDateTime(simplified, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!date.isValid()) {
        // asctime: "Sun Nov  6 08:49:37 1994" (the day padded with a space, simplified away).
        date = c.toDateTime(simplified, QStringLiteral("ddd MMM d HH:mm:ss yyyy"));
    }
    if (!date.isValid()) {
        // RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT"; a two-digit year more than 50 years ahead
        // is the most recent past year with those digits.
        // The weekday is checked once the century is known (Qt reads "yy" as 19yy).
        const qsizetype comma = simplified.indexOf(QLatin1String(", "));
        date = c.toDateTime(simplified.mid(comma + 2), QStringLiteral("dd-MMM-yy HH:mm:ss 'GMT'"));
        if (comma > 0 && date.isValid()) {
            const int year = now.date().year() / 100 * 100 + date.date().year() % 100;
            const int fixed = year > now.date().year() + 50 ? year - 100 : year;
            date.setDate(QDate(fixed, date.date().month(), date.date().day()));
            if (simplified.left(comma) != c.dayName(date.date().dayOfWeek(), QLocale::LongFormat))
                return {};
        } else {
            return {};
        }
    }
    if (!date.isValid())
        return {};
    date.setTimeZone(QTimeZone::utc());
    return date;
}

} // namespace

std::optional<qint64> retryAfterMs(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    const QString text = QString::fromLatin1(trimmed);
    if (digits.match(text).hasMatch()) {
        bool ok = false;
        const qint64 seconds = trimmed.toLongLong(&ok);
        if (!ok)
            return std::nullopt;
        constexpr qint64 kMaxSeconds = qint64(1) << 40; // far beyond any cap; no overflow below
        return std::min(seconds, kMaxSeconds) * 1000;
    }
    const QDateTime date = parseHttpDate(text, now);
    if (!date.isValid())
        return std::nullopt;
    return std::max<qint64>(0, now.msecsTo(date));
}

} // namespace Qluster
