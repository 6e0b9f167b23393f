// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"

#include <QNetworkProxy>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

namespace Qluster {

/// selectProxy chooses the proxy for `server` as client-go does: the cluster's proxy-url (http or
/// socks5) when set, else HTTPS_PROXY / HTTP_PROXY (upper or lower case) unless NO_PROXY matches
/// the host; loopback hosts never use the environment's proxy. An https:// proxy-url is refused:
/// Qt cannot speak TLS to a proxy.
Result<QNetworkProxy> selectProxy(const QUrl &server, const QString &proxyUrl,
                                  const QProcessEnvironment &environment);

/// noProxyMatches tells whether `host` (and `port`) is excluded by a NO_PROXY list: "*", host
/// names (matching sub-domains, a leading dot allowed), IP addresses, CIDR ranges, optional ports.
bool noProxyMatches(const QString &noProxy, const QString &host, int port);

} // namespace Qluster
