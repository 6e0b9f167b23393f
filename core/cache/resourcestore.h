// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "changebatch.h"

#include "api/watchstreamevent.h"

#include <QHash>

namespace Qluster {

/// ResourceStore holds the objects of one list/watch and applies lists and watch events to them
/// as a pure reducer (client-go's cache.Store + headlamp's KubeList): stale resourceVersions are
/// skipped, objects are keyed by namespace/name, and a relist reconciles to only real changes.
class ResourceStore final
{
public:
    /// ResourceStore::replace swaps in a complete list taken at resourceVersion and returns only
    /// what really changed: new keys as Added, keys whose resourceVersion or uid changed as Modified,
    /// missing keys as Deleted. Unchanged objects produce nothing.
    ChangeBatch replace(std::vector<ResourceObject> items, const QString &resourceVersion,
                        const QList<TableColumn> &columns, bool isTable);

    /// ResourceStore::add takes one page of a list into a store that was empty when the list began
    /// (nothing can have been deleted, so nothing is reconciled): new keys as Added, keys seen again
    /// with another resourceVersion or uid as Modified. setResourceVersion ends that list.
    ChangeBatch add(std::vector<ResourceObject> items, const QList<TableColumn> &columns, bool isTable);
    void setResourceVersion(const QString &resourceVersion) { m_resourceVersion = resourceVersion; }
    /// ResourceStore::reserve makes room for count objects in all.
    void reserve(qsizetype count) { m_objects.reserve(count); }

    /// ResourceStore::apply applies one watch event and appends what changed to batch. BOOKMARK only
    /// moves the resourceVersion; ERROR changes nothing (its Status has no resourceVersion to keep).
    void apply(const WatchStreamEvent &event, ChangeBatch *batch);

    /// ResourceStore::resourceVersion is where a watch should resume from.
    const QString &resourceVersion() const { return m_resourceVersion; }
    const QList<TableColumn> &columns() const { return m_columns; }
    bool isTable() const { return m_isTable; }
    qsizetype size() const { return m_objects.size(); }
    /// ResourceStore::object returns the object with key ("namespace/name") or nullptr.
    const ResourceObject *object(const QString &key) const;
    /// ResourceStore::objects returns every object, in no particular order.
    std::vector<ResourceObject> objects() const;
    QStringList keys() const { return m_objects.keys(); }
    void clear();

    /// ResourceStore::isNewer is true when candidate is a later resourceVersion than current;
    /// resourceVersions are compared as integers (as etcd-backed servers produce them) and an
    /// opaque, non-numeric one is always taken as newer.
    static bool isNewer(const QString &candidate, const QString &current);

private:
    // Starts a batch for a list with these columns (columnsChanged when they differ from the last).
    ChangeBatch listBatch(const QList<TableColumn> &columns, bool isTable);

    QHash<QString, ResourceObject> m_objects;
    QString m_resourceVersion;
    QList<TableColumn> m_columns;
    bool m_isTable = false;
};

} // namespace Qluster
