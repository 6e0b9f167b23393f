// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "execsessions.h"

#include "apistatus.h"
#include "fieldselector.h"
#include "podshell.h"
#include "rbacauthorizer.h"
#include "sandboxauth.h"
#include "sandboxcontext.h"
#include "sandboxobjects.h"
#include "subresourcehandlers.h"
#include "api/labelselector.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

namespace Qluster {

using namespace SandboxObjects;

ExecSessions::ExecSessions(SandboxContext &context, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
{
}

void ExecSessions::start()
{
    if (m_webSockets)
        return;
    m_webSockets = new QWebSocketServer(QStringLiteral("qluster-sandbox"),
                                        QWebSocketServer::NonSecureMode, this);
    m_webSockets->setSupportedSubprotocols({QStringLiteral("v5.channel.k8s.io"),
                                            QStringLiteral("v4.channel.k8s.io")});
    connect(m_webSockets, &QWebSocketServer::newConnection, this, &ExecSessions::onWebSocket);
}

void ExecSessions::abortAll()
{
    const auto sockets = m_execSockets;
    for (const auto &s : sockets) {
        if (s)
            s->abort();
    }
    m_execSockets.clear();
}

void ExecSessions::onUpgrade(HttpConnection *connection, const HttpRequest &request)
{
    SandboxRequest r;
    r.connection = connection;
    r.http = request;
    auto reject = [&](const QJsonObject &status) {
        // The request was only peeked: consume it so the answer follows it, then close.
        connection->socket()->readAll();
        r.http.headers.insert("connection", "close");
        m_ctx.sendStatus(r, status);
        connection->socket()->disconnectFromHost();
    };
    const auto identity = m_ctx.auth->authenticate(connection, request);
    if (!identity) {
        reject(ApiStatus::unauthorized());
        return;
    }
    r.identity = *identity;
    const auto p = m_ctx.parseResourcePath(request.path);
    if (!p || !p->type || p->type->plural != QLatin1String("pods") || !p->type->group.isEmpty()
        || (p->subresource != QLatin1String("exec") && p->subresource != QLatin1String("attach"))) {
        reject(ApiStatus::notFound(QString(), QString()));
        return;
    }
    // Running a command needs `create` on pods/exec (or attach), as the POST of a SPDY exec does
    // and as a WebSocket upgrade does with the feature AuthorizePodWebsocketUpgradeCreatePermission:
    // `get` alone, which is all a GET upgrade was authorized with before, does not let anyone run
    // commands. (Upstream also checks `get` on the GET; a user with `create` only would then exec
    // over SPDY, which the sandbox does not serve, so the sandbox lets it in here.)
    const AccessAttributes a{r.identity.user, r.identity.groups, QStringLiteral("create"), QString(), QStringLiteral("pods"),
                             p->subresource, p->namespaceName, p->name, QString()};
    if (!RbacAuthorizer(m_ctx.store).allowed(a)) {
        reject(ApiStatus::forbidden(r.identity.user, QStringLiteral("create"), QStringLiteral("pods/") + p->subresource,
                                    QString(), p->namespaceName, p->name));
        return;
    }
    const QJsonObject *pod = m_ctx.store.get(podsGvr, p->namespaceName, p->name);
    if (!pod) {
        reject(ApiStatus::notFound(QStringLiteral("pods"), p->name));
        return;
    }
    auto container = SubresourceHandlers::chooseContainer(*pod, request.queryValue("container"));
    if (!container) {
        reject(ApiStatus::fromError(container.error()));
        return;
    }
    if (pod->value(kStatus).toObject().value(QLatin1String("phase")).toString() != QLatin1String("Running")) {
        reject(ApiStatus::badRequest(QStringLiteral("unable to upgrade connection: container not found (\"%1\")").arg(*container)));
        return;
    }
    Q_EMIT m_ctx.server.requestHandled(QString::fromLatin1(request.method), request.path, 101);
    m_ctx.connections.removeAll(QPointer<HttpConnection>(connection));
    QTcpSocket *socket = connection->release();
    socket->setParent(this);
    m_webSockets->handleConnection(socket);
}

void ExecSessions::onWebSocket()
{
    while (m_webSockets->hasPendingConnections()) {
        QWebSocket *ws = m_webSockets->nextPendingConnection();
        ws->setParent(this);
        m_execSockets << ws;
        const QUrl url = ws->requestUrl();
        const QUrlQuery query(url.query(QUrl::FullyEncoded).replace(QLatin1Char('+'), QStringLiteral("%20")));
        const auto p = m_ctx.parseResourcePath(url.path());
        const QJsonObject *podPtr = p ? m_ctx.store.get(podsGvr, p->namespaceName, p->name) : nullptr;
        if (!podPtr) {
            ws->close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("pod not found"));
            continue;
        }
        const QJsonObject pod = *podPtr;
        const QString container = SubresourceHandlers::chooseContainer(pod, query.queryItemValue(QStringLiteral("container"))).value_or(QString());
        QStringList argv;
        for (const auto &item : query.queryItems(QUrl::FullyDecoded)) {
            if (item.first == QLatin1String("command"))
                argv << item.second;
        }
        const bool stdinOpen = isTrue(query.queryItemValue(QStringLiteral("stdin")));
        const bool v5 = ws->subprotocol() == QLatin1String("v5.channel.k8s.io");
        auto shell = std::make_shared<PodShell>(pod, container);
        const bool tty = isTrue(query.queryItemValue(QStringLiteral("tty")));
        if (tty)
            shell->setTerminalSize(0, 0); // a terminal whose size the client has not sent yet
        auto send = [ws](char channel, const QByteArray &data) {
            if (!data.isEmpty())
                ws->sendBinaryMessage(QByteArray(QByteArray(1, channel) + data));
        };
        auto done = std::make_shared<bool>(false);
        auto finish = [ws, send, argv, v5, done](int exitCode) {
            if (*done)
                return; // one Status per session on the error channel
            *done = true;
            QJsonObject status{{QStringLiteral("metadata"), QJsonObject{}}};
            if (exitCode == 0) {
                status.insert(QStringLiteral("status"), QStringLiteral("Success"));
            } else {
                status.insert(QStringLiteral("status"), QStringLiteral("Failure"));
                status.insert(QStringLiteral("message"),
                              QStringLiteral("command terminated with non-zero exit code: error executing command [%1], exit code %2")
                                  .arg(argv.join(QLatin1Char(' '))).arg(exitCode));
                status.insert(QStringLiteral("reason"), QStringLiteral("NonZeroExitCode"));
                status.insert(QStringLiteral("details"),
                              QJsonObject{{QStringLiteral("causes"), QJsonArray{QJsonObject{{QStringLiteral("reason"), QStringLiteral("ExitCode")},
                                                                                             {QStringLiteral("message"), QString::number(exitCode)}}}}});
            }
            send(3, compact(status));
            Q_UNUSED(v5);
            ws->flush();
            QTimer::singleShot(50, ws, [ws] { ws->close(QWebSocketProtocol::CloseCodeNormal); });
        };
        if (argv.isEmpty()) {
            send(2, "no command given\n");
            finish(126);
            continue;
        }
        const bool interactive = stdinOpen && PodShell::isInteractiveShell(argv);
        if (!interactive) {
            // Give the client a moment to attach its readers before the output arrives.
            QTimer::singleShot(20, ws, [shell, argv, send, finish] {
                const PodShell::Output o = shell->run(argv);
                send(1, o.out);
                send(2, o.err);
                finish(o.exitCode);
            });
            continue;
        }
        // A shell prints its prompt only on a terminal.
        const QByteArray prompt = tty ? QByteArrayLiteral("# ") : QByteArray();
        auto pending = std::make_shared<QByteArray>();
        QTimer::singleShot(20, ws, [send, prompt] { send(1, prompt); });
        connect(ws, &QWebSocket::binaryMessageReceived, ws, [shell, pending, send, finish, prompt, tty](const QByteArray &message) {
            if (message.isEmpty())
                return;
            const char channel = message.at(0);
            if (channel == 0) {
                *pending += message.mid(1);
                qsizetype nl;
                while ((nl = pending->indexOf('\n')) >= 0 || (nl = pending->indexOf('\r')) >= 0) {
                    const QString line = QString::fromUtf8(pending->left(nl)).trimmed();
                    pending->remove(0, nl + 1);
                    if (tty)
                        send(1, QByteArray(line.toUtf8() + "\r\n")); // the terminal echoes input
                    const PodShell::Output o = shell->runLine(line);
                    send(1, o.out);
                    send(2, o.err);
                    if (o.exitRequested) {
                        finish(o.exitCode);
                        return;
                    }
                    send(1, prompt);
                }
            } else if (channel == 4) {
                // Resize (v4 and v5): {"Width": columns, "Height": rows}, remotecommand.TerminalSize.
                const QJsonObject size = QJsonDocument::fromJson(message.mid(1)).object();
                if (tty && size.value(QLatin1String("Width")).toInt() > 0 && size.value(QLatin1String("Height")).toInt() > 0)
                    shell->setTerminalSize(size.value(QLatin1String("Width")).toInt(), size.value(QLatin1String("Height")).toInt());
            } else if (uchar(channel) == 255 && message.size() > 1 && message.at(1) == 0) {
                finish(0); // v5: the client closed stdin
            }
        });
    }
}

} // namespace Qluster
