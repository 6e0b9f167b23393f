// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Usage (tests, --demo, qluster-sandbox):
//
//   Qluster::SandboxOptions options;            // HTTPS with mTLS + tokens by default
//   Qluster::SandboxThread sandbox(options);    // the server on its own QThread
//   if (auto r = sandbox.start(); !r) ...       // blocks until it listens on 127.0.0.1:<port>
//   sandbox.server()->url();                    // https://127.0.0.1:<port>
//   sandbox.invoke([](SandboxServer &s) { s.writeKubeconfig(path); });  // runs in its thread
//
// The kubeconfig has contexts `sandbox-admin` (client certificate, CN=admin O=system:masters,
// current), `sandbox-token` (Bearer token of user "developer", bound to cluster-admin) and
// `sandbox-viewer` (Bearer token of user "viewer", bound to the read-only "view" ClusterRole).
// SandboxServer can also be used directly on the current thread: construct, then start().
//
// Fault injection from outside (qluster-sandbox, admins only):
//   POST /sandbox/v1/faults {"failNext": {"count": 2, "status": 429, "retryAfterSeconds": 3},
//        "latencyMilliseconds": 100, "truncateNext": 1, "dropWatches": true, "stallWatches": true, "restart": true,
//        "loadPods": 1000, "eventsPerSecond": 50, "expireContinueTokens": 1, "compact": true,
//        "clock": "2030-01-01T00:00:30Z", "advanceClockSeconds": 3600}
//
// (FaultInjector, faultinjector.h, serves that endpoint and holds the faults.)
//
// Controllers: Deployment -> ReplicaSet -> Pods, Job -> Pods (SandboxControllers,
// sandboxcontrollers.h), StatefulSet -> Pods + PersistentVolumeClaims (statefulsetcontroller.h),
// DaemonSet -> one Pod per node (daemonsetcontroller.h), CronJob -> Jobs on its schedule
// (cronjobcontroller.h), pods starting and living by their scripted behaviour (podlifecycle.h).
// Their clock (clock(), setClock, advanceClock, "clock" above) can be set for tests.
//
// The parts SandboxServer owns and shares a SandboxContext with (sandboxcontext.h: options,
// store, served types, clock, the answers handlers send):
//   SandboxRouter (sandboxrouter.h)        request dispatch to the handlers below
//   DiscoveryEndpoints, OpenApiEndpoints   /api, /apis, /openapi (discoveryendpoints.h, openapiendpoints.h)
//   ResourceHandlers (resourcehandlers.h)  get, list, create, update, patch, apply, delete
//   SubresourceHandlers                    scale, log, token requests, reviews (subresourcehandlers.h)
//   ExecSessions (execsessions.h)          exec/attach over WebSocket
//   WatchHub (watchhub.h)                  watch sessions and bookmarks
//   ResourceWriter (resourcewriter.h)      validation, defaults, admission, storage; status and Events
//   SandboxAuth (sandboxauth.h)            certificates, tokens, basic auth; RBAC
//   SandboxPolicies (sandboxpolicies.h)    quotas, PDBs, HPAs, priority classes
//   ApiServiceController                   APIServices (apiservicecontroller.h)
//   DemoData (demodata.h)                  base objects, the demo data set, load knobs

#include "certificateauthority.h"
#include "discoverydocuments.h"
#include "httpconnection.h"
#include "objectstore.h"
#include "resourcetypes.h"
#include "util/result.h"

#include <QDateTime>
#include <QHash>
#include <QMap>
#include <QSet>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QThread>
#include <QUrl>

#include <expected>
#include <functional>
#include <memory>
#include <optional>

class QTcpServer;
class QTimer;

namespace Qluster {
class ApiServiceController;
class CronJobController;
class DaemonSetController;
class DemoData;
class ExecSessions;
class FaultInjector;
class PodLifecycle;
class ResourceWriter;
class SandboxAuth;
class SandboxControllers;
class SandboxPolicies;
class SandboxRouter;
class StatefulSetController;
class WatchHub;
struct SandboxContext;
} // namespace Qluster

namespace Qluster {

/// StatusOr is an object or the metav1.Status (JSON) explaining why there is none.
using StatusOr = std::expected<QJsonObject, QJsonObject>;

/// SandboxBasicAuthUser is one static basic-auth user, as a line of kube-apiserver's old
/// --basic-auth-file (password,user,uid,"group1,group2").
struct SandboxBasicAuthUser
{
    QString name;
    QString password;
    QString uid;
    QStringList groups;
};

/// SandboxOptions configures a SandboxServer.
struct SandboxOptions
{
    enum class Transport { Https, Http };
    Transport transport = Transport::Https;
    quint16 port = 0;                   ///< 0: an ephemeral port
    bool aggregatedDiscovery = true;    ///< false: behave like an old server (unaggregated only)
    QString openApiDir;                 ///< directory of upstream OpenAPI v3 documents to serve
    bool demoData = false;              ///< load the demo data set and keep it alive
    int pods = 0;                       ///< load knob: create this many extra pods (namespace "load")
    int eventsPerSecond = 0;            ///< load knob: modify this many pods per second
    int eventWindow = 1000;             ///< events remembered per resource for watch resumption
    int listSnapshots = 16;             ///< snapshots kept for the continue pages of open lists
    int compactionSeconds = 300;        ///< history compaction interval, as kube-apiserver's (0: never)
    qint64 maxBodyBytes = 3 * 1024 * 1024; ///< larger request bodies are answered with 413
    QString tokenHeader;                ///< extra header carrying a bare token (e.g. "Token")
    bool httpAnonymousAdmin = true;     ///< plain HTTP: requests without credentials act as admin
    int podStartMilliseconds = 1500;    ///< how long a new pod stays Pending
    int bookmarkMilliseconds = 10000;   ///< BOOKMARK interval on watches that allow them
    /// Static basic-auth users (`Authorization: Basic`). kube-apiserver removed basic auth in
    /// 1.19; empty (the default) behaves like it: such a header authenticates nobody.
    QList<SandboxBasicAuthUser> basicAuthUsers;
};

/// SandboxServer is an in-process Kubernetes API emulator on 127.0.0.1 that real kubectl accepts:
/// discovery (aggregated and not), CRUD, list with selectors and pages, watch, Table output,
/// CRDs, RBAC, pod logs and exec, HTTPS with client certificates and tokens, fault injection.
/// It lives in one thread: create it there (or moveToThread) and call start() in that thread.
class SandboxServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxServer)

public:
    explicit SandboxServer(SandboxOptions options = {}, QObject *parent = nullptr);
    ~SandboxServer() override;

    /// SandboxServer::start creates the certificates (HTTPS), the base objects and the listening
    /// socket; it must run in the server's thread.
    Result<void> start();
    /// SandboxServer::stop closes every connection and stops listening; the store is kept.
    void stop();

    const SandboxOptions &options() const;
    quint16 port() const;
    /// SandboxServer::url is "https://127.0.0.1:<port>" (or http://).
    QUrl url() const;
    QByteArray caCertificatePem() const;
    /// SandboxServer::token returns the Bearer token of a built-in user ("developer", "viewer").
    QString token(const QString &user) const;
    /// SandboxServer::clientCertificate returns the client certificate and key of a user
    /// issued at start ("admin").
    KeyPair clientCertificate(const QString &user) const;

    /// SandboxServer::writeKubeconfig writes a kubeconfig (mode 0600) that kubectl uses unchanged.
    Result<void> writeKubeconfig(const QString &path) const;

    ObjectStore &store();
    /// SandboxServer::resourceTypes lists every served resource type (built-ins, then CRDs).
    const QList<ResourceType> &resourceTypes() const;

    /// SandboxServer::createObject stores a new object as the system would (names, uid, defaults).
    Result<QJsonObject> createObject(const QJsonObject &object);

    // Fault injection (for tests; all off by default).
    /// SandboxServer::failNextRequests answers the next `count` requests with `status`
    /// (410, 429 with Retry-After, 500, ...).
    void failNextRequests(int count, int status, int retryAfterSeconds = 1);
    /// SandboxServer::setLatency delays every answer by `milliseconds`.
    void setLatency(int milliseconds);
    /// SandboxServer::truncateNextResponses sends only half of the next `count` bodies.
    void truncateNextResponses(int count);
    /// SandboxServer::dropWatches closes every open watch connection.
    void dropWatches();
    /// SandboxServer::stallWatches leaves every open watch connection open and silent for good
    /// (a half-open connection, as after a network partition); new watches work.
    void stallWatches();
    /// SandboxServer::restart drops every connection and listens again on the same port; the
    /// store (objects and resourceVersions) is kept.
    Result<void> restart();
    /// SandboxServer::expireContinueTokens answers the next `count` list requests that carry a
    /// continue token with 410 Expired, as if their version had been compacted (the Status
    /// carries the token that continues at the latest version).
    void expireContinueTokens(int count);
    /// SandboxServer::compactHistory compacts the store's history at the current resourceVersion,
    /// as etcd compaction does: continue tokens and exact lists of older versions get 410.
    void compactHistory();

    /// SandboxServer::loadPods creates `count` running pods in `namespaceName` (load knob).
    void loadPods(int count, const QString &namespaceName = QStringLiteral("load"));
    /// SandboxServer::setEventsPerSecond modifies that many pods per second (load knob).
    void setEventsPerSecond(int eventsPerSecond);

    /// SandboxServer::clock is the time the controllers go by (CronJob schedules): the real UTC
    /// time moved by setClock() and advanceClock().
    QDateTime clock() const;
    /// SandboxServer::setClock makes clock() read `now` from this moment on (it keeps running);
    /// CronJobs whose scheduled time has come by then start at once.
    void setClock(const QDateTime &now);
    /// SandboxServer::advanceClock moves clock() forward by `seconds` (backward when negative).
    void advanceClock(qint64 seconds);

Q_SIGNALS:
    /// requestHandled is emitted after each answered request (no headers or bodies).
    void requestHandled(const QString &verb, const QString &path, int status);

private:
    void onNewConnection();
    void setUpConnection(QTcpSocket *socket);
    void onRequest(HttpConnection *connection, const HttpRequest &request);

    // The parts (see sandboxcontext.h); the context comes first: every part holds it.
    std::unique_ptr<SandboxContext> m_ctx;
    std::unique_ptr<SandboxAuth> m_auth;
    std::unique_ptr<FaultInjector> m_faults;
    std::unique_ptr<ResourceWriter> m_writer;
    std::unique_ptr<SandboxPolicies> m_policies;             // QObject child
    std::unique_ptr<ApiServiceController> m_apiServices;     // QObject child
    std::unique_ptr<SandboxControllers> m_controllers;       // QObject child
    std::unique_ptr<StatefulSetController> m_statefulSets;
    std::unique_ptr<DaemonSetController> m_daemonSets;
    std::unique_ptr<CronJobController> m_cronJobs;           // QObject child
    std::unique_ptr<PodLifecycle> m_podLife;                 // QObject child
    std::unique_ptr<DemoData> m_demo;                        // QObject child
    std::unique_ptr<WatchHub> m_watches;                     // QObject child
    std::unique_ptr<ExecSessions> m_exec;                    // QObject child
    std::unique_ptr<SandboxRouter> m_router;
    QTcpServer *m_server = nullptr;    // owned (child)
    qint64 m_compactionMark = 0;       ///< the resourceVersion the next periodic compaction compacts to
    QTimer *m_compactionTimer = nullptr; // owned (child)
    bool m_started = false;
};

/// SandboxThread runs a SandboxServer on its own QThread (as `--demo` and the integration tests
/// do); start() blocks the caller only until the server listens.
class SandboxThread final
{
    Q_DISABLE_COPY_MOVE(SandboxThread)

public:
    explicit SandboxThread(SandboxOptions options = {});
    ~SandboxThread();

    /// SandboxThread::start creates the server in the thread and starts it.
    Result<void> start();
    /// SandboxThread::server is the server; call its methods through invoke().
    SandboxServer *server() const { return m_server; }
    /// SandboxThread::invoke runs `function` in the server's thread and waits for it.
    void invoke(const std::function<void(SandboxServer &)> &function) const;

private:
    SandboxOptions m_options;
    QThread m_thread;
    SandboxServer *m_server = nullptr; // owned; deleted in its thread
};

} // namespace Qluster
