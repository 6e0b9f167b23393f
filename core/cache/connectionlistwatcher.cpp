// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "connectionlistwatcher.h"

#include "api/resourceclient.h"
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

ListWatcher::Handle ConnectionListWatcher::list(const ListOptions &options, ListDone done,
                                                ListHead head)
{
    if (!m_connection) {
        auto handle = std::make_unique<CallHandle>(nullptr);
        QTimer::singleShot(0, handle.get(), [done = std::move(done)] { done(fail(connectionGone())); });
        return handle;
    }
    ListQuery query;
    query.labelSelector = m_key.labelSelector;
    query.fieldSelector = m_key.fieldSelector;
    query.limit = options.limit;
    query.continueToken = options.continueToken;
    query.resourceVersion = options.resourceVersion;
    query.table = m_asTable;
    ApiRequest request = ResourceClient::listRequest({m_key.gvr, m_key.namespaceName}, query);
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
    WatchQuery query;
    query.labelSelector = m_key.labelSelector;
    query.fieldSelector = m_key.fieldSelector;
    query.bookmarks = options.allowWatchBookmarks;
    query.resourceVersion = options.resourceVersion;
    query.timeoutSeconds = options.timeoutSeconds;
    query.table = m_asTable;
    ApiRequest request = ResourceClient::watchRequest({m_key.gvr, m_key.namespaceName}, query);
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
