// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "objectmeta.h"

#include <QJsonArray>

#include <optional>

namespace Qluster {

namespace {

// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil).
qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return qint64(era) * 146097 + doe - 719468;
}

// The form metav1.Time always has, "2006-01-02T15:04:05Z", read without QDateTime's parser
// (list pages carry one or two per object); nullopt for anything else.
std::optional<QDateTime> parseUtcSeconds(const QString &text)
{
    if (text.size() != 20 || text.at(4) != u'-' || text.at(7) != u'-' || text.at(10) != u'T'
        || text.at(13) != u':' || text.at(16) != u':' || text.at(19) != u'Z')
        return std::nullopt;
    bool ok = true;
    const auto field = [&](int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; ++i) {
            const char16_t c = text.at(i).unicode();
            ok = ok && c >= u'0' && c <= u'9';
            value = value * 10 + (c - u'0');
        }
        return value;
    };
    const int year = field(0, 4), month = field(5, 2), day = field(8, 2);
    const int hour = field(11, 2), minute = field(14, 2), second = field(17, 2);
    if (!ok || year < 1 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    static constexpr int kDaysInMonth[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (day > kDaysInMonth[month - 1] || (month == 2 && day == 29 && !leap))
        return std::nullopt;
    const qint64 seconds = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
}

} // namespace

QDateTime parseTimestamp(const QString &text)
{
    if (text.isEmpty())
        return {};
    if (auto t = parseUtcSeconds(text))
        return *t;
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}

ObjectMeta ObjectMeta::fromJson(const QJsonObject &m)
{
    ObjectMeta meta;
    meta.name = m.value(QLatin1String("name")).toString();
    meta.namespaceName = m.value(QLatin1String("namespace")).toString();
    meta.uid = m.value(QLatin1String("uid")).toString();
    meta.resourceVersion = m.value(QLatin1String("resourceVersion")).toString();
    meta.creationTimestamp = parseTimestamp(m.value(QLatin1String("creationTimestamp")).toString());
    meta.deletionTimestamp = parseTimestamp(m.value(QLatin1String("deletionTimestamp")).toString());
    meta.generation = m.value(QLatin1String("generation")).toInteger();
    const QJsonObject labels = m.value(QLatin1String("labels")).toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it)
        meta.labels.insert(it.key(), it.value().toString());
    const QJsonArray owners = m.value(QLatin1String("ownerReferences")).toArray();
    for (const QJsonValue &ov : owners) {
        const QJsonObject o = ov.toObject();
        OwnerReference ref;
        ref.apiVersion = o.value(QLatin1String("apiVersion")).toString();
        ref.kind = o.value(QLatin1String("kind")).toString();
        ref.name = o.value(QLatin1String("name")).toString();
        ref.uid = o.value(QLatin1String("uid")).toString();
        ref.controller = o.value(QLatin1String("controller")).toBool();
        meta.ownerReferences.append(ref);
    }
    return meta;
}

QString ObjectMeta::key() const
{
    if (namespaceName.isEmpty())
        return name;
    return namespaceName + QLatin1Char('/') + name;
}

} // namespace Qluster
