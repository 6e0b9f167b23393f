// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "mainwindow.h"

#include "aboutdialog.h"
#include "emptystate.h"

#include "config/commandline.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSettings>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace Qluster::Ui {

namespace {
const auto kGeometryKey = QStringLiteral("mainWindow/geometry");
const auto kStateKey = QStringLiteral("mainWindow/state");
const auto kSplitterKey = QStringLiteral("mainWindow/splitter");
const auto kContextKey = QStringLiteral("session/context");
// The namespace last shown, one key per context (a context name may hold any character).
QString namespaceKey(const QString &context)
{
    return QStringLiteral("session/namespace/") + QString::fromLatin1(context.toUtf8().toPercentEncoding());
}
} // namespace

MainWindow::MainWindow(QSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Qluster"));
    QIcon icon;
    for (int size : {16, 32, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/qluster-%1.png").arg(size), QSize(size, size));
    setWindowIcon(icon);

    createActions();
    createToolBar();

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(createResourcePane());
    m_splitter->addWidget(createTablePane());
    m_splitter->addWidget(createDetailPane());
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 2);
    m_splitter->setSizes({260, 760, 420});
    setCentralWidget(m_splitter);

    m_insecureLabel = new QLabel(this);
    m_insecureLabel->setObjectName(QStringLiteral("insecureWarning"));
    m_insecureLabel->setStyleSheet(QStringLiteral("QLabel { color: #b45309; font-weight: bold; }"));
    m_insecureLabel->hide();
    statusBar()->addPermanentWidget(m_insecureLabel);
    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setObjectName(QStringLiteral("connectionState"));
    statusBar()->addPermanentWidget(m_connectionLabel);
    setConnectionState(ConnectionState::Disconnected);

    resize(1440, 900);
    restoreState();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *clusterMenu = menuBar()->addMenu(tr("&Cluster"));
    QAction *makeCurrent = clusterMenu->addAction(tr("Make This &kubectl's Current Context"), this,
        &MainWindow::makeCurrentContextRequested);
    makeCurrent->setObjectName(QStringLiteral("makeCurrentContextAction"));
    makeCurrent->setStatusTip(tr("Write the shown context into the kubeconfig as current-context, "
                                 "as `kubectl config use-context` does"));

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About Qluster"), this, [this] {
        AboutDialog dialog(this);
        dialog.exec();
    });
    helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::createToolBar()
{
    QToolBar *toolBar = addToolBar(tr("Cluster"));
    toolBar->setObjectName(QStringLiteral("clusterToolBar"));
    toolBar->setMovable(false);

    toolBar->addWidget(new QLabel(tr("Context:"), toolBar));
    m_contextBox = new QComboBox(toolBar);
    m_contextBox->setObjectName(QStringLiteral("contextSelector"));
    m_contextBox->setMinimumContentsLength(24);
    m_contextBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_contextBox->setPlaceholderText(tr("No kubeconfig contexts"));
    m_contextBox->setToolTip(tr("The kubeconfig context to explore"));
    connect(m_contextBox, &QComboBox::activated, this, [this] {
        const QString context = currentContext();
        m_settings->setValue(kContextKey, context);
        Q_EMIT contextChanged(context);
    });
    toolBar->addWidget(m_contextBox);
    toolBar->addSeparator();

    toolBar->addWidget(new QLabel(tr("Namespace:"), toolBar));
    m_namespaceBox = new QComboBox(toolBar);
    m_namespaceBox->setObjectName(QStringLiteral("namespaceSelector"));
    m_namespaceBox->setEditable(true);
    m_namespaceBox->setInsertPolicy(QComboBox::NoInsert);
    m_namespaceBox->setMinimumContentsLength(20);
    m_namespaceBox->setToolTip(tr("Pick a namespace, or type one and press Enter"));
    m_namespaceBox->lineEdit()->setPlaceholderText(tr("All namespaces"));
    m_namespaceBox->addItem(tr("All namespaces"), QString());
    connect(m_namespaceBox, &QComboBox::activated, this,
        [this](int index) { setCurrentNamespace(m_namespaceBox->itemData(index).toString()); });
    connect(m_namespaceBox->lineEdit(), &QLineEdit::returnPressed, this,
        &MainWindow::commitNamespaceText);
    toolBar->addWidget(m_namespaceBox);
}

QWidget *MainWindow::createResourcePane()
{
    auto *pane = new QWidget(this);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    m_resourceFilter = new QLineEdit(pane);
    m_resourceFilter->setObjectName(QStringLiteral("resourceFilter"));
    m_resourceFilter->setPlaceholderText(tr("Filter kinds (name, short name, group)"));
    m_resourceFilter->setClearButtonEnabled(true);
    m_treeStack = new QStackedWidget(pane);
    m_treeStack->setObjectName(QStringLiteral("treeStack"));
    m_treeEmpty = new EmptyState(tr("No cluster"),
        tr("Choose a context in the toolbar: its resource kinds appear here."), m_treeStack);
    m_resourceTree = new QTreeView(m_treeStack);
    m_resourceTree->setObjectName(QStringLiteral("resourceTree"));
    m_resourceTree->setHeaderHidden(true);
    m_resourceTree->setUniformRowHeights(true);
    connect(m_treeEmpty, &EmptyState::actionTriggered, this, &MainWindow::retryRequested);
    m_treeStack->addWidget(m_treeEmpty);
    m_treeStack->addWidget(m_resourceTree);
    layout->addWidget(m_resourceFilter);
    layout->addWidget(m_treeStack);
    return pane;
}

QWidget *MainWindow::createTablePane()
{
    m_tableStack = new QStackedWidget(this);
    m_tableStack->setObjectName(QStringLiteral("tableStack"));
    m_tableEmpty = new EmptyState(tr("No resource selected"),
        tr("Pick a context in the toolbar, then choose a kind such as Pods in the tree on the left "
           "to list its objects here. No cluster? Start Qluster with --demo."),
        m_tableStack);
    m_tablePage = new QWidget(m_tableStack);
    m_rowFilter = new QLineEdit(m_tablePage);
    m_rowFilter->setObjectName(QStringLiteral("rowFilter"));
    m_rowFilter->setPlaceholderText(tr("Filter rows"));
    m_rowFilter->setClearButtonEnabled(true);
    m_labelSelector = new QLineEdit(m_tablePage);
    m_labelSelector->setObjectName(QStringLiteral("labelSelector"));
    m_labelSelector->setPlaceholderText(tr("Label selector, e.g. app=web,tier notin (db)"));
    m_labelSelector->setClearButtonEnabled(true);
    m_labelSelectorError = new QLabel(m_tablePage);
    m_labelSelectorError->setObjectName(QStringLiteral("labelSelectorError"));
    m_labelSelectorError->setStyleSheet(QStringLiteral("QLabel { color: #dc2626; }"));
    m_labelSelectorError->setWordWrap(true);
    m_labelSelectorError->hide();
    m_resourceTable = new QTableView(m_tablePage);
    m_resourceTable->setObjectName(QStringLiteral("resourceTable"));
    m_resourceTable->setSortingEnabled(true);
    m_resourceTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_resourceTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_resourceTable->verticalHeader()->hide();
    m_resourceTable->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_resourceTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_resourceTable->setWordWrap(false);
    m_resourceTable->setTextElideMode(Qt::ElideMiddle);
    m_resourceTable->horizontalHeader()->setResizeContentsPrecision(200);
    m_resourceTable->horizontalHeader()->setStretchLastSection(true);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_rowFilter, 1);
    filters->addWidget(m_labelSelector, 1);
    auto *layout = new QVBoxLayout(m_tablePage);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_labelSelectorError);
    layout->addWidget(m_resourceTable);
    m_tableStack->addWidget(m_tableEmpty);
    m_tableMessage = new EmptyState(QString(), QString(), m_tableStack);
    m_tableMessage->setObjectName(QStringLiteral("tableMessage"));
    m_tableStack->addWidget(m_tableMessage);
    m_tableStack->addWidget(m_tablePage);
    return m_tableStack;
}

QWidget *MainWindow::createDetailPane()
{
    m_detailTabs = new QTabWidget(this);
    m_detailTabs->setObjectName(QStringLiteral("detailTabs"));
    const QString hint = tr("Select an object in the table to see it here.");
    m_detailTabs->addTab(
        new EmptyState(tr("Nothing selected"), hint, m_detailTabs), tr("Overview"));
    m_detailTabs->addTab(new EmptyState(tr("Nothing selected"), hint, m_detailTabs), tr("YAML"));
    return m_detailTabs;
}

void MainWindow::showResourceTree(bool show)
{
    m_treeStack->setCurrentWidget(show ? static_cast<QWidget *>(m_resourceTree) : m_treeEmpty);
}

void MainWindow::showResourceTable(bool show)
{
    m_tableStack->setCurrentWidget(show ? m_tablePage : static_cast<QWidget *>(m_tableEmpty));
}

void MainWindow::showResourceTableMessage(const QString &title, const QString &hint)
{
    m_tableMessage->setTitle(title);
    m_tableMessage->setHint(hint);
    m_tableStack->setCurrentWidget(m_tableMessage);
}

void MainWindow::setLabelSelectorError(const QString &error)
{
    m_labelSelectorError->setText(error);
    m_labelSelectorError->setVisible(!error.isEmpty());
    m_labelSelector->setStyleSheet(
        error.isEmpty() ? QString() : QStringLiteral("QLineEdit { border: 1px solid #dc2626; }"));
}

void MainWindow::setContextModel(QAbstractItemModel *model)
{
    const QSignalBlocker blocker(m_contextBox);
    m_contextBox->setModel(model);
    m_contextBox->setCurrentIndex(-1);
}

void MainWindow::setCurrentContext(const QString &name)
{
    const QSignalBlocker blocker(m_contextBox);
    m_contextBox->setCurrentIndex(m_contextBox->findText(name));
}

QString MainWindow::currentContext() const
{
    return m_contextBox->currentIndex() < 0 ? QString() : m_contextBox->currentText();
}

void MainWindow::setNamespaces(const QStringList &names)
{
    const QSignalBlocker blocker(m_namespaceBox);
    while (m_namespaceBox->count() > 1)
        m_namespaceBox->removeItem(1);
    for (const QString &name : names)
        m_namespaceBox->addItem(name, name);
    // Keep the chosen namespace even when it is not listed (listing may be forbidden).
    const int index = m_namespaceBox->findData(m_currentNamespace);
    if (index >= 0)
        m_namespaceBox->setCurrentIndex(index);
    else
        m_namespaceBox->setEditText(m_currentNamespace);
}

void MainWindow::setNamespacesForbidden(bool forbidden)
{
    m_namespaceBox->setToolTip(forbidden
            ? tr("You may not list namespaces in this cluster: type one and press Enter")
            : tr("Pick a namespace, or type one and press Enter"));
}

QString MainWindow::currentNamespace() const
{
    return m_currentNamespace;
}

bool MainWindow::setCurrentNamespace(const QString &name)
{
    if (!name.isEmpty() && !isValidNamespaceName(name)) {
        statusBar()->showMessage(
            tr("'%1' is not a valid namespace name: use lower-case letters, digits and '-'.")
                .arg(name),
            8000);
        return false;
    }
    {
        const QSignalBlocker blocker(m_namespaceBox);
        const int index = m_namespaceBox->findData(name);
        if (index >= 0)
            m_namespaceBox->setCurrentIndex(index);
        else
            m_namespaceBox->setEditText(name);
    }
    if (name == m_currentNamespace)
        return true;
    m_currentNamespace = name;
    m_settings->setValue(namespaceKey(currentContext()), name);
    Q_EMIT namespaceChanged(name);
    return true;
}

void MainWindow::commitNamespaceText()
{
    const QString text = m_namespaceBox->currentText().trimmed();
    const int index = m_namespaceBox->findText(text);
    setCurrentNamespace(index >= 0 ? m_namespaceBox->itemData(index).toString() : text);
}

void MainWindow::setConnectionState(ConnectionState state, const QString &detail)
{
    m_connectionState = state;
    QString text;
    switch (state) {
    case ConnectionState::Disconnected:
        text = tr("Not connected");
        break;
    case ConnectionState::Connecting:
        text = tr("Connecting to %1…").arg(detail);
        break;
    case ConnectionState::Connected:
        text = tr("Connected: %1").arg(detail);
        break;
    case ConnectionState::Failed:
        text = tr("Connection failed: %1").arg(detail);
        break;
    }
    m_connectionLabel->setText(text);

    switch (state) {
    case ConnectionState::Disconnected:
        m_treeEmpty->setTitle(tr("No cluster"));
        m_treeEmpty->setHint(detail.isEmpty()
                ? tr("Choose a context in the toolbar: its resource kinds appear here.")
                : detail);
        m_treeEmpty->setActionText(QString());
        showResourceTree(false);
        break;
    case ConnectionState::Connecting:
        m_treeEmpty->setTitle(tr("Connecting…"));
        m_treeEmpty->setHint(detail);
        m_treeEmpty->setActionText(QString());
        showResourceTree(false);
        break;
    case ConnectionState::Failed:
        m_treeEmpty->setTitle(tr("Cannot connect"));
        m_treeEmpty->setHint(detail);
        m_treeEmpty->setActionText(tr("Retry"));
        showResourceTree(false);
        break;
    case ConnectionState::Connected:
        m_treeEmpty->setTitle(tr("Connected"));
        m_treeEmpty->setHint(tr("Reading the cluster's API resources…"));
        m_treeEmpty->setActionText(QString());
        break;
    }
}

void MainWindow::setInsecureWarning(Insecurity insecurity)
{
    switch (insecurity) {
    case Insecurity::None:
        m_insecureLabel->clear();
        break;
    case Insecurity::TlsVerificationOff:
        m_insecureLabel->setText(
            tr("⚠ TLS verification is off for this cluster (insecure-skip-tls-verify)"));
        break;
    case Insecurity::Unencrypted:
        m_insecureLabel->setText(
            tr("⚠ The connection to this cluster is not encrypted (plain http)"));
        break;
    }
    m_insecureLabel->setVisible(insecurity != Insecurity::None);
}

bool MainWindow::hasInsecureWarning() const
{
    return !m_insecureLabel->isHidden();
}

QString MainWindow::insecureWarningText() const
{
    return hasInsecureWarning() ? m_insecureLabel->text() : QString();
}

void MainWindow::showMessage(const QString &message)
{
    statusBar()->showMessage(message, 10000);
}

QString MainWindow::lastContext() const
{
    return m_settings->value(kContextKey).toString();
}

std::optional<QString> MainWindow::lastNamespace(const QString &context) const
{
    const QString key = namespaceKey(context);
    if (!m_settings->contains(key))
        return std::nullopt;
    return m_settings->value(key).toString();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    QMainWindow::closeEvent(event);
}

void MainWindow::saveState()
{
    m_settings->setValue(kGeometryKey, saveGeometry());
    m_settings->setValue(kStateKey, QMainWindow::saveState());
    m_settings->setValue(kSplitterKey, m_splitter->saveState());
    m_settings->sync();
}

void MainWindow::restoreState()
{
    restoreGeometry(m_settings->value(kGeometryKey).toByteArray());
    QMainWindow::restoreState(m_settings->value(kStateKey).toByteArray());
    m_splitter->restoreState(m_settings->value(kSplitterKey).toByteArray());
}

} // namespace Qluster::Ui
