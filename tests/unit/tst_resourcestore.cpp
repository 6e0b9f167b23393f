// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "api/listpage.h"
#include "testenv.h"
#include "api/watchdecoder.h"
#include "cache/resourcestore.h"

#include <QFile>
#include <QTest>

QLUSTER_TEST_NEEDS(Qluster::Test::NeedsCorpus)

using namespace Qluster;

namespace {

QByteArray response(const char *name)
{
    QFile file(Qluster::Test::corpus(QStringLiteral("/real-1.22/responses/")) + QString::fromLatin1(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return file.readAll();
}

ResourceObject obj(const char *name, const char *rv, const char *uid = nullptr)
{
    ResourceObject o;
    o.metadata.name = QString::fromLatin1(name);
    o.metadata.namespaceName = QStringLiteral("demo");
    o.metadata.resourceVersion = QString::fromLatin1(rv);
    o.metadata.uid = uid ? QString::fromLatin1(uid) : QStringLiteral("uid-") + o.metadata.name;
    return o;
}

WatchStreamEvent makeEvent(WatchStreamEvent::Type type, const ResourceObject &o)
{
    WatchStreamEvent e;
    e.type = type;
    e.objects.push_back(o);
    e.resourceVersion = o.metadata.resourceVersion;
    return e;
}

QString describe(const ChangeBatch &batch)
{
    QStringList out;
    for (const ObjectChange &c : batch.changes) {
        const char *t = c.type == ObjectChange::Type::Added      ? "+"
                        : c.type == ObjectChange::Type::Modified ? "~"
                                                                 : "-";
        out.append(QString::fromLatin1(t) + c.object.metadata.name + QLatin1Char('@')
                   + c.object.metadata.resourceVersion);
    }
    out.sort();
    return out.join(QLatin1Char(' '));
}

} // namespace

class tst_ResourceStore final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void isNewer_data();
    void isNewer();
    void replaceFromEmpty();
    void relistReconcilesOnlyRealChanges();
    void recreatedWithSameName();
    void applyRecordedWatch();
    void staleEventsSkipped();
    void errorNeverMovesResourceVersion();
    void bookmarkMovesResourceVersion();
    void deleteOfUnknownIgnored();
    void finalStatesCoalesce();
    void tableColumnsFromWatch();
};

void tst_ResourceStore::isNewer_data()
{
    QTest::addColumn<QString>("candidate");
    QTest::addColumn<QString>("current");
    QTest::addColumn<bool>("newer");
    QTest::newRow("greater") << "360" << "359" << true;
    QTest::newRow("equal") << "359" << "359" << false;
    QTest::newRow("smaller") << "99" << "359" << false;
    QTest::newRow("numeric not lexical") << "1000" << "999" << true;
    QTest::newRow("empty current") << "5" << "" << true;
    QTest::newRow("opaque differs") << "abc" << "abd" << true;
    QTest::newRow("opaque same") << "abc" << "abc" << false;
}

void tst_ResourceStore::isNewer()
{
    QFETCH(QString, candidate);
    QFETCH(QString, current);
    QFETCH(bool, newer);
    QCOMPARE(ResourceStore::isNewer(candidate, current), newer);
}

void tst_ResourceStore::replaceFromEmpty()
{
    auto page = decodeListPage(response("table_deployments_includeObject_Metadata.json"), QStringLiteral("t"));
    if (!page)
        QFAIL(qPrintable(page.error().toString()));
    ResourceStore store;
    const ChangeBatch batch = store.replace(page->items, page->resourceVersion, page->columns, true);
    QCOMPARE(describe(batch), QStringLiteral("+api@347 +web@346"));
    QVERIFY(batch.columnsChanged);
    QCOMPARE(batch.columns.size(), 8);
    QCOMPARE(store.resourceVersion(), QStringLiteral("356"));
    QCOMPARE(store.size(), 2);
    QVERIFY(store.object(QStringLiteral("demo/api")));
    QVERIFY(!store.object(QStringLiteral("api")));
    // The same list again changes nothing.
    const ChangeBatch again = store.replace(page->items, page->resourceVersion, page->columns, true);
    QVERIFY(again.isEmpty());
}

void tst_ResourceStore::relistReconcilesOnlyRealChanges()
{
    ResourceStore store;
    store.replace({obj("a", "10"), obj("b", "11"), obj("c", "12")}, QStringLiteral("12"), {}, false);
    // After a 410 the relist shows: a unchanged, b modified, c deleted, d new.
    const ChangeBatch batch = store.replace({obj("a", "10"), obj("b", "20"), obj("d", "21")},
                                            QStringLiteral("21"), {}, false);
    QCOMPARE(describe(batch), QStringLiteral("+d@21 -c@12 ~b@20"));
    QVERIFY(!batch.columnsChanged);
    QCOMPARE(store.size(), 3);
    QCOMPARE(store.resourceVersion(), QStringLiteral("21"));
}

void tst_ResourceStore::recreatedWithSameName()
{
    ResourceStore store;
    store.replace({obj("a", "10", "u1")}, QStringLiteral("10"), {}, false);
    ChangeBatch batch;
    store.apply(makeEvent(WatchStreamEvent::Type::Deleted, obj("a", "11", "u1")), &batch);
    store.apply(makeEvent(WatchStreamEvent::Type::Added, obj("a", "12", "u2")), &batch);
    QCOMPARE(describe(batch), QStringLiteral("+a@12 -a@11"));
    QCOMPARE(store.object(QStringLiteral("demo/a"))->metadata.uid, QStringLiteral("u2"));
    // A late DELETED of the first incarnation does not remove the second.
    ChangeBatch late;
    store.apply(makeEvent(WatchStreamEvent::Type::Deleted, obj("a", "11", "u1")), &late);
    QVERIFY(late.changes.empty());
    QVERIFY(store.object(QStringLiteral("demo/a")));
}

void tst_ResourceStore::applyRecordedWatch()
{
    WatchDecoder decoder;
    auto out = decoder.feed(response("watch_configmaps_events.jsonl"));
    QVERIFY(!out.error);
    ResourceStore store;
    ChangeBatch batch;
    for (const WatchStreamEvent &e : out.events)
        store.apply(e, &batch);
    QCOMPARE(describe(batch),
             QStringLiteral("+cfg-1@348 +cfg-2@349 +cfg-3@350 +live@358 -live@360 ~live@359"));
    QCOMPARE(store.size(), 3);
    QCOMPARE(store.resourceVersion(), QStringLiteral("360"));
    // Replaying the same stream (a reconnect from an old resourceVersion) changes nothing:
    // the objects we hold are not older than the replayed events; "live" stays deleted.
    ChangeBatch replay;
    for (const WatchStreamEvent &e : out.events) {
        if (e.objects.empty() || e.objects.front().metadata.name != QLatin1String("live"))
            store.apply(e, &replay);
    }
    QVERIFY(replay.changes.empty());
}

void tst_ResourceStore::staleEventsSkipped()
{
    ResourceStore store;
    store.replace({obj("a", "10")}, QStringLiteral("10"), {}, false);
    ChangeBatch batch;
    store.apply(makeEvent(WatchStreamEvent::Type::Modified, obj("a", "9")), &batch);
    store.apply(makeEvent(WatchStreamEvent::Type::Modified, obj("a", "10")), &batch);
    QVERIFY(batch.changes.empty());
    store.apply(makeEvent(WatchStreamEvent::Type::Modified, obj("a", "11")), &batch);
    QCOMPARE(describe(batch), QStringLiteral("~a@11"));
    // An ADDED for a key we already hold with a newer version is a modification, not a new row.
    store.apply(makeEvent(WatchStreamEvent::Type::Added, obj("a", "12")), &batch);
    QCOMPARE(describe(batch), QStringLiteral("~a@11 ~a@12"));
    QCOMPARE(store.size(), 1);
}

void tst_ResourceStore::errorNeverMovesResourceVersion()
{
    ResourceStore store;
    store.replace({obj("a", "10")}, QStringLiteral("10"), {}, false);
    WatchDecoder decoder;
    auto out = decoder.feed(QByteArray(
        R"J({"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","metadata":{"resourceVersion":"500"},"status":"Failure","reason":"Expired","code":410}})J"));
    QCOMPARE(out.events.size(), size_t(1));
    ChangeBatch batch;
    store.apply(out.events.front(), &batch);
    QVERIFY(batch.isEmpty());
    QCOMPARE(store.resourceVersion(), QStringLiteral("10"));
    QCOMPARE(store.size(), 1);
}

void tst_ResourceStore::bookmarkMovesResourceVersion()
{
    ResourceStore store;
    store.replace({obj("a", "10")}, QStringLiteral("10"), {}, false);
    WatchStreamEvent bookmark;
    bookmark.type = WatchStreamEvent::Type::Bookmark;
    bookmark.resourceVersion = QStringLiteral("42");
    ChangeBatch batch;
    store.apply(bookmark, &batch);
    QVERIFY(batch.isEmpty());
    QCOMPARE(store.resourceVersion(), QStringLiteral("42"));
}

void tst_ResourceStore::deleteOfUnknownIgnored()
{
    ResourceStore store;
    ChangeBatch batch;
    store.apply(makeEvent(WatchStreamEvent::Type::Deleted, obj("ghost", "3")), &batch);
    QVERIFY(batch.changes.empty());
    QCOMPARE(store.size(), 0);
}

void tst_ResourceStore::finalStatesCoalesce()
{
    ResourceStore store;
    ChangeBatch batch;
    store.apply(makeEvent(WatchStreamEvent::Type::Added, obj("a", "1")), &batch);
    store.apply(makeEvent(WatchStreamEvent::Type::Added, obj("b", "2")), &batch);
    store.apply(makeEvent(WatchStreamEvent::Type::Modified, obj("a", "3")), &batch);
    store.apply(makeEvent(WatchStreamEvent::Type::Deleted, obj("b", "4")), &batch);
    const auto states = batch.finalStates();
    QCOMPARE(states.size(), size_t(2));
    QCOMPARE(states.at(0).first, QStringLiteral("demo/a"));
    QVERIFY(states.at(0).second);
    QCOMPARE(states.at(0).second->metadata.resourceVersion, QStringLiteral("3"));
    QCOMPARE(states.at(1).first, QStringLiteral("demo/b"));
    QVERIFY(!states.at(1).second);
}

void tst_ResourceStore::tableColumnsFromWatch()
{
    WatchDecoder decoder;
    auto out = decoder.feed(response("watch_configmaps_table_events.jsonl"));
    ResourceStore store;
    ChangeBatch first;
    store.apply(out.events.at(0), &first);
    QVERIFY(first.columnsChanged);
    QCOMPARE(store.columns().size(), 3);
    QVERIFY(store.isTable());
    ChangeBatch second;
    store.apply(out.events.at(1), &second);
    QVERIFY(!second.columnsChanged); // null columnDefinitions keep the columns
    QCOMPARE(store.columns().size(), 3);
    QCOMPARE(store.object(QStringLiteral("demo/cfg-2"))->cells.at(0).toString(), QStringLiteral("cfg-2"));
}

QTEST_GUILESS_MAIN(tst_ResourceStore)
#include "tst_resourcestore.moc"
