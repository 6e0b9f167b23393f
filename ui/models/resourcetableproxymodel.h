// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

namespace Qluster::Ui {

/// ResourceTableProxyModel sorts a ResourceTableModel by raw values (numbers, durations and
/// quantities by value, numbers before text) and filters rows by free text: every word typed must
/// appear in some cell, the namespace or a label ("app=web"), case-insensitively. With a
/// ResourceTableModel as source it compares the model's precomputed keys (compareRows,
/// rowContains); any other source model is sorted by SortRole and filtered by SearchTextRole.
class ResourceTableProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResourceTableProxyModel)
public:
    explicit ResourceTableProxyModel(QObject *parent = nullptr);

    /// ResourceTableProxyModel::setFilterText keeps only rows matching every word of text.
    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }

    void setSourceModel(QAbstractItemModel *model) override;
    /// ResourceTableProxyModel::sort has the ResourceTableModel rank its rows for column first, so
    /// that the sort compares integers (ResourceTableModel::rankRows).
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_text;
    QStringList m_words; // case-folded
    const class ResourceTableModel *m_table = nullptr; // not owned: the source model, when it is one
};

} // namespace Qluster::Ui
