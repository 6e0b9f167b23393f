// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "config/connectionprofile.h"
#include "config/kubeconfig.h"
#include "net/apireply.h"
#include "net/apirequest.h"
#include "net/apistream.h"
#include "net/authprovider.h"
#include "util/result.h"

#include <QNetworkProxy>
#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>
#include <QHash>
#include <QSet>
#include <QSslConfiguration>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace Qluster {

class TlsProxyForwarder;

/// ConnectionOptions tunes a Connection; the defaults are what the application uses.
struct ConnectionOptions
{
    ConnectionProfile profile;
    int requestTimeoutMs = 30000; ///< default whole-request deadline (ApiRequest::timeoutMs = -1)
    int maxRetries = 3;           ///< GET/HEAD retries on 429 and 5xx
    int retryBaseDelayMs = 250;   ///< first backoff; doubles per retry, ±50% jitter
    int maxRetryDelayMs = 10000;  ///< cap for backoff and Retry-After
    int execTimeoutMs = 60000;    ///< exec credential plugin deadline
    /// Environment for HTTPS_PROXY/HTTP_PROXY/NO_PROXY and exec plugins.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
};

/// Connection talks to the API server of one kubeconfig context: TLS (CA, client certificate,
/// server name, insecure only when the kubeconfig says so), credentials (AuthProvider), proxy,
/// compression, retries. Ordinary requests and long-lived streams use separate network managers
/// so watches never starve requests. close() cancels every request and stream of this connection
/// and no other.
class Connection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Connection)
public:
    /// Connection::create checks the context's TLS material, proxy and credentials settings and
    /// returns a ready connection, or the error that makes the context unusable.
    static Result<std::unique_ptr<Connection>> create(const ResolvedContext &context,
                                                      const ConnectionOptions &options = {},
                                                      QObject *parent = nullptr);
    ~Connection() override;

    const ResolvedContext &context() const { return m_context; }
    QUrl server() const { return m_server; }
    const ConnectionOptions &options() const { return m_options; }
    AuthProvider *authProvider() const { return m_auth; }

    /// Connection::isInsecure is true when the kubeconfig disables TLS verification
    /// (insecure-skip-tls-verify) or the server is plain http: the UI must warn.
    bool isInsecure() const;
    /// Connection::isUnencrypted is true when the server is plain http (nothing is encrypted).
    bool isUnencrypted() const;

    /// Connection::proxy is the proxy Qt uses for the server (proxy-url, else the environment);
    /// for an https:// proxy it is the loopback TlsProxyForwarder in front of it.
    QNetworkProxy proxy() const { return m_proxy; }

    /// Connection::userAgent is "qluster/<version> (<os>/<arch>)".
    static QByteArray userAgent();

    /// Connection::url is the full URL of `request` on this connection (profile prefix included).
    QUrl url(const ApiRequest &request) const;

    /// Connection::send starts `request`; the reply is owned by the connection and deletes itself
    /// after finished().
    ApiReply *send(const ApiRequest &request);

    /// Connection::send calls `callback` with the result when the request ends, unless `context`
    /// was destroyed before.
    void send(const ApiRequest &request, QObject *context,
              std::function<void(const Result<ApiResponse> &)> callback);

    /// Connection::stream starts a watch or log stream on the stream network manager.
    ApiStream *stream(const ApiRequest &request);

    /// Connection::close aborts every request and stream of this connection; later calls to
    /// send()/stream() fail at once with a Cancelled error.
    void close();
    bool isClosed() const { return m_closed; }

    /// Connection::pendingCount counts unfinished requests and streams.
    int pendingCount() const;

Q_SIGNALS:
    /// Connection::closed is emitted by close() after every request was cancelled.
    void closed();

private:
    friend class ApiCall;
    friend class ApiReply;
    friend class ApiStream;
    Connection(const ResolvedContext &context, const ConnectionOptions &options, QObject *parent);
    Result<void> setUp();
    QNetworkRequest networkRequest(const ApiRequest &request, const Credentials &credentials) const;
    QNetworkReply *dispatch(QNetworkAccessManager *manager, const ApiRequest &request,
                            const Credentials &credentials) const;
    Error transportError(QNetworkReply *reply, const QList<QSslError> &sslErrors,
                         const ApiRequest &request) const;
    // The first step of every ApiReply/ApiStream attempt: cancelled when the connection closed,
    // else the auth provider's credentials (errors tagged with request), delivered to done in
    // pending's thread unless pending was destroyed.
    void requestCredentials(QObject *pending, const ApiRequest &request,
                            std::function<void(Result<Credentials>)> done);
    int retryDelayMs(int retry, const QByteArray &retryAfter) const;
    void forget(QObject *pending);

    ResolvedContext m_context;
    ConnectionOptions m_options;
    QUrl m_server;
    QSslConfiguration m_ssl;
    QNetworkProxy m_proxy;
    QNetworkAccessManager *m_requests = nullptr; // owned (child)
    // HTTP/1.1 allows 6 connections per host and manager: each stream manager carries at most
    // kStreamsPerManager streams, so 20 watches over kubectl proxy all run.
    static constexpr int kStreamsPerManager = 6;
    QNetworkAccessManager *acquireStreamManager();
    void releaseStreamManager(QNetworkAccessManager *manager);
    QNetworkAccessManager *newManager();
    QHash<QNetworkAccessManager *, int> m_streamManagers; // owned (children) → open streams
    AuthProvider *m_auth = nullptr;              // owned (child)
    TlsProxyForwarder *m_tlsProxy = nullptr;     // owned (child); only for an https:// proxy
    QSet<QObject *> m_pending;                   // ApiReply/ApiStream children not yet finished
    bool m_closed = false;
};

} // namespace Qluster
