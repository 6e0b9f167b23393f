// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "net/apirequest.h"
#include "net/authprovider.h"
#include "util/error.h"

#include <QList>
#include <QObject>
#include <QSslError>

class QNetworkReply;

namespace Qluster {

class Connection;

/// ApiCall is what ApiReply and ApiStream share: the request, the credentials step before each
/// attempt, the QNetworkReply in flight and abort(). Subclasses send with the credentials
/// (sendWith) and end with an error (failWith); both end at most once.
class ApiCall : public QObject
{
public:
    ~ApiCall() override;

    const ApiRequest &request() const { return m_request; }
    bool isFinished() const { return m_finished; }

protected:
    ApiCall(Connection *connection, const ApiRequest &request);
    /// ApiCall::start begins an attempt: cancelled when aborted, else the connection's
    /// credentials, then sendWith (or failWith with the credentials' error).
    void start();
    /// ApiCall::abortCall cancels: the reply in flight is aborted (its finished handler reports
    /// the cancellation), or the call fails at once when none is.
    void abortCall();
    virtual void sendWith(const Credentials &credentials) = 0;
    virtual void failWith(const Error &error) = 0;

    Connection *m_connection = nullptr; // not owned (parent)
    ApiRequest m_request;
    QNetworkReply *m_reply = nullptr; // owned while running
    Credentials m_credentials;
    QList<QSslError> m_sslErrors;
    bool m_authRetried = false;
    bool m_finished = false;
    bool m_aborted = false;
};

} // namespace Qluster
