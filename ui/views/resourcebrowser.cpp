// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "resourcebrowser.h"

#include "editor/yamleditor.h"

#include "mainwindow.h"
#include "objectoverview.h"

#include "api/labelselector.h"
#include "api/objectsummary.h"
#include "api/resourceclient.h"
#include "cache/resourcecache.h"
#include "cache/resourcecacheregistry.h"
#include "discovery/discovery.h"
#include "models/resourcetablemodel.h"
#include "models/resourcetableproxymodel.h"
#include "models/resourcetreemodel.h"
#include "edit/yamljson.h"
#include "models/resourcetreeproxymodel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace Qluster::Ui {

namespace {
const Gvr kPods {QString(), QStringLiteral("v1"), QStringLiteral("pods")};
} // namespace

ResourceBrowser::ResourceBrowser(MainWindow *window, ResourceClient *client, Discovery *discovery,
    ResourceCacheRegistry *registry, const QString &context, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_client(client)
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
        m_treeModel->setSnapshot(m_discovery->snapshot());
        m_window->showResourceTree(!m_discovery->snapshot().isEmpty());
        selectInTree(m_gvr.resource.isEmpty() ? kPods : m_gvr);
    });
    connect(tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &ResourceBrowser::treeCurrentChanged);
    connect(window->resourceFilter(), &QLineEdit::textChanged, this, [this](const QString &text) {
        m_treeProxy->setFilterText(text);
        if (!text.isEmpty())
            m_window->resourceTree()->expandAll();
    });
    connect(window, &MainWindow::namespaceChanged, this, &ResourceBrowser::reopen);
    connect(window->labelSelector(), &QLineEdit::editingFinished, this, [this] {
        const Result<void> applied = setLabelSelector(m_window->labelSelector()->text());
        m_window->setLabelSelectorError(applied ? QString() : applied.error().toString());
    });

    m_tableProxy = new ResourceTableProxyModel(this);
    QTableView *table = window->resourceTable();
    table->setModel(m_tableProxy);
    table->setSortingEnabled(true);
    table->sortByColumn(0, Qt::AscendingOrder);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &ResourceBrowser::tableCurrentChanged);
    m_tableProxy->setFilterText(window->rowFilter()->text());
    connect(window->rowFilter(), &QLineEdit::textChanged, m_tableProxy,
        &ResourceTableProxyModel::setFilterText);

    // The Overview and YAML tabs show the selected object.
    QTabWidget *tabs = window->detailTabs();
    m_overview = new ObjectOverview(tabs);
    m_overview->setMessage(tr("Select an object in the table to see it here."));
    replaceTab(tabs, 0, m_overview);
    connect(m_overview, &ObjectOverview::ownerActivated, this,
        [this](const QString &apiVersion, const QString &kind, const QString &name) {
            if (const Result<void> opened = openOwner(apiVersion, kind, name); !opened)
                m_window->showMessage(opened.error().toString());
        });
    // The YAML tab: the object as kubectl get -o yaml shows it; a Secret's values stay hidden
    // until the user asks for them.
    auto *yamlPage = new QWidget(tabs);
    auto *yamlLayout = new QVBoxLayout(yamlPage);
    yamlLayout->setContentsMargins(0, 0, 0, 0);
    m_revealSecret = new QPushButton(tr("Show Secret Values"), yamlPage);
    m_revealSecret->setObjectName(QStringLiteral("revealSecretValues"));
    m_revealSecret->setCheckable(true);
    m_revealSecret->setToolTip(tr("This Secret's data is hidden; show it in this view"));
    m_revealSecret->setVisible(false);
    connect(m_revealSecret, &QPushButton::toggled, this, &ResourceBrowser::showYaml);
    yamlLayout->addWidget(m_revealSecret, 0, Qt::AlignLeft);
    m_yaml = new YamlEditor(yamlPage);
    m_yaml->setObjectName(QStringLiteral("objectYaml"));
    m_yaml->setReadOnly(true);
    yamlLayout->addWidget(m_yaml);
    replaceTab(tabs, 1, yamlPage);
    tabs->setCurrentIndex(0);

    selectInTree(kPods); // what k9s and kubectl users look at first
}

void ResourceBrowser::replaceTab(QTabWidget *tabs, int index, QWidget *page)
{
    QWidget *old = tabs->widget(index);
    const QString title = tabs->tabText(index);
    tabs->removeTab(index);
    tabs->insertTab(index, page, title);
    if (old)
        old->deleteLater();
}

void ResourceBrowser::selectInTree(const Gvr &gvr)
{
    if (gvr.resource.isEmpty())
        return;
    const QModelIndex source = m_treeModel->indexOf(gvr);
    if (!source.isValid())
        return;
    const QModelIndex index = m_treeProxy->mapFromSource(source);
    m_window->resourceTree()->expand(index.parent());
    m_window->resourceTree()->setCurrentIndex(index);
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
    if (gvr != m_pendingGvr)
        m_pendingRow.clear(); // the user went elsewhere before the owner was listed
    const ApiResource *resource = m_discovery->snapshot().resource(gvr);
    m_gvr = gvr;
    m_namespaced = resource ? resource->namespaced : true;
    const QString ns = m_namespaced ? m_window->currentNamespace() : QString();
    const CacheKey key {m_context, gvr, ns, m_labelSelector, QString()};
    std::shared_ptr<ResourceCache> cache = m_registry->acquire(key);
    auto *model = new ResourceTableModel(cache, m_namespaced && ns.isEmpty(), this);
    // The cache's sync state goes to the status bar while this model shows it: listing, live, or
    // reconnecting after an error; a refusal replaces the table with its explanation.
    connect(cache.get(), &ResourceCache::syncStateChanged, model,
        [this, raw = cache.get()] { showSyncState(*raw); });
    m_tableProxy->setSourceModel(model);
    if (m_tableModel)
        m_tableModel->deleteLater(); // releases the previous cache
    m_tableModel = model;
    QTableView *table = m_window->resourceTable();
    const auto hideWide = [this, table] {
        for (int c = 0; c < m_tableModel->columnCount(); ++c) {
            const int priority
                = m_tableModel->headerData(
                                  c, Qt::Horizontal, ResourceTableModel::ColumnPriorityRole)
                      .toInt();
            table->setColumnHidden(c, priority > 0);
        }
    };
    hideWide();
    connect(model, &QAbstractItemModel::modelReset, this, hideWide);
    // Fit the columns to the first rows once; later the user's widths stay.
    auto fitted = std::make_shared<bool>(false);
    const auto fit = [table, model, fitted] {
        if (*fitted || model->rowCount() == 0)
            return;
        *fitted = true;
        table->resizeColumnsToContents();
        // Statuses change after the first rows were measured: leave room for the long ones.
        const int statusWidth = table->fontMetrics().horizontalAdvance(QStringLiteral("CrashLoopBackOff")) + 16;
        for (int c = 0; c < model->columnCount(); ++c) {
            if (model->headerData(c, Qt::Horizontal, ResourceTableModel::StatusColumnRole).toBool())
                table->setColumnWidth(c, std::max(table->columnWidth(c), statusWidth));
        }
    };
    connect(model, &QAbstractItemModel::rowsInserted, table, fit);
    connect(model, &QAbstractItemModel::modelReset, table, fit);
    connect(model, &QAbstractItemModel::rowsInserted, this, &ResourceBrowser::selectPendingRow);
    connect(model, &QAbstractItemModel::modelReset, this, &ResourceBrowser::selectPendingRow);
    m_window->showResourceTable(true);
    showSyncState(*cache);
    ++m_fetchGeneration;
    m_overview->setMessage(tr("Select an object in the table to see it here."));
    showObject(QJsonObject());
}

void ResourceBrowser::showObject(const QJsonObject &object)
{
    m_object = object;
    {
        const QSignalBlocker blocker(m_revealSecret);
        m_revealSecret->setChecked(false); // every Secret starts hidden
    }
    m_revealSecret->setVisible(isSecret(object));
    showYaml();
}

void ResourceBrowser::showYaml()
{
    if (m_object.isEmpty()) {
        m_yaml->clear();
        return;
    }
    // Like `kubectl get -o yaml`, the YAML view leaves out managedFields.
    QJsonObject shown = withoutManagedFields(m_object);
    if (!m_revealSecret->isChecked())
        shown = withSecretValuesHidden(shown);
    m_yaml->setPlainText(QString::fromUtf8(jsonToYaml(shown)));
}

void ResourceBrowser::showSyncState(const ResourceCache &cache)
{
    const QString resource = cache.key().gvr.resource;
    switch (cache.syncState()) {
    case ResourceCache::SyncState::Listing:
        m_window->statusBar()->showMessage(tr("Listing %1…").arg(resource));
        break;
    case ResourceCache::SyncState::Watching:
        m_window->statusBar()->clearMessage();
        break;
    case ResourceCache::SyncState::Backoff:
        m_window->statusBar()->showMessage(
            tr("Reconnecting to %1: %2").arg(resource, cache.lastError().toString()));
        break;
    case ResourceCache::SyncState::Forbidden: {
        // Not retried: RBAC will say the same until someone grants access. Opening the kind again
        // asks again.
        const QString where = cache.key().namespaceName.isEmpty()
            ? tr("in any namespace")
            : tr("in %1").arg(cache.key().namespaceName);
        m_window->statusBar()->clearMessage();
        m_window->showResourceTableMessage(tr("Not allowed"),
            tr("You may not list %1 %2. The server said: %3")
                .arg(resource, where, cache.lastError().message));
        break;
    }
    case ResourceCache::SyncState::Stopped:
        break;
    }
}

Result<void> ResourceBrowser::openOwner(const QString &apiVersion, const QString &kind,
                                        const QString &name)
{
    const ApiResource *owner = m_discovery->snapshot().resourceOfKind(Gvk::fromApiVersion(apiVersion, kind));
    if (!owner || !owner->isListable()) {
        return fail(Error::invalid(
            tr("The server does not serve %1 in %2: the owner cannot be shown.").arg(kind, apiVersion)));
    }
    // An owner is in its dependent's namespace or cluster-scoped: owner references never cross
    // namespaces (https://kubernetes.io/docs/concepts/overview/working-with-objects/owners-dependents/).
    ObjectMeta ownerMeta;
    ownerMeta.name = name;
    if (owner->namespaced)
        ownerMeta.namespaceName = m_overview->object().meta.namespaceName;
    const Gvr gvr = owner->gvr;
    m_pendingGvr = gvr;
    m_pendingRow = ownerMeta.key();
    if (gvr == m_gvr)
        selectPendingRow();
    else
        selectInTree(gvr); // opens it
    if (m_gvr != gvr)
        open(gvr); // not in the tree (filtered out, or another version than the preferred one)
    return {};
}

void ResourceBrowser::selectPendingRow()
{
    if (m_pendingRow.isEmpty() || !m_tableModel || m_pendingGvr != m_gvr)
        return;
    const int row = m_tableModel->rowOf(m_pendingRow);
    if (row < 0)
        return;
    m_pendingRow.clear();
    QTableView *table = m_window->resourceTable();
    const QModelIndex index = m_tableProxy->mapFromSource(m_tableModel->index(row, 0));
    table->setCurrentIndex(index);
    table->scrollTo(index);
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
    if (!current.isValid())
        return;
    const QString name = current.data(ResourceTableModel::NameRole).toString();
    const QString ns = current.data(ResourceTableModel::NamespaceRole).toString();
    m_overview->setMessage(tr("Loading %1…").arg(name));
    const quint64 generation = ++m_fetchGeneration;
    m_client->get({m_gvr, ns, name}, this, [this, generation](const Result<QJsonObject> &object) {
        if (generation != m_fetchGeneration)
            return;
        if (!object) {
            m_overview->setMessage(object.error().toString());
            return;
        }
        m_overview->setObject(ObjectSummary::fromObject(*object));
        showObject(*object);
        Q_EMIT objectLoaded();
    });
}

} // namespace Qluster::Ui
