// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "apicall.h"

#include "net/apierror.h"
#include "net/connection.h"

#include <QNetworkReply>

namespace Qluster {

ApiCall::ApiCall(Connection *connection, const ApiRequest &request)
    : QObject(connection)
    , m_connection(connection)
    , m_request(request)
{
}

ApiCall::~ApiCall()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ApiCall::start()
{
    if (m_finished)
        return;
    if (m_aborted) {
        failWith(ApiError::cancelled(m_request.verb, m_connection->url(m_request)));
        return;
    }
    m_connection->requestCredentials(this, m_request, [this](Result<Credentials> credentials) {
        if (m_finished)
            return;
        if (credentials)
            sendWith(*credentials);
        else
            failWith(credentials.error());
    });
}

void ApiCall::abortCall()
{
    if (m_finished)
        return;
    m_aborted = true;
    if (m_reply) {
        m_reply->abort();
        return;
    }
    failWith(ApiError::cancelled(m_request.verb, m_connection->url(m_request)));
}

} // namespace Qluster
