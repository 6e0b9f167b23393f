// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "resourceclient.h"

#include "net/connection.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QTimer>

namespace Qluster {

namespace {

Error connectionGone(const ApiRequest &request)
{
    Error e;
    e.kind = Error::Kind::Cancelled;
    e.message = QStringLiteral("the connection was closed");
    e.verb = QString::fromLatin1(request.verb);
    e.url = QUrl(request.path());
    return e;
}

// A 2xx body that is not one JSON object is the server's fault, said with where it broke.
Result<QJsonObject> objectOf(const ApiRequest &request, const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        Error e = Error::invalid(
            parseError.error != QJsonParseError::NoError
                ? QStringLiteral("the server's answer is not JSON: %1 at byte %2")
                      .arg(parseError.errorString())
                      .arg(parseError.offset)
                : QStringLiteral("the server's answer is not a JSON object"));
        e.verb = QString::fromLatin1(request.verb);
        e.url = QUrl(request.path());
        return fail(e);
    }
    return document.object();
}

} // namespace

QByteArray patchContentType(PatchType type)
{
    switch (type) {
    case PatchType::Apply:
        return QByteArrayLiteral("application/apply-patch+yaml");
    case PatchType::Merge:
        return QByteArrayLiteral("application/merge-patch+json");
    case PatchType::StrategicMerge:
        return QByteArrayLiteral("application/strategic-merge-patch+json");
    case PatchType::Json:
        return QByteArrayLiteral("application/json-patch+json");
    }
    return QByteArrayLiteral("application/merge-patch+json");
}

QJsonObject DeleteOptions::toJson() const
{
    QJsonObject body{{QStringLiteral("kind"), QStringLiteral("DeleteOptions")},
                     {QStringLiteral("apiVersion"), QStringLiteral("v1")}};
    if (!propagationPolicy.isEmpty())
        body.insert(QStringLiteral("propagationPolicy"), propagationPolicy);
    if (gracePeriodSeconds)
        body.insert(QStringLiteral("gracePeriodSeconds"), *gracePeriodSeconds);
    QJsonObject preconditions;
    if (!preconditionUid.isEmpty())
        preconditions.insert(QStringLiteral("uid"), preconditionUid);
    if (!preconditionResourceVersion.isEmpty())
        preconditions.insert(QStringLiteral("resourceVersion"), preconditionResourceVersion);
    if (!preconditions.isEmpty())
        body.insert(QStringLiteral("preconditions"), preconditions);
    return body; // dryRun travels in the query, as for every other write
}

ResourceClient::ResourceClient(Connection *connection)
    : m_connection(connection)
{
}

Connection *ResourceClient::connection() const
{
    return m_connection;
}

ApiRequest ResourceClient::request(const QByteArray &verb, const ObjectRef &ref)
{
    ApiRequest request = ApiRequest::get(ref.gvr, ref.namespaceName, ref.name);
    request.verb = verb;
    request.subresource = ref.subresource;
    return request;
}

void ResourceClient::applyWriteOptions(ApiRequest &request, const WriteOptions &options)
{
    request.dryRun = options.dryRun;
    request.fieldManager = options.fieldManager;
    request.force = options.force;
}

QByteArray ResourceClient::tableAccept()
{
    return QByteArrayLiteral("application/json;as=Table;v=v1;g=meta.k8s.io,"
                             "application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json");
}

ApiRequest ResourceClient::listRequest(const ObjectRef &collection, const ListQuery &query)
{
    ApiRequest r = request(QByteArrayLiteral("GET"), {collection.gvr, collection.namespaceName});
    r.labelSelector = query.labelSelector;
    r.fieldSelector = query.fieldSelector;
    r.limit = query.limit;
    r.continueToken = query.continueToken;
    r.resourceVersion = query.resourceVersion;
    r.resourceVersionMatch = query.resourceVersionMatch;
    if (query.table) {
        r.accept = tableAccept();
        r.extraQuery.append({QStringLiteral("includeObject"), QStringLiteral("Metadata")});
    }
    return r;
}

ApiRequest ResourceClient::watchRequest(const ObjectRef &collection, const WatchQuery &query)
{
    ApiRequest r = request(QByteArrayLiteral("GET"), {collection.gvr, collection.namespaceName});
    r.labelSelector = query.labelSelector;
    r.fieldSelector = query.fieldSelector;
    r.watch = true;
    r.allowWatchBookmarks = query.bookmarks;
    r.resourceVersion = query.resourceVersion;
    r.timeoutSeconds = query.timeoutSeconds;
    if (query.table) {
        r.accept = tableAccept();
        r.extraQuery.append({QStringLiteral("includeObject"), QStringLiteral("Metadata")});
    }
    return r;
}

ApiRequest ResourceClient::logRequest(const ObjectRef &pod, const LogOptions &options)
{
    ApiRequest r = request(QByteArrayLiteral("GET"), {pod.gvr, pod.namespaceName, pod.name,
                                                      QStringLiteral("log")});
    r.accept = QByteArrayLiteral("*/*");
    const auto add = [&r](const char *key, const QString &value) {
        r.extraQuery.append({QLatin1String(key), value});
    };
    if (!options.container.isEmpty())
        add("container", options.container);
    if (options.follow)
        add("follow", QStringLiteral("true"));
    if (options.previous)
        add("previous", QStringLiteral("true"));
    if (options.sinceSeconds > 0)
        add("sinceSeconds", QString::number(options.sinceSeconds));
    if (options.tailLines >= 0)
        add("tailLines", QString::number(options.tailLines));
    if (options.limitBytes > 0)
        add("limitBytes", QString::number(options.limitBytes));
    if (options.timestamps)
        add("timestamps", QStringLiteral("true"));
    if (options.follow)
        r.timeoutMs = 0; // a followed log lasts as long as the container runs
    return r;
}

namespace {
void addStreamFlags(ApiRequest &r, const ExecOptions &options)
{
    const auto flag = [](bool on) { return on ? QStringLiteral("true") : QStringLiteral("false"); };
    if (!options.container.isEmpty())
        r.extraQuery.append({QStringLiteral("container"), options.container});
    r.extraQuery.append({QStringLiteral("stdin"), flag(options.stdinStream)});
    r.extraQuery.append({QStringLiteral("stdout"), flag(options.stdoutStream)});
    r.extraQuery.append({QStringLiteral("stderr"), flag(options.stderrStream)});
    r.extraQuery.append({QStringLiteral("tty"), flag(options.tty)});
}
} // namespace

ApiRequest ResourceClient::execRequest(const ObjectRef &pod, const ExecOptions &options)
{
    ApiRequest r = request(QByteArrayLiteral("GET"), {pod.gvr, pod.namespaceName, pod.name,
                                                      QStringLiteral("exec")});
    for (const QString &word : options.command)
        r.extraQuery.append({QStringLiteral("command"), word});
    addStreamFlags(r, options);
    r.timeoutMs = 0;
    return r;
}

ApiRequest ResourceClient::attachRequest(const ObjectRef &pod, const ExecOptions &options)
{
    ApiRequest r = request(QByteArrayLiteral("GET"), {pod.gvr, pod.namespaceName, pod.name,
                                                      QStringLiteral("attach")});
    addStreamFlags(r, options);
    r.timeoutMs = 0;
    return r;
}

ApiRequest ResourceClient::portForwardRequest(const ObjectRef &pod, const QList<quint16> &ports)
{
    ApiRequest r = request(QByteArrayLiteral("GET"), {pod.gvr, pod.namespaceName, pod.name,
                                                      QStringLiteral("portforward")});
    for (const quint16 port : ports)
        r.extraQuery.append({QStringLiteral("ports"), QString::number(port)});
    r.timeoutMs = 0;
    return r;
}

ApiRequest ResourceClient::proxyRequest(const ObjectRef &ref, const QString &path,
                                        const QByteArray &verb)
{
    // The proxy subresource takes the rest of the path as the target's: .../pods/web:8080/proxy/x
    ApiRequest r = request(verb, {ref.gvr, ref.namespaceName, ref.name, QStringLiteral("proxy")});
    QString rest = path;
    while (rest.startsWith(QLatin1Char('/')))
        rest.remove(0, 1);
    if (!rest.isEmpty())
        r.subresource += QLatin1Char('/') + rest;
    r.accept = QByteArrayLiteral("*/*");
    return r;
}

void ResourceClient::sendForObject(const ApiRequest &request, QObject *context,
                                   ObjectCallback done) const
{
    if (!m_connection) {
        QTimer::singleShot(0, context, [request, done = std::move(done)] {
            done(fail(connectionGone(request)));
        });
        return;
    }
    m_connection->send(request, context,
        [request, done = std::move(done)](const Result<ApiResponse> &response) {
            if (!response)
                done(fail(response.error()));
            else
                done(objectOf(request, response->body));
        });
}

void ResourceClient::get(const ObjectRef &ref, QObject *context, ObjectCallback done) const
{
    sendForObject(request(QByteArrayLiteral("GET"), ref), context, std::move(done));
}

void ResourceClient::list(const ObjectRef &collection, const ListQuery &query, QObject *context,
                          std::function<void(const Result<ListPage> &)> done) const
{
    const ApiRequest r = listRequest(collection, query);
    if (!m_connection) {
        QTimer::singleShot(0, context, [r, done = std::move(done)] { done(fail(connectionGone(r))); });
        return;
    }
    m_connection->send(r, context, [r, done = std::move(done)](const Result<ApiResponse> &response) {
        if (!response)
            done(fail(response.error()));
        else
            done(decodeListPage(response->body, r.path()));
    });
}

ApiStream *ResourceClient::watch(const ObjectRef &collection, const WatchQuery &query) const
{
    return m_connection ? m_connection->stream(watchRequest(collection, query)) : nullptr;
}

void ResourceClient::create(const ObjectRef &collection, const QJsonObject &object,
                            const WriteOptions &options, QObject *context, ObjectCallback done) const
{
    ApiRequest r = request(QByteArrayLiteral("POST"), {collection.gvr, collection.namespaceName});
    applyWriteOptions(r, options);
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    sendForObject(r, context, std::move(done));
}

void ResourceClient::update(const ObjectRef &ref, const QJsonObject &object,
                            const WriteOptions &options, QObject *context, ObjectCallback done) const
{
    ApiRequest r = request(QByteArrayLiteral("PUT"), ref);
    applyWriteOptions(r, options);
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    sendForObject(r, context, std::move(done));
}

void ResourceClient::patch(const ObjectRef &ref, PatchType type, const QByteArray &body,
                           const WriteOptions &options, QObject *context, ObjectCallback done) const
{
    ApiRequest r = request(QByteArrayLiteral("PATCH"), ref);
    applyWriteOptions(r, options);
    // Server-side apply requires a field manager (kubectl's is "kubectl").
    if (type == PatchType::Apply && r.fieldManager.isEmpty())
        r.fieldManager = QStringLiteral("qluster");
    if (type != PatchType::Apply)
        r.force = false; // force is only defined for apply; the server refuses it elsewhere
    r.contentType = patchContentType(type);
    r.body = body;
    sendForObject(r, context, std::move(done));
}

void ResourceClient::remove(const ObjectRef &ref, const DeleteOptions &options, QObject *context,
                            ObjectCallback done) const
{
    ApiRequest r = request(QByteArrayLiteral("DELETE"), ref);
    r.dryRun = options.dryRun;
    r.body = QJsonDocument(options.toJson()).toJson(QJsonDocument::Compact);
    sendForObject(r, context, std::move(done));
}

ApiStream *ResourceClient::logs(const ObjectRef &pod, const LogOptions &options) const
{
    return m_connection ? m_connection->stream(logRequest(pod, options)) : nullptr;
}

} // namespace Qluster
