// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"

#include <QNetworkProxy>
#include <QObject>
#include <QSslConfiguration>
#include <QTcpServer>

#include <optional>

namespace Qluster {

/// TlsProxyForwarder lets Qt, which speaks only plain HTTP to a proxy, use an https:// proxy: it
/// listens on 127.0.0.1 as an HTTP CONNECT proxy (localProxy()) and, for every tunnel Qt opens,
/// connects to the real proxy over TLS, forwards the CONNECT request with Proxy-Authorization from
/// the proxy URL's user info, and then pipes bytes both ways. The proxy's certificate is verified
/// with the TLS configuration it is given, as Go's http.Transport verifies an https proxy with
/// the transport's own TLS config (client-go: the cluster's CA, or the system's). The loopback
/// hop is guarded by a random credential that only localProxy() carries, so other local users
/// cannot tunnel through the user's proxy (and its credentials) by finding the port.
class TlsProxyForwarder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TlsProxyForwarder)
public:
    /// TlsProxyForwarder::TlsProxyForwarder forwards to `proxy` (its host, port, user, password)
    /// over TLS configured by `tls`.
    TlsProxyForwarder(
        const QNetworkProxy &proxy, const QSslConfiguration &tls, QObject *parent = nullptr);
    ~TlsProxyForwarder() override;

    /// TlsProxyForwarder::listen opens the loopback listener on a free port.
    Result<void> listen();

    /// TlsProxyForwarder::localProxy is the plain HTTP proxy Qt must use (tunnels only).
    QNetworkProxy localProxy() const;

    /// TlsProxyForwarder::proxyName is "https://host:port" of the real proxy, without user info.
    QString proxyName() const;

    /// TlsProxyForwarder::lastFailure is why the last tunnel failed (the proxy's answer, a TLS or
    /// network error, naming the proxy), or nothing once a later tunnel was established.
    std::optional<Error> lastFailure() const { return m_lastFailure; }

private:
    friend class ProxyTunnel;
    void onNewConnection();
    void tunnelFailed(const Error &error);
    void tunnelEstablished();

    QNetworkProxy m_proxy;
    QSslConfiguration m_tls;
    QTcpServer m_server;
    QString m_localSecret; // the password of localProxy(); never leaves this process
    std::optional<Error> m_lastFailure;
};

} // namespace Qluster
