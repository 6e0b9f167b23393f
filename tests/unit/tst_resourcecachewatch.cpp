// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
//
// ResourceCache over an in-memory API: watch changes in batches, a relist on 410 that reconciles,
// a watch from a compacted version, a dropped watch resumed without a relist, renewed watch
// timeouts, a watch's end after its decoded events, and the registry sharing and releasing caches.
#include "resourcecachefakes.h"

using namespace Qluster;
using namespace Qluster::Test;

class tst_ResourceCacheWatch final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void watchChangesArriveInBatches();
    void relistOn410Reconciles();
    void watchFromCompactedVersionRelists();
    void droppedWatchResumesWithoutRelist();
    void watchTimeoutRenews();
    void watchEndWaitsForDecodedEvents();
    void registrySharesAndReleases();
};

void tst_ResourceCacheWatch::watchChangesArriveInBatches()
{
    FakeApi api;
    api.create(QStringLiteral("a"));
    auto cache = makeCache(&api);
    cache->setBatchInterval(200);
    Mirror mirror;
    mirror.attach(cache.get(), this);
    cache->start();
    QTRY_COMPARE_WITH_TIMEOUT(cache->syncState(), ResourceCache::SyncState::Watching, 5000);
    QCOMPARE(mirror.batches, 1);
    for (int i = 0; i < 50; ++i)
        api.create(QStringLiteral("n%1").arg(i, 2, 10, QLatin1Char('0')));
    api.update(QStringLiteral("a"));
    api.remove(QStringLiteral("n00"));
    QTRY_COMPARE_WITH_TIMEOUT(mirror.sorted(), api.keys(), 5000);
    QCOMPARE(mirror.batches, 2); // 52 events, one batch
    QCOMPARE(mirror.added, 51);
    QCOMPARE(mirror.modified, 1);
    QCOMPARE(mirror.deleted, 1);
    QCOMPARE(cache->store().resourceVersion(), QString::number(api.rv));
}

void tst_ResourceCacheWatch::relistOn410Reconciles()
{
    FakeApi api;
    for (const char *n : {"a", "b", "c", "d"})
        api.create(QString::fromLatin1(n));
    auto cache = makeCache(&api);
    Mirror mirror;
    mirror.attach(cache.get(), this);
    cache->start();
    QTRY_COMPARE_WITH_TIMEOUT(cache->syncState(), ResourceCache::SyncState::Watching, 5000);
    // The client misses changes, then the server says the watch expired.
    api.paused = true;
    api.remove(QStringLiteral("a"));
    api.update(QStringLiteral("b"));
    api.create(QStringLiteral("e"));
    api.compact();
    api.paused = false;
    const int before = mirror.batches;
    api.expireWatches();
    QTRY_COMPARE_WITH_TIMEOUT(cache->listCount(), 2, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(mirror.sorted(), api.keys(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(cache->syncState(), ResourceCache::SyncState::Watching, 5000);
    QCOMPARE(mirror.batches, before + 1);
    // Only the real changes: c and d unchanged are not re-sent.
    QCOMPARE(mirror.added, 5);
    QCOMPARE(mirror.modified, 1);
    QCOMPARE(mirror.deleted, 1);
    QVERIFY(!mirror.duplicateAdd);
    // Live again after the relist.
    api.create(QStringLiteral("f"));
    QTRY_COMPARE_WITH_TIMEOUT(mirror.sorted(), api.keys(), 5000);
}

void tst_ResourceCacheWatch::watchFromCompactedVersionRelists()
{
    FakeApi api;
    api.create(QStringLiteral("a"));
    auto cache = makeCache(&api);
    Mirror mirror;
    mirror.attach(cache.get(), this);
    cache->start();
    QTRY_COMPARE_WITH_TIMEOUT(cache->syncState(), ResourceCache::SyncState::Watching, 5000);
    // Connection lost; meanwhile the history is compacted; the resumed watch gets 410.
    api.endWatches(networkError());
    api.paused = true;
    api.create(QStringLiteral("b"));
    api.remove(QStringLiteral("a"));
    api.compact();
    api.paused = false;
    QTRY_COMPARE_WITH_TIMEOUT(cache->listCount(), 2, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(mirror.sorted(), api.keys(), 5000);
    QVERIFY(!mirror.duplicateAdd);
}

void tst_ResourceCacheWatch::droppedWatchResumesWithoutRelist()
{
    FakeApi api;
    api.create(QStringLiteral("a"));
    auto cache = makeCache(&api);
    Mirror mirror;
    mirror.attach(cache.get(), this);
    QList<ResourceCache::SyncState> seen;
    connect(cache.get(), &ResourceCache::syncStateChanged, this,
            [&seen](ResourceCache::SyncState s) { seen.append(s); });
    cache->start();
    QTRY_COMPARE_WITH_TIMEOUT(cache->syncState(), ResourceCache::SyncState::Watching, 5000);
    api.endWatches(networkError());
    api.paused = true;
    api.create(QStringLiteral("b")); // happens while disconnected
    api.paused = false;
    QTRY_COMPARE_WITH_TIMEOUT(mirror.sorted(), api.keys(), 5000);
    QCOMPARE(cache->listCount(), 1); // resumed from the last resourceVersion, no relist
    QVERIFY(seen.contains(ResourceCache::SyncState::Backoff));
    QCOMPARE(seen.last(), ResourceCache::SyncState::Watching);
    QCOMPARE(cache->lastError().kind, Error::Kind::Network);
    QCOMPARE(api.watchesSeen.last().resourceVersion, QStringLiteral("101"));
}

void tst_ResourceCacheWatch::watchTimeoutRenews()
{
    FakeApi api;
    api.create(QStringLiteral("a"));
    auto cache = makeCache(&api);
    Mirror mirror;
    mirror.attach(cache.get(), this);
    qint64 now = 0;
    cache->setClock([&now] { return now; });
    cache->start();
    QTRY_COMPARE_WITH_TIMEOUT(cache->syncState(), ResourceCache::SyncState::Watching, 5000);
    now += 1100; // a watch that lived a while and then timed out
    api.endWatches(std::nullopt);
    QTRY_COMPARE_WITH_TIMEOUT(api.watchesSeen.size(), 2, 5000);
    QCOMPARE(cache->syncState(), ResourceCache::SyncState::Watching);
    QCOMPARE(cache->listCount(), 1);
    api.create(QStringLiteral("b"));
    QTRY_COMPARE_WITH_TIMEOUT(mirror.sorted(), api.keys(), 5000);
}

void tst_ResourceCacheWatch::watchEndWaitsForDecodedEvents()
{
    FakeApi api;
    api.create(QStringLiteral("a"));
    auto cache = makeCache(&api);
    Mirror mirror;
    mirror.attach(cache.get(), this);
    qint64 now = 0;
    cache->setClock([&now] { return now; });
    cache->start();
    QTRY_COMPARE_WITH_TIMEOUT(cache->syncState(), ResourceCache::SyncState::Watching, 5000);
    now += 1100; // a watch that lived a while
    // Two events and then the end of the stream, delivered back to back: the events are still
    // being decoded on the worker thread when the end arrives.
    api.create(QStringLiteral("b"));
    api.update(QStringLiteral("a"));
    api.endWatches(std::nullopt);
    QTRY_COMPARE_WITH_TIMEOUT(api.watchesSeen.size(), 2, 5000);
    // The renewed watch resumes after both events, so nothing is replayed or lost.
    QCOMPARE(api.watchesSeen.at(1).resourceVersion, QStringLiteral("103"));
    QCOMPARE(cache->store().resourceVersion(), QStringLiteral("103"));
    QTRY_COMPARE_WITH_TIMEOUT(mirror.sorted(), api.keys(), 5000); // after the batch interval
    QCOMPARE(cache->listCount(), 1);
}

void tst_ResourceCacheWatch::registrySharesAndReleases()
{
    FakeApi api;
    api.create(QStringLiteral("a"));
    int built = 0;
    ResourceCacheRegistry registry([&api, &built](const CacheKey &) {
        ++built;
        return std::make_unique<FakeListWatcher>(&api);
    });
    std::shared_ptr<ResourceCache> one = registry.acquire(podsKey());
    std::shared_ptr<ResourceCache> two = registry.acquire(podsKey());
    QCOMPARE(one.get(), two.get());
    QCOMPARE(built, 1);
    std::shared_ptr<ResourceCache> other = registry.acquire(podsKey(QStringLiteral("kube-system")));
    QVERIFY(other.get() != one.get());
    QCOMPARE(registry.activeCount(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(api.openWatches(), 2, 5000);
    one.reset();
    QCOMPARE(registry.activeCount(), 2);
    two.reset();
    QCOMPARE(registry.activeCount(), 1);
    QCOMPARE(api.openWatches(), 1); // the watch stopped with its last user
    // Acquiring again builds a fresh cache.
    auto again = registry.acquire(podsKey());
    QCOMPARE(built, 3);
    QTRY_VERIFY_WITH_TIMEOUT(again->hasSynced(), 5000);
}

QTEST_GUILESS_MAIN(tst_ResourceCacheWatch)
#include "tst_resourcecachewatch.moc"
