// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QMainWindow>

#include <optional>

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QSettings;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTreeView;

namespace Qluster::Ui {

class EmptyState;

/// MainWindow is the explorer's frame: a toolbar with the context and namespace selectors, the
/// resource tree on the left, the object table in the centre, detail tabs on the right and the
/// connection state in the status bar. It remembers its geometry, context and namespace.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    enum class ConnectionState { Disconnected, Connecting, Connected, Failed };
    Q_ENUM(ConnectionState)

    /// MainWindow reads and writes its state through `settings` (not owned, must outlive it).
    explicit MainWindow(QSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// MainWindow::setContextModel lists the contexts of `model` (not owned; its display text is
    /// the context name) in the context selector.
    void setContextModel(QAbstractItemModel *model);
    /// MainWindow::setCurrentContext selects `name` in the context selector without signalling.
    void setCurrentContext(const QString &name);
    QString currentContext() const;

    /// MainWindow::setNamespaces lists the cluster's namespaces, keeping the current choice.
    void setNamespaces(const QStringList &names);
    /// MainWindow::setNamespacesForbidden makes the namespace selector's tooltip say that the
    /// user may not list namespaces and should type one (true), or the usual hint (false).
    void setNamespacesForbidden(bool forbidden);
    /// MainWindow::currentNamespace is the chosen namespace, empty for all namespaces.
    QString currentNamespace() const;
    /// MainWindow::setCurrentNamespace chooses `name` (empty: all namespaces); false if invalid.
    bool setCurrentNamespace(const QString &name);

    /// MainWindow::setConnectionState shows the state in the status bar and, until the resource
    /// tree is shown, in the left pane (with a Retry button after a failure).
    void setConnectionState(ConnectionState state, const QString &detail = QString());
    ConnectionState connectionState() const { return m_connectionState; }

    /// MainWindow::lastContext is the context the user had chosen in the previous run (Qluster's
    /// own setting: browsing never writes the kubeconfig).
    QString lastContext() const;
    /// MainWindow::lastNamespace is the namespace the user last looked at in context (empty for
    /// all namespaces), or nullopt when Qluster never showed that context.
    std::optional<QString> lastNamespace(const QString &context) const;

    QTreeView *resourceTree() const { return m_resourceTree; }
    QTableView *resourceTable() const { return m_resourceTable; }
    /// MainWindow::rowFilter is the free-text filter above the table.
    QLineEdit *rowFilter() const { return m_rowFilter; }
    /// MainWindow::resourceFilter narrows the resource tree.
    QLineEdit *resourceFilter() const { return m_resourceFilter; }
    /// MainWindow::labelSelector is the label-selector box above the table.
    QLineEdit *labelSelector() const { return m_labelSelector; }
    /// MainWindow::setLabelSelectorError shows why the label selector is invalid (empty: it is
    /// fine).
    void setLabelSelectorError(const QString &error);
    QTabWidget *detailTabs() const { return m_detailTabs; }

    /// Insecurity is why the current connection is not safe.
    enum class Insecurity {
        None,
        TlsVerificationOff, ///< https with insecure-skip-tls-verify
        Unencrypted,        ///< plain http: nothing is encrypted
    };
    /// MainWindow::setInsecureWarning shows (or hides, for None) a persistent warning in the
    /// status bar that says why the connection is insecure.
    void setInsecureWarning(Insecurity insecurity);
    bool hasInsecureWarning() const;
    QString insecureWarningText() const;

    /// MainWindow::showMessage shows a transient message (e.g. a failed write-back) in the status
    /// bar.
    void showMessage(const QString &message);

    /// MainWindow::showResourceTree switches the left pane from its empty state to the tree.
    void showResourceTree(bool show);
    /// MainWindow::showResourceTable switches the centre pane from its empty state to the table.
    void showResourceTable(bool show);
    /// MainWindow::showResourceTableMessage puts an explanation in the centre pane instead of the
    /// table (e.g. why the server will not list this kind); showResourceTable(true) brings the
    /// table back.
    void showResourceTableMessage(const QString &title, const QString &hint);

Q_SIGNALS:
    /// makeCurrentContextRequested: the user asked to make the shown context kubectl's
    /// current-context (the one explicit write to the kubeconfig).
    void makeCurrentContextRequested();
    void contextChanged(const QString &context);
    void namespaceChanged(const QString &namespaceName); ///< empty: all namespaces
    void retryRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createToolBar();
    QWidget *createResourcePane();
    QWidget *createTablePane();
    QWidget *createDetailPane();
    void commitNamespaceText();
    void saveState();
    void restoreState();

    QSettings *m_settings; // not owned
    QComboBox *m_contextBox = nullptr;
    QComboBox *m_namespaceBox = nullptr;
    QLineEdit *m_resourceFilter = nullptr;
    QStackedWidget *m_treeStack = nullptr;
    EmptyState *m_treeEmpty = nullptr;
    QTreeView *m_resourceTree = nullptr;
    QStackedWidget *m_tableStack = nullptr;
    EmptyState *m_tableEmpty = nullptr;
    EmptyState *m_tableMessage = nullptr; // why the table is not shown
    QWidget *m_tablePage = nullptr;
    QLineEdit *m_rowFilter = nullptr;
    QLineEdit *m_labelSelector = nullptr;
    QLabel *m_labelSelectorError = nullptr;
    QTableView *m_resourceTable = nullptr;
    QTabWidget *m_detailTabs = nullptr;
    QSplitter *m_splitter = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_insecureLabel = nullptr;
    ConnectionState m_connectionState = ConnectionState::Disconnected;
    QString m_currentNamespace;
};

} // namespace Qluster::Ui
