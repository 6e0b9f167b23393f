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
/// recent events per collection and notifies watchers synchronously.
/// It is not thread-safe: it lives in the SandboxServer's thread.
class ObjectStore final
{
public:
    using Objects = std::map<QString, QJsonObject>;
    using WatchCallback = std::function<void(const WatchEvent &)>;

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

private:
    struct Collection
    {
        Objects objects;
        std::deque<WatchEvent> window;
        qint64 evictedResourceVersion = 0; ///< newest resourceVersion dropped from the window
        QList<int> watchers;
        QHash<QString, qsizetype> namespaceCounts;
    };
    struct Watcher
    {
        Gvr gvr;
        WatchCallback callback;
    };

    Collection &collection(const Gvr &gvr);
    void record(Collection &c, WatchEvent event);

    QHash<Gvr, Collection> m_collections;
    QHash<int, Watcher> m_watchers;
    qint64 m_resourceVersion = 0;
    int m_eventWindow = 1000;
    int m_nextWatcherId = 1;
};

} // namespace Qluster
