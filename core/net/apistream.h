// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "net/apicall.h"
#include "net/apirequest.h"
#include "util/result.h"

#include <QByteArray>
#include <QObject>
#include <QSslError>

class QNetworkAccessManager;
class QNetworkReply;

namespace Qluster {

class Connection;

/// ApiStream is a long-lived request (watch, follow logs) sent with Connection::stream(): it
/// emits dataReceived() with each chunk as it arrives and finished() once when the server ends the
/// stream, it fails, or it is aborted. It runs on the Connection's stream network manager so it
/// never holds up ordinary requests, and deletes itself after finished().
class ApiStream final : public ApiCall
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiStream)
public:
    ~ApiStream() override;

    /// ApiStream::status is the HTTP status once headers arrived (0 before).
    int status() const { return m_status; }

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
    void sendWith(const Credentials &credentials) override;
    void failWith(const Error &error) override { finish(fail(error)); }
    void onReadyRead();
    void onNetworkFinished();
    void finish(const Result<void> &result);

    QNetworkAccessManager *m_manager = nullptr; // not owned: the connection's stream manager
    QByteArray m_errorBody;
    int m_status = 0;
};

} // namespace Qluster
