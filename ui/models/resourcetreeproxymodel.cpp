// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "resourcetreeproxymodel.h"

#include "resourcetreemodel.h"

#include "api/gvr.h"

namespace Qluster::Ui {

ResourceTreeProxyModel::ResourceTreeProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
}

void ResourceTreeProxyModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateRowsFilter();
}

bool ResourceTreeProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!i.data(ResourceTreeModel::IsResourceRole).toBool()) {
        // A custom group folder matches by its group name and then shows all its kinds.
        const QString group = i.data(ResourceTreeModel::GroupRole).toString();
        return !group.isEmpty() && group.contains(m_text, Qt::CaseInsensitive);
    }
    // Other versions of a kind are shown when their kind is.
    if (!i.data(ResourceTreeModel::PreferredRole).toBool())
        return matches(sourceParent);
    return matches(i);
}

bool ResourceTreeProxyModel::matches(const QModelIndex &i) const
{
    const Gvr gvr = i.data(ResourceTreeModel::GvrRole).value<Gvr>();
    if (i.data(ResourceTreeModel::KindRole).toString().contains(m_text, Qt::CaseInsensitive)
        || gvr.resource.contains(m_text, Qt::CaseInsensitive)
        || gvr.group.contains(m_text, Qt::CaseInsensitive)) {
        return true;
    }
    const QStringList shortNames = i.data(ResourceTreeModel::ShortNamesRole).toStringList();
    for (const QString &s : shortNames) {
        if (s.compare(m_text, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace Qluster::Ui
