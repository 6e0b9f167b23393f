// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "config/commandline.h"

#include <QObject>

#include <memory>

namespace Qluster {
class ClusterSession;
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

private:
    void refreshContexts();
    void attach();
    void detach();

    ClusterSession *m_session; // not owned
    MainWindow *m_window; // not owned
    ContextListModel *m_contexts; // owned (child)
    // What shows the connected context; destroyed before the session lets go of its state.
    std::unique_ptr<ResourceBrowser> m_browser;
};

} // namespace Qluster::Ui
