// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
//
// Connection against TLS loopback servers with throw-away certificates: client certificates (data
// and files named by a kubeconfig), clear TLS failures, tls-server-name, insecure-skip-tls-verify,
// and a CONNECT and a SOCKS5 proxy.
#include "connectiontestsupport.h"

using namespace Qluster;
using namespace Qluster::Test;

class tst_ConnectionTls final : public ConnectionTest
{
    Q_OBJECT
private Q_SLOTS:
    void tlsClientCertificateData_data();
    void tlsClientCertificateData();
    void tlsClientCertificateFilesThroughKubeconfig();
    void tlsFailuresAreClear_data();
    void tlsFailuresAreClear();
    void tlsServerName();
    void insecureSkipTlsVerify();
    void proxyUrlThroughConnectProxy();
    void proxyUrlThroughSocks5();
};

void tst_ConnectionTls::tlsClientCertificateData_data()
{
    QTest::addColumn<bool>("ec");
    QTest::newRow("RSA key") << false;
    QTest::newRow("EC key") << true;
}

void tst_ConnectionTls::tlsClientCertificateData()
{
    QFETCH(bool, ec);
    TestPki::Options client;
    client.commonName = ec ? QStringLiteral("ec-user") : QStringLiteral("rsa-user");
    client.organization = QStringLiteral("system:masters");
    client.client = true;
    client.ec = ec;
    const TestPki::Issued clientCert = TestPki::issue(m_ca, client);

    LoopbackServer server;
    server.setHandler([](const LoopbackServer::Request &, LoopbackServer::Exchange &x) { x.replyJson(200, kVersion); });
    QVERIFY(server.listen(serverTls(m_serverCert, m_ca)));
    KubeconfigUser user;
    user.clientCertificateData = clientCert.certificatePem;
    user.clientKeyData = clientCert.keyPem;
    KubeconfigCluster cluster;
    cluster.certificateAuthorityData = m_ca.certificatePem;
    auto connection = open(contextFor(server.url(), user, cluster));
    QVERIFY(connection);
    QVERIFY(!connection->isInsecure());
    QCOMPARE(connection->authProvider()->method(), AuthProvider::Method::ClientCertificate);
    const auto r = fetch(connection.get(), versionRequest());
    if (!r)
        QFAIL(qPrintable(r.error().toString()));
    QCOMPARE(server.requests.last().peerCommonName, client.commonName);
}

void tst_ConnectionTls::tlsClientCertificateFilesThroughKubeconfig()
{
    TestPki::Options client;
    client.commonName = QStringLiteral("file-user");
    client.client = true;
    client.ec = true;
    const TestPki::Issued clientCert = TestPki::issue(m_ca, client);
    LoopbackServer server;
    server.setHandler([](const LoopbackServer::Request &, LoopbackServer::Exchange &x) { x.replyJson(200, kVersion); });
    QVERIFY(server.listen(serverTls(m_serverCert, m_ca)));

    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("pki")));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("pki/ca.crt")), m_ca.certificatePem));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("pki/user.crt")), clientCert.certificatePem));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("pki/user.key")), clientCert.keyPem));
    const QByteArray kubeconfig = "apiVersion: v1\nkind: Config\ncurrent-context: t\nclusters:\n"
                                  "- name: c\n  cluster:\n    server: " + server.url().toString().toUtf8()
        + "\n    certificate-authority: pki/ca.crt\n"
          "users:\n- name: u\n  user:\n    client-certificate: pki/user.crt\n    client-key: pki/user.key\n"
          "contexts:\n- name: t\n  context: {cluster: c, user: u, namespace: demo}\n";
    QVERIFY(writeFile(dir.filePath(QStringLiteral("config")), kubeconfig));
    auto config = Kubeconfig::load(dir.filePath(QStringLiteral("config")));
    if (!config)
        QFAIL(qPrintable(config.error().toString()));
    auto resolved = config->resolve(config->currentContext());
    if (!resolved)
        QFAIL(qPrintable(resolved.error().toString()));
    auto connection = open(*resolved);
    QVERIFY(connection);
    const auto r = fetch(connection.get(), versionRequest());
    if (!r)
        QFAIL(qPrintable(r.error().toString()));
    QCOMPARE(server.requests.last().peerCommonName, QStringLiteral("file-user"));

    // A key that does not parse is refused when connecting, naming the file.
    QVERIFY(writeFile(dir.filePath(QStringLiteral("pki/user.key")), "not a key"));
    auto broken = config->resolve(config->currentContext());
    QVERIFY(broken.has_value());
    auto refused = Connection::create(*broken);
    QVERIFY(!refused);
    QCOMPARE(refused.error().file, dir.filePath(QStringLiteral("pki/user.key")));
}

void tst_ConnectionTls::tlsFailuresAreClear_data()
{
    QTest::addColumn<QString>("which");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown CA") << QStringLiteral("wrong-ca")
                                << QStringLiteral("TLS handshake with 127.0.0.1 failed: certificate "
                                                  "signed by unknown authority");
    QTest::newRow("name mismatch") << QStringLiteral("other-name")
                                   << QStringLiteral("TLS handshake with 127.0.0.1 failed: certificate "
                                                     "is not valid for 127.0.0.1 (valid for other.example)");
    QTest::newRow("expired") << QStringLiteral("expired")
                             << QStringLiteral("TLS handshake with 127.0.0.1 failed: certificate has "
                                               "expired");
}

void tst_ConnectionTls::tlsFailuresAreClear()
{
    QFETCH(QString, which);
    QFETCH(QString, expected);
    TestPki::Issued serverCert = m_serverCert;
    QByteArray trusted = m_ca.certificatePem;
    if (which == QLatin1String("wrong-ca")) {
        trusted = TestPki::makeCa(QStringLiteral("someone-else")).certificatePem;
    } else if (which == QLatin1String("other-name")) {
        TestPki::Options o;
        o.commonName = QStringLiteral("other.example");
        o.dnsNames = {QStringLiteral("other.example")};
        serverCert = TestPki::issue(m_ca, o);
    } else {
        TestPki::Options o;
        o.commonName = QStringLiteral("127.0.0.1");
        o.ipAddresses = {QStringLiteral("127.0.0.1")};
        o.notBeforeSecs = -48 * 3600;
        o.notAfterSecs = -24 * 3600;
        serverCert = TestPki::issue(m_ca, o);
    }
    LoopbackServer server;
    QVERIFY(server.listen(serverTls(serverCert, m_ca)));
    KubeconfigCluster cluster;
    cluster.certificateAuthorityData = trusted;
    KubeconfigUser user;
    user.token = QStringLiteral("tls-secret-token");
    auto connection = open(contextFor(server.url(), user, cluster));
    QVERIFY(connection);
    const auto r = fetch(connection.get(), versionRequest());
    QVERIFY(!r);
    QCOMPARE(r.error().kind, Error::Kind::Tls);
    QVERIFY2(r.error().message.startsWith(expected), qPrintable(r.error().toString()));
    QVERIFY(r.error().toString().startsWith(QStringLiteral("GET ") + server.url().toString()));
    QVERIFY(!r.error().toString().contains(QStringLiteral("tls-secret-token")));
    QVERIFY(server.requests.isEmpty());
}

void tst_ConnectionTls::tlsServerName()
{
    TestPki::Options o;
    o.commonName = QStringLiteral("api.internal");
    o.dnsNames = {QStringLiteral("api.internal")};
    const TestPki::Issued named = TestPki::issue(m_ca, o);
    LoopbackServer server;
    server.setHandler([](const LoopbackServer::Request &, LoopbackServer::Exchange &x) { x.replyJson(200, kVersion); });
    QVERIFY(server.listen(serverTls(named, m_ca)));
    KubeconfigCluster cluster;
    cluster.certificateAuthorityData = m_ca.certificatePem;
    auto without = open(contextFor(server.url(), {}, cluster));
    QVERIFY(!fetch(without.get(), versionRequest()));
    cluster.tlsServerName = QStringLiteral("api.internal");
    auto with = open(contextFor(server.url(), {}, cluster));
    const auto r = fetch(with.get(), versionRequest());
    if (!r)
        QFAIL(qPrintable(r.error().toString()));
}

void tst_ConnectionTls::insecureSkipTlsVerify()
{
    LoopbackServer server;
    server.setHandler([](const LoopbackServer::Request &, LoopbackServer::Exchange &x) { x.replyJson(200, kVersion); });
    QVERIFY(server.listen(serverTls(m_serverCert, m_ca)));
    // Without a CA and without the flag: the system roots do not know our CA.
    auto strict = open(contextFor(server.url()));
    const auto refused = fetch(strict.get(), versionRequest());
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind, Error::Kind::Tls);
    QVERIFY(!strict->isInsecure());

    KubeconfigCluster cluster;
    cluster.insecureSkipTlsVerify = true;
    auto insecure = open(contextFor(server.url(), {}, cluster));
    QVERIFY(insecure);
    QVERIFY(insecure->isInsecure());
    QVERIFY(!insecure->isUnencrypted()); // encrypted, but the server is not verified
    QVERIFY(fetch(insecure.get(), versionRequest()).has_value());

    // kubectl refuses a CA together with insecure-skip-tls-verify; so do we.
    cluster.certificateAuthorityData = m_ca.certificatePem;
    QVERIFY(!Connection::create(contextFor(server.url(), {}, cluster)));
}

void tst_ConnectionTls::proxyUrlThroughConnectProxy()
{
    LoopbackServer server;
    server.setHandler([](const LoopbackServer::Request &, LoopbackServer::Exchange &x) { x.replyJson(200, kVersion); });
    QVERIFY(server.listen(serverTls(m_serverCert, m_ca)));
    ConnectProxy proxy;
    QVERIFY(proxy.listen());
    KubeconfigCluster cluster;
    cluster.certificateAuthorityData = m_ca.certificatePem;
    cluster.proxyUrl = QStringLiteral("http://127.0.0.1:%1").arg(proxy.port());
    KubeconfigUser user;
    user.token = QStringLiteral("through-proxy");
    auto connection = open(contextFor(server.url(), user, cluster));
    QVERIFY(connection);
    QCOMPARE(connection->proxy().type(), QNetworkProxy::HttpProxy);
    const auto r = fetch(connection.get(), versionRequest());
    if (!r)
        QFAIL(qPrintable(r.error().toString()));
    QCOMPARE(proxy.targets.value(0), QByteArray("127.0.0.1:") + QByteArray::number(server.url().port()));
    QCOMPARE(server.requests.last().header("Authorization"), QByteArray("Bearer through-proxy"));

    // A proxy that refuses connections is a Network error naming the proxy problem.
    cluster.proxyUrl = QStringLiteral("http://127.0.0.1:1");
    auto dead = open(contextFor(server.url(), user, cluster));
    const auto e = fetch(dead.get(), versionRequest());
    QVERIFY(!e);
    QCOMPARE(e.error().kind, Error::Kind::Network);
}

void tst_ConnectionTls::proxyUrlThroughSocks5()
{
    LoopbackServer server;
    server.setHandler([](const LoopbackServer::Request &, LoopbackServer::Exchange &x) { x.replyJson(200, kVersion); });
    QVERIFY(server.listen(serverTls(m_serverCert, m_ca)));
    Socks5Proxy proxy;
    QVERIFY(proxy.listen());
    KubeconfigCluster cluster;
    cluster.certificateAuthorityData = m_ca.certificatePem;
    cluster.proxyUrl = QStringLiteral("socks5://127.0.0.1:%1").arg(proxy.port());
    auto connection = open(contextFor(server.url(), {}, cluster));
    QVERIFY(connection);
    QCOMPARE(connection->proxy().type(), QNetworkProxy::Socks5Proxy);
    const auto r = fetch(connection.get(), versionRequest());
    if (!r)
        QFAIL(qPrintable(r.error().toString()));
    QCOMPARE(proxy.targets.value(0), QByteArray("127.0.0.1:") + QByteArray::number(server.url().port()));
    QCOMPARE(r->body, kVersion);
}

QTEST_GUILESS_MAIN(tst_ConnectionTls)
#include "tst_connectiontls.moc"
