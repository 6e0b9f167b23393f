// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"

#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace Qluster {

/// CronSchedule is a CronJob's spec.schedule as the Kubernetes CronJob controller reads it (the
/// standard parser of robfig/cron v3): five fields (minute, hour, day of month, month, day of
/// week) of numbers, `*` or `?`, ranges `a-b`, steps `*/n`, `a/n` and `a-b/n`, comma lists and
/// the names jan-dec and sun-sat; or one of @yearly, @annually, @monthly, @weekly, @daily,
/// @midnight, @hourly and `@every <duration>`. Day of week runs 0-6 (Sunday is 0). When both day
/// of month and day of week are restricted a day matches either of them; when one of them is `*`
/// (without a step) both must match. Times are wall-clock times in the schedule's zone: a time
/// the zone skips (daylight saving starts) does not occur, a time it repeats occurs twice.
class CronSchedule final
{
public:
    CronSchedule() = default;

    /// CronSchedule::parse reads `spec` for times in `zone`; the error message is the text the
    /// apiserver puts after `spec.schedule: Invalid value: "<spec>": `.
    static Result<CronSchedule> parse(const QString &spec, const QTimeZone &zone = QTimeZone::utc());

    /// CronSchedule::next is the first scheduled time after `after` (whole minutes; whole seconds
    /// for @every), in the schedule's zone, or an invalid QDateTime when none comes within five
    /// years (e.g. "0 0 30 2 *").
    QDateTime next(const QDateTime &after) const;

    const QTimeZone &timeZone() const { return m_zone; }

    /// CronSchedule::toRfc3339 formats `time` as Go's time.RFC3339 does (whole seconds, "Z" for a
    /// zero offset, else "+hh:mm"), as in the annotation batch.kubernetes.io/cronjob-scheduled-timestamp.
    static QString toRfc3339(const QDateTime &time);

private:
    bool dayMatches(const QDate &date) const;

    quint64 m_minutes = 0;      ///< bit n: minute n
    quint64 m_hours = 0;        ///< bit n: hour n
    quint64 m_daysOfMonth = 0;  ///< bit n: day n (1-31)
    quint64 m_months = 0;       ///< bit n: month n (1-12)
    quint64 m_daysOfWeek = 0;   ///< bit n: weekday n (0 = Sunday)
    bool m_dayOfMonthStar = false;
    bool m_dayOfWeekStar = false;
    qint64 m_everySeconds = 0;  ///< > 0 for `@every <duration>`
    QTimeZone m_zone = QTimeZone::utc();
};

} // namespace Qluster
