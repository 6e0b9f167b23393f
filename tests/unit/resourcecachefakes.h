// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
//
// What the tst_resourcecache* tests share: FakeApi, an in-memory API server for one namespaced
// collection (Table pages, watches from a resourceVersion, compaction, held answers, faults), the
// ListWatcher over it, a Mirror of a cache's batches, and a cache of pods made for these tests.
#pragma once

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

namespace Qluster::Test {

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
    int failStatus = 500; ///< the HTTP status of the failed lists
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
            result = fail(failStatus == 403
                    ? Error::http(403, QStringLiteral("Forbidden"), QStringLiteral("secrets is forbidden"))
                    : Error::http(failStatus, QStringLiteral("InternalError"), QStringLiteral("injected")));
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

inline Error networkError()
{
    Error e;
    e.kind = Error::Kind::Network;
    e.message = QStringLiteral("connection reset");
    return e;
}

inline CacheKey podsKey(const QString &ns = QStringLiteral("demo"))
{
    return CacheKey{QStringLiteral("test"), Gvr{QString(), QStringLiteral("v1"), QStringLiteral("pods")},
                    ns, QString(), QString()};
}

inline std::unique_ptr<ResourceCache> makeCache(FakeApi *api)
{
    auto cache = std::make_unique<ResourceCache>(podsKey(), std::make_unique<FakeListWatcher>(api));
    cache->setBatchInterval(20);
    cache->setBackoff(10, 80);
    cache->setPageSize(3);
    return cache;
}

} // namespace Qluster::Test
