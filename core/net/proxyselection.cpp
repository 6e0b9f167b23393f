// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "proxyselection.h"

#include <QHostAddress>

namespace Qluster {

namespace {

QString envValue(const QProcessEnvironment &env, const QString &upper)
{
    const QString value = env.value(upper);
    return value.isEmpty() ? env.value(upper.toLower()) : value;
}

Result<ProxyChoice> proxyFromUrl(const QString &text, const QString &what)
{
    QUrl url(text.contains(QStringLiteral("://")) ? text : QString(QStringLiteral("http://") + text));
    if (!url.isValid() || url.host().isEmpty())
        return fail(Error::invalid(QStringLiteral("%1: invalid proxy URL").arg(what)));
    const QString scheme = url.scheme().toLower();
    ProxyChoice choice;
    QNetworkProxy &proxy = choice.proxy;
    if (scheme == QLatin1String("http")) {
        proxy.setType(QNetworkProxy::HttpProxy);
        proxy.setPort(static_cast<quint16>(url.port(80)));
    } else if (scheme == QLatin1String("https")) {
        proxy.setType(QNetworkProxy::HttpProxy);
        proxy.setPort(static_cast<quint16>(url.port(443)));
        choice.tls = true;
    } else if (scheme == QLatin1String("socks5") || scheme == QLatin1String("socks5h")) {
        proxy.setType(QNetworkProxy::Socks5Proxy);
        proxy.setPort(static_cast<quint16>(url.port(1080)));
    } else {
        return fail(Error::invalid(
            QStringLiteral("%1: unsupported proxy scheme \"%2\" (http, https, socks5)")
                .arg(what, scheme)));
    }
    proxy.setHostName(url.host());
    if (!url.userName().isEmpty()) {
        proxy.setUser(url.userName());
        proxy.setPassword(url.password());
    }
    return choice;
}

bool isLoopback(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

bool noProxyMatches(const QString &noProxy, const QString &host, int port)
{
    const QHostAddress address(host);
    for (QString entry : noProxy.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        entry = entry.trimmed().toLower();
        if (entry.isEmpty())
            continue;
        if (entry == QLatin1String("*"))
            return true;
        if (entry.contains(QLatin1Char('/'))) { // CIDR
            const auto subnet = QHostAddress::parseSubnet(entry);
            if (!address.isNull() && subnet.first.protocol() == address.protocol()
                && address.isInSubnet(subnet))
                return true;
            continue;
        }
        int entryPort = -1;
        const qsizetype colon = entry.lastIndexOf(QLatin1Char(':'));
        if (colon > 0 && !entry.contains(QLatin1Char(']')) && entry.count(QLatin1Char(':')) == 1) {
            entryPort = entry.mid(colon + 1).toInt();
            entry.truncate(colon);
        }
        if (entryPort > 0 && entryPort != port)
            continue;
        const QHostAddress entryAddress(entry);
        if (!entryAddress.isNull()) {
            if (entryAddress.isEqual(address))
                return true;
            continue;
        }
        const QString h = host.toLower();
        const QString domain = entry.startsWith(QLatin1Char('.')) ? entry.mid(1) : entry;
        if (h == domain || h.endsWith(QLatin1Char('.') + domain))
            return true;
    }
    return false;
}

Result<ProxyChoice> selectProxy(const QUrl &server, const QString &proxyUrl,
                                const QProcessEnvironment &environment)
{
    if (!proxyUrl.isEmpty())
        return proxyFromUrl(proxyUrl, QStringLiteral("proxy-url"));
    const bool https = server.scheme() == QLatin1String("https");
    const QString name = https ? QStringLiteral("HTTPS_PROXY") : QStringLiteral("HTTP_PROXY");
    const QString value = envValue(environment, name);
    if (value.isEmpty() || isLoopback(server.host())
        || noProxyMatches(envValue(environment, QStringLiteral("NO_PROXY")), server.host(),
                          server.port(https ? 443 : 80)))
        return ProxyChoice{QNetworkProxy(QNetworkProxy::NoProxy), false};
    return proxyFromUrl(value, name);
}

} // namespace Qluster
