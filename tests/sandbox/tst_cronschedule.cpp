// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
// CronSchedule: the CronJob schedule parser and its next-time computation, checked against times
// worked out by hand (calendar and the zone's daylight saving rules).

#include "sandbox/cronschedule.h"

#include <QTest>

using namespace Qluster;

class tst_CronSchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void next_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QStringList>("expected");

        const QString utc = QStringLiteral("UTC");
        const QString berlin = QStringLiteral("Europe/Berlin");
        QTest::newRow("every minute") << QStringLiteral("* * * * *") << utc << QStringLiteral("2025-06-01T10:15:30Z")
                                      << QStringList{QStringLiteral("2025-06-01T10:16:00Z"), QStringLiteral("2025-06-01T10:17:00Z")};
        QTest::newRow("step, strictly after") << QStringLiteral("*/15 * * * *") << utc << QStringLiteral("2025-06-01T10:15:00Z")
                                              << QStringList{QStringLiteral("2025-06-01T10:30:00Z"), QStringLiteral("2025-06-01T10:45:00Z"),
                                                             QStringLiteral("2025-06-01T11:00:00Z")};
        QTest::newRow("range with step") << QStringLiteral("5-20/5 * * * *") << utc << QStringLiteral("2025-06-01T10:21:00Z")
                                         << QStringList{QStringLiteral("2025-06-01T11:05:00Z"), QStringLiteral("2025-06-01T11:10:00Z"),
                                                        QStringLiteral("2025-06-01T11:15:00Z"), QStringLiteral("2025-06-01T11:20:00Z"),
                                                        QStringLiteral("2025-06-01T12:05:00Z")};
        QTest::newRow("n/step runs to the maximum") << QStringLiteral("50/5 * * * *") << utc << QStringLiteral("2025-06-01T10:00:00Z")
                                                    << QStringList{QStringLiteral("2025-06-01T10:50:00Z"), QStringLiteral("2025-06-01T10:55:00Z"),
                                                                   QStringLiteral("2025-06-01T11:50:00Z")};
        // 2025-06-30 is a Monday; July 4th a Friday.
        QTest::newRow("lists and names") << QStringLiteral("0 9 * jan,JUL mon-fri") << utc << QStringLiteral("2025-06-30T12:00:00Z")
                                         << QStringList{QStringLiteral("2025-07-01T09:00:00Z"), QStringLiteral("2025-07-02T09:00:00Z"),
                                                        QStringLiteral("2025-07-03T09:00:00Z"), QStringLiteral("2025-07-04T09:00:00Z"),
                                                        QStringLiteral("2025-07-07T09:00:00Z")};
        // Both day fields restricted: the 13th or any Friday (2025-06-01 is a Sunday).
        QTest::newRow("day of month or day of week")
            << QStringLiteral("0 0 13 * 5") << utc << QStringLiteral("2025-06-01T00:00:00Z")
            << QStringList{QStringLiteral("2025-06-06T00:00:00Z"), QStringLiteral("2025-06-13T00:00:00Z"), QStringLiteral("2025-06-20T00:00:00Z"),
                           QStringLiteral("2025-06-27T00:00:00Z"), QStringLiteral("2025-07-04T00:00:00Z"), QStringLiteral("2025-07-11T00:00:00Z"),
                           QStringLiteral("2025-07-13T00:00:00Z")};
        QTest::newRow("star day of week: day of month only") << QStringLiteral("0 0 13 * *") << utc << QStringLiteral("2025-06-01T00:00:00Z")
                                                             << QStringList{QStringLiteral("2025-06-13T00:00:00Z"), QStringLiteral("2025-07-13T00:00:00Z")};
        // A stepped star is a restriction (robfig/cron, hence Kubernetes): days 1, 11, 21, 31 or Mondays.
        QTest::newRow("stepped star is no star")
            << QStringLiteral("0 0 */10 * mon") << utc << QStringLiteral("2025-06-01T00:00:00Z")
            << QStringList{QStringLiteral("2025-06-02T00:00:00Z"), QStringLiteral("2025-06-09T00:00:00Z"), QStringLiteral("2025-06-11T00:00:00Z"),
                           QStringLiteral("2025-06-16T00:00:00Z"), QStringLiteral("2025-06-21T00:00:00Z"), QStringLiteral("2025-06-23T00:00:00Z"),
                           QStringLiteral("2025-06-30T00:00:00Z"), QStringLiteral("2025-07-01T00:00:00Z")};
        QTest::newRow("question mark is a star") << QStringLiteral("0 12 ? * SUN") << utc << QStringLiteral("2025-06-01T00:00:00Z")
                                                 << QStringList{QStringLiteral("2025-06-01T12:00:00Z"), QStringLiteral("2025-06-08T12:00:00Z")};
        QTest::newRow("31st skips short months") << QStringLiteral("0 0 31 * *") << utc << QStringLiteral("2025-01-31T00:00:00Z")
                                                 << QStringList{QStringLiteral("2025-03-31T00:00:00Z"), QStringLiteral("2025-05-31T00:00:00Z"),
                                                                QStringLiteral("2025-07-31T00:00:00Z"), QStringLiteral("2025-08-31T00:00:00Z")};
        QTest::newRow("february 29th") << QStringLiteral("0 0 29 2 *") << utc << QStringLiteral("2025-03-01T00:00:00Z")
                                       << QStringList{QStringLiteral("2028-02-29T00:00:00Z"), QStringLiteral("2032-02-29T00:00:00Z")};
        QTest::newRow("never within five years") << QStringLiteral("0 0 30 2 *") << utc << QStringLiteral("2025-03-01T00:00:00Z") << QStringList{};
        QTest::newRow("@hourly") << QStringLiteral("@hourly") << utc << QStringLiteral("2025-06-01T10:00:00Z")
                                 << QStringList{QStringLiteral("2025-06-01T11:00:00Z"), QStringLiteral("2025-06-01T12:00:00Z")};
        QTest::newRow("@daily") << QStringLiteral("@daily") << utc << QStringLiteral("2025-06-01T00:00:00Z")
                                << QStringList{QStringLiteral("2025-06-02T00:00:00Z"), QStringLiteral("2025-06-03T00:00:00Z")};
        QTest::newRow("@midnight") << QStringLiteral("@midnight") << utc << QStringLiteral("2025-06-01T23:59:59Z")
                                   << QStringList{QStringLiteral("2025-06-02T00:00:00Z")};
        QTest::newRow("@weekly: Sundays") << QStringLiteral("@weekly") << utc << QStringLiteral("2025-06-01T00:00:00Z")
                                          << QStringList{QStringLiteral("2025-06-08T00:00:00Z"), QStringLiteral("2025-06-15T00:00:00Z")};
        QTest::newRow("@monthly") << QStringLiteral("@monthly") << utc << QStringLiteral("2025-01-31T12:00:00Z")
                                  << QStringList{QStringLiteral("2025-02-01T00:00:00Z"), QStringLiteral("2025-03-01T00:00:00Z")};
        QTest::newRow("@yearly") << QStringLiteral("@yearly") << utc << QStringLiteral("2025-01-01T00:00:00Z")
                                 << QStringList{QStringLiteral("2026-01-01T00:00:00Z")};
        QTest::newRow("@annually") << QStringLiteral("@annually") << utc << QStringLiteral("2099-12-31T23:59:00Z")
                                   << QStringList{QStringLiteral("2100-01-01T00:00:00Z")};
        QTest::newRow("@every: from the second") << QStringLiteral("@every 1m30s") << utc << QStringLiteral("2025-06-01T10:00:00.500Z")
                                                 << QStringList{QStringLiteral("2025-06-01T10:01:30Z"), QStringLiteral("2025-06-01T10:03:00Z")};
        QTest::newRow("zone: New York summer") << QStringLiteral("0 9 * * *") << QStringLiteral("America/New_York") << QStringLiteral("2025-07-01T00:00:00Z")
                                               << QStringList{QStringLiteral("2025-07-01T09:00:00-04:00"), QStringLiteral("2025-07-02T09:00:00-04:00")};
        QTest::newRow("CRON_TZ prefix") << QStringLiteral("CRON_TZ=Europe/Berlin 0 9 * * *") << utc << QStringLiteral("2025-07-01T00:00:00Z")
                                        << QStringList{QStringLiteral("2025-07-01T09:00:00+02:00")};
        // Berlin: 2025-03-30 02:00 CET jumps to 03:00 CEST; 2025-10-26 03:00 CEST falls back to
        // 02:00 CET. A skipped wall-clock time does not happen; a repeated one happens twice.
        QTest::newRow("DST starts: 02:30 skipped") << QStringLiteral("30 2 * * *") << berlin << QStringLiteral("2025-03-29T12:00:00+01:00")
                                                   << QStringList{QStringLiteral("2025-03-31T02:30:00+02:00"), QStringLiteral("2025-04-01T02:30:00+02:00")};
        QTest::newRow("DST starts: hourly") << QStringLiteral("0 * * * *") << berlin << QStringLiteral("2025-03-30T00:30:00+01:00")
                                            << QStringList{QStringLiteral("2025-03-30T01:00:00+01:00"), QStringLiteral("2025-03-30T03:00:00+02:00"),
                                                           QStringLiteral("2025-03-30T04:00:00+02:00")};
        QTest::newRow("DST ends: 02:30 twice") << QStringLiteral("30 2 * * *") << berlin << QStringLiteral("2025-10-25T12:00:00+02:00")
                                               << QStringList{QStringLiteral("2025-10-26T02:30:00+02:00"), QStringLiteral("2025-10-26T02:30:00+01:00"),
                                                              QStringLiteral("2025-10-27T02:30:00+01:00")};
        QTest::newRow("DST ends: every two hours") << QStringLiteral("0 */2 * * *") << berlin << QStringLiteral("2025-10-26T00:30:00+02:00")
                                                   << QStringList{QStringLiteral("2025-10-26T02:00:00+02:00"), QStringLiteral("2025-10-26T02:00:00+01:00"),
                                                                  QStringLiteral("2025-10-26T04:00:00+01:00")};
    }

    void next()
    {
        QFETCH(QString, spec);
        QFETCH(QString, zone);
        QFETCH(QString, after);
        QFETCH(QStringList, expected);
        const QTimeZone timeZone(zone.toUtf8());
        QVERIFY2(timeZone.isValid(), qPrintable(zone));
        auto schedule = CronSchedule::parse(spec, timeZone);
        QVERIFY2(schedule, qPrintable(schedule ? QString() : schedule.error().message));
        QDateTime t = QDateTime::fromString(after, Qt::ISODateWithMs);
        QVERIFY(t.isValid());
        QStringList got;
        for (qsizetype i = 0; i < qMax<qsizetype>(expected.size(), 1); ++i) {
            t = schedule->next(t);
            if (!t.isValid())
                break;
            got << CronSchedule::toRfc3339(t);
        }
        QCOMPARE(got, expected);
    }

    void parseErrors_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QString() << QStringLiteral("empty spec string");
        QTest::newRow("one word") << QStringLiteral("daily") << QStringLiteral("expected exactly 5 fields, found 1: [daily]");
        QTest::newRow("six fields") << QStringLiteral("0 * * * * *") << QStringLiteral("expected exactly 5 fields, found 6: [0 * * * * *]");
        QTest::newRow("minute 60") << QStringLiteral("60 * * * *") << QStringLiteral("end of range (60) above maximum (59): 60");
        QTest::newRow("day 0") << QStringLiteral("* * 0 * *") << QStringLiteral("beginning of range (0) below minimum (1): 0");
        QTest::newRow("weekday 7") << QStringLiteral("* * * * 7") << QStringLiteral("end of range (7) above maximum (6): 7");
        QTest::newRow("reversed range") << QStringLiteral("5-3 * * * *") << QStringLiteral("beginning of range (5) beyond end of range (3): 5-3");
        QTest::newRow("step 0") << QStringLiteral("*/0 * * * *") << QStringLiteral("step of range should be a positive number: */0");
        QTest::newRow("negative step") << QStringLiteral("*/-1 * * * *") << QStringLiteral("negative number (-1) not allowed: -1");
        QTest::newRow("not a number") << QStringLiteral("x * * * *")
                                      << QStringLiteral("failed to parse int from x: strconv.Atoi: parsing \"x\": invalid syntax");
        QTest::newRow("unknown month name") << QStringLiteral("* * * foo *")
                                            << QStringLiteral("failed to parse int from foo: strconv.Atoi: parsing \"foo\": invalid syntax");
        QTest::newRow("day name in the month field") << QStringLiteral("* * * mon *")
                                                     << QStringLiteral("failed to parse int from mon: strconv.Atoi: parsing \"mon\": invalid syntax");
        QTest::newRow("hyphens") << QStringLiteral("1-2-3 * * * *") << QStringLiteral("too many hyphens: 1-2-3");
        QTest::newRow("slashes") << QStringLiteral("*/2/3 * * * *") << QStringLiteral("too many slashes: */2/3");
        QTest::newRow("descriptor") << QStringLiteral("@fortnightly") << QStringLiteral("unrecognized descriptor: @fortnightly");
        QTest::newRow("every, unknown unit") << QStringLiteral("@every 1d")
                                             << QStringLiteral("failed to parse duration @every 1d: time: unknown unit \"d\" in duration \"1d\"");
        QTest::newRow("every, no unit") << QStringLiteral("@every 5")
                                        << QStringLiteral("failed to parse duration @every 5: time: missing unit in duration \"5\"");
        QTest::newRow("bad zone prefix") << QStringLiteral("TZ=Mars/Olympus 0 * * * *")
                                         << QStringLiteral("provided bad location Mars/Olympus: unknown time zone Mars/Olympus");
    }

    void parseErrors()
    {
        QFETCH(QString, spec);
        QFETCH(QString, message);
        auto schedule = CronSchedule::parse(spec);
        QVERIFY(!schedule);
        QCOMPARE(schedule.error().message, message);
    }
};

QTEST_GUILESS_MAIN(tst_CronSchedule)
#include "tst_cronschedule.moc"
