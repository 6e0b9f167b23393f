// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "cache/resourcecache.h"
#include "cache/resourcecacheregistry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <map>

using namespace Qluster;

namespace {

/// One call in flight on the in-memory API below; deleting it cancels the call.
class FakeCall final : public QObject
{
    Q_OBJECT
public:
    ListWatcher::WatchData data;
    ListWatcher::WatchDone done;
    quint64 fromRv = 0;
    // A list answer held back until the test hands it over (FakeApi::holdLists).
    ListWatcher::ListDone listDone;
    ListWatcher::ListHead listHead;
    Result<QByteArray> listResult;
};

/// An in-memory API server for one namespaced collection, with the list/watch semantics the
/// informer relies on (Table pages with continue, watch from a resourceVersion, 410 once the
/// history is compacted) and fault injection. The integration tests run the same scenarios against
/// the SandboxServer and real HTTP.
class FakeApi final : public QObject
{
    Q_OBJECT
public:
    struct Obj
    {
        QString uid;
        quint64 rv = 0;
    };

    std::map<QString, Obj> objects;
    quint64 rv = 100;
    quint64 compactedBefore = 0; // watches from an older rv get 410
    std::vector<std::pair<quint64, QByteArray>> history;
    QList<QPointer<FakeCall>> watches;
    QList<ListOptions> listsSeen;
    QList<qsizetype> listsSeenAfterDelivery; // listsSeen.size() right after each list answer was handed over
    QList<WatchOptions> watchesSeen;
    int failLists = 0;
    bool paused = false; // mutations are not pushed to open watches (a network partition)
    bool deliverHeads = false; // each list answer's head (up to its rows) comes before the body
    bool holdLists = false;    // list answers wait in heldLists for deliverHead/deliverBody
    QList<QPointer<FakeCall>> heldLists; // null once the cache cancelled the call

    QByteArray rowJson(const QString &name, const Obj &o) const
    {
        return QJsonDocument(rowObject(name, o)).toJson(QJsonDocument::Compact);
    }

    QJsonObject rowObject(const QString &name, const Obj &o) const
    {
        QJsonObject meta{{QStringLiteral("name"), name},
                         {QStringLiteral("namespace"), QStringLiteral("demo")},
                         {QStringLiteral("uid"), o.uid},
                         {QStringLiteral("resourceVersion"), QString::number(o.rv)},
                         {QStringLiteral("creationTimestamp"), QStringLiteral("2026-11-23T00:00:00Z")}};
        return QJsonObject{{QStringLiteral("cells"), QJsonArray{name, QStringLiteral("1s")}},
                           {QStringLiteral("object"),
                            QJsonObject{{QStringLiteral("kind"), QStringLiteral("PartialObjectMetadata")},
                                        {QStringLiteral("metadata"), meta}}}};
    }

    void record(const char *type, const QString &name, const Obj &o)
    {
        QJsonObject table{{QStringLiteral("kind"), QStringLiteral("Table")},
                          {QStringLiteral("apiVersion"), QStringLiteral("meta.k8s.io/v1")},
                          {QStringLiteral("metadata"),
                           QJsonObject{{QStringLiteral("resourceVersion"), QString::number(o.rv)}}},
                          {QStringLiteral("columnDefinitions"), QJsonValue::Null},
                          {QStringLiteral("rows"), QJsonArray{rowObject(name, o)}}};
        QJsonObject event{{QStringLiteral("type"), QString::fromLatin1(type)}, {QStringLiteral("object"), table}};
        const QByteArray frame = QJsonDocument(event).toJson(QJsonDocument::Compact) + '\n';
        history.emplace_back(o.rv, frame);
        if (!paused)
            push(frame);
    }

    void push(const QByteArray &frame)
    {
        for (const QPointer<FakeCall> &w : std::as_const(watches)) {
            if (!w)
                continue;
            // Deliver in two pieces cut mid-frame, as TCP may.
            const qsizetype half = frame.size() / 2;
            QPointer<FakeCall> call = w;
            QTimer::singleShot(0, w, [call, a = frame.left(half), b = frame.mid(half)] {
                if (call)
                    call->data(a);
                if (call)
                    call->data(b);
            });
        }
    }

    void create(const QString &name)
    {
        Obj o{QStringLiteral("uid-") + name + QLatin1Char('-') + QString::number(rv + 1), ++rv};
        objects[name] = o;
        record("ADDED", name, o);
    }
    void update(const QString &name)
    {
        Obj &o = objects.at(name);
        o.rv = ++rv;
        record("MODIFIED", name, o);
    }
    void remove(const QString &name)
    {
        Obj o = objects.at(name);
        objects.erase(name);
        o.rv = ++rv;
        record("DELETED", name, o);
    }
    void compact()
    {
        // Everything older than the current resourceVersion is gone (etcd compaction).
        history.clear();
        compactedBefore = rv;
    }
    void endWatches(std::optional<Error> error)
    {
        const auto open = watches;
        watches.clear();
        for (const QPointer<FakeCall> &w : open) {
            if (!w)
                continue;
            QPointer<FakeCall> call = w;
            QTimer::singleShot(0, w, [call, error] {
                if (!call)
                    return;
                if (error)
                    call->done(fail(*error));
                else
                    call->done({});
            });
        }
    }
    void expireWatches()
    {
        push(QByteArrayLiteral(
            "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},"
            "\"status\":\"Failure\",\"message\":\"too old resource version\",\"reason\":\"Expired\",\"code\":410}}\n"));
    }
    int openWatches() const
    {
        int n = 0;
        for (const QPointer<FakeCall> &w : watches)
            n += w ? 1 : 0;
        return n;
    }
    QStringList keys() const
    {
        QStringList out;
        for (const auto &[name, o] : objects)
            out.append(QStringLiteral("demo/") + name);
        return out;
    }

    /// The head of a held list answer: up to its rows (metadata included), or its first bytes.
    void deliverHead(qsizetype index, qsizetype bytes = -1)
    {
        QVERIFY(index < heldLists.size());
        const QPointer<FakeCall> call = heldLists.at(index);
        QVERIFY(call && call->listHead && call->listResult);
        const QByteArray &body = *call->listResult;
        call->listHead(body.left(bytes >= 0 ? bytes : body.indexOf("\"rows\"")));
    }
    /// The whole held answer (or `error` instead).
    void deliverBody(qsizetype index, std::optional<Error> error = std::nullopt)
    {
        QVERIFY(index < heldLists.size());
        const QPointer<FakeCall> call = heldLists.at(index);
        QVERIFY(call);
        // The cache may delete the call from its callback: keep what it runs.
        const ListWatcher::ListDone done = call->listDone;
        const Result<QByteArray> result = error ? Result<QByteArray>(fail(*error)) : call->listResult;
        done(result);
    }
    int heldListsInFlight() const
    {
        return int(std::count_if(heldLists.begin(), heldLists.end(),
                                 [](const QPointer<FakeCall> &c) { return !c.isNull(); }));
    }

    ListWatcher::Handle list(const ListOptions &options, ListWatcher::ListDone done,
                             ListWatcher::ListHead head)
    {
        listsSeen.append(options);
        auto call = std::make_unique<FakeCall>();
        Result<QByteArray> result;
        if (failLists > 0) {
            --failLists;
            result = fail(Error::http(500, QStringLiteral("InternalError"), QStringLiteral("injected")));
        } else {
            qsizetype start = 0;
            quint64 snapshotRv = rv;
            if (!options.continueToken.isEmpty()) {
                const QStringList parts = options.continueToken.split(QLatin1Char('@'));
                start = parts.at(0).toLongLong();
                snapshotRv = parts.at(1).toULongLong();
            }
            if (!options.continueToken.isEmpty() && snapshotRv < compactedBefore) {
                result = fail(Error::http(410, QStringLiteral("Expired"), QStringLiteral("continue expired")));
            } else {
                QJsonArray rows;
                qsizetype index = 0;
                for (const auto &[name, o] : objects) {
                    if (index >= start && index < start + options.limit)
                        rows.append(rowObject(name, o));
                    ++index;
                }
                QJsonObject meta{{QStringLiteral("resourceVersion"), QString::number(snapshotRv)}};
                if (start + options.limit < qsizetype(objects.size()))
                    meta.insert(QStringLiteral("continue"),
                                QString(QString::number(start + options.limit) + QLatin1Char('@')
                                        + QString::number(snapshotRv)));
                QJsonArray columns{
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("Name")},
                                {QStringLiteral("type"), QStringLiteral("string")},
                                {QStringLiteral("format"), QStringLiteral("name")}},
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("Age")},
                                {QStringLiteral("type"), QStringLiteral("string")}}};
                QJsonObject table{{QStringLiteral("kind"), QStringLiteral("Table")},
                                  {QStringLiteral("apiVersion"), QStringLiteral("meta.k8s.io/v1")},
                                  {QStringLiteral("metadata"), meta},
                                  {QStringLiteral("columnDefinitions"), columns},
                                  {QStringLiteral("rows"), rows}};
                result = QJsonDocument(table).toJson(QJsonDocument::Compact);
            }
        }
        if (holdLists) {
            call->listDone = std::move(done);
            call->listHead = std::move(head);
            call->listResult = result;
            heldLists.append(call.get());
            return call;
        }
        if (deliverHeads && head && result) {
            QTimer::singleShot(0, call.get(), [head = std::move(head), h = result->left(result->indexOf("\"rows\""))] {
                head(h);
            });
        }
        QTimer::singleShot(0, call.get(), [this, done = std::move(done), result]() {
            done(result);
            listsSeenAfterDelivery.append(listsSeen.size());
        });
        return call;
    }

    ListWatcher::Handle watch(const WatchOptions &options, ListWatcher::WatchData data,
                              ListWatcher::WatchDone done)
    {
        watchesSeen.append(options);
        auto call = std::make_unique<FakeCall>();
        call->data = std::move(data);
        call->done = std::move(done);
        const quint64 from = options.resourceVersion.toULongLong();
        watches.append(call.get());
        if (from < compactedBefore) {
            // A real apiserver answers 200 and then an ERROR event with a 410 Status.
            QPointer<FakeCall> c = call.get();
            QTimer::singleShot(0, call.get(), [this, c] {
                if (!c)
                    return;
                c->data(QByteArrayLiteral(
                    "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\","
                    "\"metadata\":{},\"status\":\"Failure\",\"reason\":\"Expired\",\"code\":410}}\n"));
                Q_UNUSED(this);
            });
            return call;
        }
        QByteArray replay;
        for (const auto &[eventRv, frame] : history) {
            if (eventRv > from)
                replay += frame;
        }
        if (!replay.isEmpty()) {
            QPointer<FakeCall> c = call.get();
            QTimer::singleShot(0, call.get(), [c, replay] {
                if (c)
                    c->data(replay);
            });
        }
        return call;
    }
};

class FakeListWatcher final : public ListWatcher
{
public:
    explicit FakeListWatcher(FakeApi *api) : m_api(api) {}
    Handle list(const ListOptions &options, ListDone done, ListHead head) override
    {
        return m_api->list(options, std::move(done), std::move(head));
    }
    Handle watch(const WatchOptions &options, WatchData data, WatchDone done) override
    {
        return m_api->watch(options, std::move(data), std::move(done));
    }

private:
    FakeApi *m_api; // not owned
};

/// Mirrors a cache's batches into a key set, as a model would.
struct Mirror
{
    QSet<QString> keys;
    int batches = 0;
    int added = 0;
    int modified = 0;
    int deleted = 0;
    bool duplicateAdd = false;

    void attach(ResourceCache *cache, QObject *context)
    {
        QObject::connect(cache, &ResourceCache::objectsChanged, context, [this](const ChangeBatch &b) {
            ++batches;
            for (const ObjectChange &c : b.changes) {
                const QString key = c.object.key();
                switch (c.type) {
                case ObjectChange::Type::Added:
                    ++added;
                    if (keys.contains(key))
                        duplicateAdd = true;
                    keys.insert(key);
                    break;
                case ObjectChange::Type::Modified:
                    ++modified;
                    keys.insert(key);
                    break;
                case ObjectChange::Type::Deleted:
                    ++deleted;
                    keys.remove(key);
                    break;
                }
            }
        });
    }
    QStringList sorted() const
    {
        QStringList out(keys.begin(), keys.end());
        out.sort();
        return out;
    }
};

Error networkError()
{
    Error e;
    e.kind = Error::Kind::Network;
    e.message = QStringLiteral("connection reset");
    return e;
}

CacheKey podsKey(const QString &ns = QStringLiteral("demo"))
{
    return CacheKey{QStringLiteral("test"), Gvr{QString(), QStringLiteral("v1"), QStringLiteral("pods")},
                    ns, QString(), QString()};
}

std::unique_ptr<ResourceCache> makeCache(FakeApi *api)
{
    auto cache = std::make_unique<ResourceCache>(podsKey(), std::make_unique<FakeListWatcher>(api));
    cache->setBatchInterval(20);
    cache->setBackoff(10, 80);
    cache->setPageSize(3);
    return cache;
}

} // namespace

class tst_ResourceCache final : public QObject
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
    void watchChangesArriveInBatches();
    void relistOn410Reconciles();
    void watchFromCompactedVersionRelists();
    void droppedWatchResumesWithoutRelist();
    void listFailuresBackOff();
    void watchTimeoutRenews();
    void watchEndWaitsForDecodedEvents();
    void expiredContinueRestartsList();
    void registrySharesAndReleases();
};

void tst_ResourceCache::listsInPagesThenWatches_data()
{
    QTest::addColumn<bool>("heads");
    QTest::newRow("whole bodies") << false;
    QTest::newRow("heads first") << true;
}

void tst_ResourceCache::listsInPagesThenWatches()
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

void tst_ResourceCache::nextPageRequestedFromTheHead()
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

void tst_ResourceCache::pagesInFlightAreBounded()
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

void tst_ResourceCache::pagesAppliedInListOrder()
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

void tst_ResourceCache::abandonedListCancelsPagesInFlight_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("stop") << QStringLiteral("stop");
    QTest::newRow("continue token expired (410)") << QStringLiteral("410");
    QTest::newRow("page failed (500) after an earlier page arrived") << QStringLiteral("500");
}

void tst_ResourceCache::abandonedListCancelsPagesInFlight()
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

void tst_ResourceCache::watchChangesArriveInBatches()
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

void tst_ResourceCache::relistOn410Reconciles()
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

void tst_ResourceCache::watchFromCompactedVersionRelists()
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

void tst_ResourceCache::droppedWatchResumesWithoutRelist()
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

void tst_ResourceCache::listFailuresBackOff()
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

void tst_ResourceCache::watchTimeoutRenews()
{
    FakeApi api;
    api.create(QStringLiteral("a"));
    auto cache = makeCache(&api);
    Mirror mirror;
    mirror.attach(cache.get(), this);
    cache->start();
    QTRY_COMPARE_WITH_TIMEOUT(cache->syncState(), ResourceCache::SyncState::Watching, 5000);
    QTest::qWait(1100); // a watch that lived a while and then timed out
    api.endWatches(std::nullopt);
    QTRY_COMPARE_WITH_TIMEOUT(api.watchesSeen.size(), 2, 5000);
    QCOMPARE(cache->syncState(), ResourceCache::SyncState::Watching);
    QCOMPARE(cache->listCount(), 1);
    api.create(QStringLiteral("b"));
    QTRY_COMPARE_WITH_TIMEOUT(mirror.sorted(), api.keys(), 5000);
}

void tst_ResourceCache::watchEndWaitsForDecodedEvents()
{
    FakeApi api;
    api.create(QStringLiteral("a"));
    auto cache = makeCache(&api);
    Mirror mirror;
    mirror.attach(cache.get(), this);
    cache->start();
    QTRY_COMPARE_WITH_TIMEOUT(cache->syncState(), ResourceCache::SyncState::Watching, 5000);
    QTest::qWait(1100); // a watch that lived a while
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

void tst_ResourceCache::expiredContinueRestartsList()
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

void tst_ResourceCache::registrySharesAndReleases()
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

QTEST_GUILESS_MAIN(tst_ResourceCache)
#include "tst_resourcecache.moc"
