// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "cronschedule.h"

#include <QRegularExpression>
#include <QStringList>

#include <cmath>
#include <limits>

namespace Qluster {

namespace {

struct Bounds
{
    qint64 min;
    qint64 max;
    QStringList names; ///< names[i] means min + i
};

const Bounds minuteBounds{0, 59, {}};
const Bounds hourBounds{0, 23, {}};
const Bounds dayOfMonthBounds{1, 31, {}};
const Bounds monthBounds{1, 12, {QStringLiteral("jan"), QStringLiteral("feb"), QStringLiteral("mar"),
                                 QStringLiteral("apr"), QStringLiteral("may"), QStringLiteral("jun"),
                                 QStringLiteral("jul"), QStringLiteral("aug"), QStringLiteral("sep"),
                                 QStringLiteral("oct"), QStringLiteral("nov"), QStringLiteral("dec")}};
const Bounds dayOfWeekBounds{0, 6, {QStringLiteral("sun"), QStringLiteral("mon"), QStringLiteral("tue"),
                                    QStringLiteral("wed"), QStringLiteral("thu"), QStringLiteral("fri"),
                                    QStringLiteral("sat")}};

struct FieldBits
{
    quint64 bits = 0;
    bool star = false;
};

quint64 bit(qint64 n)
{
    return quint64(1) << n;
}

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

Error invalid(const QString &message)
{
    return Error::invalid(message);
}

// strconv.Atoi as the Go parser uses it: an optional sign and decimal digits.
Result<qint64> parseInteger(const QString &text)
{
    static const QRegularExpression digits(QStringLiteral("^[+-]?[0-9]+$"));
    auto bad = [&](const char *why) {
        return fail(invalid(QStringLiteral("failed to parse int from %1: strconv.Atoi: parsing \"%1\": %2")
                                .arg(text, QLatin1String(why))));
    };
    if (!digits.match(text).hasMatch())
        return bad("invalid syntax");
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok)
        return bad("value out of range");
    if (value < 0)
        return fail(invalid(QStringLiteral("negative number (%1) not allowed: %2").arg(value).arg(text)));
    return value;
}

Result<qint64> parseIntegerOrName(const QString &text, const Bounds &bounds)
{
    const qsizetype named = bounds.names.indexOf(text.toLower());
    if (named >= 0)
        return bounds.min + named;
    return parseInteger(text);
}

// One comma-separated part of a field: `*`, `?`, `n`, `a-b`, each optionally with `/step`.
Result<FieldBits> parseRange(const QString &expression, const Bounds &bounds)
{
    const QStringList rangeAndStep = expression.split(QLatin1Char('/'));
    const QStringList lowAndHigh = rangeAndStep.first().split(QLatin1Char('-'));
    const bool single = lowAndHigh.size() == 1;
    qint64 start = 0;
    qint64 end = 0;
    qint64 step = 1;
    bool star = false;
    if (lowAndHigh.first() == QLatin1String("*") || lowAndHigh.first() == QLatin1String("?")) {
        start = bounds.min;
        end = bounds.max;
        star = true;
    } else {
        auto low = parseIntegerOrName(lowAndHigh.first(), bounds);
        if (!low)
            return fail(low.error());
        start = end = *low;
        if (lowAndHigh.size() == 2) {
            auto high = parseIntegerOrName(lowAndHigh.at(1), bounds);
            if (!high)
                return fail(high.error());
            end = *high;
        } else if (lowAndHigh.size() > 2) {
            return fail(invalid(QStringLiteral("too many hyphens: %1").arg(expression)));
        }
    }
    if (rangeAndStep.size() == 2) {
        auto parsed = parseInteger(rangeAndStep.at(1));
        if (!parsed)
            return fail(parsed.error());
        step = *parsed;
        // "n/step" means "n-max/step".
        if (single)
            end = bounds.max;
        if (step > 1)
            star = false;
    } else if (rangeAndStep.size() > 2) {
        return fail(invalid(QStringLiteral("too many slashes: %1").arg(expression)));
    }
    if (start < bounds.min)
        return fail(invalid(QStringLiteral("beginning of range (%1) below minimum (%2): %3").arg(start).arg(bounds.min).arg(expression)));
    if (end > bounds.max)
        return fail(invalid(QStringLiteral("end of range (%1) above maximum (%2): %3").arg(end).arg(bounds.max).arg(expression)));
    if (start > end)
        return fail(invalid(QStringLiteral("beginning of range (%1) beyond end of range (%2): %3").arg(start).arg(end).arg(expression)));
    if (step == 0)
        return fail(invalid(QStringLiteral("step of range should be a positive number: %1").arg(expression)));
    FieldBits result;
    for (qint64 i = start; i <= end; i += step)
        result.bits |= bit(i);
    result.star = star;
    return result;
}

Result<FieldBits> parseField(const QString &field, const Bounds &bounds)
{
    FieldBits result;
    for (const QString &expression : field.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        auto range = parseRange(expression, bounds);
        if (!range)
            return fail(range.error());
        result.bits |= range->bits;
        result.star = result.star || range->star;
    }
    return result;
}

// time.ParseDuration: a sequence of decimal numbers with units (ns, us, µs, ms, s, m, h).
Result<double> parseGoDurationSeconds(const QString &text)
{
    const QString quoted = QLatin1Char('"') + text + QLatin1Char('"');
    auto invalidDuration = [&] { return fail(invalid(QStringLiteral("time: invalid duration ") + quoted)); };
    QString s = text;
    bool negative = false;
    if (!s.isEmpty() && (s.front() == QLatin1Char('-') || s.front() == QLatin1Char('+'))) {
        negative = s.front() == QLatin1Char('-');
        s.remove(0, 1);
    }
    if (s == QLatin1String("0"))
        return 0.0;
    if (s.isEmpty())
        return invalidDuration();
    double total = 0;
    while (!s.isEmpty()) {
        qsizetype i = 0;
        while (i < s.size() && s.at(i).isDigit() && s.at(i).unicode() < 128)
            ++i;
        const bool whole = i > 0;
        bool fraction = false;
        if (i < s.size() && s.at(i) == QLatin1Char('.')) {
            const qsizetype dot = ++i;
            while (i < s.size() && s.at(i).isDigit() && s.at(i).unicode() < 128)
                ++i;
            fraction = i > dot;
        }
        if (!whole && !fraction)
            return invalidDuration();
        const double number = s.left(i).toDouble();
        s.remove(0, i);
        qsizetype u = 0;
        while (u < s.size() && s.at(u) != QLatin1Char('.') && !(s.at(u).isDigit() && s.at(u).unicode() < 128))
            ++u;
        if (u == 0)
            return fail(invalid(QStringLiteral("time: missing unit in duration ") + quoted));
        const QString unit = s.left(u);
        s.remove(0, u);
        double scale = 0;
        if (unit == QLatin1String("ns"))
            scale = 1e-9;
        else if (unit == QLatin1String("us") || unit == QStringLiteral("\u00b5s") || unit == QStringLiteral("\u03bcs"))
            scale = 1e-6;
        else if (unit == QLatin1String("ms"))
            scale = 1e-3;
        else if (unit == QLatin1String("s"))
            scale = 1;
        else if (unit == QLatin1String("m"))
            scale = 60;
        else if (unit == QLatin1String("h"))
            scale = 3600;
        else
            return fail(invalid(QStringLiteral("time: unknown unit \"%1\" in duration %2").arg(unit, quoted)));
        total += number * scale;
        // time.Duration is int64 nanoseconds: about 292 years.
        if (total > 9.2e9)
            return invalidDuration();
    }
    return negative ? -total : total;
}

} // namespace

Result<CronSchedule> CronSchedule::parse(const QString &specText, const QTimeZone &zone)
{
    QString spec = specText;
    if (spec.isEmpty())
        return fail(invalid(QStringLiteral("empty spec string")));
    CronSchedule schedule;
    schedule.m_zone = zone;
    if (spec.startsWith(QLatin1String("TZ=")) || spec.startsWith(QLatin1String("CRON_TZ="))) {
        const qsizetype space = spec.indexOf(QLatin1Char(' '));
        const qsizetype equals = spec.indexOf(QLatin1Char('='));
        const QString name = spec.mid(equals + 1, space < 0 ? -1 : space - equals - 1);
        const QTimeZone prefixed(name.toUtf8());
        if (space < 0 || !prefixed.isValid())
            return fail(invalid(QStringLiteral("provided bad location %1: unknown time zone %1").arg(name)));
        schedule.m_zone = prefixed;
        spec = spec.mid(space).trimmed();
    }
    if (spec.startsWith(QLatin1Char('@'))) {
        const quint64 allDays = 0xfffffffeULL;  // 1-31
        const quint64 allMonths = 0x1ffeULL;    // 1-12
        const quint64 allWeekdays = 0x7fULL;    // 0-6
        const quint64 allHours = 0xffffffULL;   // 0-23
        schedule.m_minutes = bit(0);
        schedule.m_hours = bit(0);
        schedule.m_daysOfMonth = allDays;
        schedule.m_months = allMonths;
        schedule.m_daysOfWeek = allWeekdays;
        schedule.m_dayOfMonthStar = true;
        schedule.m_dayOfWeekStar = true;
        if (spec == QLatin1String("@yearly") || spec == QLatin1String("@annually")) {
            schedule.m_daysOfMonth = bit(1);
            schedule.m_dayOfMonthStar = false;
            schedule.m_months = bit(1);
        } else if (spec == QLatin1String("@monthly")) {
            schedule.m_daysOfMonth = bit(1);
            schedule.m_dayOfMonthStar = false;
        } else if (spec == QLatin1String("@weekly")) {
            schedule.m_daysOfWeek = bit(0);
            schedule.m_dayOfWeekStar = false;
        } else if (spec == QLatin1String("@daily") || spec == QLatin1String("@midnight")) {
        } else if (spec == QLatin1String("@hourly")) {
            schedule.m_hours = allHours;
        } else if (spec.startsWith(QLatin1String("@every "))) {
            auto seconds = parseGoDurationSeconds(spec.mid(7));
            if (!seconds)
                return fail(invalid(QStringLiteral("failed to parse duration %1: %2").arg(spec, seconds.error().message)));
            // robfig/cron: at least one second, whole seconds.
            schedule.m_everySeconds = std::max<qint64>(1, qint64(std::floor(*seconds)));
        } else {
            return fail(invalid(QStringLiteral("unrecognized descriptor: %1").arg(spec)));
        }
        return schedule;
    }
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    const QStringList fields = spec.split(whitespace, Qt::SkipEmptyParts);
    if (fields.size() != 5) {
        return fail(invalid(QStringLiteral("expected exactly 5 fields, found %1: [%2]")
                                .arg(fields.size())
                                .arg(fields.join(QLatin1Char(' ')))));
    }
    const Bounds *bounds[] = {&minuteBounds, &hourBounds, &dayOfMonthBounds, &monthBounds, &dayOfWeekBounds};
    FieldBits parsed[5];
    for (int i = 0; i < 5; ++i) {
        auto field = parseField(fields.at(i), *bounds[i]);
        if (!field)
            return fail(field.error());
        parsed[i] = *field;
    }
    schedule.m_minutes = parsed[0].bits;
    schedule.m_hours = parsed[1].bits;
    schedule.m_daysOfMonth = parsed[2].bits;
    schedule.m_dayOfMonthStar = parsed[2].star;
    schedule.m_months = parsed[3].bits;
    schedule.m_daysOfWeek = parsed[4].bits;
    schedule.m_dayOfWeekStar = parsed[4].star;
    return schedule;
}

QString CronSchedule::toRfc3339(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.offsetFromUtc() == 0 ? time.toUTC().toString(Qt::ISODate) : time.toString(Qt::ISODate);
}

bool CronSchedule::dayMatches(const QDate &date) const
{
    const bool dayOfMonth = m_daysOfMonth & bit(date.day());
    const bool dayOfWeek = m_daysOfWeek & bit(date.dayOfWeek() % 7);
    // As cron (and robfig/cron): a `*` in either field means both must match; otherwise either.
    if (m_dayOfMonthStar || m_dayOfWeekStar)
        return dayOfMonth && dayOfWeek;
    return dayOfMonth || dayOfWeek;
}

QDateTime CronSchedule::next(const QDateTime &after) const
{
    if (!after.isValid())
        return {};
    const qint64 afterSeconds = floorDiv(after.toMSecsSinceEpoch(), 1000);
    if (m_everySeconds > 0)
        return QDateTime::fromSecsSinceEpoch(afterSeconds + m_everySeconds, m_zone);
    if (!m_minutes || !m_hours || !m_months || !(m_daysOfMonth | m_daysOfWeek))
        return {};
    // Walk instants (seconds since the epoch), looking at them as wall-clock times in the zone and
    // skipping whole months, days, hours and minutes that cannot match.
    qint64 t = (floorDiv(afterSeconds, 60) + 1) * 60;
    const int yearLimit = QDateTime::fromSecsSinceEpoch(t, m_zone).date().year() + 5;
    const bool transitions = m_zone.hasTransitions();
    qint64 transition = std::numeric_limits<qint64>::min();
    for (;;) {
        const QDateTime local = QDateTime::fromSecsSinceEpoch(t, m_zone);
        const QDate date = local.date();
        const QTime time = local.time();
        if (date.year() > yearLimit)
            return {};
        if (!(m_months & bit(date.month()))) {
            t = QDate(date.year(), date.month(), 1).addMonths(1).startOfDay(m_zone).toSecsSinceEpoch();
            continue;
        }
        if (!dayMatches(date)) {
            t = date.addDays(1).startOfDay(m_zone).toSecsSinceEpoch();
            continue;
        }
        qint64 skip = 0;
        if (!(m_hours & bit(time.hour()))) {
            skip = (60 - time.minute()) * 60 - time.second();
        } else if (!(m_minutes & bit(time.minute())) || time.second() != 0) {
            int minute = time.minute() + 1;
            while (minute < 60 && !(m_minutes & bit(minute)))
                ++minute;
            skip = (minute - time.minute()) * 60 - time.second();
        } else {
            return local;
        }
        // A change of the zone's offset inside the skipped span moves the wall clock: stop there
        // and look again.
        if (transitions && transition <= t) {
            const QTimeZone::OffsetData data = m_zone.nextTransition(QDateTime::fromSecsSinceEpoch(t, QTimeZone::utc()));
            transition = data.atUtc.isValid() ? data.atUtc.toSecsSinceEpoch() : std::numeric_limits<qint64>::max();
            if (transition <= t)
                transition = std::numeric_limits<qint64>::max();
        }
        t = transitions ? std::min(t + skip, transition) : t + skip;
    }
}

} // namespace Qluster
