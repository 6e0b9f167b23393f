// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "duration.h"

namespace Qluster {

QString humanDuration(qint64 seconds)
{
    if (seconds < -1)
        return QStringLiteral("<invalid>");
    if (seconds < 0)
        return QStringLiteral("0s");
    if (seconds < 60 * 2)
        return QString::number(seconds) + QLatin1Char('s');
    const qint64 minutes = seconds / 60;
    if (minutes < 10) {
        const qint64 s = seconds % 60;
        if (s == 0)
            return QString::number(minutes) + QLatin1Char('m');
        return QString::number(minutes) + QLatin1Char('m') + QString::number(s) + QLatin1Char('s');
    }
    if (minutes < 60 * 3)
        return QString::number(minutes) + QLatin1Char('m');
    const qint64 hours = seconds / 3600;
    if (hours < 8) {
        const qint64 m = minutes % 60;
        if (m == 0)
            return QString::number(hours) + QLatin1Char('h');
        return QString::number(hours) + QLatin1Char('h') + QString::number(m) + QLatin1Char('m');
    }
    if (hours < 48)
        return QString::number(hours) + QLatin1Char('h');
    if (hours < 24 * 8) {
        const qint64 h = hours % 24;
        if (h == 0)
            return QString::number(hours / 24) + QLatin1Char('d');
        return QString::number(hours / 24) + QLatin1Char('d') + QString::number(h) + QLatin1Char('h');
    }
    if (hours < 24 * 365 * 2)
        return QString::number(hours / 24) + QLatin1Char('d');
    if (hours < 24 * 365 * 8) {
        const qint64 dy = (hours / 24) % 365;
        if (dy == 0)
            return QString::number(hours / 24 / 365) + QLatin1Char('y');
        return QString::number(hours / 24 / 365) + QLatin1Char('y') + QString::number(dy)
               + QLatin1Char('d');
    }
    return QString::number(hours / 24 / 365) + QLatin1Char('y');
}

std::optional<qint64> parseDuration(const QString &input)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    qint64 total = 0;
    qsizetype i = 0;
    int units = 0;
    while (i < text.size()) {
        const qsizetype start = i;
        while (i < text.size() && text.at(i).isDigit())
            ++i;
        if (i == start || i >= text.size())
            return std::nullopt;
        const qint64 n = QStringView(text).mid(start, i - start).toLongLong();
        qint64 factor = 0;
        switch (text.at(i).unicode()) {
        case 'y': factor = 365 * 24 * 3600; break;
        case 'd': factor = 24 * 3600; break;
        case 'h': factor = 3600; break;
        case 'm': factor = 60; break;
        case 's': factor = 1; break;
        default: return std::nullopt;
        }
        // "ms" would be milliseconds in Go durations; kubectl never prints it in AGE columns.
        ++i;
        total += n * factor;
        ++units;
    }
    return units > 0 ? std::optional<qint64>(total) : std::nullopt;
}

} // namespace Qluster
