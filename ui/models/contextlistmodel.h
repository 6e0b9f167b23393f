// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "config/kubeconfig.h"

#include <QAbstractListModel>
#include <QString>

#include <vector>

namespace Qluster::Ui {

/// ContextListModel lists the contexts of a merged kubeconfig for the context selector: one row
/// per context, sorted by name, with its cluster, user, namespace and server in roles and in a
/// tooltip; the current context is marked (bold).
class ContextListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContextListModel)
public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        ClusterRole,
        UserRole,
        NamespaceRole, ///< the context's namespace, empty when it sets none
        ServerRole,
        IsCurrentRole,
    };
    Q_ENUM(Role)

    explicit ContextListModel(QObject *parent = nullptr);
    ~ContextListModel() override;

    /// ContextListModel::setKubeconfig replaces every row with the contexts of `config`.
    void setKubeconfig(const Qluster::Kubeconfig &config);
    /// ContextListModel::setCurrentContext moves the current mark (after a switch).
    void setCurrentContext(const QString &name);
    QString currentContext() const { return m_current; }

    /// ContextListModel::rowOf is the row of context `name`, or -1.
    int rowOf(const QString &name) const;
    QString nameAt(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Row
    {
        QString name;
        QString cluster;
        QString user;
        QString namespaceName;
        QString server;
    };
    QString toolTip(const Row &row) const;

    std::vector<Row> m_rows;
    QString m_current;
};

} // namespace Qluster::Ui
