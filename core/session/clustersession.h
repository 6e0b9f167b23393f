// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "config/kubeconfig.h"
#include "net/connection.h"
#include "util/result.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>
#include <optional>

namespace Qluster {

class Discovery;
class ResourceCacheRegistry;
class ResourceClient;

/// ClusterSession is the application's working state for one kubeconfig: it opens a Connection for
/// the chosen context, checks that the server answers and lists its namespaces. Browsing never
/// writes the kubeconfig; makeCurrentContext() is the one explicit write, as `kubectl config
/// use-context`. It has no widgets: the UI binds to it.
class ClusterSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterSession)
public:
    enum class State { NoContext, Connecting, Connected, Failed };
    Q_ENUM(State)

    explicit ClusterSession(QObject *parent = nullptr);
    ~ClusterSession() override;

    /// ClusterSession::setConnectionOptions sets the options used for every Connection opened
    /// later.
    void setConnectionOptions(const ConnectionOptions &options) { m_options = options; }

    /// ClusterSession::loadKubeconfig reads the kubeconfig as kubectl does (`explicitPath` as
    /// --kubeconfig, else KUBECONFIG, else ~/.kube/config) and closes any open connection.
    Result<void> loadKubeconfig(const QString &explicitPath = {});
    const Kubeconfig &kubeconfig() const { return m_kubeconfig; }
    QStringList contextNames() const;

    /// ClusterSession::open connects to `contextName` (asynchronously: watch stateChanged()).
    /// `namespaceOverride`, when set, wins over the context's namespace without being written back
    /// (like kubectl's --namespace: the app passes the namespace it last showed there).
    void open(const QString &contextName, const QString &namespaceOverride = {});
    /// ClusterSession::switchNamespace shows `namespaceName` (empty: all namespaces); the
    /// kubeconfig is left alone.
    void switchNamespace(const QString &namespaceName);
    /// ClusterSession::makeCurrentContext makes the open context the kubeconfig's
    /// current-context, written as `kubectl config use-context` writes it (the first existing file
    /// of the loading precedence, atomically); the error names the file when it cannot.
    Result<void> makeCurrentContext();
    /// ClusterSession::retry opens the current context again, e.g. after a failure.
    void retry();
    /// ClusterSession::close drops the connection, cancelling its requests and streams.
    void close();

    State state() const { return m_state; }
    /// ClusterSession::stateDetail is the server and version when connected, the error when failed.
    QString stateDetail() const { return m_stateDetail; }
    std::optional<Error> lastError() const { return m_lastError; }
    QString contextName() const { return m_contextName; }
    /// ClusterSession::namespaceName is the namespace shown, empty for all namespaces.
    QString namespaceName() const { return m_namespaceName; }
    QStringList namespaces() const { return m_namespaces; }
    /// ClusterSession::namespacesForbidden is true when the user may not list namespaces; the UI
    /// then lets them type one.
    bool namespacesForbidden() const { return m_namespacesForbidden; }
    /// ClusterSession::serverVersion is gitVersion from /version, e.g. "v1.32.1".
    QString serverVersion() const { return m_serverVersion; }
    /// ClusterSession::connection is the open connection, or null when none is.
    Connection *connection() const { return m_connection.get(); }
    /// ClusterSession::client sends requests for any resource on the open connection (null
    /// when none is).
    ResourceClient *client() const { return m_client.get(); }
    /// ClusterSession::discovery is the open connection's API discovery: loaded from its disk
    /// cache, refreshed once connected, watching CRDs and APIServices (null when not connected).
    Discovery *discovery() const { return m_discovery.get(); }
    /// ClusterSession::caches shares one informer per (context, resource, namespace, selector)
    /// among the views of the open connection (null when not connected).
    ResourceCacheRegistry *caches() const { return m_caches.get(); }
    /// ClusterSession::setDiscoveryCacheDirectory sets where discovery documents are cached for
    /// connections opened later (default: the user's cache folder).
    void setDiscoveryCacheDirectory(const QString &directory) { m_discoveryCache = directory; }

Q_SIGNALS:
    void stateChanged(Qluster::ClusterSession::State state, const QString &detail);
    void namespacesChanged(const QStringList &namespaces);
    void namespaceChanged(const QString &namespaceName);
    /// connectionChanged is emitted when a new Connection is ready, with client(), discovery()
    /// and caches(), or when they are about to go (null): its users let go of them then.
    void connectionChanged(Qluster::Connection *connection);

private:
    void setState(State state, const QString &detail);
    void setFailed(const Error &error);
    void fetchVersion();
    void fetchNamespaces();
    void attachClusterState();
    void dropConnection();

    Kubeconfig m_kubeconfig;
    QString m_explicitPath;
    ConnectionOptions m_options;
    std::unique_ptr<Connection> m_connection;
    // The connected cluster's state, made when it answers and destroyed before the connection.
    std::unique_ptr<ResourceClient> m_client;
    std::unique_ptr<Discovery> m_discovery;
    std::unique_ptr<ResourceCacheRegistry> m_caches;
    QString m_discoveryCache;
    QString m_contextName;
    QString m_namespaceName;
    QString m_namespaceOverride;
    QStringList m_namespaces;
    bool m_namespacesForbidden = false;
    QString m_serverVersion;
    State m_state = State::NoContext;
    QString m_stateDetail;
    std::optional<Error> m_lastError;
    quint64 m_generation = 0; ///< bumps on every open(), so late answers of an old one are dropped
};

} // namespace Qluster
