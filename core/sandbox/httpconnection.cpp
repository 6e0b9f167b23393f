// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "httpconnection.h"

#include "util/logging.h"

#include <QDateTime>
#include <QLocale>
#include <QTimer>
#include <QUrl>

namespace Qluster {

namespace {
constexpr qsizetype maxHeadBytes = 1024 * 1024;
const QByteArray headEnd("\r\n\r\n");
}

HttpConnection::HttpConnection(QTcpSocket *socket, qint64 maxBodyBytes, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_maxBodyBytes(maxBodyBytes)
{
    socket->setParent(this);
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, [this] {
        if (!m_closedEmitted && !m_released) {
            m_closedEmitted = true;
            Q_EMIT closed(this);
        }
        deleteLater();
    });
    if (socket->bytesAvailable() > 0)
        QTimer::singleShot(0, this, &HttpConnection::onReadyRead);
}

HttpConnection::~HttpConnection() = default;

QByteArray HttpConnection::reasonPhrase(int status)
{
    switch (status) {
    case 101: return "Switching Protocols";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 413: return "Request Entity Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Status";
    }
}

void HttpConnection::onReadyRead()
{
    if (!m_socket || m_released)
        return;
    if (m_discard > 0) {
        // Drain the refused body so the client reads our 413 instead of a reset connection.
        const QByteArray dropped = m_socket->read(m_discard);
        m_discard -= dropped.size();
        if (m_discard <= 0)
            m_socket->disconnectFromHost();
        return;
    }
    if (m_buffer.isEmpty() && !m_busy) {
        // Peek first: a WebSocket upgrade must reach QWebSocketServer with its bytes unread.
        const QByteArray peeked = m_socket->peek(maxHeadBytes);
        const qsizetype end = peeked.indexOf(headEnd);
        if (end < 0) {
            if (peeked.size() >= maxHeadBytes)
                fail(431, "request header too large");
            return;
        }
        HttpRequest request;
        QByteArray error;
        if (parseHead(peeked.left(end), &request, &error)
            && request.header("upgrade").toLower() == "websocket") {
            Q_EMIT upgradeRequested(this, request);
            return;
        }
    }
    if (m_busy) {
        m_buffer += m_socket->readAll();
        return;
    }
    m_buffer += m_socket->readAll();
    processBuffer();
}

bool HttpConnection::parseHead(const QByteArray &head, HttpRequest *request, QByteArray *error)
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
        *error = "malformed request line";
        return false;
    }
    request->method = requestLine.at(0);
    request->target = requestLine.at(1);
    if (!request->target.startsWith('/')) {
        *error = "malformed request target";
        return false;
    }
    const qsizetype q = request->target.indexOf('?');
    const QByteArray rawPath = q < 0 ? request->target : request->target.left(q);
    request->path = QUrl::fromPercentEncoding(rawPath);
    if (q >= 0)
        // Go encodes spaces in query values as '+' (a literal '+' arrives as %2B).
        request->query = QUrlQuery(QString::fromUtf8(request->target.mid(q + 1).replace('+', "%20")));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            *error = "malformed header line";
            return false;
        }
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (request->headers.contains(name))
            request->headers[name] += ", " + value;
        else
            request->headers.insert(name, value);
    }
    return true;
}

void HttpConnection::processBuffer()
{
    while (!m_busy && m_socket && !m_released) {
        const qsizetype end = m_buffer.indexOf(headEnd);
        if (end < 0) {
            if (m_buffer.size() > maxHeadBytes)
                fail(431, "request header too large");
            return;
        }
        HttpRequest request;
        QByteArray error;
        if (!parseHead(m_buffer.left(end), &request, &error)) {
            fail(400, error);
            return;
        }
        qsizetype bodyStart = end + headEnd.size();
        const QByteArray transferEncoding = request.header("transfer-encoding").toLower();
        if (transferEncoding.contains("chunked")) {
            QByteArray body;
            qsizetype pos = bodyStart;
            bool complete = false;
            while (true) {
                const qsizetype lineEnd = m_buffer.indexOf("\r\n", pos);
                if (lineEnd < 0)
                    break;
                bool ok = false;
                const QByteArray sizeField = m_buffer.mid(pos, lineEnd - pos).split(';').value(0).trimmed();
                const qint64 size = sizeField.toLongLong(&ok, 16);
                if (!ok || size < 0) {
                    fail(400, "malformed chunk size");
                    return;
                }
                if (body.size() + size > m_maxBodyBytes) {
                    fail(413, "request body too large");
                    return;
                }
                if (size == 0) {
                    const qsizetype trailerEnd = m_buffer.indexOf("\r\n", lineEnd + 2);
                    if (trailerEnd < 0)
                        break;
                    // Skip optional trailers up to the empty line.
                    qsizetype t = lineEnd + 2;
                    bool done = false;
                    while (true) {
                        const qsizetype e = m_buffer.indexOf("\r\n", t);
                        if (e < 0)
                            break;
                        if (e == t) {
                            pos = e + 2;
                            done = true;
                            break;
                        }
                        t = e + 2;
                    }
                    complete = done;
                    break;
                }
                if (m_buffer.size() < lineEnd + 2 + size + 2)
                    break;
                body += m_buffer.mid(lineEnd + 2, size);
                pos = lineEnd + 2 + size + 2;
            }
            if (!complete)
                return;
            request.body = body;
            m_buffer.remove(0, pos);
        } else {
            qint64 length = 0;
            const QByteArray cl = request.header("content-length");
            if (!cl.isEmpty()) {
                bool ok = false;
                length = cl.toLongLong(&ok);
                if (!ok || length < 0) {
                    fail(400, "malformed Content-Length");
                    return;
                }
            }
            if (length > m_maxBodyBytes) {
                const qint64 buffered = m_buffer.size() - bodyStart;
                m_discard = qMax<qint64>(0, length - buffered);
                fail(413, "request body too large");
                return;
            }
            if (m_buffer.size() < bodyStart + length)
                return;
            request.body = m_buffer.mid(bodyStart, length);
            m_buffer.remove(0, bodyStart + length);
        }
        m_closeAfter = request.header("connection").toLower().contains("close");
        m_busy = true;
        Q_EMIT requestReceived(this, request);
    }
}

void HttpConnection::writeHead(int status, const HttpHeaders &headers, qint64 contentLength,
                               bool chunked)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &[name, value] : headers)
        head += name + ": " + value + "\r\n";
    // IMF-fixdate (RFC 9110), e.g. "Mon, 23 Nov 2026 08:00:00 GMT".
    head += "Date: "
            + QLocale::c().toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1()
            + "\r\n";
    if (chunked)
        head += "Transfer-Encoding: chunked\r\n";
    else
        head += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    if (m_closeAfter)
        head += "Connection: close\r\n";
    head += "\r\n";
    m_socket->write(head);
}

void HttpConnection::respond(int status, const HttpHeaders &headers, const QByteArray &body)
{
    if (!m_socket || m_released)
        return;
    writeHead(status, headers, body.size(), false);
    m_socket->write(body);
    finishResponse();
}

void HttpConnection::respondTruncated(int status, const HttpHeaders &headers, const QByteArray &body)
{
    if (!m_socket || m_released)
        return;
    writeHead(status, headers, body.size(), false);
    m_socket->write(body.left(body.size() / 2));
    m_socket->flush();
    m_busy = true;
    m_socket->disconnectFromHost();
}

void HttpConnection::beginStream(int status, const HttpHeaders &headers)
{
    if (!m_socket || m_released)
        return;
    m_streaming = true;
    writeHead(status, headers, 0, true);
    m_socket->flush();
}

void HttpConnection::writeChunk(const QByteArray &data)
{
    if (!m_socket || !m_streaming || data.isEmpty())
        return;
    m_socket->write(QByteArray(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n"));
    m_socket->flush();
}

void HttpConnection::endStream()
{
    if (!m_socket || !m_streaming)
        return;
    m_streaming = false;
    m_socket->write("0\r\n\r\n");
    finishResponse();
}

void HttpConnection::finishResponse()
{
    m_busy = false;
    if (!m_socket)
        return;
    m_socket->flush();
    if (m_closeAfter) {
        if (m_discard <= 0) // else closed once the refused body is drained
            m_socket->disconnectFromHost();
        return;
    }
    if (!m_buffer.isEmpty() || m_socket->bytesAvailable() > 0)
        QTimer::singleShot(0, this, [this] {
            if (m_socket)
                m_buffer += m_socket->readAll();
            processBuffer();
        });
}

void HttpConnection::fail(int status, const QByteArray &message)
{
    qCDebug(lcSandbox) << "bad HTTP request:" << message;
    m_closeAfter = true;
    m_buffer.clear();
    const QByteArray body = R"({"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":")"
                            + message + R"(","reason":")" + (status == 413 ? QByteArray("RequestEntityTooLarge") : QByteArray("BadRequest"))
                            + R"(","code":)" + QByteArray::number(status) + "}";
    m_busy = true;
    respond(status, {{"Content-Type", "application/json"}}, body);
    m_busy = true; // no further requests on this connection
}

QTcpSocket *HttpConnection::release()
{
    m_released = true;
    QTcpSocket *s = m_socket;
    if (s) {
        disconnect(s, nullptr, this, nullptr);
        s->setParent(nullptr);
    }
    m_socket = nullptr;
    deleteLater();
    return s;
}

void HttpConnection::abort()
{
    if (m_socket)
        m_socket->abort();
}

} // namespace Qluster
