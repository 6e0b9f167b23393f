// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "contextlistmodel.h"

#include <QFont>

namespace Qluster::Ui {

ContextListModel::ContextListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

ContextListModel::~ContextListModel() = default;

void ContextListModel::setKubeconfig(const Qluster::Kubeconfig &config)
{
    beginResetModel();
    m_rows.clear();
    for (const KubeconfigContext &context : config.contexts()) {
        Row row{context.name, context.cluster, context.user, context.namespaceName, QString()};
        if (const auto cluster = config.cluster(context.cluster))
            row.server = cluster->server;
        m_rows.push_back(std::move(row));
    }
    m_current = config.currentContext();
    endResetModel();
}

void ContextListModel::setCurrentContext(const QString &name)
{
    if (name == m_current)
        return;
    const int before = rowOf(m_current);
    m_current = name;
    const QList<int> roles = {IsCurrentRole, Qt::FontRole};
    for (const int row : {before, rowOf(name)}) {
        if (row >= 0)
            Q_EMIT dataChanged(index(row), index(row), roles);
    }
}

int ContextListModel::rowOf(const QString &name) const
{
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].name == name)
            return int(i);
    }
    return -1;
}

QString ContextListModel::nameAt(int row) const
{
    return row >= 0 && size_t(row) < m_rows.size() ? m_rows[size_t(row)].name : QString();
}

int ContextListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QString ContextListModel::toolTip(const Row &row) const
{
    const QString none = tr("(none)");
    return tr("Cluster: %1\nUser: %2\nNamespace: %3\nServer: %4")
        .arg(row.cluster.isEmpty() ? none : row.cluster, row.user.isEmpty() ? none : row.user,
             row.namespaceName.isEmpty() ? tr("default (not set)") : row.namespaceName,
             row.server.isEmpty() ? none : row.server);
}

QVariant ContextListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
    case NameRole:
        return row.name;
    case Qt::ToolTipRole:
        return toolTip(row);
    case Qt::FontRole: {
        if (row.name != m_current)
            return {};
        QFont font;
        font.setBold(true);
        return font;
    }
    case ClusterRole:
        return row.cluster;
    case UserRole:
        return row.user;
    case NamespaceRole:
        return row.namespaceName;
    case ServerRole:
        return row.server;
    case IsCurrentRole:
        return row.name == m_current;
    default:
        return {};
    }
}

QHash<int, QByteArray> ContextListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(ClusterRole, "cluster");
    names.insert(UserRole, "user");
    names.insert(NamespaceRole, "namespace");
    names.insert(ServerRole, "server");
    names.insert(IsCurrentRole, "isCurrent");
    return names;
}

} // namespace Qluster::Ui
