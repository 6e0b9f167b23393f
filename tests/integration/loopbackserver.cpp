// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "loopbackserver.h"

#include <memory>

#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpSocket>

namespace {
QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}
} // namespace

void LoopbackServer::Exchange::reply(int status, const QByteArray &body,
                                     const QList<QPair<QByteArray, QByteArray>> &headers)
{
    if (!socket)
        return;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &[name, value] : headers)
        head += name + ": " + value + "\r\n";
    head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
    socket->write(head + body);
}

void LoopbackServer::Exchange::beginChunked(int status)
{
    if (socket)
        socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
                      + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
}

void LoopbackServer::Exchange::writeChunk(const QByteArray &data)
{
    if (socket && !data.isEmpty())
        socket->write(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
}

void LoopbackServer::Exchange::endChunked()
{
    if (socket)
        socket->write("0\r\n\r\n");
}

bool LoopbackServer::Exchange::isOpen() const
{
    return socket && socket->state() == QAbstractSocket::ConnectedState;
}

LoopbackServer::LoopbackServer(QObject *parent)
    : QObject(parent)
{
}

LoopbackServer::~LoopbackServer() = default;

bool LoopbackServer::listen(const QSslConfiguration &ssl)
{
    m_tls = !ssl.privateKey().isNull();
    if (m_tls) {
        auto *server = new QSslServer(this);
        server->setSslConfiguration(ssl);
        connect(server, &QSslServer::sslErrors, this,
                [](QSslSocket *socket, const QList<QSslError> &) { socket->ignoreSslErrors(); });
        m_server = server;
    } else {
        m_server = new QTcpServer(this);
    }
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &LoopbackServer::onConnection);
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QUrl LoopbackServer::url() const
{
    QUrl url;
    url.setScheme(m_tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server->serverPort());
    return url;
}

void LoopbackServer::onConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        ++connectionCount;
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
        if (auto *ssl = qobject_cast<QSslSocket *>(socket))
            connect(ssl, &QSslSocket::sslErrors, ssl, [ssl] { ssl->ignoreSslErrors(); });
    }
}

void LoopbackServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    for (;;) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        Request request;
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        request.method = first.value(0);
        request.target = first.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                       lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = request.headers.value("content-length").toLongLong();
        if (buffer.size() < headerEnd + 4 + length)
            return;
        request.body = buffer.mid(headerEnd + 4, length);
        buffer.remove(0, headerEnd + 4 + length);
        if (auto *ssl = qobject_cast<QSslSocket *>(socket)) {
            if (!ssl->peerCertificate().isNull())
                request.peerCommonName = ssl->peerCertificate().subjectInfo(QSslCertificate::CommonName).value(0);
        }
        requests.append(request);
        Exchange exchange;
        exchange.socket = socket;
        if (m_handler)
            m_handler(request, exchange);
        else
            exchange.reply(404, "{}");
    }
}

ConnectProxy::ConnectProxy(QObject *parent)
    : QObject(parent)
{
}

namespace {

// Connects to host:port and, once connected, answers the client with reply and pipes bytes both
// ways (early: what the client sent after its request, forwarded first).
void tunnel(QTcpSocket *client, const QString &host, quint16 port, const QByteArray &reply,
            const QByteArray &early)
{
    auto *upstream = new QTcpSocket(client);
    QObject::connect(upstream, &QTcpSocket::connected, client, [client, upstream, reply, early] {
        client->write(reply);
        if (!early.isEmpty())
            upstream->write(early);
        QObject::connect(client, &QTcpSocket::readyRead, upstream,
                         [client, upstream] { upstream->write(client->readAll()); });
        if (client->bytesAvailable())
            upstream->write(client->readAll());
    });
    QObject::connect(upstream, &QTcpSocket::readyRead, client,
                     [client, upstream] { client->write(upstream->readAll()); });
    QObject::connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
    QObject::connect(client, &QTcpSocket::disconnected, upstream, &QTcpSocket::disconnectFromHost);
    upstream->connectToHost(host, port);
}

} // namespace

void ConnectProxy::onConnection()
{
    while (QTcpSocket *client = m_server->nextPendingConnection()) {
        if (qobject_cast<QSslSocket *>(client))
            ++tlsConnections;
        client->setParent(this);
        auto buffer = std::make_shared<QByteArray>(); // freed with the lambdas that hold it
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        connect(client, &QTcpSocket::readyRead, this, [this, client, buffer] {
            if (client->property("tunnel").toBool())
                return;
            *buffer += client->readAll();
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QList<QByteArray> lines = buffer->left(end).split('\n');
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            QByteArray authorization;
            for (const QByteArray &line : lines) {
                if (line.toLower().startsWith("proxy-authorization:"))
                    authorization = line.mid(20).trimmed();
            }
            lastProxyAuthorization = authorization;
            if (first.value(0) != "CONNECT") {
                client->write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n");
                client->disconnectFromHost();
                return;
            }
            if (!requiredAuthorization.isEmpty() && lastProxyAuthorization != requiredAuthorization) {
                ++refused;
                client->write("HTTP/1.1 407 Proxy Authentication Required\r\n"
                              "Proxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\n\r\n");
                client->disconnectFromHost();
                return;
            }
            const QByteArray target = first.value(1);
            targets.append(target);
            const QByteArray rest = buffer->mid(end + 4);
            client->setProperty("tunnel", true);
            const qsizetype colon = target.lastIndexOf(':');
            tunnel(client, QString::fromLatin1(target.left(colon)), quint16(target.mid(colon + 1).toUInt()),
                   "HTTP/1.1 200 Connection established\r\n\r\n", rest);
        });
    }
}

bool ConnectProxy::listen(const QSslConfiguration &ssl)
{
    if (!ssl.privateKey().isNull()) {
        auto *server = new QSslServer(this);
        server->setSslConfiguration(ssl);
        m_server = server;
    } else {
        m_server = new QTcpServer(this);
    }
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &ConnectProxy::onConnection);
    return m_server->listen(QHostAddress::LocalHost, 0);
}

Socks5Proxy::Socks5Proxy(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            client->setParent(this);
            auto buffer = std::make_shared<QByteArray>(); // freed with the lambdas that hold them
            auto stage = std::make_shared<int>(0); // 0: greeting, 1: request, 2: piping
            connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
            connect(client, &QTcpSocket::readyRead, this, [this, client, buffer, stage] {
                if (*stage == 2)
                    return;
                *buffer += client->readAll();
                if (*stage == 0) {
                    if (buffer->size() < 2 || buffer->size() < 2 + quint8(buffer->at(1)))
                        return;
                    buffer->remove(0, 2 + quint8(buffer->at(1)));
                    client->write(QByteArray("\x05\x00", 2)); // no authentication
                    *stage = 1;
                }
                if (buffer->size() < 5)
                    return;
                QString host;
                qsizetype at = 4;
                const char type = buffer->at(3);
                if (type == 1) {
                    if (buffer->size() < 10)
                        return;
                    host = QStringLiteral("%1.%2.%3.%4").arg(quint8(buffer->at(4))).arg(quint8(buffer->at(5)))
                               .arg(quint8(buffer->at(6))).arg(quint8(buffer->at(7)));
                    at = 8;
                } else if (type == 3) {
                    const int length = quint8(buffer->at(4));
                    if (buffer->size() < 5 + length + 2)
                        return;
                    host = QString::fromLatin1(buffer->mid(5, length));
                    at = 5 + length;
                } else {
                    client->write(QByteArray("\x05\x08\x00\x01\0\0\0\0\0\0", 10));
                    client->disconnectFromHost();
                    return;
                }
                const quint16 port = quint16((quint8(buffer->at(at)) << 8) | quint8(buffer->at(at + 1)));
                buffer->remove(0, at + 2);
                *stage = 2;
                targets.append(host.toLatin1() + ':' + QByteArray::number(port));
                tunnel(client, host, port, QByteArray("\x05\x00\x00\x01\x7f\x00\x00\x01\x00\x00", 10),
                       *buffer);
            });
        }
    });
}

bool Socks5Proxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}
