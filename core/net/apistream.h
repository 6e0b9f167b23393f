// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "net/apirequest.h"
#include "net/authprovider.h"
#include "util/result.h"

#include <QByteArray>
#include <QObject>
#include <QSslError>

class QNetworkReply;

namespace Qluster {

class Connection;

/// ApiStream is a long-lived request (watch, follow logs) sent with Connection::stream(): it
/// emits dataReceived() with each chunk as it arrives and finished() once when the server ends the
/// stream, it fails, or it is aborted. It runs on the Connection's stream network manager so it
/// never holds up ordinary requests, and deletes itself after finished().
class ApiStream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiStream)
public:
    ~ApiStream() override;

    const ApiRequest &request() const { return m_request; }
    /// ApiStream::status is the HTTP status once headers arrived (0 before).
    int status() const { return m_status; }
    bool isFinished() const { return m_finished; }

public Q_SLOTS:
    void abort();

Q_SIGNALS:
    /// ApiStream::dataReceived carries the bytes of a 2xx answer as they arrive (not aligned to
    /// events or lines: the decoder buffers).
    void dataReceived(const QByteArray &chunk);
    void finished(const Qluster::Result<void> &result);

private:
    friend class Connection;
    ApiStream(Connection *connection, const ApiRequest &request);
    void start();
    void sendWith(const Credentials &credentials);
    void onReadyRead();
    void onNetworkFinished();
    void finish(const Result<void> &result);

    Connection *m_connection = nullptr; // not owned (parent)
    ApiRequest m_request;
    QNetworkReply *m_reply = nullptr; // owned while running
    Credentials m_credentials;
    QList<QSslError> m_sslErrors;
    QByteArray m_errorBody;
    int m_status = 0;
    bool m_authRetried = false;
    bool m_finished = false;
    bool m_aborted = false;
};

} // namespace Qluster
