// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
//
// The real client (Kubeconfig → Connection) against the SandboxServer over HTTPS, with the
// kubeconfig the sandbox writes for kubectl: client certificate, tokens, RBAC, watch streams,
// fault injection, two connections at once, an https:// proxy.
#include "config/kubeconfig.h"
#include "fetch.h"
#include "loopbackserver.h"
#include "net/connection.h"
#include "sandboxfixture.h"
#include "testpki.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <optional>

using namespace Qluster;
using Qluster::Test::fetch;

class tst_ConnectionSandbox final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void kubectlSeesTheSameContexts();
    void clientCertificateData();
    void clientCertificateFiles();
    void bearerTokenAndRbac();
    void wrongTokenIs401();
    void wrongCaIsClearTlsError();
    void watchStreamsEvents();
    void retriesInjected503And429ButNotWrites();
    void twoContextsCloseOne();
    void proxyUrlThroughTlsConnectProxy();

private:
    std::unique_ptr<Connection> open(const QString &contextName, ResolvedContext *out = nullptr);
    std::unique_ptr<SandboxFixture> m_fixture;
    std::optional<Kubeconfig> m_config;
};

namespace {

const Gvr kConfigMaps{QString(), QStringLiteral("v1"), QStringLiteral("configmaps")};
const Gvr kNamespaces{QString(), QStringLiteral("v1"), QStringLiteral("namespaces")};

ApiRequest createConfigMap(const QString &ns, const QString &name)
{
    ApiRequest r = ApiRequest::get(kConfigMaps, ns);
    r.verb = "POST";
    r.body = QJsonDocument(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                       {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
                                       {QStringLiteral("metadata"),
                                        QJsonObject{{QStringLiteral("name"), name}}},
                                       {QStringLiteral("data"),
                                        QJsonObject{{QStringLiteral("k"), QStringLiteral("v")}}}})
                 .toJson(QJsonDocument::Compact);
    return r;
}

QSslConfiguration serverTls(const TestPki::Issued &cert)
{
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setLocalCertificate(QSslCertificate(cert.certificatePem, QSsl::Pem));
    ssl.setPrivateKey(QSslKey(cert.keyPem, QSsl::Rsa, QSsl::Pem));
    ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
    return ssl;
}

} // namespace

void tst_ConnectionSandbox::initTestCase()
{
    m_fixture = std::make_unique<SandboxFixture>();
    QVERIFY2(m_fixture->error().isEmpty(), qPrintable(m_fixture->error()));
    auto config = Kubeconfig::load(m_fixture->kubeconfig());
    if (!config)
        QFAIL(qPrintable(config.error().toString()));
    m_config = *config;
    QCOMPARE(m_config->currentContext(), QStringLiteral("sandbox-admin"));
    QVERIFY(m_config->contextNames().contains(QStringLiteral("sandbox-token")));
    QVERIFY(m_config->contextNames().contains(QStringLiteral("sandbox-viewer")));
}

void tst_ConnectionSandbox::cleanupTestCase()
{
    m_fixture.reset();
}

std::unique_ptr<Connection> tst_ConnectionSandbox::open(const QString &contextName, ResolvedContext *out)
{
    auto resolved = m_config->resolve(contextName);
    if (!resolved) {
        qWarning("%s", qPrintable(resolved.error().toString()));
        return nullptr;
    }
    if (out)
        *out = *resolved;
    ConnectionOptions options;
    options.retryBaseDelayMs = 10;
    auto connection = Connection::create(*resolved, options);
    if (!connection) {
        qWarning("%s", qPrintable(connection.error().toString()));
        return nullptr;
    }
    return std::move(*connection);
}

void tst_ConnectionSandbox::kubectlSeesTheSameContexts()
{
    const KubectlResult r = m_fixture->kubectl({QStringLiteral("config"), QStringLiteral("view"),
                                                QStringLiteral("--flatten"), QStringLiteral("-o"),
                                                QStringLiteral("json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const auto ours = m_config->toFlattenedJson();
    if (!ours)
        QFAIL(qPrintable(ours.error().toString()));
    QCOMPARE(*ours, QJsonDocument::fromJson(r.out.toUtf8()).object());
}

void tst_ConnectionSandbox::clientCertificateData()
{
    auto admin = open(QStringLiteral("sandbox-admin"));
    QVERIFY(admin);
    QCOMPARE(admin->authProvider()->method(), AuthProvider::Method::ClientCertificate);
    QVERIFY(!admin->isInsecure());
    const auto version = fetch(admin.get(), ApiRequest::raw(QStringLiteral("/version")));
    if (!version)
        QFAIL(qPrintable(version.error().toString()));
    QVERIFY(QJsonDocument::fromJson(version->body).object().contains(QStringLiteral("gitVersion")));

    const auto namespaces = fetch(admin.get(), ApiRequest::get(kNamespaces));
    if (!namespaces)
        QFAIL(qPrintable(namespaces.error().toString()));
    const QJsonArray items = QJsonDocument::fromJson(namespaces->body).object().value(QStringLiteral("items")).toArray();
    QStringList names;
    for (const QJsonValue &item : items)
        names.append(item.toObject().value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString());
    QVERIFY2(names.contains(QStringLiteral("default")), qPrintable(names.join(QLatin1Char(','))));

    const auto created = fetch(admin.get(), createConfigMap(QStringLiteral("default"), QStringLiteral("from-cert")));
    if (!created)
        QFAIL(qPrintable(created.error().toString()));
    QCOMPARE(created->status, 201);
    const auto got = fetch(admin.get(), ApiRequest::get(kConfigMaps, QStringLiteral("default"), QStringLiteral("from-cert")));
    if (!got)
        QFAIL(qPrintable(got.error().toString()));
    QCOMPARE(QJsonDocument::fromJson(got->body).object().value(QStringLiteral("data")).toObject().value(QStringLiteral("k")).toString(),
             QStringLiteral("v"));
}

void tst_ConnectionSandbox::clientCertificateFiles()
{
    // The same identity, with the certificate, key and CA in files next to a second kubeconfig.
    KeyPair admin;
    QByteArray ca;
    m_fixture->sandbox().invoke([&](SandboxServer &s) {
        admin = s.clientCertificate(QStringLiteral("admin"));
        ca = s.caCertificatePem();
    });
    QTemporaryDir dir;
    auto write = [&](const QString &name, const QByteArray &data) {
        QFile f(dir.filePath(name));
        return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
    };
    QVERIFY(write(QStringLiteral("ca.crt"), ca));
    QVERIFY(write(QStringLiteral("admin.crt"), admin.certificatePem));
    QVERIFY(write(QStringLiteral("admin.key"), admin.privateKeyPem));
    const QString server = m_config->cluster(m_config->context(QStringLiteral("sandbox-admin"))->cluster)->server;
    QVERIFY(write(QStringLiteral("config"),
                  "apiVersion: v1\nkind: Config\ncurrent-context: files\nclusters:\n- name: s\n  cluster:\n"
                  "    server: " + server.toUtf8() + "\n    certificate-authority: ca.crt\nusers:\n- name: a\n"
                  "  user:\n    client-certificate: admin.crt\n    client-key: admin.key\ncontexts:\n"
                  "- name: files\n  context: {cluster: s, user: a}\n"));
    auto config = Kubeconfig::load(dir.filePath(QStringLiteral("config")));
    if (!config)
        QFAIL(qPrintable(config.error().toString()));
    auto resolved = config->resolve(QStringLiteral("files"));
    if (!resolved)
        QFAIL(qPrintable(resolved.error().toString()));
    auto connection = Connection::create(*resolved);
    if (!connection)
        QFAIL(qPrintable(connection.error().toString()));
    const auto r = fetch(connection->get(), ApiRequest::get(kConfigMaps, QStringLiteral("default")));
    if (!r)
        QFAIL(qPrintable(r.error().toString()));
    QCOMPARE(r->status, 200);
}

void tst_ConnectionSandbox::bearerTokenAndRbac()
{
    auto developer = open(QStringLiteral("sandbox-token"));
    QVERIFY(developer);
    QCOMPARE(developer->authProvider()->method(), AuthProvider::Method::Token);
    const auto created = fetch(developer.get(), createConfigMap(QStringLiteral("default"), QStringLiteral("from-token")));
    if (!created)
        QFAIL(qPrintable(created.error().toString()));

    auto viewer = open(QStringLiteral("sandbox-viewer"));
    QVERIFY(viewer);
    const auto list = fetch(viewer.get(), ApiRequest::get(kConfigMaps, QStringLiteral("default")));
    if (!list)
        QFAIL(qPrintable(list.error().toString()));
    const auto denied = fetch(viewer.get(), createConfigMap(QStringLiteral("default"), QStringLiteral("viewer-cannot")));
    QVERIFY(!denied);
    QCOMPARE(denied.error().kind, Error::Kind::Http);
    QCOMPARE(denied.error().httpStatus, 403);
    QCOMPARE(denied.error().reason, QStringLiteral("Forbidden"));
    QVERIFY2(denied.error().message.contains(QStringLiteral("viewer")), qPrintable(denied.error().toString()));
    QCOMPARE(denied.error().verb, QStringLiteral("POST"));
}

void tst_ConnectionSandbox::wrongTokenIs401()
{
    ResolvedContext context;
    QVERIFY(open(QStringLiteral("sandbox-token"), &context));
    const QString real = context.user.token;
    context.user.token = QStringLiteral("not-the-token");
    auto connection = Connection::create(context);
    QVERIFY(connection.has_value());
    const auto r = fetch(connection->get(), ApiRequest::get(kNamespaces));
    QVERIFY(!r);
    QCOMPARE(r.error().httpStatus, 401);
    QCOMPARE(r.error().reason, QStringLiteral("Unauthorized"));
    QVERIFY(!r.error().toString().contains(QStringLiteral("not-the-token")));
    QVERIFY(!r.error().toString().contains(real));
}

void tst_ConnectionSandbox::wrongCaIsClearTlsError()
{
    ResolvedContext context;
    QVERIFY(open(QStringLiteral("sandbox-token"), &context));
    // Another sandbox's CA does not vouch for this server.
    SandboxFixture other;
    QVERIFY2(other.error().isEmpty(), qPrintable(other.error()));
    other.sandbox().invoke([&](SandboxServer &s) { context.cluster.certificateAuthorityData = s.caCertificatePem(); });
    auto connection = Connection::create(context);
    QVERIFY(connection.has_value());
    const auto r = fetch(connection->get(), ApiRequest::raw(QStringLiteral("/version")));
    QVERIFY(!r);
    QCOMPARE(r.error().kind, Error::Kind::Tls);
    QVERIFY2(r.error().message.contains(QStringLiteral("TLS handshake with 127.0.0.1 failed: certificate signed by unknown authority")),
             qPrintable(r.error().toString()));
}

void tst_ConnectionSandbox::watchStreamsEvents()
{
    auto admin = open(QStringLiteral("sandbox-admin"));
    QVERIFY(admin);
    ApiRequest watch = ApiRequest::get(kConfigMaps, QStringLiteral("default"));
    watch.watch = true;
    watch.allowWatchBookmarks = true;
    watch.fieldSelector = QStringLiteral("metadata.name=watched");
    ApiStream *stream = admin->stream(watch);
    QByteArray received;
    std::optional<Result<void>> end;
    QObject::connect(stream, &ApiStream::dataReceived, this, [&](const QByteArray &c) { received += c; });
    QObject::connect(stream, &ApiStream::finished, this, [&](const Result<void> &r) { end = r; });
    QTRY_COMPARE_WITH_TIMEOUT(stream->status(), 200, 10000);

    auto developer = open(QStringLiteral("sandbox-token"));
    QVERIFY(fetch(developer.get(), createConfigMap(QStringLiteral("default"), QStringLiteral("watched"))).has_value());
    QTRY_VERIFY_WITH_TIMEOUT(received.contains("\"ADDED\"") && received.contains("\"watched\""), 10000);
    QVERIFY(!end.has_value());
    stream->abort();
    QTRY_VERIFY_WITH_TIMEOUT(end.has_value(), 5000);
    QCOMPARE(end->error().kind, Error::Kind::Cancelled);
}

void tst_ConnectionSandbox::retriesInjected503And429ButNotWrites()
{
    auto admin = open(QStringLiteral("sandbox-admin"));
    QVERIFY(admin);
    QSignalSpy handled(m_fixture->sandbox().server(), &SandboxServer::requestHandled);

    m_fixture->sandbox().invoke([](SandboxServer &s) { s.failNextRequests(2, 503); });
    ApiReply *reply = admin->send(ApiRequest::get(kNamespaces));
    std::optional<Result<ApiResponse>> result;
    int attempts = 0;
    QObject::connect(reply, &ApiReply::finished, this, [&] {
        attempts = reply->attempts();
        result = reply->result();
    });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
    if (!*result)
        QFAIL(qPrintable(result->error().toString()));
    QCOMPARE(attempts, 3);

    m_fixture->sandbox().invoke([](SandboxServer &s) { s.failNextRequests(1, 429, 1); });
    QElapsedTimer timer;
    timer.start();
    const auto throttled = fetch(admin.get(), ApiRequest::get(kNamespaces));
    if (!throttled)
        QFAIL(qPrintable(throttled.error().toString()));
    QVERIFY2(timer.elapsed() >= 900, "Retry-After: 1 was honoured"); // waits, never faster

    m_fixture->sandbox().invoke([](SandboxServer &s) { s.failNextRequests(1, 500); });
    const auto write = fetch(admin.get(), createConfigMap(QStringLiteral("default"), QStringLiteral("not-retried")));
    QVERIFY(!write);
    QCOMPARE(write.error().httpStatus, 500);
    const auto absent = fetch(admin.get(), ApiRequest::get(kConfigMaps, QStringLiteral("default"), QStringLiteral("not-retried")));
    QVERIFY(!absent);
    QCOMPARE(absent.error().httpStatus, 404);
    QCOMPARE(absent.error().reason, QStringLiteral("NotFound"));
}

void tst_ConnectionSandbox::twoContextsCloseOne()
{
    auto admin = open(QStringLiteral("sandbox-admin"));
    auto viewer = open(QStringLiteral("sandbox-viewer"));
    QVERIFY(admin && viewer);
    ApiRequest watch = ApiRequest::get(kConfigMaps, QStringLiteral("default"));
    watch.watch = true;
    watch.fieldSelector = QStringLiteral("metadata.name=multi");
    QByteArray adminData, viewerData;
    std::optional<Result<void>> adminEnd, viewerEnd;
    ApiStream *a = admin->stream(watch);
    ApiStream *v = viewer->stream(watch);
    QObject::connect(a, &ApiStream::dataReceived, this, [&](const QByteArray &c) { adminData += c; });
    QObject::connect(v, &ApiStream::dataReceived, this, [&](const QByteArray &c) { viewerData += c; });
    QObject::connect(a, &ApiStream::finished, this, [&](const Result<void> &r) { adminEnd = r; });
    QObject::connect(v, &ApiStream::finished, this, [&](const Result<void> &r) { viewerEnd = r; });
    QTRY_VERIFY_WITH_TIMEOUT(a->status() == 200 && v->status() == 200, 10000);

    admin->close();
    QTRY_VERIFY_WITH_TIMEOUT(adminEnd.has_value(), 5000);
    QCOMPARE(adminEnd->error().kind, Error::Kind::Cancelled);
    QVERIFY(!viewerEnd.has_value());

    // The viewer's watch still sees what happens in the cluster.
    auto developer = open(QStringLiteral("sandbox-token"));
    QVERIFY(fetch(developer.get(), createConfigMap(QStringLiteral("default"), QStringLiteral("multi"))).has_value());
    QTRY_VERIFY_WITH_TIMEOUT(viewerData.contains("\"multi\""), 10000);
    QVERIFY(!adminData.contains("\"multi\""));
    QVERIFY(fetch(viewer.get(), ApiRequest::get(kConfigMaps, QStringLiteral("default"), QStringLiteral("multi"))).has_value());
    viewer->close();
    QTRY_VERIFY_WITH_TIMEOUT(viewerEnd.has_value(), 5000);
}

void tst_ConnectionSandbox::proxyUrlThroughTlsConnectProxy()
{
    // An https:// proxy with its own CA and Basic proxy credentials in the proxy URL.
    const TestPki::Issued proxyCa = TestPki::makeCa(QStringLiteral("qluster-proxy-ca"));
    TestPki::Options options;
    options.commonName = QStringLiteral("proxy");
    options.ipAddresses = {QStringLiteral("127.0.0.1")};
    const TestPki::Issued proxyCert = TestPki::issue(proxyCa, options);
    ConnectProxy proxy;
    proxy.requiredAuthorization = "Basic " + QByteArray("proxy-user:proxy-pass").toBase64();
    QVERIFY(proxy.listen(serverTls(proxyCert)));
    const QString proxyName = QStringLiteral("https://127.0.0.1:%1").arg(proxy.port());

    ResolvedContext context;
    QVERIFY(open(QStringLiteral("sandbox-token"), &context));
    const QByteArray sandboxCa = context.cluster.certificateAuthorityData;
    const QUrl server(context.cluster.server);
    // Go's http.Transport checks an https proxy with the transport's RootCAs: the kubeconfig's
    // CA bundle must vouch for the proxy too.
    context.cluster.certificateAuthorityData = sandboxCa + "\n" + proxyCa.certificatePem;
    context.cluster.proxyUrl =
        QStringLiteral("https://proxy-user:proxy-pass@127.0.0.1:%1").arg(proxy.port());
    auto connection = Connection::create(context);
    if (!connection)
        QFAIL(qPrintable(connection.error().toString()));
    QCOMPARE((*connection)->proxy().hostName(), QStringLiteral("127.0.0.1"));
    QVERIFY((*connection)->proxy().port() != proxy.port()); // the local forwarder, not the proxy
    const auto listed = fetch(connection->get(), ApiRequest::get(kNamespaces));
    if (!listed)
        QFAIL(qPrintable(listed.error().toString()));
    QCOMPARE(listed->status, 200);
    QVERIFY(proxy.tlsConnections >= 1);
    QCOMPARE(proxy.targets.value(0), "127.0.0.1:" + QByteArray::number(server.port()));
    QCOMPARE(proxy.refused, 0);
    // Compared without QCOMPARE: a failure must not print the proxy credentials.
    QVERIFY(proxy.lastProxyAuthorization == proxy.requiredAuthorization);

    // A proxy that refuses the CONNECT: its host and answer, never the credentials.
    context.cluster.proxyUrl =
        QStringLiteral("https://proxy-user:not-the-password@127.0.0.1:%1").arg(proxy.port());
    auto refused = Connection::create(context);
    QVERIFY(refused.has_value());
    const auto denied = fetch(refused->get(), ApiRequest::get(kNamespaces));
    QVERIFY(!denied);
    const QString deniedText = denied.error().toString();
    QCOMPARE(denied.error().kind, Error::Kind::Network);
    QVERIFY2(deniedText.contains(QStringLiteral("proxy ") + proxyName), qPrintable(deniedText));
    QVERIFY2(deniedText.contains(QStringLiteral("407 Proxy Authentication Required")),
             qPrintable(deniedText));
    QVERIFY(!deniedText.contains(QStringLiteral("not-the-password")));
    QVERIFY(!deniedText.contains(QStringLiteral("proxy-pass")));
    QCOMPARE(denied.error().verb, QStringLiteral("GET"));
    QCOMPARE(proxy.refused, 1);

    // Without the proxy's CA in the bundle the proxy is not trusted: a TLS error naming it.
    context.cluster.certificateAuthorityData = sandboxCa;
    context.cluster.proxyUrl =
        QStringLiteral("https://proxy-user:proxy-pass@127.0.0.1:%1").arg(proxy.port());
    auto untrusted = Connection::create(context);
    QVERIFY(untrusted.has_value());
    const int targetsBefore = int(proxy.targets.size());
    const auto rejected = fetch(untrusted->get(), ApiRequest::get(kNamespaces));
    QVERIFY(!rejected);
    QCOMPARE(rejected.error().kind, Error::Kind::Tls);
    QVERIFY2(rejected.error().message.contains(
                 QStringLiteral("proxy %1: TLS handshake with 127.0.0.1 failed: certificate signed "
                                "by unknown authority")
                     .arg(proxyName)),
             qPrintable(rejected.error().toString()));
    QCOMPARE(int(proxy.targets.size()), targetsBefore); // nothing was sent to an untrusted proxy
}


QTEST_GUILESS_MAIN(tst_ConnectionSandbox)
#include "tst_connectionsandbox.moc"
