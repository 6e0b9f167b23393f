// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "api/watchdecoder.h"
#include "testenv.h"

#include <QFile>
#include <QTest>

QLUSTER_TEST_NEEDS(Qluster::Test::NeedsCorpus)

using namespace Qluster;

namespace {

QByteArray response(const QString &name)
{
    QFile file(Qluster::Test::corpus(QStringLiteral("/real-1.22/responses/")) + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return file.readAll();
}

QString summary(const std::vector<WatchStreamEvent> &events)
{
    QStringList parts;
    for (const WatchStreamEvent &e : events) {
        QString s;
        switch (e.type) {
        case WatchStreamEvent::Type::Added: s = QStringLiteral("A"); break;
        case WatchStreamEvent::Type::Modified: s = QStringLiteral("M"); break;
        case WatchStreamEvent::Type::Deleted: s = QStringLiteral("D"); break;
        case WatchStreamEvent::Type::Bookmark: s = QStringLiteral("B"); break;
        case WatchStreamEvent::Type::Error: s = QStringLiteral("E"); break;
        }
        s += QLatin1Char(':');
        for (const ResourceObject &o : e.objects)
            s += o.metadata.name + QLatin1Char('@');
        s += e.resourceVersion;
        parts.append(s);
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace

class tst_WatchDecoder final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everySplit_data();
    void everySplit();
    void byteByByte();
    void tableColumnsOnFirstEvent();
    void errorEvent();
    void badFrameIsReportedAndSkipped();
    void framesWithoutNewlines();
};

void tst_WatchDecoder::everySplit_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expected");
    const QString expected = QStringLiteral(
        "A:cfg-1@348 A:cfg-2@349 A:cfg-3@350 A:live@358 M:live@359 D:live@360 B:360 B:360");
    QTest::newRow("plain") << "watch_configmaps_events.jsonl" << expected;
    QTest::newRow("table") << "watch_configmaps_table_events.jsonl" << expected;
    QTest::newRow("rv too old") << "watch_rv_too_old.jsonl"
                                << QStringLiteral("A:cfg-1@348 A:cfg-2@349 A:cfg-3@350 A:live@358 "
                                                  "M:live@359 D:live@360");
}

void tst_WatchDecoder::everySplit()
{
    QFETCH(QString, file);
    QFETCH(QString, expected);
    const QByteArray stream = response(file);
    // The stream split in two at every byte boundary decodes to the same events.
    for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
        WatchDecoder decoder;
        auto first = decoder.feed(stream.left(cut));
        auto second = decoder.feed(stream.mid(cut));
        QVERIFY(!first.error);
        QVERIFY(!second.error);
        std::vector<WatchStreamEvent> all = std::move(first.events);
        for (WatchStreamEvent &e : second.events)
            all.push_back(std::move(e));
        const QString got = summary(all);
        if (got != expected)
            QFAIL(qPrintable(QStringLiteral("cut at %1: %2").arg(cut).arg(got)));
        QVERIFY(!decoder.hasPartialFrame());
    }
}

void tst_WatchDecoder::byteByByte()
{
    const QByteArray stream = response(QStringLiteral("watch_configmaps_table_events.jsonl"));
    WatchDecoder decoder;
    std::vector<WatchStreamEvent> all;
    for (qsizetype i = 0; i < stream.size(); ++i) {
        auto out = decoder.feed(stream.mid(i, 1));
        QVERIFY(!out.error);
        for (WatchStreamEvent &e : out.events)
            all.push_back(std::move(e));
        if (i == 10)
            QVERIFY(decoder.hasPartialFrame());
    }
    QCOMPARE(all.size(), size_t(8));
    QCOMPARE(all.at(4).objects.at(0).metadata.uid, QStringLiteral("3341830a-99e1-4fdf-a025-c0c2b9397a8c"));
}

void tst_WatchDecoder::tableColumnsOnFirstEvent()
{
    WatchDecoder decoder;
    auto out = decoder.feed(response(QStringLiteral("watch_configmaps_table_events.jsonl")));
    QCOMPARE(out.events.size(), size_t(8));
    QCOMPARE(out.events.at(0).columns.size(), 3);
    QCOMPARE(out.events.at(0).columns.at(1).name, QStringLiteral("Data"));
    QVERIFY(out.events.at(1).columns.isEmpty()); // "columnDefinitions": null afterwards
    QCOMPARE(out.events.at(0).objects.at(0).cells.at(0).toString(), QStringLiteral("cfg-1"));
    QVERIFY(out.events.at(6).objects.empty()); // a bookmark carries no object
}

void tst_WatchDecoder::errorEvent()
{
    WatchDecoder decoder;
    auto out = decoder.feed(QByteArray(
        R"J({"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","metadata":{"resourceVersion":"999"},)J"
        R"J("status":"Failure","message":"too old resource version: 1 (356)","reason":"Expired","code":410}})J"
        "\n"));
    QVERIFY(!out.error);
    QCOMPARE(out.events.size(), size_t(1));
    const WatchStreamEvent &e = out.events.front();
    QCOMPARE(e.type, WatchStreamEvent::Type::Error);
    QCOMPARE(e.error.httpStatus, 410);
    QCOMPARE(e.error.reason, QStringLiteral("Expired"));
    QCOMPARE(e.error.message, QStringLiteral("too old resource version: 1 (356)"));
    QVERIFY(e.resourceVersion.isEmpty()); // never resume from an ERROR's resourceVersion
    QVERIFY(e.objects.empty());
}

void tst_WatchDecoder::badFrameIsReportedAndSkipped()
{
    WatchDecoder decoder;
    auto out = decoder.feed(QByteArray(
        "{\"type\":\"WHAT\",\"object\":{}}\n"
        "{\"type\":\"ADDED\",\"object\":{\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\",\"resourceVersion\":\"5\"}}}\n"));
    QVERIFY(out.error);
    QCOMPARE(out.error->kind, Error::Kind::Parse);
    QCOMPARE(summary(out.events), QStringLiteral("A:a@5"));
}

void tst_WatchDecoder::framesWithoutNewlines()
{
    // Braces inside strings (and escaped quotes) must not end a frame early.
    WatchDecoder decoder;
    auto out = decoder.feed(QByteArray(
        R"({"type":"ADDED","object":{"metadata":{"name":"x","resourceVersion":"1","labels":{"a":"}{\"]"}}}})"
        R"({"type":"MODIFIED","object":{"metadata":{"name":"x","resourceVersion":"2"}}})"));
    QVERIFY(!out.error);
    QCOMPARE(summary(out.events), QStringLiteral("A:x@1 M:x@2"));
    QCOMPARE(out.events.at(0).objects.at(0).metadata.labels.value(QStringLiteral("a")),
             QStringLiteral("}{\"]"));
}

QTEST_GUILESS_MAIN(tst_WatchDecoder)
#include "tst_watchdecoder.moc"
