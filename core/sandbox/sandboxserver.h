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
//        "latencyMilliseconds": 100, "truncateNext": 1, "dropWatches": true, "restart": true,
//        "loadPods": 1000, "eventsPerSecond": 50, "expireContinueTokens": 1, "compact": true,
//        "clock": "2030-01-01T00:00:30Z", "advanceClockSeconds": 3600}
//
// Controllers (sandboxcontrollers.cpp): Deployment -> ReplicaSet -> Pods, Job -> Pods,
// StatefulSet -> Pods + PersistentVolumeClaims, DaemonSet -> one Pod per node, CronJob -> Jobs on
// its schedule. Their clock (clock(), setClock, advanceClock, "clock" above) can be set for tests.

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
namespace Qluster { class OpenApiRegistry; class ResourceQuantity; }
class QTimer;
class QWebSocket;
class QWebSocketServer;

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

    const SandboxOptions &options() const { return m_options; }
    quint16 port() const { return m_port; }
    /// SandboxServer::url is "https://127.0.0.1:<port>" (or http://).
    QUrl url() const;
    QByteArray caCertificatePem() const { return m_caPem; }
    /// SandboxServer::token returns the Bearer token of a built-in user ("developer", "viewer").
    QString token(const QString &user) const;
    /// SandboxServer::clientCertificate returns the client certificate and key of a user
    /// issued at start ("admin").
    KeyPair clientCertificate(const QString &user) const { return m_clientCerts.value(user); }

    /// SandboxServer::writeKubeconfig writes a kubeconfig (mode 0600) that kubectl uses unchanged.
    Result<void> writeKubeconfig(const QString &path) const;

    ObjectStore &store() { return m_store; }
    /// SandboxServer::resourceTypes lists every served resource type (built-ins, then CRDs).
    const QList<ResourceType> &resourceTypes() const { return m_types; }

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
    struct Identity
    {
        QString user;
        QStringList groups;
        QString uid = {};                      ///< set for service accounts
        QMap<QString, QStringList> extra = {}; ///< e.g. authentication.kubernetes.io/credential-id
    };
    struct ResourcePath
    {
        const ResourceType *type = nullptr;
        QString group;
        QString version;
        QString resource;
        QString namespaceName;
        QString name;
        QString subresource;
    };
    struct Request
    {
        QPointer<HttpConnection> connection;
        HttpRequest http;
        Identity identity;
        int status = 0;
    };
    struct WatchSession;

    void onNewConnection();
    void setUpConnection(QTcpSocket *socket);
    void onRequest(HttpConnection *connection, const HttpRequest &request);
    void onUpgrade(HttpConnection *connection, const HttpRequest &request);
    void onWebSocket();
    void dispatch(HttpConnection *connection, const HttpRequest &request);
    std::optional<Identity> authenticate(HttpConnection *connection, const HttpRequest &request) const;

    void sendJson(Request &r, int status, const QJsonObject &body, HttpHeaders headers = {});
    void sendStatus(Request &r, const QJsonObject &status);
    void sendError(Request &r, const Error &error);
    void sendBytes(Request &r, int status, const QByteArray &contentType, const QByteArray &body,
                   HttpHeaders headers = {});

    bool handleNonResource(Request &r);
    void handleDiscovery(Request &r, const QJsonObject &unaggregated, bool legacy);
    void handleResource(Request &r, const ResourcePath &p);
    void handleGet(Request &r, const ResourcePath &p);
    void handleList(Request &r, const ResourcePath &p);
    void handleWatch(Request &r, const ResourcePath &p);
    void retireWatch(WatchSession *w);
    void handleCreate(Request &r, const ResourcePath &p);
    void handleUpdate(Request &r, const ResourcePath &p);
    void handlePatch(Request &r, const ResourcePath &p);
    void handleDelete(Request &r, const ResourcePath &p);
    void handleDeleteCollection(Request &r, const ResourcePath &p);
    void handleScale(Request &r, const ResourcePath &p);
    void handleLog(Request &r, const ResourcePath &p);
    void handleReview(Request &r, const QString &kind);
    void handleOpenApi(Request &r, const QString &path);
    void handleFaults(Request &r);
    /// The RBAC verb of a resource request (kube-apiserver's RequestInfo): list/watch/get for
    /// reads, create, update, patch, delete/deletecollection; empty for any other method.
    static QString requestVerb(const Request &r, bool named);
    StatusOr applyPatch(const ResourceType &type, const QJsonObject &current,
                                   const QByteArray &contentType, const QByteArray &patch) const;

    std::optional<ResourcePath> parseResourcePath(const QString &path) const;
    const ResourceType *findType(const QString &group, const QString &version,
                                 const QString &plural) const;
    const ResourceType *findTypeByKind(const QString &group, const QString &kind) const;
    Gvr storageGvr(const ResourceType &type) const;
    QJsonObject presentObject(const ResourceType &type, QJsonObject object) const;
    Result<QJsonObject> parseBody(const Request &r) const;

    /// Writes `object` as the system: validates, fills metadata, stores (unless dry run).
    StatusOr createInternal(const ResourceType &type, const QString &namespaceName,
                                       QJsonObject object, const QString &fieldManager, bool dryRun);
    StatusOr updateInternal(const ResourceType &type, const QString &namespaceName,
                                       const QString &name, QJsonObject object,
                                       const QString &subresource, bool dryRun,
                                       const QString &fieldManager = QString());
    StatusOr deleteInternal(const ResourceType &type, const QString &namespaceName,
                                       const QString &name, bool dryRun);
    void applyDefaults(const ResourceType &type, QJsonObject &object);
    void afterWrite(const ResourceType &type, const QJsonObject &object, bool deleted);
    // Controllers and pod life (sandboxcontrollers.cpp).
    void notifyControllers(const ResourceType &type, const QJsonObject &object, bool deleted);
    void rebuildCustomTypes();
    // APIServices (sandboxapiservices.cpp): the local ones of every served group-version, the
    // Available condition, and the group-versions of unreachable aggregated API servers.
    void syncApiServices(bool atStart);
    void scheduleApiServiceChecks(const QString &serviceNamespace, const QString &serviceName);
    void scheduleApiServiceCheck(const QString &name);
    void checkApiServiceAvailability(const QString &name);
    QList<DiscoveryDocuments::UnavailableGroupVersion> unavailableGroupVersions() const;
    /// Answers 503 for a path under an unavailable APIService's group-version; false otherwise.
    bool handleUnavailableGroupVersion(Request &r);
    QSet<QString> m_pendingApiServiceChecks; ///< names of APIServices whose availability to check
    bool m_apiServiceCheckQueued = false;
    void loadBaseObjects();
    void loadDemoObjects();
    void schedulePodStart(const QString &namespaceName, const QString &name);
    void startPod(const QString &namespaceName, const QString &name);
    void lifeTick();
    void emitEvent(const QJsonObject &involved, const QString &type, const QString &reason,
                   const QString &message);
    bool authorize(Request &r, const QString &verb, const ResourceType *type,
                   const QString &subresource, const QString &namespaceName, const QString &name);

    // Quotas, disruption budgets, autoscalers, priority classes, the autoscaling/v1 view and
    // service account tokens (sandboxpolicies.cpp).
    void startPolicies();
    void schedulePolicyWork(const QString &what, const QString &namespaceName);
    void reconcileQuotas(const QString &namespaceName);
    void reconcileDisruptionBudgets(const QString &namespaceName);
    void reconcileAutoscalers(const QString &namespaceName);
    void reconcileAutoscaler(const QJsonObject &autoscaler);
    /// What the namespace uses of each of `names` (quota resource names), computed afresh, of
    /// the objects a quota with `quotaSpec` tracks (its scopes).
    QMap<QString, ResourceQuantity> namespaceUsage(const QString &namespaceName, const QStringList &names,
                                                   const QJsonObject &quotaSpec) const;
    void applyPolicyDefaults(const ResourceType &type, QJsonObject &object) const;
    /// Status (422) of a quota, budget, autoscaler or priority class the apiserver would reject.
    std::optional<QJsonObject> validatePolicy(const ResourceType &type, const QJsonObject &object,
                                              const QJsonObject *current) const;
    /// Admission of a new object: pod priority from its PriorityClass, the one global default
    /// class, then ResourceQuota; the Status (403) when refused.
    std::optional<QJsonObject> admit(const ResourceType &type, const QString &namespaceName,
                                     QJsonObject &object) const;
    /// The stored form of an object written through `type` (autoscaling/v1 becomes v2).
    QJsonObject toStorageVersion(const ResourceType &type, QJsonObject object) const;
    /// The demo data set's storage classes, volumes, quota, budget, autoscaler and policies.
    void loadDemoPolicies();
    void handleTokenRequest(Request &r, const ResourcePath &p);
    void handleSelfSubjectReview(Request &r);
    std::optional<Identity> authenticateServiceAccount(const QString &token) const;
    QSet<QString> m_pendingPolicyWork; ///< "what/namespace" of policy reconciles to run
    QByteArray m_tokenKey;             ///< signs service account tokens; never leaves the process

    SandboxOptions m_options;
    ObjectStore m_store;
    std::unique_ptr<OpenApiRegistry> m_openApi;
    QList<ResourceType> m_types;
    QHash<Gvr, qsizetype> m_typeIndex;
    std::optional<CertificateAuthority> m_ca;
    QByteArray m_caPem;
    KeyPair m_serverCert;
    QHash<QString, KeyPair> m_clientCerts;
    QHash<QString, Identity> m_tokens; ///< token -> identity
    QHash<QString, QString> m_userTokens; ///< user -> token
    QTcpServer *m_server = nullptr;    // owned (child)
    QWebSocketServer *m_webSockets = nullptr; // owned (child)
    QList<QPointer<HttpConnection>> m_connections;
    QHash<HttpConnection *, WatchSession *> m_watches;
    QList<QPointer<QWebSocket>> m_execSockets;
    quint16 m_port = 0;
    int m_failCount = 0;
    int m_failStatus = 500;
    int m_failRetryAfter = 1;
    int m_latency = 0;
    int m_truncateCount = 0;
    int m_expireContinues = 0;
    qint64 m_compactionMark = 0;       ///< the resourceVersion the next periodic compaction compacts to
    QTimer *m_compactionTimer = nullptr; // owned (child)
    int m_eventsPerSecond = 0;
    QTimer *m_lifeTimer = nullptr;     // owned (child)
    QTimer *m_loadTimer = nullptr;     // owned (child)
    quint64 m_loadCursor = 0;
    bool m_started = false;

    struct PodLife
    {
        QString behavior;
        QDateTime next;
    };
    QHash<QString, PodLife> m_podLife; ///< "ns/name" of pods with a scripted behaviour
    QSet<QString> m_pendingReconciles; ///< "kind/ns/name" of controllers to run
    void scheduleReconcile(const QString &kind, const QString &namespaceName, const QString &name);
    void reconcile(const QString &kind, const QString &namespaceName, const QString &name);
    void reconcileDeployment(const QString &namespaceName, const QString &name);
    void reconcileReplicaSet(const QString &namespaceName, const QString &name);
    void reconcileJob(const QString &namespaceName, const QString &name);
    void reconcileStatefulSet(const QString &namespaceName, const QString &name);
    void createStatefulSetPod(const QJsonObject &set, int ordinal, const QString &revision);
    void deleteStatefulSetPod(const QJsonObject &set, const QJsonObject &pod, bool scaledDown);
    void reconcileDaemonSet(const QString &namespaceName, const QString &name);
    void createDaemonSetPod(const QJsonObject &daemonSet, const QString &nodeName, const QString &hash);
    void reconcileCronJob(const QString &namespaceName, const QString &name);
    void scheduleOwnerReconciles(const QString &namespaceName, const QJsonObject &object);
    void scheduleAll(const Gvr &gvr, const QString &kind);
    void putStatus(const Gvr &gvr, const QJsonObject &object, const QJsonObject &status);
    QList<QJsonObject> ownedObjects(const Gvr &gvr, const QString &namespaceName, const QString &uid) const;
    /// Status (422) of a workload spec the apiserver would reject (CronJob schedule, time zone...).
    std::optional<QJsonObject> validateWorkload(const ResourceType &type, const QJsonObject &object) const;
    /// The node a pending pod goes to (node affinity on metadata.name, nodeSelector, taints).
    QString chooseNode(const QJsonObject &pod) const;
    void armCronTimer();
    void runDueCronJobs();
    void updateSystem(const Gvr &gvr, QJsonObject object);
    QString firstNodeName() const;
    qint64 m_clockOffsetMilliseconds = 0;
    QTimer *m_cronTimer = nullptr;     // owned (child)
    QHash<QString, QDateTime> m_cronNext; ///< "ns/name" of CronJobs -> their next scheduled time
    int m_nextPodIp = 10;
    int m_nextServiceIp = 10;
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
