// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "objectstore.h"

#include <algorithm>

namespace Qluster {

QString WatchEvent::typeName(Type type)
{
    switch (type) {
    case Type::Added:
        return QStringLiteral("ADDED");
    case Type::Modified:
        return QStringLiteral("MODIFIED");
    case Type::Deleted:
        return QStringLiteral("DELETED");
    }
    return {};
}

ObjectStore::ObjectStore(int eventWindow)
    : m_eventWindow(qMax(1, eventWindow))
{
}

QString ObjectStore::key(const QString &namespaceName, const QString &name)
{
    return namespaceName.isEmpty() ? name : namespaceName + QLatin1Char('/') + name;
}

ObjectStore::Collection &ObjectStore::collection(const Gvr &gvr)
{
    auto it = m_collections.find(gvr);
    if (it == m_collections.end()) {
        it = m_collections.insert(gvr, Collection{});
        it->evictedResourceVersion = m_resourceVersion;
    }
    return *it;
}

ObjectStore::Objects &ObjectStore::writable(Collection &c)
{
    // Copy-on-write: a snapshot holds the old map, the collection continues on its own copy.
    if (c.objects.use_count() > 1)
        c.objects = std::make_shared<Objects>(*c.objects);
    return *c.objects;
}

const QJsonObject *ObjectStore::get(const Gvr &gvr, const QString &namespaceName,
                                    const QString &name) const
{
    const auto c = m_collections.constFind(gvr);
    if (c == m_collections.constEnd())
        return nullptr;
    const auto it = c->objects->find(key(namespaceName, name));
    return it == c->objects->end() ? nullptr : &it->second;
}

void ObjectStore::record(Collection &c, WatchEvent event)
{
    c.lastChange = event.resourceVersion;
    c.window.push_back(event);
    while (c.window.size() > size_t(m_eventWindow)) {
        c.evictedResourceVersion = c.window.front().resourceVersion;
        c.window.pop_front();
    }
    // Copy the ids: a callback may remove its own watcher (e.g. a closed connection).
    const QList<int> ids = c.watchers;
    for (int id : ids) {
        const auto w = m_watchers.constFind(id);
        if (w != m_watchers.constEnd())
            w->callback(event);
    }
}

QJsonObject ObjectStore::put(const Gvr &gvr, QJsonObject object)
{
    Collection &c = collection(gvr);
    QJsonObject meta = object.value(QLatin1String("metadata")).toObject();
    const QString k = key(meta.value(QLatin1String("namespace")).toString(),
                          meta.value(QLatin1String("name")).toString());
    const qint64 rv = ++m_resourceVersion;
    meta.insert(QLatin1String("resourceVersion"), QString::number(rv));
    object.insert(QLatin1String("metadata"), meta);

    WatchEvent event;
    event.resourceVersion = rv;
    event.object = object;
    Objects &objects = writable(c);
    auto it = objects.find(k);
    if (it == objects.end()) {
        event.type = WatchEvent::Type::Added;
        objects.emplace(k, object);
        ++c.namespaceCounts[meta.value(QLatin1String("namespace")).toString()];
    } else {
        event.type = WatchEvent::Type::Modified;
        event.previous = it->second;
        it->second = object;
    }
    record(c, std::move(event));
    return object;
}

bool ObjectStore::remove(const Gvr &gvr, const QString &namespaceName, const QString &name)
{
    const auto cit = m_collections.find(gvr);
    if (cit == m_collections.end())
        return false;
    Collection &c = *cit;
    const QString k = key(namespaceName, name);
    if (c.objects->find(k) == c.objects->end())
        return false;
    Objects &objects = writable(c);
    const auto it = objects.find(k);
    WatchEvent event;
    event.type = WatchEvent::Type::Deleted;
    event.resourceVersion = ++m_resourceVersion;
    event.previous = it->second;
    event.object = it->second;
    QJsonObject meta = event.object.value(QLatin1String("metadata")).toObject();
    meta.insert(QLatin1String("resourceVersion"), QString::number(event.resourceVersion));
    event.object.insert(QLatin1String("metadata"), meta);
    objects.erase(it);
    if (--c.namespaceCounts[namespaceName] <= 0)
        c.namespaceCounts.remove(namespaceName);
    record(c, std::move(event));
    return true;
}

const ObjectStore::Objects &ObjectStore::objects(const Gvr &gvr) const
{
    static const Objects empty;
    const auto c = m_collections.constFind(gvr);
    return c == m_collections.constEnd() ? empty : *c->objects;
}

qsizetype ObjectStore::count(const Gvr &gvr) const
{
    return qsizetype(objects(gvr).size());
}

qsizetype ObjectStore::countInNamespace(const Gvr &gvr, const QString &namespaceName) const
{
    const auto c = m_collections.constFind(gvr);
    return c == m_collections.constEnd() ? 0 : c->namespaceCounts.value(namespaceName);
}

Result<std::vector<WatchEvent>> ObjectStore::eventsSince(const Gvr &gvr, qint64 resourceVersion) const
{
    std::vector<WatchEvent> events;
    const auto c = m_collections.constFind(gvr);
    if (c == m_collections.constEnd())
        return events;
    if (resourceVersion < c->evictedResourceVersion) {
        return fail(Error::http(410, QStringLiteral("Expired"),
                                QStringLiteral("too old resource version: %1 (%2)")
                                    .arg(resourceVersion)
                                    .arg(c->evictedResourceVersion + 1)));
    }
    // The window is sorted by resourceVersion: binary search for the first newer event.
    auto it = std::upper_bound(c->window.begin(), c->window.end(), resourceVersion,
                               [](qint64 rv, const WatchEvent &e) { return rv < e.resourceVersion; });
    events.assign(it, c->window.end());
    return events;
}

int ObjectStore::addWatcher(const Gvr &gvr, WatchCallback callback)
{
    const int id = m_nextWatcherId++;
    m_watchers.insert(id, Watcher{gvr, std::move(callback)});
    collection(gvr).watchers << id;
    return id;
}

void ObjectStore::removeWatcher(int id)
{
    const auto w = m_watchers.find(id);
    if (w == m_watchers.end())
        return;
    const auto c = m_collections.find(w->gvr);
    if (c != m_collections.end())
        c->watchers.removeAll(id);
    m_watchers.erase(w);
}

void ObjectStore::dropCollection(const Gvr &gvr)
{
    const auto c = m_collections.find(gvr);
    if (c == m_collections.end())
        return;
    QList<QString> keys;
    for (const auto &[k, obj] : *c->objects)
        keys << k;
    for (const QString &k : keys) {
        const int slash = k.indexOf(QLatin1Char('/'));
        if (slash < 0)
            remove(gvr, QString(), k);
        else
            remove(gvr, k.left(slash), k.mid(slash + 1));
    }
}

void ObjectStore::setEventWindow(int eventWindow)
{
    m_eventWindow = qMax(1, eventWindow);
}

qsizetype ObjectStore::Snapshot::count(const QString &namespaceName) const
{
    return namespaceName.isEmpty() ? qsizetype(objects->size()) : namespaceCounts.value(namespaceName);
}

ObjectStore::Snapshot ObjectStore::snapshot(const Gvr &gvr) const
{
    static const auto empty = std::make_shared<const Objects>();
    Snapshot s;
    s.gvr = gvr;
    s.resourceVersion = m_resourceVersion;
    const auto c = m_collections.constFind(gvr);
    if (c == m_collections.constEnd()) {
        s.objects = empty;
        return s;
    }
    s.objects = c->objects;
    s.namespaceCounts = c->namespaceCounts;
    return s;
}

ObjectStore::RetainedSnapshot *ObjectStore::findRetained(const Gvr &gvr, qint64 resourceVersion)
{
    for (RetainedSnapshot &r : m_retained) {
        if (r.snapshot.resourceVersion == resourceVersion && r.snapshot.gvr == gvr)
            return &r;
    }
    return nullptr;
}

bool ObjectStore::isSnapshotRetained(const Gvr &gvr, qint64 resourceVersion) const
{
    return std::any_of(m_retained.begin(), m_retained.end(), [&](const RetainedSnapshot &r) {
        return r.snapshot.resourceVersion == resourceVersion && r.snapshot.gvr == gvr;
    });
}

Result<ObjectStore::Snapshot> ObjectStore::snapshotAt(const Gvr &gvr, qint64 resourceVersion)
{
    if (resourceVersion > m_resourceVersion) {
        return fail(Error::invalid(QStringLiteral("resourceVersion %1 is newer than the store's %2")
                                       .arg(resourceVersion)
                                       .arg(m_resourceVersion)));
    }
    const Error expired = Error::http(410, QStringLiteral("Expired"),
                                      QStringLiteral("The resourceVersion for the provided list is too old."));
    if (resourceVersion < m_compactedResourceVersion)
        return fail(expired);
    if (RetainedSnapshot *r = findRetained(gvr, resourceVersion)) {
        r->lastUse = ++m_snapshotUses;
        return r->snapshot;
    }
    const auto c = m_collections.constFind(gvr);
    if (c == m_collections.constEnd() || c->lastChange <= resourceVersion) {
        // Nothing was written to the collection since: its current state is the state then.
        Snapshot s = snapshot(gvr);
        s.resourceVersion = resourceVersion;
        return s;
    }
    if (resourceVersion < c->evictedResourceVersion)
        return fail(expired);
    // Undo the newer events, newest first, on a copy of the collection.
    auto objects = std::make_shared<Objects>(*c->objects);
    QHash<QString, qsizetype> counts = c->namespaceCounts;
    for (auto e = c->window.rbegin(); e != c->window.rend() && e->resourceVersion > resourceVersion; ++e) {
        const QJsonObject meta = e->object.value(QLatin1String("metadata")).toObject();
        const QString ns = meta.value(QLatin1String("namespace")).toString();
        const QString k = key(ns, meta.value(QLatin1String("name")).toString());
        switch (e->type) {
        case WatchEvent::Type::Added:
            objects->erase(k);
            if (--counts[ns] <= 0)
                counts.remove(ns);
            break;
        case WatchEvent::Type::Modified:
            (*objects)[k] = e->previous;
            break;
        case WatchEvent::Type::Deleted:
            objects->insert_or_assign(k, e->previous);
            ++counts[ns];
            break;
        }
    }
    Snapshot s;
    s.gvr = gvr;
    s.resourceVersion = resourceVersion;
    s.objects = std::move(objects);
    s.namespaceCounts = std::move(counts);
    return s;
}

void ObjectStore::retainSnapshot(const Snapshot &snapshot)
{
    if (RetainedSnapshot *r = findRetained(snapshot.gvr, snapshot.resourceVersion)) {
        ++r->openLists;
        r->lastUse = ++m_snapshotUses;
        return;
    }
    m_retained.push_back(RetainedSnapshot{snapshot, 1, ++m_snapshotUses});
    evictSnapshots();
}

void ObjectStore::evictSnapshots()
{
    while (m_retained.size() > size_t(m_snapshotLimit)) {
        const auto leastRecent = std::min_element(m_retained.begin(), m_retained.end(),
                                                  [](const RetainedSnapshot &a, const RetainedSnapshot &b) {
                                                      return a.lastUse < b.lastUse;
                                                  });
        m_retained.erase(leastRecent);
    }
}

void ObjectStore::releaseSnapshot(const Gvr &gvr, qint64 resourceVersion)
{
    RetainedSnapshot *r = findRetained(gvr, resourceVersion);
    if (!r || --r->openLists > 0)
        return;
    m_retained.erase(m_retained.begin() + (r - m_retained.data()));
}

void ObjectStore::setSnapshotLimit(int count)
{
    m_snapshotLimit = qMax(0, count);
    evictSnapshots();
}

void ObjectStore::compact(qint64 resourceVersion)
{
    m_compactedResourceVersion = qBound(m_compactedResourceVersion, resourceVersion, m_resourceVersion);
    std::erase_if(m_retained, [this](const RetainedSnapshot &r) {
        return r.snapshot.resourceVersion < m_compactedResourceVersion;
    });
}

} // namespace Qluster
