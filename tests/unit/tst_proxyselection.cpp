// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "net/proxyselection.h"

#include <QTest>

using namespace Qluster;

class tst_ProxySelection final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void select_data();
    void select();
    void noProxy_data();
    void noProxy();
};

void tst_ProxySelection::select_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("proxyUrl");
    QTest::addColumn<QStringList>("env"); // NAME=value
    QTest::addColumn<int>("type");        // QNetworkProxy::ProxyType, -1: error
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");

    QTest::newRow("none") << QStringLiteral("https://api.example") << QString() << QStringList()
                          << int(QNetworkProxy::NoProxy) << QString() << 0;
    QTest::newRow("proxy-url http") << QStringLiteral("https://api.example")
                                    << QStringLiteral("http://proxy.corp:3128") << QStringList()
                                    << int(QNetworkProxy::HttpProxy) << QStringLiteral("proxy.corp")
                                    << 3128;
    QTest::newRow("proxy-url socks5") << QStringLiteral("https://127.0.0.1:6443")
                                      << QStringLiteral("socks5://127.0.0.1:1080") << QStringList()
                                      << int(QNetworkProxy::Socks5Proxy) << QStringLiteral("127.0.0.1")
                                      << 1080;
    QTest::newRow("proxy-url https: TLS to the proxy")
        << QStringLiteral("https://api.example") << QStringLiteral("https://u:p@proxy.corp")
        << QStringList() << int(QNetworkProxy::HttpProxy) << QStringLiteral("proxy.corp") << 443;
    QTest::newRow("HTTPS_PROXY https")
        << QStringLiteral("https://api.example") << QString()
        << QStringList{QStringLiteral("HTTPS_PROXY=https://proxy.corp:8443")}
        << int(QNetworkProxy::HttpProxy) << QStringLiteral("proxy.corp") << 8443;
    QTest::newRow("proxy-url bad scheme") << QStringLiteral("https://api.example")
                                          << QStringLiteral("ftp://proxy.corp") << QStringList() << -1
                                          << QString() << 0;
    QTest::newRow("proxy-url wins over env")
        << QStringLiteral("https://api.example") << QStringLiteral("http://a:1")
        << QStringList{QStringLiteral("HTTPS_PROXY=http://b:2")} << int(QNetworkProxy::HttpProxy)
        << QStringLiteral("a") << 1;
    QTest::newRow("HTTPS_PROXY without scheme")
        << QStringLiteral("https://api.example") << QString()
        << QStringList{QStringLiteral("HTTPS_PROXY=proxy.corp:8080")} << int(QNetworkProxy::HttpProxy)
        << QStringLiteral("proxy.corp") << 8080;
    QTest::newRow("lower-case https_proxy")
        << QStringLiteral("https://api.example") << QString()
        << QStringList{QStringLiteral("https_proxy=http://p:9")} << int(QNetworkProxy::HttpProxy)
        << QStringLiteral("p") << 9;
    QTest::newRow("HTTP_PROXY is not for https")
        << QStringLiteral("https://api.example") << QString()
        << QStringList{QStringLiteral("HTTP_PROXY=http://p:9")} << int(QNetworkProxy::NoProxy)
        << QString() << 0;
    QTest::newRow("HTTP_PROXY for http")
        << QStringLiteral("http://api.example") << QString()
        << QStringList{QStringLiteral("HTTP_PROXY=http://p:9")} << int(QNetworkProxy::HttpProxy)
        << QStringLiteral("p") << 9;
    QTest::newRow("NO_PROXY domain")
        << QStringLiteral("https://k8s.api.example") << QString()
        << QStringList{QStringLiteral("HTTPS_PROXY=http://p:9"), QStringLiteral("NO_PROXY=.example")}
        << int(QNetworkProxy::NoProxy) << QString() << 0;
    QTest::newRow("loopback never via env")
        << QStringLiteral("https://127.0.0.1:6443") << QString()
        << QStringList{QStringLiteral("HTTPS_PROXY=http://p:9")} << int(QNetworkProxy::NoProxy)
        << QString() << 0;
}

void tst_ProxySelection::select()
{
    QFETCH(QString, server);
    QFETCH(QString, proxyUrl);
    QFETCH(QStringList, env);
    QFETCH(int, type);
    QFETCH(QString, host);
    QFETCH(int, port);

    QProcessEnvironment environment;
    for (const QString &e : env)
        environment.insert(e.section(QLatin1Char('='), 0, 0), e.section(QLatin1Char('='), 1));
    const auto proxy = selectProxy(QUrl(server), proxyUrl, environment);
    if (type < 0) {
        QVERIFY(!proxy);
        QVERIFY(proxy.error().message.startsWith(QStringLiteral("proxy-url")));
        return;
    }
    if (!proxy)
        QFAIL(qPrintable(proxy.error().toString()));
    QCOMPARE(int(proxy->proxy.type()), type);
    // Only an https:// proxy needs TLS to the proxy.
    const QString used = proxyUrl.isEmpty() ? env.value(0).section(QLatin1Char('='), 1) : proxyUrl;
    QCOMPARE(proxy->tls, type != QNetworkProxy::NoProxy && used.startsWith(QLatin1String("https:")));
    if (type != QNetworkProxy::NoProxy) {
        QCOMPARE(proxy->proxy.hostName(), host);
        QCOMPARE(int(proxy->proxy.port()), port);
    }
    if (proxyUrl.contains(QLatin1Char('@'))) {
        QCOMPARE(proxy->proxy.user(), QStringLiteral("u"));
        QCOMPARE(proxy->proxy.password(), QStringLiteral("p"));
    }
}

void tst_ProxySelection::noProxy_data()
{
    QTest::addColumn<QString>("list");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<bool>("matches");

    QTest::newRow("star") << QStringLiteral("*") << QStringLiteral("a.b") << 443 << true;
    QTest::newRow("exact") << QStringLiteral("foo.com") << QStringLiteral("foo.com") << 443 << true;
    QTest::newRow("subdomain") << QStringLiteral("foo.com") << QStringLiteral("api.foo.com") << 443
                               << true;
    QTest::newRow("leading dot") << QStringLiteral(".foo.com") << QStringLiteral("api.foo.com") << 443
                                 << true;
    QTest::newRow("not a suffix match") << QStringLiteral("foo.com") << QStringLiteral("barfoo.com")
                                        << 443 << false;
    QTest::newRow("ip") << QStringLiteral("10.0.0.1") << QStringLiteral("10.0.0.1") << 6443 << true;
    QTest::newRow("cidr") << QStringLiteral("a.b, 10.0.0.0/8") << QStringLiteral("10.2.3.4") << 6443
                          << true;
    QTest::newRow("cidr miss") << QStringLiteral("10.0.0.0/8") << QStringLiteral("11.2.3.4") << 6443
                               << false;
    QTest::newRow("port match") << QStringLiteral("foo.com:6443") << QStringLiteral("foo.com") << 6443
                                << true;
    QTest::newRow("port mismatch") << QStringLiteral("foo.com:443") << QStringLiteral("foo.com")
                                   << 6443 << false;
    QTest::newRow("empty") << QString() << QStringLiteral("foo.com") << 443 << false;
}

void tst_ProxySelection::noProxy()
{
    QFETCH(QString, list);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(bool, matches);
    QCOMPARE(noProxyMatches(list, host, port), matches);
}

QTEST_GUILESS_MAIN(tst_ProxySelection)
#include "tst_proxyselection.moc"
