// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "resourcetableproxymodel.h"

#include "resourcetablemodel.h"

#include <algorithm>

namespace Qluster::Ui {

ResourceTableProxyModel::ResourceTableProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ResourceTableModel::SortRole);
    // Only changes of the searched texts re-filter rows (not AGE ticking in DisplayRole).
    setFilterRole(ResourceTableModel::SearchTextRole);
    setDynamicSortFilter(true);
}

void ResourceTableProxyModel::setSourceModel(QAbstractItemModel *model)
{
    m_table = qobject_cast<const ResourceTableModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void ResourceTableProxyModel::sort(int column, Qt::SortOrder order)
{
    if (m_table)
        m_table->rankRows(column);
    QSortFilterProxyModel::sort(column, order);
}

void ResourceTableProxyModel::setFilterText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    m_words = text.toCaseFolded().simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (m_table)
        m_table->rankRows(sortColumn()); // the rebuild below sorts the accepted rows again
    // A full rebuild (filter every row, sort those accepted: O(n log n)) rather than
    // invalidateRowsFilter(), which inserts newly accepted rows between the kept ones one interval
    // at a time: clearing a filter on 100,000 rows took 0.7 s that way.
    invalidate();
}

bool ResourceTableProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    if (m_table)
        return m_table->rowContains(sourceRow, m_words);
    const QString text = sourceModel()->index(sourceRow, 0, sourceParent).data(filterRole()).toString().toCaseFolded();
    return std::all_of(m_words.cbegin(), m_words.cend(), [&text](const QString &word) { return text.contains(word); });
}

bool ResourceTableProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_table)
        return m_table->compareRanked(left.row(), right.row(), left.column()) < 0;
    const QVariant a = left.data(sortRole());
    const QVariant b = right.data(sortRole());
    const bool aNumber = a.typeId() == QMetaType::Double;
    const bool bNumber = b.typeId() == QMetaType::Double;
    if (aNumber && bNumber)
        return a.toDouble() < b.toDouble();
    if (aNumber != bNumber)
        return aNumber; // numbers before text and empty cells
    return QString::compare(a.toString(), b.toString(), Qt::CaseInsensitive) < 0;
}

} // namespace Qluster::Ui
