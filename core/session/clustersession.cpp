// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "clustersession.h"

#include "api/resourceclient.h"
#include "cache/connectionlistwatcher.h"
#include "cache/resourcecacheregistry.h"
#include "discovery/discovery.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Qluster {

namespace {
class SessionText
{
    Q_DECLARE_TR_FUNCTIONS(ClusterSession)
};

const Gvr kNamespaces {QString(), QStringLiteral("v1"), QStringLiteral("namespaces")};
} // namespace

ClusterSession::ClusterSession(QObject *parent)
    : QObject(parent)
{
}

ClusterSession::~ClusterSession() = default;

Result<void> ClusterSession::loadKubeconfig(const QString &explicitPath)
{
    m_explicitPath = explicitPath;
    Result<Kubeconfig> loaded = Kubeconfig::load(explicitPath);
    if (!loaded)
        return fail(loaded.error());
    close();
    m_kubeconfig = std::move(*loaded);
    return {};
}

QStringList ClusterSession::contextNames() const
{
    return m_kubeconfig.contextNames();
}

void ClusterSession::open(const QString &contextName, const QString &namespaceOverride)
{
    // No NoContext state in between: the next state names the new context.
    dropConnection();
    ++m_generation;
    m_contextName = contextName;
    m_namespaceOverride = namespaceOverride;
    m_lastError.reset();

    Result<ResolvedContext> resolved = m_kubeconfig.resolve(contextName);
    if (!resolved) {
        setFailed(resolved.error());
        return;
    }
    m_namespaceName = namespaceOverride.isEmpty() ? resolved->namespaceName : namespaceOverride;
    Q_EMIT namespaceChanged(m_namespaceName);

    Result<std::unique_ptr<Connection>> connection = Connection::create(*resolved, m_options);
    if (!connection) {
        setFailed(connection.error());
        return;
    }
    m_connection = std::move(*connection);
    // client-go persists refreshed OIDC tokens in the kubeconfig; so does the session.
    connect(m_connection->authProvider(), &AuthProvider::authProviderConfigChanged, this,
        [this](const QString &userName, const QMap<QString, QString> &config) {
            if (Result<void> saved = m_kubeconfig.setAuthProviderConfig(userName, config); !saved)
                qCWarning(lcConfig)
                    << "could not save refreshed OIDC tokens:" << saved.error().toString();
        });
    setState(State::Connecting,
        SessionText::tr("%1 (%2)").arg(contextName, m_connection->server().toDisplayString()));
    fetchVersion();
}

void ClusterSession::switchNamespace(const QString &namespaceName)
{
    if (namespaceName == m_namespaceName)
        return;
    m_namespaceName = namespaceName;
    m_namespaceOverride = namespaceName; // a retry keeps showing it
    Q_EMIT namespaceChanged(m_namespaceName);
}

Result<void> ClusterSession::makeCurrentContext()
{
    if (m_contextName.isEmpty())
        return fail(Error::invalid(SessionText::tr("No context is open.")));
    return m_kubeconfig.setCurrentContext(m_contextName);
}

void ClusterSession::retry()
{
    if (Result<void> reloaded = loadKubeconfig(m_explicitPath); !reloaded) {
        setFailed(reloaded.error());
        return;
    }
    const QString context = m_contextName.isEmpty() ? m_kubeconfig.currentContext() : m_contextName;
    if (context.isEmpty()) {
        setState(State::NoContext, QString());
        return;
    }
    open(context, m_namespaceOverride);
}

void ClusterSession::close()
{
    if (!m_connection)
        return;
    dropConnection();
    setState(State::NoContext, QString());
}

void ClusterSession::dropConnection()
{
    if (!m_connection)
        return;
    ++m_generation;
    // Users of the connection let go of it first (their caches stop their watches on it).
    Q_EMIT connectionChanged(nullptr);
    m_caches.reset();
    m_discovery.reset();
    m_client.reset();
    m_connection->close();
    m_connection.reset();
    m_namespaces.clear();
    m_namespacesForbidden = false;
    m_serverVersion.clear();
}

void ClusterSession::setState(State state, const QString &detail)
{
    if (state == m_state && detail == m_stateDetail)
        return;
    m_state = state;
    m_stateDetail = detail;
    Q_EMIT stateChanged(state, detail);
}

void ClusterSession::setFailed(const Error &error)
{
    qCInfo(lcNet) << "context" << m_contextName << "failed:" << error.toString();
    m_lastError = error;
    setState(State::Failed, error.toString());
}

void ClusterSession::fetchVersion()
{
    const quint64 generation = m_generation;
    m_connection->send(ApiRequest::raw(QStringLiteral("/version")), this,
        [this, generation](const Result<ApiResponse> &result) {
            if (generation != m_generation)
                return;
            if (!result) {
                setFailed(result.error());
                return;
            }
            const QJsonObject version = QJsonDocument::fromJson(result->body).object();
            m_serverVersion = version.value(QStringLiteral("gitVersion")).toString();
            setState(State::Connected,
                SessionText::tr("%1 · Kubernetes %2 · %3")
                    .arg(m_contextName,
                        m_serverVersion.isEmpty() ? SessionText::tr("(unknown version)")
                                                  : m_serverVersion,
                        m_connection->server().toDisplayString()));
            attachClusterState();
            Q_EMIT connectionChanged(m_connection.get());
            m_discovery->refresh();
            fetchNamespaces();
        });
}

void ClusterSession::attachClusterState()
{
    Connection *connection = m_connection.get();
    m_client = std::make_unique<ResourceClient>(connection);
    m_discovery = std::make_unique<Discovery>(connection, m_discoveryCache);
    m_discovery->setWatchChanges(true); // a new CRD or APIService shows up in the tree
    m_discovery->loadCache();           // the last known kinds at once; refresh() follows
    m_caches = std::make_unique<ResourceCacheRegistry>([connection](const CacheKey &key) {
        return std::make_unique<ConnectionListWatcher>(connection, key);
    });
}

void ClusterSession::fetchNamespaces()
{
    const quint64 generation = m_generation;
    m_connection->send(
        ApiRequest::get(kNamespaces), this, [this, generation](const Result<ApiResponse> &result) {
            if (generation != m_generation)
                return;
            if (!result) {
                // 403: the user may still work in namespaces they know the name of.
                m_namespacesForbidden = result.error().httpStatus == 403;
                if (!m_namespacesForbidden)
                    qCInfo(lcNet) << "listing namespaces failed:" << result.error().toString();
                m_namespaces.clear();
                Q_EMIT namespacesChanged(m_namespaces);
                return;
            }
            QStringList names;
            const QJsonArray items = QJsonDocument::fromJson(result->body)
                                         .object()
                                         .value(QStringLiteral("items"))
                                         .toArray();
            for (const QJsonValue &item : items) {
                names << item.toObject()
                             .value(QStringLiteral("metadata"))
                             .toObject()
                             .value(QStringLiteral("name"))
                             .toString();
            }
            names.sort();
            m_namespaces = names;
            m_namespacesForbidden = false;
            Q_EMIT namespacesChanged(m_namespaces);
        });
}

} // namespace Qluster
