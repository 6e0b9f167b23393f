// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QUrl>

#include <functional>

class QTcpSocket;

/// LoopbackServer is a minimal HTTP/1.1 server on 127.0.0.1 (plain or TLS) for client tests: each
/// request is recorded and answered by a handler that can reply at once or stream chunks.
class LoopbackServer final : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QByteArray method;
        QByteArray target; ///< path and query as sent
        QHash<QByteArray, QByteArray> headers; ///< names lower-cased
        QByteArray body;
        QString peerCommonName; ///< TLS client certificate CN, if any
        QByteArray path() const { return target.split('?').value(0); }
        QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    };

    class Exchange
    {
    public:
        void reply(int status, const QByteArray &body,
                   const QList<QPair<QByteArray, QByteArray>> &headers = {});
        void replyJson(int status, const QByteArray &json) { reply(status, json, {{"Content-Type", "application/json"}}); }
        void beginChunked(int status);
        void writeChunk(const QByteArray &data);
        void endChunked();
        bool isOpen() const;
        QPointer<QTcpSocket> socket;
    };

    using Handler = std::function<void(const Request &, Exchange &)>;

    explicit LoopbackServer(QObject *parent = nullptr);
    ~LoopbackServer() override;

    /// LoopbackServer::listen starts on 127.0.0.1 (a free port); TLS when `ssl` has a private key.
    bool listen(const QSslConfiguration &ssl = {});
    QUrl url() const;
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    QList<Request> requests;
    QList<Exchange> openStreams;
    int connectionCount = 0;

private:
    void onConnection();
    void onReadyRead(QTcpSocket *socket);

    QTcpServer *m_server = nullptr;
    bool m_tls = false;
    Handler m_handler;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

/// ConnectProxy is a tiny HTTP CONNECT proxy on 127.0.0.1 (plain, or TLS like an https:// proxy)
/// that pipes bytes to the target and records the targets it was asked for. With
/// requiredAuthorization set, a CONNECT without that Proxy-Authorization gets 407.
class ConnectProxy final : public QObject
{
    Q_OBJECT
public:
    explicit ConnectProxy(QObject *parent = nullptr);
    /// ConnectProxy::listen starts on a free port; TLS when `ssl` has a private key.
    bool listen(const QSslConfiguration &ssl = {});
    quint16 port() const { return m_server ? m_server->serverPort() : 0; }
    QList<QByteArray> targets;
    QByteArray lastProxyAuthorization;
    QByteArray requiredAuthorization;
    int refused = 0;
    int tlsConnections = 0;

private:
    void onConnection();

    QTcpServer *m_server = nullptr; // owned (child)
};

/// Socks5Proxy is a tiny SOCKS5 proxy (no authentication, CONNECT only) on 127.0.0.1 that pipes
/// bytes to the target and records the targets it was asked for.
class Socks5Proxy final : public QObject
{
    Q_OBJECT
public:
    explicit Socks5Proxy(QObject *parent = nullptr);
    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    QList<QByteArray> targets;

private:
    QTcpServer m_server;
};
