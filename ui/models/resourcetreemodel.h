// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "discovery/discoverysnapshot.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace Qluster::Ui {

/// ResourceTreeModel lists what the cluster serves as a tree: Workloads, Network, Config & Storage,
/// Access Control, Cluster, then Custom Resources grouped by API group. Each kind appears once, in
/// its group's preferred version, with its other versions as children; only listable resources
/// are shown; short names are in the tooltip.
class ResourceTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResourceTreeModel)
public:
    enum Role {
        GvrRole = Qt::UserRole + 1, ///< Qluster::Gvr of a resource node (invalid for folders)
        KindRole,
        GroupRole,
        ShortNamesRole, ///< QStringList
        NamespacedRole,
        StaleRole,      ///< its group-version is marked Stale by aggregated discovery
        IsResourceRole,
        PreferredRole,  ///< true for the preferred version's node, false for other versions
    };
    Q_ENUM(Role)

    enum class Category { Workloads, Network, ConfigStorage, AccessControl, Cluster, Custom };
    Q_ENUM(Category)

    /// ResourceTreeModel shows snapshot; call setSnapshot when discovery refreshes.
    explicit ResourceTreeModel(DiscoverySnapshot snapshot, QObject *parent = nullptr);
    ~ResourceTreeModel() override;

    /// ResourceTreeModel::setSnapshot rebuilds the tree from a new discovery result.
    void setSnapshot(DiscoverySnapshot snapshot);
    const DiscoverySnapshot &snapshot() const { return m_snapshot; }

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    /// ResourceTreeModel::indexOf returns the node of gvr (invalid when not shown).
    QModelIndex indexOf(const Gvr &gvr) const;
    /// ResourceTreeModel::resourceAt returns the resource behind index, or nullptr for folders.
    const ApiResource *resourceAt(const QModelIndex &index) const;

    /// categoryOf says where a built-in resource belongs; groups that are not built into
    /// Kubernetes go to Custom.
    static Category categoryOf(const QString &group, const QString &resource);

private:
    struct Node
    {
        QString title;
        std::optional<ApiResource> resource;
        bool preferred = true;
        Node *parent = nullptr; // not owned
        std::vector<std::unique_ptr<Node>> children;
        int row = 0;
    };

    void build();
    Node *nodeOf(const QModelIndex &index) const;

    DiscoverySnapshot m_snapshot;
    std::unique_ptr<Node> m_root;
};

} // namespace Qluster::Ui
