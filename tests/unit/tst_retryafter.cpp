// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "net/retryafter.h"

#include <QTest>
#include <QTimeZone>

using namespace Qluster;

class tst_RetryAfter final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
    void dateInALocalDaylightSavingGap();
};

void tst_RetryAfter::parse_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("expectedMs"); // -1: not readable

    // "now" in parse() is Thu, 03 Dec 2026 07:00:00 GMT.
    QTest::newRow("seconds") << QByteArray("120") << qint64(120000);
    QTest::newRow("zero seconds") << QByteArray("0") << qint64(0);
    QTest::newRow("seconds with spaces") << QByteArray(" 3 ") << qint64(3000);
    QTest::newRow("IMF-fixdate") << QByteArray("Thu, 03 Dec 2026 07:01:30 GMT") << qint64(90000);
    QTest::newRow("IMF-fixdate next day")
        << QByteArray("Fri, 04 Dec 2026 07:00:00 GMT") << qint64(24 * 3600 * 1000);
    QTest::newRow("date in the past: no wait")
        << QByteArray("Wed, 02 Dec 2026 07:00:00 GMT") << qint64(0);
    QTest::newRow("RFC 850 date") << QByteArray("Thursday, 03-Dec-26 07:00:10 GMT")
                                  << qint64(10000);
    QTest::newRow("RFC 850 date, wrong weekday")
        << QByteArray("Monday, 03-Dec-26 07:00:10 GMT") << qint64(-1);
    QTest::newRow("asctime date") << QByteArray("Thu Dec  3 07:00:05 2026") << qint64(5000);
    QTest::newRow("empty") << QByteArray() << qint64(-1);
    QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
    QTest::newRow("fraction") << QByteArray("1.5") << qint64(-1);
    QTest::newRow("words") << QByteArray("soon") << qint64(-1);
    QTest::newRow("date without GMT") << QByteArray("Thu, 03 Dec 2026 07:01:30") << qint64(-1);
}

void tst_RetryAfter::parse()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, expectedMs);
    const QDateTime now(QDate(2026, 12, 3), QTime(7, 0, 0), QTimeZone::utc());
    const std::optional<qint64> ms = retryAfterMs(value, now);
    if (expectedMs < 0) {
        QVERIFY2(!ms.has_value(), qPrintable(QString::number(ms.value_or(0))));
        return;
    }
    QVERIFY(ms.has_value());
    QCOMPARE(*ms, expectedMs);
}

void tst_RetryAfter::dateInALocalDaylightSavingGap()
{
    // 02:30 on 29 March 2026 does not exist in Warsaw (clocks go from 02:00 to 03:00), but the
    // date is GMT: it must be read as it is, whatever the local time zone.
    const QByteArray savedTz = qgetenv("TZ");
    qputenv("TZ", "Europe/Warsaw");
    const QDateTime now(QDate(2026, 3, 29), QTime(2, 0, 0), QTimeZone::utc());
    const std::optional<qint64> imf = retryAfterMs("Sun, 29 Mar 2026 02:30:00 GMT", now);
    const std::optional<qint64> asctime = retryAfterMs("Sun Mar 29 02:30:00 2026", now);
    if (savedTz.isNull())
        qunsetenv("TZ");
    else
        qputenv("TZ", savedTz);
    QCOMPARE(imf.value_or(-1), qint64(30 * 60 * 1000));
    QCOMPARE(asctime.value_or(-1), qint64(30 * 60 * 1000));
}

QTEST_GUILESS_MAIN(tst_RetryAfter)
#include "tst_retryafter.moc"
