// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/gvr.h"
#include "util/result.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>

class QPushButton;
class QTabWidget;

#include <memory>

namespace Qluster {
class Discovery;
class ResourceClient;
class ResourceCache;
class ResourceCacheRegistry;
} // namespace Qluster

namespace Qluster::Ui {

class MainWindow;
class ObjectOverview;
class YamlEditor;
class ResourceTableModel;
class ResourceTableProxyModel;
class ResourceTreeModel;
class ResourceTreeProxyModel;

/// ResourceBrowser drives MainWindow's three panes for one connected context: the resource tree
/// from Discovery, the live table of the kind selected there (a shared ResourceCache), and the
/// Overview of the row selected in the table (fetched in full on selection).
class ResourceBrowser final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResourceBrowser)
public:
    /// ResourceBrowser wires window (not owned) to the connected cluster's client, discovery and
    /// caches (ClusterSession's; not owned, all must outlive it); context names the caches.
    ResourceBrowser(MainWindow *window, ResourceClient *client, Discovery *discovery,
        ResourceCacheRegistry *registry, const QString &context, QObject *parent = nullptr);
    ~ResourceBrowser() override;

    /// ResourceBrowser::open shows the objects of gvr in the table (in the current namespace).
    void open(const Gvr &gvr);
    /// ResourceBrowser::setLabelSelector narrows the table to objects matching selector (kubectl's
    /// -l syntax, checked before it is sent; the error says what is wrong); empty shows all.
    Result<void> setLabelSelector(const QString &selector);
    QString labelSelector() const { return m_labelSelector; }
    /// ResourceBrowser::openOwner follows an owner reference of the object in the Overview: the
    /// owner's kind (apiVersion, kind as in ownerReferences) is opened in the tree and table and
    /// its row (name, in the dependent's namespace) selected as soon as it is listed. Fails when
    /// the server does not serve that kind.
    Result<void> openOwner(const QString &apiVersion, const QString &kind, const QString &name);
    /// ResourceBrowser::currentGvr is the resource the table shows (empty when none).
    Gvr currentGvr() const { return m_gvr; }
    ResourceTableModel *tableModel() const { return m_tableModel; }
    ResourceTreeModel *treeModel() const { return m_treeModel; }
    ObjectOverview *overview() const { return m_overview; }
    YamlEditor *yamlView() const { return m_yaml; }

Q_SIGNALS:
    /// objectLoaded is emitted when the Overview shows a freshly fetched object.
    void objectLoaded();

private:
    static void replaceTab(QTabWidget *tabs, int index, QWidget *page);
    void selectInTree(const Gvr &gvr);
    void treeCurrentChanged();
    void tableCurrentChanged();
    void reopen();
    void selectPendingRow();
    void showObject(const QJsonObject &object);
    void showYaml();
    void showSyncState(const ResourceCache &cache);

    MainWindow *m_window; // not owned
    ResourceClient *m_client; // not owned
    Discovery *m_discovery; // not owned
    ResourceCacheRegistry *m_registry; // not owned
    QString m_context;
    ResourceTreeModel *m_treeModel = nullptr; // owned (child)
    ResourceTreeProxyModel *m_treeProxy = nullptr; // owned (child)
    ResourceTableModel *m_tableModel = nullptr; // owned (child), replaced per kind
    ResourceTableProxyModel *m_tableProxy = nullptr; // owned (child)
    ObjectOverview *m_overview = nullptr; // owned by the detail tabs
    YamlEditor *m_yaml = nullptr; // owned by the detail tabs
    QPushButton *m_revealSecret = nullptr; // owned by the detail tabs
    QJsonObject m_object; // the object the Overview and YAML tabs show
    Gvr m_gvr;
    QString m_labelSelector;
    // The row to select once listed (an owner being opened): its kind and key.
    Gvr m_pendingGvr;
    QString m_pendingRow;
    bool m_namespaced = true;
    quint64 m_fetchGeneration = 0;
};

} // namespace Qluster::Ui
