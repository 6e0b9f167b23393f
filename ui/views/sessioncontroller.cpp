// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "sessioncontroller.h"

#include "mainwindow.h"
#include "models/contextlistmodel.h"
#include "resourcebrowser.h"

#include "discovery/discovery.h"
#include "session/clustersession.h"

namespace Qluster::Ui {

namespace {
MainWindow::ConnectionState toWindowState(ClusterSession::State state)
{
    switch (state) {
    case ClusterSession::State::NoContext:
        return MainWindow::ConnectionState::Disconnected;
    case ClusterSession::State::Connecting:
        return MainWindow::ConnectionState::Connecting;
    case ClusterSession::State::Connected:
        return MainWindow::ConnectionState::Connected;
    case ClusterSession::State::Failed:
        return MainWindow::ConnectionState::Failed;
    }
    return MainWindow::ConnectionState::Disconnected;
}
} // namespace

SessionController::SessionController(ClusterSession *session, MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_window(window)
    , m_contexts(new ContextListModel(this))
{
    m_window->setContextModel(m_contexts);
    connect(m_window, &MainWindow::contextChanged, this, [this](const QString &context) {
        m_session->open(context, m_window->lastNamespace(context).value_or(QString()));
    });
    connect(m_window, &MainWindow::namespaceChanged, m_session, &ClusterSession::switchNamespace);
    connect(m_window, &MainWindow::makeCurrentContextRequested, this, [this] {
        const QString context = m_session->contextName();
        if (Result<void> made = m_session->makeCurrentContext(); !made) {
            m_window->showMessage(tr("Could not make %1 kubectl's current context: %2")
                                      .arg(context, made.error().toString()));
            return;
        }
        refreshContexts();
        m_window->showMessage(tr("kubectl's current context is now %1.").arg(context));
    });
    connect(m_window, &MainWindow::retryRequested, m_session, &ClusterSession::retry);

    connect(m_session, &ClusterSession::stateChanged, this,
        [this](ClusterSession::State state, const QString &detail) {
            refreshContexts(); // a retry re-reads the kubeconfig, which may have been edited
            m_window->setConnectionState(toWindowState(state), detail);
        });
    connect(m_session, &ClusterSession::connectionChanged, this, [this](Connection *connection) {
        // Plain http says more than insecure-skip-tls-verify (which it may carry too).
        MainWindow::Insecurity insecurity = MainWindow::Insecurity::None;
        if (connection && connection->isUnencrypted())
            insecurity = MainWindow::Insecurity::Unencrypted;
        else if (connection && connection->isInsecure())
            insecurity = MainWindow::Insecurity::TlsVerificationOff;
        m_window->setInsecureWarning(insecurity);
        detach();
        if (connection)
            attach();
    });
    connect(m_session, &ClusterSession::namespacesChanged, this, [this](const QStringList &names) {
        m_window->setNamespaces(names);
        m_window->setNamespacesForbidden(m_session->namespacesForbidden());
        if (m_session->namespacesForbidden()) {
            m_window->showMessage(
                tr("You may not list namespaces in this cluster: type the one you want."));
        }
    });
    connect(m_session, &ClusterSession::namespaceChanged, this,
        [this](const QString &namespaceName) { m_window->setCurrentNamespace(namespaceName); });
}

SessionController::~SessionController()
{
    detach();
}

void SessionController::attach()
{
    connect(m_session->discovery(), &Discovery::refreshFailed, this,
        [this](const Error &error) {
            m_window->showMessage(tr("Reading the API resources failed: %1").arg(error.toString()));
        });
    m_browser = std::make_unique<ResourceBrowser>(m_window, m_session->client(),
        m_session->discovery(), m_session->caches(), m_session->contextName());
}

void SessionController::detach()
{
    m_browser.reset();
    m_window->showResourceTree(false);
    m_window->showResourceTable(false);
}

void SessionController::start(const AppOptions &options)
{
    refreshContexts();
    const QStringList contexts = m_session->contextNames();
    // The command line, else the context Qluster showed last, else kubectl's current one.
    QString context = options.context;
    if (context.isEmpty() && contexts.contains(m_window->lastContext()))
        context = m_window->lastContext();
    if (context.isEmpty())
        context = m_session->kubeconfig().currentContext();
    if (contexts.isEmpty()) {
        const QStringList files = m_session->kubeconfig().files();
        m_window->setConnectionState(MainWindow::ConnectionState::Disconnected,
            tr("No contexts in %1. Add a cluster with kubectl, or start Qluster with --demo to "
               "explore the built-in sandbox cluster.")
                .arg(files.isEmpty() ? QStringLiteral("~/.kube/config")
                                     : files.join(QStringLiteral(", "))));
        return;
    }
    if (context.isEmpty()) {
        m_window->setConnectionState(MainWindow::ConnectionState::Disconnected);
        return;
    }
    m_window->setCurrentContext(context);
    QString namespaceName = options.namespaceName;
    if (namespaceName.isEmpty())
        namespaceName = m_window->lastNamespace(context).value_or(QString());
    m_session->open(context, namespaceName);
}

void SessionController::showKubeconfigError(const QString &message)
{
    m_contexts->setKubeconfig(Kubeconfig());
    m_window->setConnectionState(MainWindow::ConnectionState::Failed, message);
}

void SessionController::refreshContexts()
{
    QString current = m_session->contextName();
    if (current.isEmpty())
        current = m_session->kubeconfig().currentContext();
    m_contexts->setKubeconfig(m_session->kubeconfig());
    m_contexts->setCurrentContext(current);
    m_window->setCurrentContext(current);
}

} // namespace Qluster::Ui
