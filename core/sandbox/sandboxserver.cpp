// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
// SandboxServer: the life cycle (start, stop, restart), the listening socket and its
// connections, and the public API, which hands each request and knob to the parts it owns
// (see sandboxserver.h and sandboxcontext.h).
#include "sandboxserver.h"

#include "apiservicecontroller.h"
#include "cronjobcontroller.h"
#include "daemonsetcontroller.h"
#include "demodata.h"
#include "execsessions.h"
#include "faultinjector.h"
#include "openapiregistry.h"
#include "podlifecycle.h"
#include "resourcewriter.h"
#include "sandboxauth.h"
#include "sandboxcontext.h"
#include "sandboxcontrollers.h"
#include "sandboxobjects.h"
#include "sandboxpolicies.h"
#include "sandboxrouter.h"
#include "statefulsetcontroller.h"
#include "util/logging.h"
#include "watchhub.h"

#include <QDateTime>
#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>

namespace Qluster {

using namespace SandboxObjects;

// ---------------------------------------------------------------------------------------------
// Life cycle

SandboxServer::SandboxServer(SandboxOptions options, QObject *parent)
    : QObject(parent)
    , m_ctx(std::make_unique<SandboxContext>(*this, std::move(options)))
    , m_auth(std::make_unique<SandboxAuth>(*m_ctx))
    , m_faults(std::make_unique<FaultInjector>(*m_ctx))
    , m_writer(std::make_unique<ResourceWriter>(*m_ctx))
    , m_policies(std::make_unique<SandboxPolicies>(*m_ctx, this))
    , m_apiServices(std::make_unique<ApiServiceController>(*m_ctx, this))
    , m_controllers(std::make_unique<SandboxControllers>(*m_ctx, this))
    , m_statefulSets(std::make_unique<StatefulSetController>(*m_ctx))
    , m_daemonSets(std::make_unique<DaemonSetController>(*m_ctx))
    , m_cronJobs(std::make_unique<CronJobController>(*m_ctx, this))
    , m_podLife(std::make_unique<PodLifecycle>(*m_ctx, this))
    , m_demo(std::make_unique<DemoData>(*m_ctx, this))
    , m_watches(std::make_unique<WatchHub>(*m_ctx, this))
    , m_exec(std::make_unique<ExecSessions>(*m_ctx, this))
    , m_router(std::make_unique<SandboxRouter>(*m_ctx, *m_watches))
{
    m_ctx->auth = m_auth.get();
    m_ctx->faults = m_faults.get();
    m_ctx->writer = m_writer.get();
    m_ctx->controllers = m_controllers.get();
    m_ctx->statefulSets = m_statefulSets.get();
    m_ctx->daemonSets = m_daemonSets.get();
    m_ctx->cronJobs = m_cronJobs.get();
    m_ctx->podLife = m_podLife.get();
    m_ctx->policies = m_policies.get();
    m_ctx->apiServices = m_apiServices.get();
}

SandboxServer::~SandboxServer()
{
    stop();
}

Result<void> SandboxServer::start()
{
    if (!m_started) {
        if (auto issued = m_auth->issueCredentials(); !issued)
            return fail(issued.error());
        if (!m_ctx->options.openApiDir.isEmpty()) {
            if (auto loaded = m_ctx->openApi->loadUpstreamDirectory(m_ctx->options.openApiDir); !loaded)
                return fail(loaded.error());
        }
        m_policies->startPolicies();
        m_demo->loadBaseObjects();
        if (m_ctx->options.demoData)
            m_demo->loadDemoObjects();
        if (m_ctx->options.pods > 0)
            loadPods(m_ctx->options.pods);
        m_podLife->start();
        if (m_ctx->options.eventsPerSecond > 0)
            setEventsPerSecond(m_ctx->options.eventsPerSecond);
        if (m_ctx->options.compactionSeconds > 0) {
            // Like kube-apiserver's compactor: every interval, compact to the revision seen at the
            // previous tick, so a continue token stays valid for one to two intervals.
            m_compactionMark = m_ctx->store.resourceVersion();
            m_compactionTimer = new QTimer(this);
            m_compactionTimer->setInterval(m_ctx->options.compactionSeconds * 1000);
            connect(m_compactionTimer, &QTimer::timeout, this, [this] {
                m_ctx->store.compact(m_compactionMark);
                m_compactionMark = m_ctx->store.resourceVersion();
            });
            m_compactionTimer->start();
        }
        m_exec->start();
        m_started = true;
    }
    if (m_ctx->options.transport == SandboxOptions::Transport::Https) {
        auto *sslServer = new QSslServer(this);
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(QSslCertificate(m_auth->serverCertificate().certificatePem, QSsl::Pem));
        config.setPrivateKey(QSslKey(m_auth->serverCertificate().privateKeyPem, QSsl::Ec, QSsl::Pem));
        config.setCaCertificates({QSslCertificate(m_auth->caCertificatePem(), QSsl::Pem)});
        // Client certificates are optional (tokens work too); they are checked against our CA
        // in SandboxAuth::authenticate().
        config.setPeerVerifyMode(QSslSocket::QueryPeer);
        // Offer only HTTP/1.1 so that no client tries HTTP/2 on us.
        config.setAllowedNextProtocols({QByteArrayLiteral("http/1.1")});
        sslServer->setSslConfiguration(config);
        sslServer->setHandshakeTimeout(10000);
        m_server = sslServer;
    } else {
        m_server = new QTcpServer(this);
    }
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &SandboxServer::onNewConnection);
    if (!m_server->listen(QHostAddress::LocalHost, m_ctx->port ? m_ctx->port : m_ctx->options.port)) {
        const QString why = m_server->errorString();
        delete m_server;
        m_server = nullptr;
        Error e;
        e.kind = Error::Kind::Network;
        e.message = QStringLiteral("cannot listen on 127.0.0.1: ") + why;
        return fail(e);
    }
    m_ctx->port = m_server->serverPort();
    qCInfo(lcSandbox) << "sandbox listening on" << url().toString();
    return {};
}

void SandboxServer::stop()
{
    if (m_server) {
        m_server->close();
        delete m_server;
        m_server = nullptr;
    }
    const auto connections = m_ctx->connections;
    for (const auto &c : connections) {
        if (c)
            c->abort();
    }
    m_ctx->connections.clear();
    m_exec->abortAll();
}

Result<void> SandboxServer::restart()
{
    stop();
    return start();
}

QUrl SandboxServer::url() const
{
    QUrl u;
    u.setScheme(m_ctx->options.transport == SandboxOptions::Transport::Https ? QStringLiteral("https")
                                                                        : QStringLiteral("http"));
    u.setHost(QStringLiteral("127.0.0.1"));
    u.setPort(m_ctx->port);
    return u;
}

const SandboxOptions &SandboxServer::options() const
{
    return m_ctx->options;
}

quint16 SandboxServer::port() const
{
    return m_ctx->port;
}

QByteArray SandboxServer::caCertificatePem() const
{
    return m_auth->caCertificatePem();
}

QString SandboxServer::token(const QString &user) const
{
    return m_auth->token(user);
}

KeyPair SandboxServer::clientCertificate(const QString &user) const
{
    return m_auth->clientCertificate(user);
}

ObjectStore &SandboxServer::store()
{
    return m_ctx->store;
}

const QList<ResourceType> &SandboxServer::resourceTypes() const
{
    return m_ctx->types;
}

Result<void> SandboxServer::writeKubeconfig(const QString &path) const
{
    const bool https = m_ctx->options.transport == SandboxOptions::Transport::Https;
    QByteArray y;
    y += "apiVersion: v1\nkind: Config\npreferences: {}\n";
    y += "clusters:\n- name: sandbox\n  cluster:\n    server: " + url().toString().toUtf8() + "\n";
    if (https)
        y += "    certificate-authority-data: " + m_auth->caCertificatePem().toBase64() + "\n";
    y += "users:\n";
    if (https) {
        const KeyPair admin = m_auth->clientCertificate(QStringLiteral("admin"));
        y += "- name: sandbox-admin\n  user:\n    client-certificate-data: "
             + admin.certificatePem.toBase64() + "\n    client-key-data: "
             + admin.privateKeyPem.toBase64() + "\n";
    } else {
        y += "- name: sandbox-admin\n  user: {}\n";
    }
    y += "- name: sandbox-token\n  user:\n    token: " + token(QStringLiteral("developer")).toUtf8() + "\n";
    y += "- name: sandbox-viewer\n  user:\n    token: " + token(QStringLiteral("viewer")).toUtf8() + "\n";
    y += "contexts:\n";
    for (const char *name : {"sandbox-admin", "sandbox-token", "sandbox-viewer"}) {
        y += QByteArray("- name: ") + name + "\n  context:\n    cluster: sandbox\n    user: " + name
             + "\n    namespace: default\n";
    }
    y += "current-context: sandbox-admin\n";
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(Error::io(path, f.errorString()));
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (f.write(y) != y.size())
        return fail(Error::io(path, f.errorString()));
    return {};
}

// ---------------------------------------------------------------------------------------------
// Connections

void SandboxServer::onNewConnection()
{
    while (m_server && m_server->hasPendingConnections())
        setUpConnection(m_server->nextPendingConnection());
}

void SandboxServer::setUpConnection(QTcpSocket *socket)
{
    // TCP_NODELAY, as Go's net package sets on every connection an apiserver accepts: a small
    // write (the head of a streamed list, a watch event) leaves at once instead of waiting for the
    // peer's delayed ACK of the write before it (Nagle).
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    auto *connection = new HttpConnection(socket, m_ctx->options.maxBodyBytes, this);
    m_ctx->connections << connection;
    connect(connection, &HttpConnection::requestReceived, this, &SandboxServer::onRequest);
    connect(connection, &HttpConnection::upgradeRequested, m_exec.get(), &ExecSessions::onUpgrade);
    connect(connection, &HttpConnection::closed, this, [this](HttpConnection *c) {
        m_ctx->connections.removeAll(QPointer<HttpConnection>(c));
        m_watches->connectionClosed(c);
    });
}

void SandboxServer::onRequest(HttpConnection *connection, const HttpRequest &request)
{
    if (const int latency = m_faults->latency(); latency > 0) {
        QPointer<HttpConnection> guard(connection);
        QTimer::singleShot(latency, this, [this, guard, request] {
            if (guard)
                m_router->dispatch(guard, request);
        });
        return;
    }
    m_router->dispatch(connection, request);
}

// ---------------------------------------------------------------------------------------------
// Objects, faults, load knobs and the clock

Result<QJsonObject> SandboxServer::createObject(const QJsonObject &object)
{
    return m_writer->createObject(object);
}

void SandboxServer::failNextRequests(int count, int status, int retryAfterSeconds)
{
    m_faults->failNextRequests(count, status, retryAfterSeconds);
}

void SandboxServer::setLatency(int milliseconds)
{
    m_faults->setLatency(milliseconds);
}

void SandboxServer::truncateNextResponses(int count)
{
    m_faults->truncateNextResponses(count);
}

void SandboxServer::stallWatches()
{
    m_watches->stallWatches();
}

void SandboxServer::dropWatches()
{
    m_watches->dropWatches();
}

void SandboxServer::expireContinueTokens(int count)
{
    m_faults->expireContinueTokens(count);
}

void SandboxServer::compactHistory()
{
    m_ctx->store.compact(m_ctx->store.resourceVersion());
}

void SandboxServer::loadPods(int count, const QString &namespaceName)
{
    m_demo->loadPods(count, namespaceName);
}

void SandboxServer::setEventsPerSecond(int eventsPerSecond)
{
    m_demo->setEventsPerSecond(eventsPerSecond);
}

QDateTime SandboxServer::clock() const
{
    return m_ctx->clock();
}

void SandboxServer::setClock(const QDateTime &now)
{
    m_ctx->clockOffsetMilliseconds = QDateTime::currentDateTimeUtc().msecsTo(now);
    m_controllers->scheduleAll(cronJobsGvr, QStringLiteral("CronJob"));
}

void SandboxServer::advanceClock(qint64 seconds)
{
    m_ctx->clockOffsetMilliseconds += seconds * 1000;
    m_controllers->scheduleAll(cronJobsGvr, QStringLiteral("CronJob"));
}

// ---------------------------------------------------------------------------------------------
// SandboxThread

SandboxThread::SandboxThread(SandboxOptions options)
    : m_options(std::move(options))
{
    m_thread.setObjectName(QStringLiteral("qluster-sandbox"));
}

SandboxThread::~SandboxThread()
{
    if (m_server) {
        SandboxServer *server = m_server;
        QMetaObject::invokeMethod(server, [server] { delete server; }, Qt::BlockingQueuedConnection);
        m_server = nullptr;
    }
    m_thread.quit();
    m_thread.wait();
}

Result<void> SandboxThread::start()
{
    m_server = new SandboxServer(m_options);
    m_server->moveToThread(&m_thread);
    m_thread.start();
    Result<void> result;
    SandboxServer *server = m_server;
    QMetaObject::invokeMethod(server, [server, &result] { result = server->start(); },
                              Qt::BlockingQueuedConnection);
    return result;
}

void SandboxThread::invoke(const std::function<void(SandboxServer &)> &function) const
{
    SandboxServer *server = m_server;
    if (QThread::currentThread() == &m_thread) {
        function(*server);
        return;
    }
    QMetaObject::invokeMethod(server, [server, &function] { function(*server); }, Qt::BlockingQueuedConnection);
}

} // namespace Qluster
