// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "resourcestore.h"

namespace Qluster {

bool ResourceStore::isNewer(const QString &candidate, const QString &current)
{
    if (current.isEmpty())
        return true;
    bool okCandidate = false;
    bool okCurrent = false;
    const qulonglong a = candidate.toULongLong(&okCandidate);
    const qulonglong b = current.toULongLong(&okCurrent);
    if (!okCandidate || !okCurrent)
        return candidate != current;
    return a > b;
}

ChangeBatch ResourceStore::listBatch(const QList<TableColumn> &columns, bool isTable)
{
    ChangeBatch batch;
    batch.isTable = isTable;
    batch.columns = columns;
    batch.columnsChanged = columns != m_columns || isTable != m_isTable;
    m_columns = columns;
    m_isTable = isTable;
    return batch;
}

namespace {

bool listedChanged(const ResourceObject &old, const ResourceObject &item, bool columnsChanged)
{
    return old.metadata.resourceVersion != item.metadata.resourceVersion
           || old.metadata.uid != item.metadata.uid || (columnsChanged && old.cells != item.cells);
}

} // namespace

ChangeBatch ResourceStore::replace(std::vector<ResourceObject> items, const QString &resourceVersion,
                                   const QList<TableColumn> &columns, bool isTable)
{
    ChangeBatch batch = listBatch(columns, isTable);
    QHash<QString, ResourceObject> next;
    next.reserve(qsizetype(items.size()));
    for (ResourceObject &item : items) {
        const QString key = item.key();
        const auto old = m_objects.constFind(key);
        if (old == m_objects.cend())
            batch.changes.push_back({ObjectChange::Type::Added, item});
        else if (listedChanged(*old, item, batch.columnsChanged))
            batch.changes.push_back({ObjectChange::Type::Modified, item});
        next.insert(key, std::move(item));
    }
    for (auto it = m_objects.cbegin(); it != m_objects.cend(); ++it) {
        if (!next.contains(it.key()))
            batch.changes.push_back({ObjectChange::Type::Deleted, it.value()});
    }
    m_objects = std::move(next);
    m_resourceVersion = resourceVersion;
    return batch;
}

ChangeBatch ResourceStore::add(std::vector<ResourceObject> items, const QList<TableColumn> &columns,
                               bool isTable)
{
    ChangeBatch batch = listBatch(columns, isTable);
    batch.changes.reserve(items.size());
    for (ResourceObject &item : items) {
        const QString key = item.key();
        const auto it = m_objects.find(key);
        const bool added = it == m_objects.end();
        if (!added && !listedChanged(*it, item, batch.columnsChanged))
            continue;
        batch.changes.push_back({added ? ObjectChange::Type::Added : ObjectChange::Type::Modified, item});
        if (added)
            m_objects.insert(key, std::move(item));
        else
            *it = std::move(item);
    }
    return batch;
}

void ResourceStore::apply(const WatchStreamEvent &event, ChangeBatch *batch)
{
    switch (event.type) {
    case WatchStreamEvent::Type::Error:
        return;
    case WatchStreamEvent::Type::Bookmark:
        if (!event.resourceVersion.isEmpty())
            m_resourceVersion = event.resourceVersion;
        return;
    case WatchStreamEvent::Type::Added:
    case WatchStreamEvent::Type::Modified:
    case WatchStreamEvent::Type::Deleted:
        break;
    }
    if (!event.columns.isEmpty() && event.columns != m_columns) {
        m_columns = event.columns;
        m_isTable = true;
        batch->columnsChanged = true;
        batch->columns = m_columns;
        batch->isTable = true;
    }
    for (const ResourceObject &object : event.objects) {
        const QString key = object.key();
        auto it = m_objects.find(key);
        if (event.type == WatchStreamEvent::Type::Deleted) {
            if (it == m_objects.end())
                continue;
            // A DELETED older than what we hold is about an earlier incarnation of this name.
            if (it->metadata.uid != object.metadata.uid && !object.metadata.uid.isEmpty()
                && !isNewer(object.metadata.resourceVersion, it->metadata.resourceVersion)) {
                continue;
            }
            batch->changes.push_back({ObjectChange::Type::Deleted, object});
            m_objects.erase(it);
            continue;
        }
        if (it == m_objects.end()) {
            m_objects.insert(key, object);
            batch->changes.push_back({ObjectChange::Type::Added, object});
            continue;
        }
        // Skip events that are not newer than what we hold (a replay after reconnect).
        if (!isNewer(object.metadata.resourceVersion, it->metadata.resourceVersion))
            continue;
        *it = object;
        batch->changes.push_back({ObjectChange::Type::Modified, object});
    }
    if (!event.resourceVersion.isEmpty() && isNewer(event.resourceVersion, m_resourceVersion))
        m_resourceVersion = event.resourceVersion;
}

const ResourceObject *ResourceStore::object(const QString &key) const
{
    const auto it = m_objects.constFind(key);
    return it == m_objects.cend() ? nullptr : &*it;
}

std::vector<ResourceObject> ResourceStore::objects() const
{
    std::vector<ResourceObject> out;
    out.reserve(size_t(m_objects.size()));
    for (const ResourceObject &o : m_objects)
        out.push_back(o);
    return out;
}

void ResourceStore::clear()
{
    m_objects.clear();
    m_resourceVersion.clear();
    m_columns.clear();
    m_isTable = false;
}

} // namespace Qluster
