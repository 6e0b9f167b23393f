// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/gvr.h"
#include "util/result.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace Qluster {

/// WatchEvent is one change to a stored object, as a watch delivers it.
struct WatchEvent
{
    enum class Type { Added, Modified, Deleted };
    Type type = Type::Added;
    QJsonObject object;   ///< the object after the change (for Deleted: its last state)
    QJsonObject previous; ///< the object before the change (empty for Added)
    qint64 resourceVersion = 0;

    static QString typeName(Type type);
};

/// ObjectStore keeps the sandbox's objects in memory, one sorted collection per Gvr, stamps every
/// write with the next value of one global resourceVersion counter, keeps a bounded window of
/// recent events per collection and notifies watchers synchronously. Collections are
/// copy-on-write, so a Snapshot of one (what every page of a paginated list is served from, as
/// etcd serves continue pages at the first page's revision) costs O(1) and the first write after it
/// one copy of the collection.
/// It is not thread-safe: it lives in the SandboxServer's thread.
class ObjectStore final
{
public:
    using Objects = std::map<QString, QJsonObject>;
    using WatchCallback = std::function<void(const WatchEvent &)>;

    /// Snapshot is one collection frozen at a resourceVersion; copying it is O(1).
    struct Snapshot
    {
        Gvr gvr;
        qint64 resourceVersion = 0;
        std::shared_ptr<const Objects> objects; ///< never null
        QHash<QString, qsizetype> namespaceCounts;

        /// Snapshot::count is the number of objects in one namespace, or in all when it is empty.
        qsizetype count(const QString &namespaceName) const;
    };

    /// ObjectStore creates an empty store whose collections remember `eventWindow` events each.
    explicit ObjectStore(int eventWindow = 1000);

    qint64 resourceVersion() const { return m_resourceVersion; }
    int eventWindow() const { return m_eventWindow; }

    /// ObjectStore::key is the sort key of an object: "namespace/name", or "name" when cluster-scoped.
    static QString key(const QString &namespaceName, const QString &name);

    /// ObjectStore::get returns the object or nullptr.
    const QJsonObject *get(const Gvr &gvr, const QString &namespaceName, const QString &name) const;

    /// ObjectStore::put stores the object (added or replaced), sets metadata.resourceVersion to the
    /// next global value, records the event and notifies watchers. Returns the stored object.
    QJsonObject put(const Gvr &gvr, QJsonObject object);

    /// ObjectStore::remove deletes the object, recording a Deleted event with a new resourceVersion.
    bool remove(const Gvr &gvr, const QString &namespaceName, const QString &name);

    /// ObjectStore::objects is the sorted collection of a Gvr (empty when none stored).
    const Objects &objects(const Gvr &gvr) const;

    /// ObjectStore::count is the number of objects of a Gvr.
    qsizetype count(const Gvr &gvr) const;
    /// ObjectStore::countInNamespace is the number of objects of a Gvr in one namespace, O(1).
    qsizetype countInNamespace(const Gvr &gvr, const QString &namespaceName) const;

    /// ObjectStore::eventsSince returns the recorded events of `gvr` newer than `resourceVersion`,
    /// or an Expired (410) error when the window no longer holds all of them.
    Result<std::vector<WatchEvent>> eventsSince(const Gvr &gvr, qint64 resourceVersion) const;

    /// ObjectStore::addWatcher registers a callback for every event of `gvr`; returns its id.
    int addWatcher(const Gvr &gvr, WatchCallback callback);
    void removeWatcher(int id);

    /// ObjectStore::dropCollection deletes every object of `gvr` (recording Deleted events).
    void dropCollection(const Gvr &gvr);

    /// ObjectStore::setEventWindow changes how many events each collection remembers.
    void setEventWindow(int eventWindow);

    /// ObjectStore::snapshot freezes the collection of `gvr` as it is now, in O(1).
    Snapshot snapshot(const Gvr &gvr) const;

    /// ObjectStore::snapshotAt returns the collection of `gvr` as it was at `resourceVersion`: a
    /// retained snapshot of exactly that version, the current collection when it has not changed
    /// since, or one rebuilt from the event window (one copy). Expired (410) when that history is
    /// gone: compacted, or older than the window; Invalid when `resourceVersion` is in the future.
    Result<Snapshot> snapshotAt(const Gvr &gvr, qint64 resourceVersion);

    /// ObjectStore::retainSnapshot keeps `snapshot` for snapshotAt, counting one more open list of
    /// it. At most snapshotLimit() are kept; beyond that the least recently used is forgotten.
    void retainSnapshot(const Snapshot &snapshot);
    /// ObjectStore::releaseSnapshot ends one open list of a retained snapshot; it is forgotten when
    /// no open list is left.
    void releaseSnapshot(const Gvr &gvr, qint64 resourceVersion);
    /// ObjectStore::isSnapshotRetained tells whether a snapshot of that version is kept.
    bool isSnapshotRetained(const Gvr &gvr, qint64 resourceVersion) const;
    /// ObjectStore::retainedSnapshots is the number of snapshots kept.
    int retainedSnapshots() const { return int(m_retained.size()); }
    int snapshotLimit() const { return m_snapshotLimit; }
    void setSnapshotLimit(int count);

    /// ObjectStore::compact forgets the history older than `resourceVersion`, as etcd compaction
    /// does: retained snapshots of older versions are dropped and snapshotAt answers Expired for
    /// them. Watches (served from the event windows, like the apiserver's watch cache) are not
    /// affected. `resourceVersion` never moves backwards nor beyond the current one.
    void compact(qint64 resourceVersion);
    qint64 compactedResourceVersion() const { return m_compactedResourceVersion; }

private:
    struct Collection
    {
        std::shared_ptr<Objects> objects = std::make_shared<Objects>(); ///< shared with snapshots
        std::deque<WatchEvent> window;
        qint64 evictedResourceVersion = 0; ///< newest resourceVersion dropped from the window
        qint64 lastChange = 0;             ///< resourceVersion of the newest write
        QList<int> watchers;
        QHash<QString, qsizetype> namespaceCounts;
    };
    struct RetainedSnapshot
    {
        Snapshot snapshot;
        int openLists = 0;
        quint64 lastUse = 0;
    };
    struct Watcher
    {
        Gvr gvr;
        WatchCallback callback;
    };

    Collection &collection(const Gvr &gvr);
    /// The collection's objects, copied first when a snapshot shares them.
    static Objects &writable(Collection &c);
    void record(Collection &c, WatchEvent event);
    RetainedSnapshot *findRetained(const Gvr &gvr, qint64 resourceVersion);
    void evictSnapshots();

    QHash<Gvr, Collection> m_collections;
    QHash<int, Watcher> m_watchers;
    std::vector<RetainedSnapshot> m_retained;
    qint64 m_resourceVersion = 0;
    qint64 m_compactedResourceVersion = 0;
    quint64 m_snapshotUses = 0;
    int m_eventWindow = 1000;
    int m_snapshotLimit = 16;
    int m_nextWatcherId = 1;
};

} // namespace Qluster
