// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "apistream.h"

#include "net/apierror.h"
#include "net/connection.h"
#include "util/logging.h"

#include <QNetworkReply>

namespace Qluster {

ApiStream::ApiStream(Connection *connection, const ApiRequest &request)
    : ApiCall(connection, request)
{
}

ApiStream::~ApiStream()
{
    if (m_manager && !m_connection->m_streamManagers.isEmpty())
        m_connection->releaseStreamManager(m_manager);
}

void ApiStream::sendWith(const Credentials &credentials)
{
    m_credentials = credentials;
    m_sslErrors.clear();
    m_errorBody.clear();
    m_status = 0;
    if (!m_manager)
        m_manager = m_connection->acquireStreamManager();
    m_reply = m_connection->dispatch(m_manager, m_request, credentials);
    connect(m_reply, &QNetworkReply::sslErrors, this,
            [this](const QList<QSslError> &errors) { m_sslErrors = errors; });
    // The reply that emits, not m_reply: metaDataChanged can arrive after finished() cleared it.
    connect(m_reply, &QNetworkReply::metaDataChanged, this, [this, reply = m_reply] {
        m_status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    });
    connect(m_reply, &QNetworkReply::readyRead, this, &ApiStream::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &ApiStream::onNetworkFinished);
}

void ApiStream::onReadyRead()
{
    if (!m_reply || !m_reply->isOpen())
        return;
    m_status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray chunk = m_reply->readAll();
    if (chunk.isEmpty())
        return;
    if (m_status >= 200 && m_status < 300)
        Q_EMIT dataReceived(chunk);
    else if (m_errorBody.size() < 64 * 1024)
        m_errorBody += chunk;
}

void ApiStream::onNetworkFinished()
{
    onReadyRead();
    QNetworkReply *reply = std::exchange(m_reply, nullptr);
    if (!reply)
        return;
    reply->deleteLater();
    const QByteArray verb = m_request.verb;
    if (m_aborted) {
        finish(fail(ApiError::cancelled(verb, reply->url())));
        return;
    }
    m_status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_status == 0) {
        finish(fail(m_connection->transportError(reply, m_sslErrors, m_request)));
        return;
    }
    if (m_status == 401 && !m_authRetried
        && m_connection->authProvider()->invalidate(m_credentials)) {
        m_authRetried = true;
        start();
        return;
    }
    if (m_status >= 200 && m_status < 300) {
        if (reply->error() != QNetworkReply::NoError) {
            // The server or the network cut an answer that had started.
            Error e = ApiError::fromNetworkError(reply->error(), reply->errorString(), verb,
                                                 reply->url());
            e.message = QStringLiteral("stream interrupted: ") + e.message;
            finish(fail(e));
            return;
        }
        finish({});
        return;
    }
    finish(fail(ApiError::fromStatus(m_status, m_errorBody, verb, reply->url())));
}

void ApiStream::abort()
{
    abortCall();
}

void ApiStream::finish(const Result<void> &result)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_manager)
        m_connection->releaseStreamManager(std::exchange(m_manager, nullptr));
    m_connection->forget(this);
    Q_EMIT finished(result);
    deleteLater();
}

} // namespace Qluster
