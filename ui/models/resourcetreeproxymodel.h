// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QSortFilterProxyModel>

namespace Qluster::Ui {

/// ResourceTreeProxyModel filters a ResourceTreeModel by what the user types: a kind, a plural,
/// a short name or an API group; folders stay when something inside them matches.
class ResourceTreeProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResourceTreeProxyModel)
public:
    explicit ResourceTreeProxyModel(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool matches(const QModelIndex &resourceIndex) const;

    QString m_text;
};

} // namespace Qluster::Ui
