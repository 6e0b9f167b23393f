// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "resourcetreemodel.h"

#include <QSet>

#include <algorithm>

namespace Qluster::Ui {

namespace {

// The API groups kube-apiserver serves itself; anything else comes from a CRD or an
// aggregated APIService and is listed under Custom Resources.
bool isBuiltInGroup(const QString &group)
{
    static const QSet<QString> groups = {
        QString(),
        QStringLiteral("apps"),
        QStringLiteral("batch"),
        QStringLiteral("autoscaling"),
        QStringLiteral("policy"),
        QStringLiteral("admissionregistration.k8s.io"),
        QStringLiteral("apiextensions.k8s.io"),
        QStringLiteral("apiregistration.k8s.io"),
        QStringLiteral("authentication.k8s.io"),
        QStringLiteral("authorization.k8s.io"),
        QStringLiteral("certificates.k8s.io"),
        QStringLiteral("coordination.k8s.io"),
        QStringLiteral("discovery.k8s.io"),
        QStringLiteral("events.k8s.io"),
        QStringLiteral("flowcontrol.apiserver.k8s.io"),
        QStringLiteral("internal.apiserver.k8s.io"),
        QStringLiteral("networking.k8s.io"),
        QStringLiteral("node.k8s.io"),
        QStringLiteral("rbac.authorization.k8s.io"),
        QStringLiteral("resource.k8s.io"),
        QStringLiteral("scheduling.k8s.io"),
        QStringLiteral("storage.k8s.io"),
        QStringLiteral("storagemigration.k8s.io"),
    };
    return groups.contains(group);
}

} // namespace

ResourceTreeModel::Category ResourceTreeModel::categoryOf(const QString &group, const QString &resource)
{
    if (!isBuiltInGroup(group))
        return Category::Custom;
    static const QSet<QString> workloads = {
        QStringLiteral("pods"), QStringLiteral("replicationcontrollers"), QStringLiteral("deployments"),
        QStringLiteral("replicasets"), QStringLiteral("statefulsets"), QStringLiteral("daemonsets"),
        QStringLiteral("jobs"), QStringLiteral("cronjobs"), QStringLiteral("controllerrevisions")};
    static const QSet<QString> network = {
        QStringLiteral("services"), QStringLiteral("endpoints"), QStringLiteral("endpointslices"),
        QStringLiteral("ingresses"), QStringLiteral("ingressclasses"), QStringLiteral("networkpolicies"),
        QStringLiteral("ipaddresses"), QStringLiteral("servicecidrs")};
    static const QSet<QString> configStorage = {
        QStringLiteral("configmaps"), QStringLiteral("secrets"), QStringLiteral("persistentvolumeclaims"),
        QStringLiteral("persistentvolumes"), QStringLiteral("resourcequotas"), QStringLiteral("limitranges"),
        QStringLiteral("horizontalpodautoscalers"), QStringLiteral("poddisruptionbudgets"),
        QStringLiteral("storageclasses"), QStringLiteral("volumeattachments"), QStringLiteral("csidrivers"),
        QStringLiteral("csinodes"), QStringLiteral("csistoragecapacities"),
        QStringLiteral("volumeattributesclasses")};
    static const QSet<QString> access = {
        QStringLiteral("serviceaccounts"), QStringLiteral("roles"), QStringLiteral("rolebindings"),
        QStringLiteral("clusterroles"), QStringLiteral("clusterrolebindings"),
        QStringLiteral("certificatesigningrequests"), QStringLiteral("clustertrustbundles")};
    if (workloads.contains(resource))
        return Category::Workloads;
    if (network.contains(resource))
        return Category::Network;
    if (configStorage.contains(resource))
        return Category::ConfigStorage;
    if (access.contains(resource))
        return Category::AccessControl;
    return Category::Cluster;
}

ResourceTreeModel::ResourceTreeModel(DiscoverySnapshot snapshot, QObject *parent)
    : QAbstractItemModel(parent)
    , m_snapshot(std::move(snapshot))
{
    build();
}

ResourceTreeModel::~ResourceTreeModel() = default;

void ResourceTreeModel::setSnapshot(DiscoverySnapshot snapshot)
{
    beginResetModel();
    m_snapshot = std::move(snapshot);
    build();
    endResetModel();
}

void ResourceTreeModel::build()
{
    m_root = std::make_unique<Node>();
    const QStringList titles = {tr("Workloads"), tr("Network"), tr("Config & Storage"),
                                tr("Access Control"), tr("Cluster"), tr("Custom Resources")};
    for (const QString &title : titles) {
        auto folder = std::make_unique<Node>();
        folder->title = title;
        folder->parent = m_root.get();
        m_root->children.push_back(std::move(folder));
    }
    Node *custom = m_root->children.back().get();
    QHash<QString, Node *> customGroups;

    for (const ApiGroup &group : m_snapshot.groups()) {
        const ApiGroupVersion *preferred = group.version(group.preferredVersion);
        // Resources of the preferred version first, then resources only served in other versions
        // (their newest version stands in as preferred).
        QList<ApiResource> shown;
        QSet<QString> seen;
        if (preferred) {
            for (const ApiResource &r : preferred->resources) {
                if (r.isListable() && !seen.contains(r.gvr.resource)) {
                    shown.append(r);
                    seen.insert(r.gvr.resource);
                }
            }
        }
        for (const ApiGroupVersion &v : group.versions) {
            for (const ApiResource &r : v.resources) {
                if (r.isListable() && !seen.contains(r.gvr.resource)) {
                    shown.append(r);
                    seen.insert(r.gvr.resource);
                }
            }
        }
        for (const ApiResource &r : std::as_const(shown)) {
            const Category category = categoryOf(group.name, r.gvr.resource);
            Node *parentNode = m_root->children.at(size_t(category)).get();
            if (category == Category::Custom) {
                Node *&groupNode = customGroups[group.name];
                if (!groupNode) {
                    auto node = std::make_unique<Node>();
                    node->title = group.name;
                    node->parent = custom;
                    groupNode = node.get();
                    custom->children.push_back(std::move(node));
                }
                parentNode = groupNode;
            }
            auto node = std::make_unique<Node>();
            node->title = r.kind;
            node->resource = r;
            node->parent = parentNode;
            for (const ApiResource &other : m_snapshot.versionsOf(group.name, r.gvr.resource)) {
                if (other.gvr.version == r.gvr.version || !other.isListable())
                    continue;
                auto child = std::make_unique<Node>();
                child->title = other.gvr.version;
                child->resource = other;
                child->preferred = false;
                child->parent = node.get();
                node->children.push_back(std::move(child));
            }
            parentNode->children.push_back(std::move(node));
        }
    }
    // Kinds sorted by name within each folder; custom groups by group name.
    const auto byTitle = [](const std::unique_ptr<Node> &a, const std::unique_ptr<Node> &b) {
        return QString::compare(a->title, b->title, Qt::CaseInsensitive) < 0;
    };
    for (auto &folder : m_root->children) {
        std::stable_sort(folder->children.begin(), folder->children.end(), byTitle);
        for (auto &groupNode : folder->children) {
            if (!groupNode->resource)
                std::stable_sort(groupNode->children.begin(), groupNode->children.end(), byTitle);
        }
    }
    std::function<void(Node *)> number = [&number](Node *n) {
        for (size_t i = 0; i < n->children.size(); ++i) {
            n->children[i]->row = int(i);
            number(n->children[i].get());
        }
    };
    number(m_root.get());
}

ResourceTreeModel::Node *ResourceTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex ResourceTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return QModelIndex();
    Node *p = nodeOf(parent);
    return createIndex(row, column, p->children.at(size_t(row)).get());
}

QModelIndex ResourceTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return QModelIndex();
    Node *n = nodeOf(child);
    Node *p = n->parent;
    if (!p || p == m_root.get())
        return QModelIndex();
    return createIndex(p->row, 0, p);
}

int ResourceTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int ResourceTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

Qt::ItemFlags ResourceTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Node *n = nodeOf(index);
    return n->resource ? (Qt::ItemIsEnabled | Qt::ItemIsSelectable) : Qt::ItemIsEnabled;
}

QVariant ResourceTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return QVariant();
    const Node *n = nodeOf(index);
    const ApiResource *r = n->resource ? &*n->resource : nullptr;
    switch (role) {
    case Qt::DisplayRole:
        if (r && r->stale)
            return tr("%1 (stale)").arg(n->title);
        return n->title;
    case Qt::ToolTipRole: {
        if (!r)
            return QVariant();
        QString tip = r->gvr.resource + QLatin1Char(' ') + r->gvr.groupVersion();
        if (!r->shortNames.isEmpty())
            tip += QLatin1Char('\n') + tr("Short names: %1").arg(r->shortNames.join(QStringLiteral(", ")));
        tip += QLatin1Char('\n') + (r->namespaced ? tr("Namespaced") : tr("Cluster-scoped"));
        if (r->stale)
            tip += QLatin1Char('\n') + tr("Discovery marks this group-version stale: its server did not answer.");
        return tip;
    }
    case GvrRole:
        return r ? QVariant::fromValue(r->gvr) : QVariant();
    case KindRole:
        return r ? r->kind : QString();
    case GroupRole:
        return r ? r->gvr.group : (n->parent && n->parent != m_root.get() ? n->title : QString());
    case ShortNamesRole:
        return r ? r->shortNames : QStringList();
    case NamespacedRole:
        return r ? r->namespaced : false;
    case StaleRole:
        return r ? r->stale : false;
    case IsResourceRole:
        return r != nullptr;
    case PreferredRole:
        return r ? n->preferred : false;
    default:
        return QVariant();
    }
}

QModelIndex ResourceTreeModel::indexOf(const Gvr &gvr) const
{
    std::function<QModelIndex(const QModelIndex &)> search = [&](const QModelIndex &parent) {
        for (int row = 0; row < rowCount(parent); ++row) {
            const QModelIndex i = index(row, 0, parent);
            const Node *n = nodeOf(i);
            if (n->resource && n->resource->gvr == gvr)
                return i;
            const QModelIndex found = search(i);
            if (found.isValid())
                return found;
        }
        return QModelIndex();
    };
    return search(QModelIndex());
}

const ApiResource *ResourceTreeModel::resourceAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    const Node *n = nodeOf(index);
    return n->resource ? &*n->resource : nullptr;
}

} // namespace Qluster::Ui
