// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "tlsproxyforwarder.h"

#include "net/apierror.h"
#include "util/logging.h"

#include <QRandomGenerator>
#include <QSslSocket>
#include <QTcpSocket>

namespace Qluster {

namespace {

// A CONNECT request or answer larger than this is not a proxy talking.
constexpr qsizetype kMaxHeaderBytes = 64 * 1024;

// The user name of the forwarder's loopback credential (the password is random per forwarder).
const QString kLocalUser = QStringLiteral("qluster");

Error networkError(const QString &message)
{
    Error e;
    e.kind = Error::Kind::Network;
    e.message = message;
    return e;
}

} // namespace

/// ProxyTunnel is one tunnel Qt asked for: the loopback socket from Qt and the TLS socket to the
/// real proxy. It deletes itself when either side is gone.
class ProxyTunnel final : public QObject
{
    Q_DISABLE_COPY_MOVE(ProxyTunnel)
public:
    ProxyTunnel(TlsProxyForwarder *forwarder, QTcpSocket *client);
    ~ProxyTunnel() override { wipeConnect(); }

private:
    enum class State { Request, Connecting, Answer, Piping, Done };

    void onClientData();
    void onUpstreamData();
    void onUpstreamError(QAbstractSocket::SocketError error);
    void startUpstream(const QByteArray &header);
    void failTunnel(const Error &error);
    void finishIfClosed();
    void wipeConnect()
    {
        m_connect.fill('\0'); // it may hold the proxy's credentials
        m_connect.clear();
    }

    TlsProxyForwarder *m_forwarder; // not owned (parent)
    QTcpSocket *m_client; // owned (child)
    QSslSocket *m_upstream; // owned (child)
    State m_state = State::Request;
    QByteArray m_fromClient; // bytes from Qt not yet sent upstream
    QByteArray m_answer; // the proxy's answer to CONNECT, until complete
    QByteArray m_connect; // the CONNECT request for the proxy (may hold Proxy-Authorization)
    QByteArray m_target;
    QList<QSslError> m_sslErrors;
    int m_refusals = 0; // CONNECTs without the forwarder's local credential
};

ProxyTunnel::ProxyTunnel(TlsProxyForwarder *forwarder, QTcpSocket *client)
    : QObject(forwarder)
    , m_forwarder(forwarder)
    , m_client(client)
    , m_upstream(new QSslSocket(this))
{
    m_client->setParent(this);
    connect(m_client, &QTcpSocket::readyRead, this, &ProxyTunnel::onClientData);
    connect(m_client, &QTcpSocket::disconnected, this, [this] {
        // Done first: aborting the upstream socket emits its disconnected(), which must not take
        // Qt's going away for the proxy's failure.
        const State was = std::exchange(m_state, State::Done);
        if (was == State::Piping)
            m_upstream->disconnectFromHost(); // after what is still queued
        else
            m_upstream->abort();
        finishIfClosed();
    });
    connect(m_upstream, &QSslSocket::encrypted, this, [this] {
        m_state = State::Answer;
        m_upstream->write(m_connect);
        wipeConnect();
    });
    connect(m_upstream, &QSslSocket::readyRead, this, &ProxyTunnel::onUpstreamData);
    connect(m_upstream, &QSslSocket::sslErrors, this,
        [this](const QList<QSslError> &errors) { m_sslErrors = errors; });
    connect(m_upstream, &QSslSocket::errorOccurred, this, &ProxyTunnel::onUpstreamError);
    connect(m_upstream, &QSslSocket::disconnected, this, [this] {
        if (m_state == State::Answer) {
            failTunnel(
                networkError(QStringLiteral("proxy %1 closed the connection before "
                                            "answering CONNECT %2")
                                 .arg(m_forwarder->proxyName(), QString::fromLatin1(m_target))));
            return;
        }
        if (m_state == State::Piping)
            m_client->disconnectFromHost();
        m_state = State::Done;
        finishIfClosed();
    });
    onClientData();
}

void ProxyTunnel::onUpstreamError(QAbstractSocket::SocketError error)
{
    if (m_state == State::Connecting || m_state == State::Answer) {
        const QString host = m_forwarder->m_proxy.hostName();
        Error e;
        if (!m_sslErrors.isEmpty()) {
            e = ApiError::fromSslErrors(m_sslErrors, host, {}, {});
            e.message = QStringLiteral("proxy %1: %2").arg(m_forwarder->proxyName(), e.message);
        } else if (error == QAbstractSocket::SslHandshakeFailedError) {
            e.kind = Error::Kind::Tls;
            e.message = QStringLiteral("proxy %1: TLS handshake failed: %2")
                            .arg(m_forwarder->proxyName(), m_upstream->errorString());
        } else {
            e = networkError(QStringLiteral("proxy %1: %2")
                                 .arg(m_forwarder->proxyName(), m_upstream->errorString()));
        }
        failTunnel(e);
    }
}

void ProxyTunnel::onClientData()
{
    const QByteArray data = m_client->readAll();
    if (m_state == State::Piping) {
        m_upstream->write(data);
        return;
    }
    if (m_state == State::Done)
        return;
    m_fromClient += data;
    if (m_state != State::Request)
        return; // sent once the tunnel stands
    const qsizetype end = m_fromClient.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_fromClient.size() > kMaxHeaderBytes)
            failTunnel(networkError(QStringLiteral("the request to the proxy forwarder is too "
                                                   "large")));
        return;
    }
    const QByteArray header = m_fromClient.left(end);
    m_fromClient.remove(0, end + 4);
    startUpstream(header);
}

void ProxyTunnel::startUpstream(const QByteArray &header)
{
    const QList<QByteArray> lines = header.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.value(0) != "CONNECT" || requestLine.size() != 3) {
        failTunnel(networkError(
            QStringLiteral("proxy %1: only tunnels (CONNECT) are forwarded, "
                           "not %2")
                .arg(m_forwarder->proxyName(), QString::fromLatin1(requestLine.value(0)))));
        return;
    }
    // Only Qt, which has the forwarder's local credential, may tunnel through it.
    const QByteArray expected = "Basic "
        + QString(kLocalUser + QLatin1Char(':') + m_forwarder->m_localSecret).toUtf8().toBase64();
    bool authorized = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.toLower().startsWith("proxy-authorization:"))
            authorized = line.mid(int(sizeof("proxy-authorization:")) - 1).trimmed() == expected;
    }
    if (!authorized) {
        // Qt answers the challenge on the same connection with the credential of localProxy().
        m_client->write("HTTP/1.1 407 Proxy Authentication Required\r\n"
                        "Proxy-Authenticate: Basic realm=\"qluster\"\r\n"
                        "Content-Length: 0\r\n\r\n");
        if (++m_refusals > 1) {
            m_state = State::Done;
            m_client->disconnectFromHost();
            finishIfClosed();
            return;
        }
        if (m_fromClient.contains("\r\n\r\n"))
            onClientData(); // the next request came with this one
        return;
    }
    m_target = requestLine.value(1);
    m_connect = lines.value(0).trimmed() + "\r\n";
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (!line.isEmpty() && !line.toLower().startsWith("proxy-authorization:"))
            m_connect += line + "\r\n";
    }
    // Go's http.Transport sends the proxy URL's user info as Basic Proxy-Authorization.
    const QNetworkProxy &proxy = m_forwarder->m_proxy;
    if (!proxy.user().isEmpty()) {
        m_connect += "Proxy-Authorization: Basic "
            + QString(proxy.user() + QLatin1Char(':') + proxy.password()).toUtf8().toBase64()
            + "\r\n";
    }
    m_connect += "\r\n";
    m_state = State::Connecting;
    QSslConfiguration tls = m_forwarder->m_tls;
    tls.setAllowedNextProtocols({}); // the proxy speaks HTTP/1.1 CONNECT, whatever the tunnel holds
    m_upstream->setSslConfiguration(tls);
    m_upstream->setPeerVerifyName(proxy.hostName());
    m_upstream->connectToHostEncrypted(proxy.hostName(), proxy.port());
}

void ProxyTunnel::onUpstreamData()
{
    if (m_state == State::Piping) {
        m_client->write(m_upstream->readAll());
        return;
    }
    if (m_state != State::Answer) {
        m_upstream->readAll();
        return;
    }
    m_answer += m_upstream->readAll();
    const qsizetype end = m_answer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_answer.size() > kMaxHeaderBytes)
            failTunnel(networkError(QStringLiteral("proxy %1 sent an answer too large to be "
                                                   "an HTTP header")
                                        .arg(m_forwarder->proxyName())));
        return;
    }
    const QByteArray statusLine = m_answer.left(m_answer.indexOf("\r\n")).trimmed();
    const QList<QByteArray> parts = statusLine.split(' ');
    bool numeric = false;
    const int status = parts.value(1).toInt(&numeric);
    if (!parts.value(0).startsWith("HTTP/1.") || !numeric) {
        failTunnel(
            networkError(QStringLiteral("proxy %1 did not answer CONNECT with HTTP: %2")
                             .arg(m_forwarder->proxyName(), ApiError::quoted(statusLine, 120))));
        return;
    }
    if (status != 200) {
        const QString reason = QString::fromLatin1(statusLine.mid(statusLine.indexOf(' ') + 1));
        failTunnel(networkError(QStringLiteral("proxy %1 refused CONNECT %2: %3")
                                    .arg(m_forwarder->proxyName(), QString::fromLatin1(m_target),
                                        ApiError::quoted(reason.toUtf8(), 120))));
        return;
    }
    m_state = State::Piping;
    m_forwarder->tunnelEstablished();
    // Qt reads the proxy's 200 itself; anything after it already belongs to the tunnel.
    m_client->write(m_answer);
    m_answer.clear();
    if (!m_fromClient.isEmpty())
        m_upstream->write(std::exchange(m_fromClient, {}));
}

void ProxyTunnel::failTunnel(const Error &error)
{
    if (m_state == State::Done)
        return;
    m_state = State::Done;
    wipeConnect();
    qCInfo(lcNet).noquote() << "https proxy tunnel failed:" << error.message;
    m_forwarder->tunnelFailed(error);
    m_upstream->abort();
    // Qt sees a gateway error; Connection then reports lastFailure(), which says what happened.
    m_client->write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    m_client->disconnectFromHost();
    finishIfClosed();
}

void ProxyTunnel::finishIfClosed()
{
    if (m_client->state() == QAbstractSocket::UnconnectedState
        && m_upstream->state() == QAbstractSocket::UnconnectedState)
        deleteLater();
}

TlsProxyForwarder::TlsProxyForwarder(
    const QNetworkProxy &proxy, const QSslConfiguration &tls, QObject *parent)
    : QObject(parent)
    , m_proxy(proxy)
    , m_tls(tls)
{
    QByteArray secret(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(secret.begin(), secret.end());
    m_localSecret = QString::fromLatin1(secret.toHex());
    connect(&m_server, &QTcpServer::newConnection, this, &TlsProxyForwarder::onNewConnection);
}

TlsProxyForwarder::~TlsProxyForwarder() = default;

Result<void> TlsProxyForwarder::listen()
{
    if (!m_server.listen(QHostAddress::LocalHost, 0))
        return fail(networkError(QStringLiteral("cannot open the local forwarder for proxy %1: %2")
                                     .arg(proxyName(), m_server.errorString())));
    return {};
}

QNetworkProxy TlsProxyForwarder::localProxy() const
{
    QNetworkProxy local(
        QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), m_server.serverPort());
    // Tunnels only, also for http:// servers: a caching (GET via the proxy) request would carry
    // no Proxy-Authorization on keep-alive requests and is not forwarded.
    local.setCapabilities(QNetworkProxy::TunnelingCapability);
    local.setUser(kLocalUser);
    local.setPassword(m_localSecret);
    return local;
}

QString TlsProxyForwarder::proxyName() const
{
    return QStringLiteral("https://%1:%2").arg(m_proxy.hostName()).arg(m_proxy.port());
}

void TlsProxyForwarder::onNewConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection())
        new ProxyTunnel(this, client);
}

void TlsProxyForwarder::tunnelFailed(const Error &error)
{
    m_lastFailure = error;
}

void TlsProxyForwarder::tunnelEstablished()
{
    m_lastFailure.reset();
}

} // namespace Qluster
