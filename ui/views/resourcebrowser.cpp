// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "resourcebrowser.h"

#include "mainwindow.h"
#include "objectoverview.h"

#include "cache/connectionlistwatcher.h"
#include "cache/resourcecache.h"
#include "cache/resourcecacheregistry.h"
#include "discovery/discovery.h"
#include "models/resourcetablemodel.h"
#include "models/resourcetableproxymodel.h"
#include "models/resourcetreemodel.h"
#include "models/resourcetreeproxymodel.h"
#include "net/connection.h"
#include "sandbox/labelselector.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QLineEdit>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>

namespace Qluster::Ui {

ResourceBrowser::ResourceBrowser(MainWindow *window, Connection *connection, Discovery *discovery,
                                 ResourceCacheRegistry *registry, const QString &context, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_connection(connection)
    , m_discovery(discovery)
    , m_registry(registry)
    , m_context(context)
{
    m_treeModel = new ResourceTreeModel(discovery->snapshot(), this);
    m_treeProxy = new ResourceTreeProxyModel(this);
    m_treeProxy->setSourceModel(m_treeModel);
    QTreeView *tree = window->resourceTree();
    tree->setModel(m_treeProxy);
    tree->setHeaderHidden(true);
    window->showResourceTree(!discovery->snapshot().isEmpty());
    connect(discovery, &Discovery::snapshotChanged, this, [this] {
        const Gvr current = m_gvr;
        m_treeModel->setSnapshot(m_discovery->snapshot());
        m_window->showResourceTree(!m_discovery->snapshot().isEmpty());
        if (!current.resource.isEmpty()) {
            const QModelIndex source = m_treeModel->indexOf(current);
            if (source.isValid())
                m_window->resourceTree()->setCurrentIndex(m_treeProxy->mapFromSource(source));
        }
    });
    connect(tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ResourceBrowser::treeCurrentChanged);
    if (auto *filter = window->findChild<QLineEdit *>(QStringLiteral("resourceFilter"))) {
        connect(filter, &QLineEdit::textChanged, this, [this](const QString &text) {
            m_treeProxy->setFilterText(text);
            if (!text.isEmpty())
                m_window->resourceTree()->expandAll();
        });
    }
    connect(window, &MainWindow::namespaceChanged, this, &ResourceBrowser::reopen);

    m_tableProxy = new ResourceTableProxyModel(this);
    QTableView *table = window->resourceTable();
    table->setModel(m_tableProxy);
    table->setSortingEnabled(true);
    table->sortByColumn(0, Qt::AscendingOrder);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ResourceBrowser::tableCurrentChanged);

    // The Overview tab shows the selected object.
    QTabWidget *tabs = window->detailTabs();
    m_overview = new ObjectOverview(tabs);
    m_overview->setMessage(tr("Select an object in the table to see it here."));
    QWidget *old = tabs->widget(0);
    const QString title = tabs->tabText(0);
    tabs->removeTab(0);
    tabs->insertTab(0, m_overview, title.isEmpty() ? tr("Overview") : title);
    tabs->setCurrentIndex(0);
    if (old)
        old->deleteLater();
}

ResourceBrowser::~ResourceBrowser() = default;

void ResourceBrowser::treeCurrentChanged()
{
    const QModelIndex current = m_window->resourceTree()->currentIndex();
    if (!current.data(ResourceTreeModel::IsResourceRole).toBool())
        return;
    open(current.data(ResourceTreeModel::GvrRole).value<Gvr>());
}

void ResourceBrowser::reopen()
{
    if (!m_gvr.resource.isEmpty())
        open(m_gvr);
}

void ResourceBrowser::open(const Gvr &gvr)
{
    const ApiResource *resource = m_discovery->snapshot().resource(gvr);
    m_gvr = gvr;
    m_namespaced = resource ? resource->namespaced : true;
    const QString ns = m_namespaced ? m_window->currentNamespace() : QString();
    const CacheKey key{m_context, gvr, ns, m_labelSelector, QString()};
    std::shared_ptr<ResourceCache> cache = m_registry->acquire(key);
    // The cache's sync state goes to the status bar: listing, live, or reconnecting after an error.
    connect(cache.get(), &ResourceCache::syncStateChanged, this,
            [this, raw = cache.get()](ResourceCache::SyncState state) {
                if (!m_tableModel || m_tableModel->cache().get() != raw)
                    return;
                switch (state) {
                case ResourceCache::SyncState::Listing:
                    m_window->statusBar()->showMessage(tr("Listing %1…").arg(raw->key().gvr.resource));
                    break;
                case ResourceCache::SyncState::Watching:
                    m_window->statusBar()->clearMessage();
                    break;
                case ResourceCache::SyncState::Backoff:
                    m_window->statusBar()->showMessage(
                        tr("Reconnecting to %1: %2").arg(raw->key().gvr.resource, raw->lastError().toString()));
                    break;
                case ResourceCache::SyncState::Stopped:
                    break;
                }
            });
    auto *model = new ResourceTableModel(cache, m_namespaced && ns.isEmpty(), this);
    m_tableProxy->setSourceModel(model);
    if (m_tableModel)
        m_tableModel->deleteLater(); // releases the previous cache
    m_tableModel = model;
    QTableView *table = m_window->resourceTable();
    const auto hideWide = [this, table] {
        for (int c = 0; c < m_tableModel->columnCount(); ++c) {
            const int priority = m_tableModel->headerData(c, Qt::Horizontal,
                                                          ResourceTableModel::ColumnPriorityRole).toInt();
            table->setColumnHidden(c, priority > 0);
        }
    };
    hideWide();
    connect(model, &QAbstractItemModel::modelReset, this, hideWide);
    m_window->showResourceTable(true);
    ++m_fetchGeneration;
    m_overview->setMessage(tr("Select an object in the table to see it here."));
}

Result<void> ResourceBrowser::setLabelSelector(const QString &selector)
{
    const QString trimmed = selector.trimmed();
    auto parsed = LabelSelector::parse(trimmed);
    if (!parsed)
        return fail(parsed.error());
    if (trimmed == m_labelSelector)
        return {};
    m_labelSelector = trimmed;
    reopen();
    return {};
}

void ResourceBrowser::tableCurrentChanged()
{
    const QModelIndex current = m_window->resourceTable()->currentIndex();
    if (!current.isValid() || !m_connection)
        return;
    const QString name = current.data(ResourceTableModel::NameRole).toString();
    const QString ns = current.data(ResourceTableModel::NamespaceRole).toString();
    m_overview->setMessage(tr("Loading %1…").arg(name));
    const quint64 generation = ++m_fetchGeneration;
    m_connection->send(ApiRequest::get(m_gvr, ns, name), this,
                       [this, generation](const Result<ApiResponse> &result) {
                           if (generation != m_fetchGeneration)
                               return;
                           if (!result) {
                               m_overview->setMessage(result.error().toString());
                               return;
                           }
                           const QJsonObject object = QJsonDocument::fromJson(result->body).object();
                           m_overview->setObject(object);
                           Q_EMIT objectLoaded();
                       });
}

} // namespace Qluster::Ui
