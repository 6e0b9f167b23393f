// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "connectionlistwatcher.h"

#include "net/connection.h"

#include <QTimer>

namespace Qluster {

namespace {

/// The handle of one request or stream: deleting it aborts the call without running callbacks.
class CallHandle final : public QObject
{
public:
    explicit CallHandle(QObject *call) : m_call(call) {}
    ~CallHandle() override
    {
        if (!m_call)
            return;
        QObject::disconnect(m_call, nullptr, this, nullptr);
        if (auto *reply = qobject_cast<ApiReply *>(m_call))
            reply->abort();
        else if (auto *stream = qobject_cast<ApiStream *>(m_call))
            stream->abort();
    }

private:
    QPointer<QObject> m_call;
};

Error connectionGone()
{
    Error e;
    e.kind = Error::Kind::Cancelled;
    e.message = QStringLiteral("the connection was closed");
    return e;
}

} // namespace

ConnectionListWatcher::ConnectionListWatcher(Connection *connection, CacheKey key, bool asTable)
    : m_connection(connection)
    , m_key(std::move(key))
    , m_asTable(asTable)
{
}

QByteArray ConnectionListWatcher::tableAccept()
{
    return QByteArrayLiteral("application/json;as=Table;v=v1;g=meta.k8s.io,"
                             "application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json");
}

ListWatcher::Handle ConnectionListWatcher::list(const ListOptions &options, ListDone done,
                                                ListHead head)
{
    if (!m_connection) {
        auto handle = std::make_unique<CallHandle>(nullptr);
        QTimer::singleShot(0, handle.get(), [done = std::move(done)] { done(fail(connectionGone())); });
        return handle;
    }
    ApiRequest request = ApiRequest::get(m_key.gvr, m_key.namespaceName);
    request.labelSelector = m_key.labelSelector;
    request.fieldSelector = m_key.fieldSelector;
    request.limit = options.limit;
    request.continueToken = options.continueToken;
    request.resourceVersion = options.resourceVersion;
    if (m_asTable) {
        request.accept = tableAccept();
        request.extraQuery.append({QStringLiteral("includeObject"), QStringLiteral("Metadata")});
    }
    // Big lists can take long to serialise; the page size bounds it, so allow a generous deadline.
    request.timeoutMs = 120000;
    if (head)
        request.headBytes = kListHeadBytes;
    ApiReply *reply = m_connection->send(request);
    auto handle = std::make_unique<CallHandle>(reply);
    if (head) {
        QObject::connect(reply, &ApiReply::headReceived, handle.get(),
                         [head = std::move(head)](const QByteArray &bytes) { head(bytes); });
    }
    QObject::connect(reply, &ApiReply::finished, handle.get(), [reply, done = std::move(done)] {
        const Result<ApiResponse> &result = reply->result();
        if (!result)
            done(fail(result.error()));
        else
            done(result->body);
    });
    return handle;
}

ListWatcher::Handle ConnectionListWatcher::watch(const WatchOptions &options, WatchData data,
                                                 WatchDone done)
{
    if (!m_connection) {
        auto handle = std::make_unique<CallHandle>(nullptr);
        QTimer::singleShot(0, handle.get(), [done = std::move(done)] { done(fail(connectionGone())); });
        return handle;
    }
    ApiRequest request = ApiRequest::get(m_key.gvr, m_key.namespaceName);
    request.labelSelector = m_key.labelSelector;
    request.fieldSelector = m_key.fieldSelector;
    request.watch = true;
    request.allowWatchBookmarks = options.allowWatchBookmarks;
    request.resourceVersion = options.resourceVersion;
    request.timeoutSeconds = options.timeoutSeconds;
    if (m_asTable) {
        request.accept = tableAccept();
        request.extraQuery.append({QStringLiteral("includeObject"), QStringLiteral("Metadata")});
    }
    request.timeoutMs = 0; // the server ends the watch after timeoutSeconds
    ApiStream *stream = m_connection->stream(request);
    auto handle = std::make_unique<CallHandle>(stream);
    QObject::connect(stream, &ApiStream::dataReceived, handle.get(),
                     [data = std::move(data)](const QByteArray &chunk) { data(chunk); });
    QObject::connect(stream, &ApiStream::finished, handle.get(),
                     [done = std::move(done)](const Result<void> &result) { done(result); });
    return handle;
}

} // namespace Qluster
