// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QTcpSocket>
#include <QUrlQuery>

namespace Qluster {

/// HttpRequest is one parsed HTTP/1.1 request; header names are lower-case.
struct HttpRequest
{
    QByteArray method;
    QByteArray target;   ///< as sent: path plus query
    QString path;        ///< percent-decoded path
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers;
    QByteArray body;

    QByteArray header(const char *lowerCaseName) const { return headers.value(QByteArray(lowerCaseName)); }
    QString queryValue(const char *name) const
    {
        return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    }
};

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

/// HttpConnection serves HTTP/1.1 on one accepted socket: keep-alive, Content-Length and chunked
/// request bodies with a size limit (413), plain and chunked streaming responses, and detection of
/// WebSocket upgrades (reported before any byte of the request is consumed).
class HttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    /// HttpConnection takes over `socket` (re-parented to this object).
    HttpConnection(QTcpSocket *socket, qint64 maxBodyBytes, QObject *parent = nullptr);
    ~HttpConnection() override;

    QTcpSocket *socket() const { return m_socket; }

    /// HttpConnection::respond writes a complete response and goes on with the next request.
    void respond(int status, const HttpHeaders &headers, const QByteArray &body);

    /// HttpConnection::respondTruncated announces `body` but sends only its first half, then closes.
    void respondTruncated(int status, const HttpHeaders &headers, const QByteArray &body);

    /// HttpConnection::beginStream starts a chunked response (watch, log follow).
    void beginStream(int status, const HttpHeaders &headers);
    /// HttpConnection::writeChunk sends one chunk and flushes it.
    void writeChunk(const QByteArray &data);
    /// HttpConnection::endStream ends the chunked response.
    void endStream();
    bool isStreaming() const { return m_streaming; }

    /// HttpConnection::release detaches the socket for a protocol upgrade; this object is deleted later.
    QTcpSocket *release();

    /// HttpConnection::abort drops the connection without a response.
    void abort();

    static QByteArray reasonPhrase(int status);

Q_SIGNALS:
    void requestReceived(Qluster::HttpConnection *connection, const Qluster::HttpRequest &request);
    /// upgradeRequested: the peeked request asks for a WebSocket; nothing was read from the socket.
    void upgradeRequested(Qluster::HttpConnection *connection, const Qluster::HttpRequest &request);
    void closed(Qluster::HttpConnection *connection);

private:
    void onReadyRead();
    void processBuffer();
    bool parseHead(const QByteArray &head, HttpRequest *request, QByteArray *error);
    void writeHead(int status, const HttpHeaders &headers, qint64 contentLength, bool chunked);
    void finishResponse();
    void fail(int status, const QByteArray &message);

    QPointer<QTcpSocket> m_socket; // owned
    qint64 m_maxBodyBytes;
    QByteArray m_buffer;
    bool m_busy = false;      ///< a request is being answered
    bool m_streaming = false;
    bool m_closeAfter = false;
    bool m_released = false;
    bool m_closedEmitted = false;
    qint64 m_discard = 0;     ///< bytes of a refused (413) body still to read and drop
};

} // namespace Qluster
