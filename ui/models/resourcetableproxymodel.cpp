// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "resourcetableproxymodel.h"

#include "resourcetablemodel.h"

namespace Qluster::Ui {

ResourceTableProxyModel::ResourceTableProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ResourceTableModel::SortRole);
    setDynamicSortFilter(true);
}

void ResourceTableProxyModel::setFilterText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    m_words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateRowsFilter();
}

bool ResourceTableProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    const QAbstractItemModel *model = sourceModel();
    const int columns = model->columnCount(sourceParent);
    QStringList haystack;
    haystack.reserve(columns + 2);
    for (int c = 0; c < columns; ++c)
        haystack.append(model->data(model->index(sourceRow, c, sourceParent)).toString());
    const QModelIndex first = model->index(sourceRow, 0, sourceParent);
    haystack.append(first.data(ResourceTableModel::NamespaceRole).toString());
    haystack.append(first.data(ResourceTableModel::LabelsRole).toString());
    for (const QString &word : m_words) {
        bool found = false;
        for (const QString &text : std::as_const(haystack)) {
            if (text.contains(word, Qt::CaseInsensitive)) {
                found = true;
                break;
            }
        }
        if (!found)
            return false;
    }
    return true;
}

bool ResourceTableProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant a = left.data(sortRole());
    const QVariant b = right.data(sortRole());
    const bool aNumber = a.typeId() == QMetaType::Double;
    const bool bNumber = b.typeId() == QMetaType::Double;
    if (aNumber && bNumber) {
        const double x = a.toDouble();
        const double y = b.toDouble();
        if (x != y)
            return x < y;
    } else if (aNumber != bNumber) {
        return aNumber; // numbers before text and empty cells
    } else {
        const int c = QString::compare(a.toString(), b.toString(), Qt::CaseInsensitive);
        if (c != 0)
            return c < 0;
    }
    // Ties keep a stable, meaningful order: by namespace/name.
    return left.data(ResourceTableModel::KeyRole).toString()
           < right.data(ResourceTableModel::KeyRole).toString();
}

} // namespace Qluster::Ui
