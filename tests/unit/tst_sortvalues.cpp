// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "api/duration.h"
#include "api/quantity.h"

#include <QTest>

using namespace Qluster;

class tst_SortValues final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void humanDuration_data();
    void humanDuration();
    void parseDuration_data();
    void parseDuration();
    void parseQuantity_data();
    void parseQuantity();
};

void tst_SortValues::humanDuration_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    // Cases from k8s.io/apimachinery/pkg/util/duration's HumanDuration tests.
    QTest::newRow("1s") << qint64(1) << "1s";
    QTest::newRow("70s") << qint64(70) << "70s";
    QTest::newRow("190s") << qint64(190) << "3m10s";
    QTest::newRow("180s") << qint64(180) << "3m";
    QTest::newRow("1h") << qint64(3600) << "60m";
    QTest::newRow("3h") << qint64(3 * 3600) << "3h";
    QTest::newRow("3h10m") << qint64(3 * 3600 + 600) << "3h10m";
    QTest::newRow("9h") << qint64(9 * 3600) << "9h";
    QTest::newRow("5d3h") << qint64(5 * 86400 + 3 * 3600) << "5d3h";
    QTest::newRow("100d") << qint64(100 * 86400) << "100d";
    QTest::newRow("2y10d") << qint64((365 * 2 + 10) * 86400) << "2y10d";
    QTest::newRow("9y") << qint64(365 * 9 * 86400) << "9y";
    QTest::newRow("negative") << qint64(-1) << "0s";
}

void tst_SortValues::humanDuration()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(Qluster::humanDuration(seconds), text);
}

void tst_SortValues::parseDuration_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("seconds"); // -1: not a duration
    QTest::newRow("45s") << "45s" << qint64(45);
    QTest::newRow("3m10s") << "3m10s" << qint64(190);
    QTest::newRow("5d3h") << "5d3h" << qint64(5 * 86400 + 3 * 3600);
    QTest::newRow("2y10d") << "2y10d" << qint64((365 * 2 + 10) * 86400);
    QTest::newRow("name") << "nginx" << qint64(-1);
    QTest::newRow("number") << "12" << qint64(-1);
    QTest::newRow("empty") << "" << qint64(-1);
    QTest::newRow("unknown") << "<unknown>" << qint64(-1);
}

void tst_SortValues::parseDuration()
{
    QFETCH(QString, text);
    QFETCH(qint64, seconds);
    const auto parsed = Qluster::parseDuration(text);
    QCOMPARE(parsed ? *parsed : qint64(-1), seconds);
}

void tst_SortValues::parseQuantity_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("value");
    QTest::addColumn<bool>("valid");
    QTest::newRow("500Mi") << "500Mi" << 500.0 * 1024 * 1024 << true;
    QTest::newRow("1.5Gi") << "1.5Gi" << 1.5 * 1024 * 1024 * 1024 << true;
    QTest::newRow("2") << "2" << 2.0 << true;
    QTest::newRow("100m") << "100m" << 0.1 << true;
    QTest::newRow("12k") << "12k" << 12000.0 << true;
    QTest::newRow("1e3") << "1e3" << 1000.0 << true;
    QTest::newRow("-1") << "-1" << -1.0 << true;
    QTest::newRow("word") << "Running" << 0.0 << false;
    QTest::newRow("bad suffix") << "5Xi" << 0.0 << false;
    QTest::newRow("dot") << "." << 0.0 << false;
}

void tst_SortValues::parseQuantity()
{
    QFETCH(QString, text);
    QFETCH(double, value);
    QFETCH(bool, valid);
    const auto parsed = Qluster::parseQuantity(text);
    QCOMPARE(parsed.has_value(), valid);
    if (valid)
        QCOMPARE(*parsed, value);
}

QTEST_GUILESS_MAIN(tst_SortValues)
#include "tst_sortvalues.moc"
