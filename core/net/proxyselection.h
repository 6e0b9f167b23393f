// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"

#include <QNetworkProxy>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

namespace Qluster {

/// ProxyChoice is the proxy selectProxy picked for a server.
struct ProxyChoice
{
    /// NoProxy, an HTTP CONNECT proxy or a SOCKS5 proxy, with the user info of its URL.
    QNetworkProxy proxy;
    /// An https:// proxy (`proxy` is then its HttpProxy address): Qt cannot speak TLS to a proxy,
    /// so Connection reaches it through a TlsProxyForwarder.
    bool tls = false;
};

/// selectProxy chooses the proxy for `server` as client-go does: the cluster's proxy-url (http,
/// https or socks5) when set, else HTTPS_PROXY / HTTP_PROXY (upper or lower case) unless NO_PROXY
/// matches the host; loopback hosts never use the environment's proxy.
Result<ProxyChoice> selectProxy(const QUrl &server, const QString &proxyUrl,
                                const QProcessEnvironment &environment);

/// noProxyMatches tells whether `host` (and `port`) is excluded by a NO_PROXY list: "*", host
/// names (matching sub-domains, a leading dot allowed), IP addresses, CIDR ranges, optional ports.
bool noProxyMatches(const QString &noProxy, const QString &host, int port);

} // namespace Qluster
