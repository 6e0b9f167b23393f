// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
//
// ResourceCache over an in-memory API: listing in pages (the next page asked from the head of the
// last, a bound on pages in flight, pages applied in list order, an abandoned list cancelling its
// pages), an expired continue token, and list failures backing off.
#include "resourcecachefakes.h"

using namespace Qluster;
using namespace Qluster::Test;

class tst_ResourceCacheList final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void listsInPagesThenWatches_data();
    void listsInPagesThenWatches();
    void nextPageRequestedFromTheHead();
    void pagesInFlightAreBounded();
    void pagesAppliedInListOrder();
    void abandonedListCancelsPagesInFlight_data();
    void abandonedListCancelsPagesInFlight();
    void listFailuresBackOff();
    void forbiddenListIsNotRetried();
    void expiredContinueRestartsList();
};

void tst_ResourceCacheList::listsInPagesThenWatches_data()
{
    QTest::addColumn<bool>("heads");
    QTest::newRow("whole bodies") << false;
    QTest::newRow("heads first") << true;
}

void tst_ResourceCacheList::listsInPagesThenWatches()
{
    QFETCH(bool, heads);
    FakeApi api;
    api.deliverHeads = heads;
    for (int i = 0; i < 7; ++i)
        api.create(QStringLiteral("p%1").arg(i));
    auto cache = makeCache(&api);
    Mirror mirror;
    mirror.attach(cache.get(), this);
    QSignalSpy states(cache.get(), &ResourceCache::syncStateChanged);
    cache->start();
    QCOMPARE(cache->syncState(), ResourceCache::SyncState::Listing);
    QTRY_COMPARE_WITH_TIMEOUT(cache->syncState(), ResourceCache::SyncState::Watching, 5000);
    QCOMPARE(api.listsSeen.size(), 3);
    QCOMPARE(api.listsSeen.at(0).limit, 3);
    QVERIFY(api.listsSeen.at(0).continueToken.isEmpty());
    QCOMPARE(api.listsSeen.at(1).continueToken, QStringLiteral("3@107"));
    // Pipelined: each next page was asked for while the previous one was handed over, before it
    // was decoded (decoding runs on a worker thread and reports through the event loop).
    QCOMPARE(api.listsSeenAfterDelivery.mid(0, 2), (QList<qsizetype>{2, 3}));
    QCOMPARE(mirror.batches, 3); // into an empty store: a batch per page
    QCOMPARE(mirror.added, 7);
    QCOMPARE(mirror.sorted(), api.keys());
    QVERIFY(cache->hasSynced());
    QCOMPARE(cache->store().columns().size(), 2);
    QCOMPARE(api.watchesSeen.size(), 1);
    QCOMPARE(api.watchesSeen.at(0).resourceVersion, QStringLiteral("107"));
    QVERIFY(api.watchesSeen.at(0).allowWatchBookmarks);
    QVERIFY(api.watchesSeen.at(0).timeoutSeconds >= 300);
    QCOMPARE(states.size(), 2);
}

void tst_ResourceCacheList::nextPageRequestedFromTheHead()
{
    FakeApi api;
    for (int i = 0; i < 7; ++i)
        api.create(QStringLiteral("p%1").arg(i));
    api.holdLists = true;
    auto cache = makeCache(&api);
    Mirror mirror;
    mirror.attach(cache.get(), this);
    cache->start();
    QCOMPARE(api.listsSeen.size(), 1);
    // A head cut inside the continue token tells nothing yet.
    const QByteArray first = *api.heldLists.at(0)->listResult;
    const qsizetype tokenAt = first.indexOf("3@107");
    QVERIFY(tokenAt > 0);
    api.deliverHead(0, tokenAt + 2);
    QCOMPARE(api.listsSeen.size(), 1);
    // Once the head holds metadata.continue, page 2 is asked for while page 1's body still
    // travels, and page 3 while pages 1 and 2 do.
    api.deliverHead(0);
    QCOMPARE(api.listsSeen.size(), 2);
    QCOMPARE(api.listsSeen.at(1).continueToken, QStringLiteral("3@107"));
    api.deliverHead(1);
    QCOMPARE(api.listsSeen.size(), 3);
    QCOMPARE(api.listsSeen.at(2).continueToken, QStringLiteral("6@107"));
    QCOMPARE(api.heldListsInFlight(), 3);
    QCOMPARE(cache->syncState(), ResourceCache::SyncState::Listing);
    // Each token is asked for once: not again for a longer head, nor when the bodies arrive; the
    // last page names no further one.
    api.deliverHead(0, first.size());
    api.deliverHead(2);
    for (int page = 0; page < 3; ++page)
        api.deliverBody(page);
    QTRY_COMPARE_WITH_TIMEOUT(cache->syncState(), ResourceCache::SyncState::Watching, 5000);
    QCOMPARE(api.listsSeen.size(), 3);
    QCOMPARE(mirror.batches, 3);
    QCOMPARE(mirror.sorted(), api.keys());
    QCOMPARE(cache->store().resourceVersion(), QStringLiteral("107"));
}

void tst_ResourceCacheList::pagesInFlightAreBounded()
{
    FakeApi api;
    for (int i = 0; i < 15; ++i)
        api.create(QStringLiteral("p%1").arg(i, 2, 10, QLatin1Char('0')));
    api.holdLists = true;
    auto cache = makeCache(&api);
    Mirror mirror;
    mirror.attach(cache.get(), this);
    cache->start();
    for (int page = 0; page < 4; ++page)
        api.deliverHead(page);
    // Pages 1-4 travel; page 5 (known from page 4's head) waits until one of them arrives.
    QCOMPARE(api.listsSeen.size(), 4);
    QCOMPARE(api.heldListsInFlight(), 4);
    api.deliverBody(1); // out of order: still frees a place
    QCOMPARE(api.listsSeen.size(), 5);
    QCOMPARE(api.listsSeen.at(4).continueToken, QStringLiteral("12@115"));
    api.deliverHead(4);
    for (int page : {0, 2, 4, 3})
        api.deliverBody(page);
    QTRY_COMPARE_WITH_TIMEOUT(cache->syncState(), ResourceCache::SyncState::Watching, 5000);
    QCOMPARE(api.listsSeen.size(), 5);
    QCOMPARE(mirror.sorted(), api.keys());
}

void tst_ResourceCacheList::pagesAppliedInListOrder()
{
    FakeApi api;
    for (int i = 0; i < 9; ++i)
        api.create(QStringLiteral("p%1").arg(i));
    api.holdLists = true;
    auto cache = makeCache(&api);
    Mirror mirror;
    mirror.attach(cache.get(), this);
    QList<QStringList> listed;
    connect(cache.get(), &ResourceCache::objectsChanged, this, [&listed](const ChangeBatch &batch) {
        QVERIFY(batch.isListPage);
        QStringList names;
        for (const ObjectChange &c : batch.changes)
            names.append(c.object.metadata.name);
        listed.append(names);
    });
    cache->start();
    api.deliverHead(0);
    api.deliverHead(1);
    QCOMPARE(api.listsSeen.size(), 3);
    // The bodies complete last page first: each waits for its predecessors.
    api.deliverBody(2);
    api.deliverBody(1);
    QCOMPARE(cache->syncState(), ResourceCache::SyncState::Listing);
    api.deliverBody(0);
    QTRY_COMPARE_WITH_TIMEOUT(cache->syncState(), ResourceCache::SyncState::Watching, 5000);
    const QList<QStringList> expected{{QStringLiteral("p0"), QStringLiteral("p1"), QStringLiteral("p2")},
                                      {QStringLiteral("p3"), QStringLiteral("p4"), QStringLiteral("p5")},
                                      {QStringLiteral("p6"), QStringLiteral("p7"), QStringLiteral("p8")}};
    QCOMPARE(listed, expected);
    QCOMPARE(mirror.batches, 3); // into an empty store: a batch per page
    QCOMPARE(mirror.added, 9);
    QCOMPARE(mirror.sorted(), api.keys());
    QCOMPARE(api.watchesSeen.size(), 1);
    QCOMPARE(api.watchesSeen.at(0).resourceVersion, QStringLiteral("109"));
}

void tst_ResourceCacheList::abandonedListCancelsPagesInFlight_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("stop") << QStringLiteral("stop");
    QTest::newRow("continue token expired (410)") << QStringLiteral("410");
    QTest::newRow("page failed (500) after an earlier page arrived") << QStringLiteral("500");
}

void tst_ResourceCacheList::abandonedListCancelsPagesInFlight()
{
    QFETCH(QString, how);
    FakeApi api;
    for (int i = 0; i < 10; ++i)
        api.create(QStringLiteral("p%1").arg(i));
    api.holdLists = true;
    auto cache = makeCache(&api);
    Mirror mirror;
    mirror.attach(cache.get(), this);
    cache->start();
    for (int page = 0; page < 3; ++page)
        api.deliverHead(page);
    QCOMPARE(api.listsSeen.size(), 4); // all four pages in flight
    QCOMPARE(api.heldListsInFlight(), 4);
    if (how == QLatin1String("stop")) {
        cache->stop();
        QCOMPARE(api.heldListsInFlight(), 0);
        QCOMPARE(cache->syncState(), ResourceCache::SyncState::Stopped);
        QTest::qWait(50); // nothing late is applied or asked for
        QCOMPARE(mirror.batches, 0);
        QCOMPARE(api.listsSeen.size(), 4);
        return;
    }
    const int status = how.toInt();
    if (status == 500)
        api.deliverBody(0);
    // Page 2 fails: every other page of this list is cancelled at once, then the list starts over.
    api.holdLists = false;
    api.deliverBody(1, status == 410 ? Error::http(410, QStringLiteral("Expired"), QStringLiteral("continue expired"))
                                     : Error::http(500, QStringLiteral("InternalError"), QStringLiteral("injected")));
    QCOMPARE(api.heldListsInFlight(), 0);
    QCOMPARE(cache->syncState(), ResourceCache::SyncState::Backoff);
    QTRY_COMPARE_WITH_TIMEOUT(cache->syncState(), ResourceCache::SyncState::Watching, 5000);
    QCOMPARE(cache->listCount(), 2);
    QCOMPARE(cache->lastError().httpStatus, status);
    QVERIFY(api.listsSeen.at(4).continueToken.isEmpty()); // from scratch, not from page 2
    QCOMPARE(api.listsSeen.size(), 8);
    // Nothing of the abandoned list was applied (page 1 was still being decoded when page 2
    // failed); the list that completed came a page at a time.
    QCOMPARE(mirror.batches, 4);
    QCOMPARE(mirror.added, 10);
    QVERIFY(!mirror.duplicateAdd);
    QCOMPARE(mirror.sorted(), api.keys());
}

void tst_ResourceCacheList::listFailuresBackOff()
{
    FakeApi api;
    api.create(QStringLiteral("a"));
    api.failLists = 3;
    auto cache = makeCache(&api);
    Mirror mirror;
    mirror.attach(cache.get(), this);
    cache->start();
    QTRY_COMPARE_WITH_TIMEOUT(cache->syncState(), ResourceCache::SyncState::Backoff, 5000);
    QCOMPARE(cache->lastError().httpStatus, 500);
    QTRY_COMPARE_WITH_TIMEOUT(cache->syncState(), ResourceCache::SyncState::Watching, 5000);
    QCOMPARE(api.listsSeen.size(), 4);
    QCOMPARE(mirror.sorted(), api.keys());
}

void tst_ResourceCacheList::forbiddenListIsNotRetried()
{
    FakeApi api;
    api.create(QStringLiteral("a"));
    api.failLists = 1;
    api.failStatus = 403;
    auto cache = makeCache(&api);
    cache->start();
    QTRY_COMPARE_WITH_TIMEOUT(cache->syncState(), ResourceCache::SyncState::Forbidden, 5000);
    QCOMPARE(cache->lastError().httpStatus, 403);
    QCOMPARE(cache->retryInMs(), -1); // nothing scheduled: RBAC would say the same again
    QCOMPARE(api.listsSeen.size(), 1);
    // Started again (the user opens the kind again), it asks again.
    cache->start();
    QTRY_COMPARE_WITH_TIMEOUT(cache->syncState(), ResourceCache::SyncState::Watching, 5000);
    QCOMPARE(api.listsSeen.size(), 2);
}

void tst_ResourceCacheList::expiredContinueRestartsList()
{
    FakeApi api;
    for (int i = 0; i < 5; ++i)
        api.create(QStringLiteral("p%1").arg(i));
    auto cache = makeCache(&api);
    Mirror mirror;
    mirror.attach(cache.get(), this);
    bool compacted = false;
    cache->start();
    // Compact after the first page was served: the continue token of page two expires.
    QTRY_VERIFY_WITH_TIMEOUT(api.listsSeen.size() >= 1, 5000);
    if (!compacted) {
        api.create(QStringLiteral("late"));
        api.compact();
        compacted = true;
    }
    QTRY_COMPARE_WITH_TIMEOUT(cache->syncState(), ResourceCache::SyncState::Watching, 5000);
    QCOMPARE(mirror.sorted(), api.keys());
    QVERIFY(!mirror.duplicateAdd);
    QVERIFY(cache->listCount() >= 2);
    QCOMPARE(cache->lastError().httpStatus, 410);
}

QTEST_GUILESS_MAIN(tst_ResourceCacheList)
#include "tst_resourcecachelist.moc"
