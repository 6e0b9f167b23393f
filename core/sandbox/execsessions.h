// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "httpconnection.h"

#include <QList>
#include <QObject>
#include <QPointer>

class QWebSocket;
class QWebSocketServer;

namespace Qluster {

struct SandboxContext;

/// ExecSessions runs pods/exec and pods/attach over WebSocket (v4/v5.channel.k8s.io): it
/// authorizes the upgrade, takes the connection over and plays a PodShell on its channels.
class ExecSessions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExecSessions)

public:
    explicit ExecSessions(SandboxContext &context, QObject *parent = nullptr);

    /// ExecSessions::start creates the WebSocket server (once).
    void start();
    /// ExecSessions::onUpgrade answers a connection's upgrade request.
    void onUpgrade(HttpConnection *connection, const HttpRequest &request);
    /// ExecSessions::abortAll closes every exec session.
    void abortAll();

private:
    void onWebSocket();

    SandboxContext &m_ctx;
    QWebSocketServer *m_webSockets = nullptr; // owned (child)
    QList<QPointer<QWebSocket>> m_execSockets;
};

} // namespace Qluster
