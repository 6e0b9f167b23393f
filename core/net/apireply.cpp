// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "apireply.h"

#include "net/apierror.h"
#include "net/connection.h"
#include "util/logging.h"

#include <QNetworkReply>

namespace Qluster {

QByteArray ApiResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

ApiReply::ApiReply(Connection *connection, const ApiRequest &request)
    : ApiCall(connection, request)
    , m_result(fail(Error::invalid(QStringLiteral("request still running"))))
{
    m_deadline.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &ApiReply::start);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        if (m_reply) {
            m_reply->abort(); // onNetworkFinished reports the timeout
            return;
        }
        m_retryTimer.stop();
        Error e;
        e.kind = Error::Kind::Timeout;
        e.message = QStringLiteral("no answer within %1 s").arg(m_deadline.interval() / 1000.0);
        finish(fail(e.withRequest(QString::fromLatin1(m_request.verb), m_connection->url(m_request))));
    });
    const int timeout = m_request.timeoutMs < 0 ? m_connection->options().requestTimeoutMs
                                                : m_request.timeoutMs;
    if (timeout > 0)
        m_deadline.start(timeout);
}

void ApiReply::sendWith(const Credentials &credentials)
{
    m_credentials = credentials;
    m_sslErrors.clear();
    ++m_attempts;
    m_reply = m_connection->dispatch(m_connection->m_requests, m_request, credentials);
    connect(m_reply, &QNetworkReply::sslErrors, this,
            [this](const QList<QSslError> &errors) { m_sslErrors = errors; });
    connect(m_reply, &QNetworkReply::finished, this, &ApiReply::onNetworkFinished);
    m_headSize = 0;
    if (m_request.headBytes > 0)
        connect(m_reply, &QNetworkReply::readyRead, this, &ApiReply::onReadyRead);
}

void ApiReply::onReadyRead()
{
    // Only a 2xx body is shown: it is final (never retried), while a 401, 429 or 5xx attempt
    // may be retried and its body is a Status, not the answer.
    if (!m_reply || m_aborted || m_timedOut || m_headSize >= m_request.headBytes)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status < 200 || status >= 300)
        return;
    const QByteArray head = m_reply->peek(m_request.headBytes);
    if (head.size() <= m_headSize)
        return;
    m_headSize = head.size();
    Q_EMIT headReceived(head);
}

void ApiReply::onNetworkFinished()
{
    QNetworkReply *reply = std::exchange(m_reply, nullptr);
    reply->deleteLater();
    if (m_aborted) {
        finish(fail(ApiError::cancelled(m_request.verb, reply->url())));
        return;
    }
    if (m_timedOut) {
        Error e;
        e.kind = Error::Kind::Timeout;
        e.message = QStringLiteral("no answer within %1 s").arg(m_deadline.interval() / 1000.0);
        finish(fail(e.withRequest(QString::fromLatin1(m_request.verb), reply->url())));
        return;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        finish(fail(m_connection->transportError(reply, m_sslErrors, m_request)));
        return;
    }
    const QByteArray body = reply->readAll();
    if (status == 401 && !m_authRetried
        && m_connection->authProvider()->invalidate(m_credentials)) {
        // Credentials may have rotated (token file, plugin, OIDC): ask again, once.
        m_authRetried = true;
        qCDebug(lcNet) << "401, retrying once with fresh credentials:" << m_request.verb
                       << reply->url().toDisplayString(QUrl::RemoveQuery);
        start();
        return;
    }
    if (m_request.isRetriable() && (status == 429 || status >= 500)
        && m_retries < m_connection->options().maxRetries) {
        ++m_retries;
        const int delay = m_connection->retryDelayMs(m_retries, reply->rawHeader("Retry-After"));
        qCDebug(lcNet) << status << "retry" << m_retries << "in" << delay << "ms:"
                       << reply->url().toDisplayString(QUrl::RemoveQuery);
        m_retryTimer.start(delay);
        return;
    }
    if (status >= 200 && status < 300 && reply->error() != QNetworkReply::NoError) {
        // The answer started well and broke off (connection closed mid-body, a short
        // Content-Length): the body is not the server's answer. A read is asked again; a write
        // may have happened, so its caller is told rather than given a cut body.
        const Error error = m_connection->transportError(reply, m_sslErrors, m_request);
        if (m_request.isRetriable() && m_retries < m_connection->options().maxRetries) {
            ++m_retries;
            qCDebug(lcNet) << "answer cut off, retry" << m_retries << ":"
                           << reply->url().toDisplayString(QUrl::RemoveQuery);
            m_retryTimer.start(m_connection->retryDelayMs(m_retries, {}));
            return;
        }
        finish(fail(error));
        return;
    }
    if (status >= 200 && status < 300) {
        ApiResponse response;
        response.status = status;
        response.headers = reply->rawHeaderPairs();
        response.http2 = reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool();
        response.body = body;
        finish(response);
        return;
    }
    finish(fail(ApiError::fromStatus(status, body, m_request.verb, reply->url())));
}

void ApiReply::abort()
{
    abortCall();
}

void ApiReply::finish(Result<ApiResponse> result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_deadline.stop();
    m_retryTimer.stop();
    m_result = std::move(result);
    m_connection->forget(this);
    Q_EMIT finished();
    deleteLater();
}

} // namespace Qluster
