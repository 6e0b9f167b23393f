// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "config/commandline.h"

#include <QObject>

#include <memory>

namespace Qluster {
class ClusterSession;
class Connection;
class Discovery;
class ResourceCacheRegistry;
} // namespace Qluster

namespace Qluster::Ui {

class ContextListModel;
class MainWindow;
class ResourceBrowser;

/// SessionController binds a MainWindow to a ClusterSession: the toolbar's context and namespace
/// choices go to the session (which writes them back to the kubeconfig), and the session's state,
/// namespaces and errors come back to the window.
class SessionController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionController)
public:
    /// SessionController binds `window` and `session` (both not owned, both must outlive it).
    SessionController(ClusterSession *session, MainWindow *window, QObject *parent = nullptr);
    ~SessionController() override;

    /// SessionController::start lists the kubeconfig's contexts and opens the one the command line
    /// names, else the kubeconfig's current-context, else the one used last time.
    void start(const AppOptions &options);

    /// SessionController::showKubeconfigError puts a kubeconfig that could not be read in the
    /// window's failed state, with its file, line and column.
    void showKubeconfigError(const QString &message);

    /// SessionController::browser drives the panes of the connected context (null when none is).
    ResourceBrowser *browser() const { return m_browser.get(); }
    /// SessionController::setDiscoveryCacheDirectory overrides where discovery documents are cached
    /// (default: the user's cache folder).
    void setDiscoveryCacheDirectory(const QString &directory) { m_discoveryCache = directory; }

private:
    void refreshContexts();
    void attach(Connection *connection);
    void detach();

    ClusterSession *m_session; // not owned
    MainWindow *m_window; // not owned
    ContextListModel *m_contexts; // owned (child)
    QString m_discoveryCache;
    // What shows the connected context; destroyed in this order before its connection goes.
    std::unique_ptr<ResourceBrowser> m_browser;
    std::unique_ptr<ResourceCacheRegistry> m_registry;
    std::unique_ptr<Discovery> m_discovery;
};

} // namespace Qluster::Ui
