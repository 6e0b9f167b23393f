// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "net/apicall.h"
#include "net/apirequest.h"
#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QSslError>
#include <QTimer>

class QNetworkReply;

namespace Qluster {

class Connection;

/// ApiResponse is a successful (2xx) HTTP answer: status, headers and the whole body.
struct ApiResponse
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool http2 = false; ///< the answer came over HTTP/2 (TLS with ALPN h2)

    /// ApiResponse::header returns the first header named `name` (case-insensitive), or empty.
    QByteArray header(const QByteArray &name) const;
};

/// ApiReply is the handle of one request sent with Connection::send(): it emits finished() once,
/// after which result() holds the response or the ApiError. Retries (GET on 429/5xx) and the
/// credential refresh after a 401 happen inside. The reply deletes itself after finished()
/// handlers return; abort() cancels it (finished() then carries a Cancelled error).
class ApiReply final : public ApiCall
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiReply)
public:
    /// ApiReply::result is valid once finished() was emitted.
    const Result<ApiResponse> &result() const { return m_result; }
    /// ApiReply::attempts counts the HTTP requests sent (retries included).
    int attempts() const { return m_attempts; }

public Q_SLOTS:
    void abort();

Q_SIGNALS:
    void finished();
    /// headReceived shows the first bytes of a 2xx body (at most ApiRequest::headBytes, growing
    /// with each emission) while the rest still arrives; the body is not consumed and finished()
    /// still carries all of it (or an error, should the transfer fail afterwards).
    void headReceived(const QByteArray &head);

private:
    friend class Connection;
    ApiReply(Connection *connection, const ApiRequest &request);
    void sendWith(const Credentials &credentials) override;
    void failWith(const Error &error) override { finish(fail(error)); }
    void onNetworkFinished();
    void onReadyRead();
    void finish(Result<ApiResponse> result);

    QTimer m_deadline;
    QTimer m_retryTimer;
    Result<ApiResponse> m_result;
    int m_attempts = 0;
    int m_retries = 0;
    qsizetype m_headSize = 0; // bytes of this attempt's body shown by headReceived
    bool m_timedOut = false;
};

} // namespace Qluster
