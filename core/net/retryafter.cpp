// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "retryafter.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

namespace Qluster {

namespace {

// A date and a time of day read as UTC. They are parsed apart, because QLocale::toDateTime reads
// them as local time, which skips or repeats an hour around daylight-saving changes.
QDateTime utc(const QDate &date, const QTime &time)
{
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, QTimeZone::utc());
}

QDateTime parseHttpDate(const QString &text, const QDateTime &now)
{
    // HTTP dates are always GMT and in English (RFC 9110 section 5.6.7).
    const QLocale c = QLocale::c();
    const QStringList words = text.simplified().split(QLatin1Char(' '));
    const QString hms = QStringLiteral("HH:mm:ss");
    // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT".
    if (words.size() == 6 && words.at(0).endsWith(QLatin1Char(',')) && words.at(5) == QLatin1String("GMT")) {
        const QDate date = c.toDate(words.mid(0, 4).join(QLatin1Char(' ')), QStringLiteral("ddd, dd MMM yyyy"));
        return utc(date, c.toTime(words.at(4), hms));
    }
    // asctime: "Sun Nov  6 08:49:37 1994" (the day padded with a space, simplified away).
    if (words.size() == 5) {
        const QDate date = c.toDate(QStringList{words.at(0), words.at(1), words.at(2), words.at(4)}.join(QLatin1Char(' ')),
                                    QStringLiteral("ddd MMM d yyyy"));
        return utc(date, c.toTime(words.at(3), hms));
    }
    // RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT"; a two-digit year more than 50 years ahead is the
    // most recent past year with those digits. The weekday is checked once the century is known
    // (Qt reads "yy" as 19yy).
    if (words.size() == 4 && words.at(0).endsWith(QLatin1Char(',')) && words.at(3) == QLatin1String("GMT")) {
        QDate date = c.toDate(words.at(1), QStringLiteral("dd-MMM-yy"));
        if (!date.isValid())
            return {};
        const int year = now.date().year() / 100 * 100 + date.year() % 100;
        date = QDate(year > now.date().year() + 50 ? year - 100 : year, date.month(), date.day());
        if (words.at(0).chopped(1) != c.dayName(date.dayOfWeek(), QLocale::LongFormat))
            return {};
        return utc(date, c.toTime(words.at(2), hms));
    }
    return {};
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
