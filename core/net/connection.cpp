// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "connection.h"

#include "net/apierror.h"
#include "net/proxyselection.h"
#include "net/retryafter.h"
#include "net/tlsproxyforwarder.h"
#include "util/logging.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslKey>
#include <QSysInfo>

namespace Qluster {

namespace {

Result<QSslKey> parsePrivateKey(const QByteArray &pem)
{
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        const QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
        const QSslKey der(pem, algorithm, QSsl::Der, QSsl::PrivateKey);
        if (!der.isNull())
            return der;
    }
    return fail(Error::invalid(QStringLiteral("not an RSA, EC or DSA private key (PEM or DER)")));
}

QList<QSslCertificate> parseCertificates(const QByteArray &data)
{
    QList<QSslCertificate> certificates = QSslCertificate::fromData(data, QSsl::Pem);
    if (certificates.isEmpty())
        certificates = QSslCertificate::fromData(data, QSsl::Der);
    return certificates;
}

Error tlsSetupError(const QString &what, const QString &file, const QString &message)
{
    Error e;
    e.kind = Error::Kind::Tls;
    e.file = file;
    e.message = what + QStringLiteral(": ") + message;
    return e;
}

} // namespace

Connection::Connection(const ResolvedContext &context, const ConnectionOptions &options,
                       QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_options(options)
{
}

Connection::~Connection()
{
    m_closed = true;
    // Replies and streams go first, while the network managers still exist; no signals.
    const QSet<QObject *> pending = std::exchange(m_pending, {});
    for (QObject *p : pending)
        delete p;
}

Result<std::unique_ptr<Connection>> Connection::create(const ResolvedContext &context,
                                                       const ConnectionOptions &options,
                                                       QObject *parent)
{
    std::unique_ptr<Connection> connection(new Connection(context, options, parent));
    if (auto ok = connection->setUp(); !ok)
        return fail(ok.error());
    return connection;
}

Result<void> Connection::setUp()
{
    const KubeconfigCluster &cluster = m_context.cluster;
    const KubeconfigUser &user = m_context.user;
    m_server = QUrl(cluster.server, QUrl::StrictMode);
    const QString scheme = m_server.scheme();
    if (!m_server.isValid() || m_server.host().isEmpty()
        || (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        return fail(Error::invalid(QStringLiteral("cluster \"%1\": server \"%2\" is not an http(s) "
                                                  "URL")
                                       .arg(cluster.name, cluster.server)));

    m_ssl = QSslConfiguration::defaultConfiguration();
    m_ssl.setProtocol(QSsl::TlsV1_2OrLater);
    if (!cluster.certificateAuthorityData.isEmpty()) {
        if (cluster.insecureSkipTlsVerify)
            return fail(Error::invalid(
                QStringLiteral("cluster \"%1\": a certificate authority and "
                               "insecure-skip-tls-verify cannot both be set (kubectl refuses it too)")
                    .arg(cluster.name)));
        const QList<QSslCertificate> cas = parseCertificates(cluster.certificateAuthorityData);
        if (cas.isEmpty())
            return fail(tlsSetupError(QStringLiteral("cluster \"%1\" certificate-authority").arg(cluster.name),
                                      cluster.certificateAuthority,
                                      QStringLiteral("no PEM or DER certificate found")));
        m_ssl.setCaCertificates(cas);
    }
    if (cluster.insecureSkipTlsVerify) {
        m_ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        qCWarning(lcNet) << "TLS verification is disabled for cluster" << cluster.name
                         << "(insecure-skip-tls-verify)";
    }
    if (!user.clientCertificateData.isEmpty() || !user.clientKeyData.isEmpty()) {
        if (user.clientCertificateData.isEmpty() || user.clientKeyData.isEmpty())
            return fail(tlsSetupError(QStringLiteral("user \"%1\"").arg(user.name), QString(),
                                      QStringLiteral("client certificate and client key must be "
                                                     "given together")));
        const QList<QSslCertificate> chain = parseCertificates(user.clientCertificateData);
        if (chain.isEmpty())
            return fail(tlsSetupError(QStringLiteral("user \"%1\" client-certificate").arg(user.name),
                                      user.clientCertificate,
                                      QStringLiteral("no PEM or DER certificate found")));
        const auto key = parsePrivateKey(user.clientKeyData);
        if (!key)
            return fail(tlsSetupError(QStringLiteral("user \"%1\" client-key").arg(user.name),
                                      user.clientKey, key.error().message));
        m_ssl.setLocalCertificateChain(chain);
        m_ssl.setPrivateKey(*key);
    }

    // Qt sends one value per header name; Kubernetes reads repeated Impersonate-Group and
    // Impersonate-Extra-* headers and does not split a joined value, so refuse rather than
    // impersonate the wrong identity.
    if (user.impersonateGroups.size() > 1)
        return fail(Error::invalid(QStringLiteral("user \"%1\": impersonating more than one group "
                                                  "(as-groups) needs repeated headers, which this "
                                                  "build cannot send")
                                       .arg(user.name)));
    for (auto it = user.impersonateUserExtra.cbegin(); it != user.impersonateUserExtra.cend(); ++it) {
        if (it.value().size() > 1)
            return fail(Error::invalid(QStringLiteral("user \"%1\": as-user-extra \"%2\" has more "
                                                      "than one value, which needs repeated "
                                                      "headers that this build cannot send")
                                           .arg(user.name, it.key())));
    }

    auto proxy = selectProxy(m_server, cluster.proxyUrl, m_options.environment);
    if (!proxy)
        return fail(proxy.error());
    m_proxy = proxy->proxy;
    if (proxy->tls) {
        // Go's http.Transport verifies an https proxy with the transport's TLS config: the
        // cluster's CA (else the system's), insecure-skip-tls-verify included.
        m_tlsProxy = new TlsProxyForwarder(proxy->proxy, m_ssl, this);
        if (auto listening = m_tlsProxy->listen(); !listening)
            return fail(listening.error());
        m_proxy = m_tlsProxy->localProxy();
    }

    m_requests = newManager();
    m_auth = new AuthProvider(m_context, m_options.profile, m_requests, this);
    m_auth->setExecTimeoutMs(m_options.execTimeoutMs);
    m_auth->setEnvironment(m_options.environment);
    return {};
}

bool Connection::isInsecure() const
{
    return m_context.cluster.insecureSkipTlsVerify || m_server.scheme() == QLatin1String("http");
}

bool Connection::isUnencrypted() const
{
    return m_server.scheme() == QLatin1String("http");
}

QByteArray Connection::userAgent()
{
    return QStringLiteral("qluster/%1 (%2/%3)")
        .arg(QStringLiteral(QLUSTER_VERSION_STRING), QSysInfo::kernelType(),
             QSysInfo::currentCpuArchitecture())
        .toUtf8();
}

QUrl Connection::url(const ApiRequest &request) const
{
    return request.url(m_server, m_options.profile.pathPrefix);
}

QNetworkRequest Connection::networkRequest(const ApiRequest &request,
                                           const Credentials &credentials) const
{
    QNetworkRequest r(url(request));
    QSslConfiguration ssl = m_ssl;
    if (!credentials.clientCertificatePem.isEmpty()) {
        // A client certificate from an exec plugin replaces the kubeconfig's for this request.
        const QList<QSslCertificate> chain = parseCertificates(credentials.clientCertificatePem);
        const auto key = parsePrivateKey(credentials.clientKeyPem);
        if (!chain.isEmpty() && key) {
            ssl.setLocalCertificateChain(chain);
            ssl.setPrivateKey(*key);
        }
    }
    r.setSslConfiguration(ssl);
    if (!m_context.cluster.tlsServerName.isEmpty())
        r.setPeerVerifyName(m_context.cluster.tlsServerName);
    r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    r.setAttribute(QNetworkRequest::Http2AllowedAttribute, true);
    r.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    r.setRawHeader("User-Agent", userAgent());
    if (!request.accept.isEmpty())
        r.setRawHeader("Accept", request.accept);
    if (!request.body.isEmpty() || !request.contentType.isEmpty())
        r.setRawHeader("Content-Type", request.contentType.isEmpty()
                                           ? QByteArrayLiteral("application/json")
                                           : request.contentType);
    // Qt asks for gzip and inflates by itself; an explicit identity turns both off.
    if (m_context.cluster.disableCompression)
        r.setRawHeader("Accept-Encoding", "identity");
    if (!credentials.headerName.isEmpty())
        r.setRawHeader(credentials.headerName, credentials.headerValue);
    for (const auto &[name, value] : m_auth->impersonationHeaders())
        r.setRawHeader(name, value);
    for (const auto &[name, value] : m_options.profile.extraHeaders)
        r.setRawHeader(name, value);
    for (const auto &[name, value] : request.headers)
        r.setRawHeader(name, value);
    return r;
}

QNetworkReply *Connection::dispatch(QNetworkAccessManager *manager, const ApiRequest &request,
                                    const Credentials &credentials) const
{
    const QNetworkRequest r = networkRequest(request, credentials);
    if (request.body.isEmpty())
        return manager->sendCustomRequest(r, request.verb);
    return manager->sendCustomRequest(r, request.verb, request.body);
}

void Connection::requestCredentials(QObject *pending, const ApiRequest &request,
                                    std::function<void(Result<Credentials>)> done)
{
    if (m_closed) {
        done(fail(ApiError::cancelled(request.verb, url(request))));
        return;
    }
    m_auth->credentials(pending, [this, request, done = std::move(done)](const Result<Credentials> &credentials) {
        if (!credentials) {
            done(fail(credentials.error().withRequest(QString::fromLatin1(request.verb), url(request))));
            return;
        }
        done(*credentials);
    });
}

Error Connection::transportError(QNetworkReply *reply, const QList<QSslError> &sslErrors,
                                 const ApiRequest &request) const
{
    const QString host = m_context.cluster.tlsServerName.isEmpty() ? m_server.host()
                                                                   : m_context.cluster.tlsServerName;
    // A tunnel through an https proxy failed: the forwarder knows why (the proxy's answer, its
    // certificate), Qt only saw the forwarder's 502 (a proxy protocol error, which Qt reports as
    // UnknownNetworkError). Other failures (a watch dropped by the server) are not the proxy's.
    const QNetworkReply::NetworkError code = reply->error();
    const bool proxyFailure = code == QNetworkReply::UnknownNetworkError
                              || (code >= QNetworkReply::ProxyConnectionRefusedError
                                  && code <= QNetworkReply::UnknownProxyError);
    if (m_tlsProxy && sslErrors.isEmpty() && proxyFailure
        && !reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid()) {
        if (const auto failure = m_tlsProxy->lastFailure())
            return failure->withRequest(QString::fromLatin1(request.verb), reply->url());
    }
    if (!sslErrors.isEmpty())
        return ApiError::fromSslErrors(sslErrors, host, request.verb, reply->url());
    Error e = ApiError::fromNetworkError(reply->error(), reply->errorString(), request.verb,
                                         reply->url());
    if (reply->error() == QNetworkReply::SslHandshakeFailedError)
        e.message = QStringLiteral("TLS handshake with %1 failed: %2").arg(host, reply->errorString());
    return e;
}

int Connection::retryDelayMs(int retry, const QByteArray &retryAfter) const
{
    if (const auto wait = retryAfterMs(retryAfter, QDateTime::currentDateTimeUtc()))
        return int(std::min<qint64>(*wait, m_options.maxRetryDelayMs));
    const qint64 base = qint64(m_options.retryBaseDelayMs) << std::min(retry - 1, 16);
    // Jitter in [0.5, 1.5) of the base spreads clients that failed together.
    const qint64 jittered = base / 2 + qint64(QRandomGenerator::global()->bounded(double(base)));
    return int(std::min<qint64>(jittered, m_options.maxRetryDelayMs));
}

QNetworkAccessManager *Connection::newManager()
{
    auto *manager = new QNetworkAccessManager(this);
    manager->setProxy(m_proxy);
    manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    manager->setAutoDeleteReplies(false);
    return manager;
}

QNetworkAccessManager *Connection::acquireStreamManager()
{
    for (auto it = m_streamManagers.begin(); it != m_streamManagers.end(); ++it) {
        if (it.value() < kStreamsPerManager) {
            ++it.value();
            return it.key();
        }
    }
    QNetworkAccessManager *manager = newManager();
    m_streamManagers.insert(manager, 1);
    return manager;
}

void Connection::releaseStreamManager(QNetworkAccessManager *manager)
{
    const auto it = m_streamManagers.find(manager);
    if (it != m_streamManagers.end() && it.value() > 0)
        --it.value();
}

ApiReply *Connection::send(const ApiRequest &request)
{
    auto *reply = new ApiReply(this, request);
    m_pending.insert(reply);
    // Start from the event loop so that the caller can connect to finished() first.
    QMetaObject::invokeMethod(reply, &ApiReply::start, Qt::QueuedConnection);
    return reply;
}

void Connection::send(const ApiRequest &request, QObject *context,
                      std::function<void(const Result<ApiResponse> &)> callback)
{
    ApiReply *reply = send(request);
    connect(reply, &ApiReply::finished, context,
            [reply, callback = std::move(callback)] { callback(reply->result()); });
}

ApiStream *Connection::stream(const ApiRequest &request)
{
    auto *s = new ApiStream(this, request);
    m_pending.insert(s);
    QMetaObject::invokeMethod(s, &ApiStream::start, Qt::QueuedConnection);
    return s;
}

void Connection::close()
{
    m_closed = true;
    const QSet<QObject *> pending = m_pending;
    for (QObject *p : pending) {
        QPointer<QObject> guard(p);
        if (auto *reply = qobject_cast<ApiReply *>(p))
            reply->abort();
        else if (auto *s = qobject_cast<ApiStream *>(p))
            s->abort();
    }
    qCInfo(lcNet) << "closed connection to" << m_context.contextName;
    Q_EMIT closed();
}

int Connection::pendingCount() const
{
    return int(m_pending.size());
}

void Connection::forget(QObject *pending)
{
    m_pending.remove(pending);
}

} // namespace Qluster
