// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// API note (core/api, the client's requests for any resource):
//   ResourceClient client(connection);
//   client.get({gvr, "shop", "web"}, this, [](const Result<QJsonObject> &object) { ... });
//   client.patch({gvr, "shop", "web"}, PatchType::Apply, yaml, {.fieldManager = "qluster"}, ...);
//   client.get({deployments, "shop", "web", "scale"}, ...);        // a subresource
//   client.remove({gvr, "shop", "web"}, {.propagationPolicy = "Foreground"}, ...);
// Every answer that is not 2xx arrives as the ApiError (HTTP status, the Status reason, message
// and causes). Paths are built by ApiRequest; nothing above core builds one.

#include "api/gvr.h"
#include "api/listpage.h"
#include "net/apirequest.h"
#include "util/result.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <optional>

namespace Qluster {

class ApiStream;
class Connection;

/// ObjectRef names one object of a resource (or, with an empty name, its collection), and
/// optionally one of its subresources ("status", "scale", "log", "exec", …).
struct ObjectRef
{
    Gvr gvr;
    QString namespaceName = {}; ///< empty for cluster-scoped resources (all namespaces for a list)
    QString name = {};
    QString subresource = {};
};

/// PatchType is the body format of a PATCH, named by its Content-Type.
enum class PatchType { Apply, Merge, StrategicMerge, Json };

/// patchContentType is the Content-Type kube-apiserver expects for type
/// (application/apply-patch+yaml, merge-patch+json, strategic-merge-patch+json, json-patch+json).
QByteArray patchContentType(PatchType type);

/// WriteOptions are the query parameters of create, update and patch.
struct WriteOptions
{
    bool dryRun = false;  ///< dryRun=All: validated and admitted, never stored
    QString fieldManager = {}; ///< for apply "qluster" when empty; others leave it to the server
    bool force = false;   ///< apply only: take over fields other managers own
};

/// DeleteOptions is the meta.k8s.io/v1 DeleteOptions body of a DELETE.
struct DeleteOptions
{
    QString propagationPolicy = {}; ///< "Orphan", "Background", "Foreground" or empty (the default)
    std::optional<qint64> gracePeriodSeconds = {};
    QString preconditionUid = {};             ///< delete only this incarnation of the object
    QString preconditionResourceVersion = {}; ///< delete only if unchanged since
    bool dryRun = false;                 ///< sent as dryRun=All in the query

    /// DeleteOptions::toJson is the request body (kind DeleteOptions, apiVersion v1).
    QJsonObject toJson() const;
};

/// ListQuery are the query parameters of one list page.
struct ListQuery
{
    QString labelSelector = {};
    QString fieldSelector = {};
    int limit = 0;
    QString continueToken = {};
    QString resourceVersion = {};
    QString resourceVersionMatch = {};
    bool table = false; ///< ask for a meta.k8s.io/v1 Table with includeObject=Metadata
};

/// WatchQuery are the query parameters of a watch.
struct WatchQuery
{
    QString labelSelector = {};
    QString fieldSelector = {};
    QString resourceVersion = {};
    bool bookmarks = true;
    int timeoutSeconds = 0;
    bool table = false; ///< events carry Table rows (includeObject=Metadata)
};

/// LogOptions are the query parameters of pods/log (kubectl logs' flags).
struct LogOptions
{
    QString container = {};
    bool follow = false;
    bool previous = false;
    bool timestamps = false;
    qint64 sinceSeconds = 0; ///< 0: from the start
    qint64 tailLines = -1;   ///< -1: every line
    qint64 limitBytes = 0;   ///< 0: no limit
};

/// ExecOptions are the query parameters of pods/exec and pods/attach.
struct ExecOptions
{
    QStringList command = {}; ///< exec only
    QString container = {};
    bool stdinStream = false;
    bool stdoutStream = true;
    bool stderrStream = true;
    bool tty = false;
};

/// ResourceClient sends the Kubernetes API's requests for any resource over one Connection: get,
/// list pages, watch, create, update (PUT with the object's resourceVersion, so a stale write is a
/// 409, never an overwrite), patch by type, delete, and subresources (status and scale through
/// ObjectRef::subresource; log; the exec, attach and port-forward requests WebSocket streams
/// open). Callbacks run on the connection's thread unless their context object is gone.
class ResourceClient final
{
public:
    using ObjectCallback = std::function<void(const Result<QJsonObject> &)>;

    /// ResourceClient uses connection (not owned; it must outlive the client's requests).
    explicit ResourceClient(Connection *connection);

    /// ResourceClient::connection is the connection requests go to (null once it is destroyed).
    Connection *connection() const;

    /// ResourceClient::get fetches one object (or subresource) in full.
    void get(const ObjectRef &ref, QObject *context, ObjectCallback done) const;
    /// ResourceClient::list fetches one page of a collection (ref without a name).
    void list(const ObjectRef &collection, const ListQuery &query, QObject *context,
              std::function<void(const Result<ListPage> &)> done) const;
    /// ResourceClient::watch opens a watch stream of a collection; the caller owns the stream's
    /// life (abort() ends it) and decodes its events with WatchDecoder.
    ApiStream *watch(const ObjectRef &collection, const WatchQuery &query) const;
    /// ResourceClient::create POSTs object into a collection and returns what the server stored.
    void create(const ObjectRef &collection, const QJsonObject &object, const WriteOptions &options,
                QObject *context, ObjectCallback done) const;
    /// ResourceClient::update PUTs object (or a status/scale subresource) over ref. The server
    /// refuses it with 409 Conflict when metadata.resourceVersion is no longer current.
    void update(const ObjectRef &ref, const QJsonObject &object, const WriteOptions &options,
                QObject *context, ObjectCallback done) const;
    /// ResourceClient::patch sends body (YAML or JSON for Apply, JSON otherwise) as a PATCH of type.
    void patch(const ObjectRef &ref, PatchType type, const QByteArray &body,
               const WriteOptions &options, QObject *context, ObjectCallback done) const;
    /// ResourceClient::remove DELETEs ref; the result is the object (still there while finalizers
    /// or a foreground deletion hold it) or the server's Status.
    void remove(const ObjectRef &ref, const DeleteOptions &options, QObject *context,
                ObjectCallback done) const;
    /// ResourceClient::logs reads a pod's log; with options.follow the caller reads the stream.
    ApiStream *logs(const ObjectRef &pod, const LogOptions &options) const;

    /// ResourceClient::tableAccept asks for a meta.k8s.io/v1 Table (v1beta1 for old servers), else
    /// plain JSON.
    static QByteArray tableAccept();
    /// ResourceClient::listRequest is the GET of one list page.
    static ApiRequest listRequest(const ObjectRef &collection, const ListQuery &query);
    /// ResourceClient::watchRequest is the GET ?watch=true of a collection.
    static ApiRequest watchRequest(const ObjectRef &collection, const WatchQuery &query);
    /// ResourceClient::logRequest is the GET of pods/log with options' query.
    static ApiRequest logRequest(const ObjectRef &pod, const LogOptions &options);
    /// ResourceClient::execRequest is the pods/exec request a WebSocket upgrades (query in
    /// kubectl's order: command…, container, stdin, stdout, stderr, tty).
    static ApiRequest execRequest(const ObjectRef &pod, const ExecOptions &options);
    /// ResourceClient::attachRequest is the pods/attach request a WebSocket upgrades.
    static ApiRequest attachRequest(const ObjectRef &pod, const ExecOptions &options);
    /// ResourceClient::portForwardRequest is the pods/portforward request for ports.
    static ApiRequest portForwardRequest(const ObjectRef &pod, const QList<quint16> &ports);
    /// ResourceClient::proxyRequest is a request through the API server's proxy subresource of a
    /// pod, service or node: ref.name may carry ":port" (or "https:name:port"), path is the
    /// path on the target.
    static ApiRequest proxyRequest(const ObjectRef &ref, const QString &path,
                                   const QByteArray &verb = QByteArrayLiteral("GET"));

private:
    static ApiRequest request(const QByteArray &verb, const ObjectRef &ref);
    static void applyWriteOptions(ApiRequest &request, const WriteOptions &options);
    void sendForObject(const ApiRequest &request, QObject *context, ObjectCallback done) const;

    QPointer<Connection> m_connection; // not owned
};

} // namespace Qluster
