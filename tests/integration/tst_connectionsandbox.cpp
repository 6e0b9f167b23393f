// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
//
// The real client (Kubeconfig → Connection) against the SandboxServer over HTTPS, with the
// kubeconfig the sandbox writes for kubectl: client certificate, tokens, RBAC, watch streams,
// fault injection, two connections at once, an https:// proxy.
#include "config/kubeconfig.h"
#include "testenv.h"
#include "fetch.h"
#include "loopbackserver.h"
#include "net/connection.h"
#include "sandboxfixture.h"
#include "testpki.h"

#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSslKey>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <optional>

QLUSTER_TEST_NEEDS(Qluster::Test::NeedsKubectl)

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
    void cutOffAnswersAreNotBodies();
    void twoContextsCloseOne();
    void proxyUrlThroughTlsConnectProxy();
    void tokenFileRotationAfter401();
    void execPluginCachesExpiresAndReexecsOnce();
    void basicAuthOptIn();

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

const Gvr kServiceAccounts{QString(), QStringLiteral("v1"), QStringLiteral("serviceaccounts")};

bool writeBytes(const QString &path, const QByteArray &data, bool executable = false)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size())
        return false;
    if (executable)
        f.setPermissions(f.permissions() | QFileDevice::ExeOwner);
    return true;
}

QByteArray readBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// whoami is `kubectl auth whoami`: the user name the server authenticated, or the error.
Result<QString> whoami(Connection *connection, int *attempts = nullptr)
{
    ApiRequest review = ApiRequest::raw(
        QStringLiteral("/apis/authentication.k8s.io/v1/selfsubjectreviews"), "POST");
    review.body = R"({"apiVersion":"authentication.k8s.io/v1","kind":"SelfSubjectReview"})";
    ApiReply *reply = connection->send(review);
    std::optional<Result<ApiResponse>> result;
    QObject guard; // no callback into this frame once it returned
    QObject::connect(reply, &ApiReply::finished, &guard, [&] {
        if (attempts)
            *attempts = reply->attempts();
        result = reply->result();
    });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
        return fail(Error::invalid(QStringLiteral("no answer to the SelfSubjectReview")));
    if (!*result)
        return fail(result->error());
    return QJsonDocument::fromJson((*result)->body)
        .object()
        .value(QStringLiteral("status"))
        .toObject()
        .value(QStringLiteral("userInfo"))
        .toObject()
        .value(QStringLiteral("username"))
        .toString();
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
    int attempts = 0;
    const auto result = fetch(admin.get(), ApiRequest::get(kNamespaces), 20000, &attempts);
    if (!result)
        QFAIL(qPrintable(result.error().toString()));
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

void tst_ConnectionSandbox::cutOffAnswersAreNotBodies()
{
    // The server sends a 200 with its Content-Length and closes after half the body.
    auto admin = open(QStringLiteral("sandbox-admin"));
    QVERIFY(admin);
    m_fixture->sandbox().invoke([](SandboxServer &s) { s.truncateNextResponses(1); });
    int attempts = 0;
    const auto result = fetch(admin.get(), ApiRequest::get(kNamespaces), 20000, &attempts);
    if (!result)
        QFAIL(qPrintable(result.error().toString()));
    QCOMPARE(attempts, 2); // the read was asked again
    QVERIFY(QJsonDocument::fromJson(result->body).isObject());

    // A write is not repeated: its caller gets an error, not half an answer, and can look.
    m_fixture->sandbox().invoke([](SandboxServer &s) { s.truncateNextResponses(1); });
    const auto write = fetch(admin.get(), createConfigMap(QStringLiteral("default"), QStringLiteral("cut-off")));
    QVERIFY(!write);
    QCOMPARE(write.error().kind, Error::Kind::Network);
    QCOMPARE(write.error().verb, QStringLiteral("POST"));
    QVERIFY(fetch(admin.get(), ApiRequest::get(kConfigMaps, QStringLiteral("default"), QStringLiteral("cut-off"))).has_value());
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

    // Another local program that finds the forwarder's port cannot tunnel through the user's
    // proxy with the user's proxy credentials: it is asked for the forwarder's own credential.
    const int tunnelsBefore = int(proxy.targets.size());
    QTcpSocket intruder;
    intruder.connectToHost(QHostAddress::LocalHost, (*connection)->proxy().port());
    QVERIFY(intruder.waitForConnected(5000));
    const QByteArray request = "CONNECT " + server.host().toLatin1() + ':' + QByteArray::number(server.port())
                               + " HTTP/1.1\r\nHost: x\r\n\r\n";
    intruder.write(request);
    QTRY_VERIFY_WITH_TIMEOUT(intruder.bytesAvailable() > 0, 5000);
    QVERIFY(intruder.readAll().startsWith("HTTP/1.1 407 "));
    intruder.write(request); // a second try without it ends the connection
    QTRY_COMPARE_WITH_TIMEOUT(intruder.state(), QAbstractSocket::UnconnectedState, 5000);
    QCOMPARE(int(proxy.targets.size()), tunnelsBefore);

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

    // A proxy that is not there: a network error naming it.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 closedPort = closed.serverPort();
    closed.close();
    context.cluster.proxyUrl = QStringLiteral("https://127.0.0.1:%1").arg(closedPort);
    auto absent = Connection::create(context);
    QVERIFY(absent.has_value());
    const auto unreachable = fetch(absent->get(), ApiRequest::get(kNamespaces));
    QVERIFY(!unreachable);
    QCOMPARE(unreachable.error().kind, Error::Kind::Network);
    QVERIFY2(unreachable.error().message.startsWith(
                 QStringLiteral("proxy https://127.0.0.1:%1: ").arg(closedPort)),
             qPrintable(unreachable.error().toString()));
}

void tst_ConnectionSandbox::tokenFileRotationAfter401()
{
    // Two service accounts and a token for each, minted by the sandbox (TokenRequest).
    auto admin = open(QStringLiteral("sandbox-admin"));
    QVERIFY(admin);
    QByteArray tokens[2];
    const QString accounts[2] = {QStringLiteral("rotating-a"), QStringLiteral("rotating-b")};
    for (int i = 0; i < 2; ++i) {
        ApiRequest create = ApiRequest::get(kServiceAccounts, QStringLiteral("default"));
        create.verb = "POST";
        create.body = QJsonDocument(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                                {QStringLiteral("kind"), QStringLiteral("ServiceAccount")},
                                                {QStringLiteral("metadata"),
                                                 QJsonObject{{QStringLiteral("name"), accounts[i]}}}})
                          .toJson(QJsonDocument::Compact);
        const auto created = fetch(admin.get(), create);
        if (!created)
            QFAIL(qPrintable(created.error().toString()));
        ApiRequest mint = ApiRequest::get(kServiceAccounts, QStringLiteral("default"), accounts[i]);
        mint.subresource = QStringLiteral("token");
        mint.verb = "POST";
        mint.body = R"({"apiVersion":"authentication.k8s.io/v1","kind":"TokenRequest","spec":{}})";
        const auto minted = fetch(admin.get(), mint);
        if (!minted)
            QFAIL(qPrintable(minted.error().toString()));
        tokens[i] = QJsonDocument::fromJson(minted->body)
                        .object()
                        .value(QStringLiteral("status"))
                        .toObject()
                        .value(QStringLiteral("token"))
                        .toString()
                        .toLatin1();
        QVERIFY(!tokens[i].isEmpty());
    }
    // The file is read again only when it changed or after a 401: rotate it in place with the
    // same size and time stamp (the reader trims the padding) so that only the 401 can tell.
    const qsizetype size = std::max(tokens[0].size(), tokens[1].size()) + 1;
    const QByteArray first = tokens[0] + QByteArray(size - tokens[0].size(), '\n');
    const QByteArray second = tokens[1] + QByteArray(size - tokens[1].size(), '\n');

    QTemporaryDir dir;
    const QString tokenFile = dir.filePath(QStringLiteral("token"));
    QVERIFY(writeBytes(tokenFile, first));
    ResolvedContext context;
    QVERIFY(open(QStringLiteral("sandbox-token"), &context));
    context.user.token.clear();
    context.user.tokenFile = tokenFile;
    auto connection = Connection::create(context);
    QVERIFY(connection.has_value());
    QCOMPARE((*connection)->authProvider()->method(), AuthProvider::Method::TokenFile);
    const auto before = whoami(connection->get());
    if (!before)
        QFAIL(qPrintable(before.error().toString()));
    QCOMPARE(*before, QStringLiteral("system:serviceaccount:default:rotating-a"));

    // Revoke the first token (its service account is gone), rotate the file.
    ApiRequest remove = ApiRequest::get(kServiceAccounts, QStringLiteral("default"), accounts[0]);
    remove.verb = "DELETE";
    const auto removed = fetch(admin.get(), remove);
    if (!removed)
        QFAIL(qPrintable(removed.error().toString()));
    const QDateTime stamp = QFileInfo(tokenFile).lastModified();
    QVERIFY(writeBytes(tokenFile, second));
    {
        QFile f(tokenFile);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(stamp, QFileDevice::FileModificationTime));
    }

    QSignalSpy handled(m_fixture->sandbox().server(), &SandboxServer::requestHandled);
    int attempts = 0;
    const auto after = whoami(connection->get(), &attempts);
    if (!after)
        QFAIL(qPrintable(after.error().toString()));
    QCOMPARE(*after, QStringLiteral("system:serviceaccount:default:rotating-b"));
    QCOMPARE(attempts, 2);
    // The sandbox may still be answering other tests' leftovers: only the reviews count.
    auto reviewStatuses = [&handled] {
        QList<int> statuses;
        for (const QList<QVariant> &h : std::as_const(handled)) {
            if (h.at(1).toString().endsWith(QLatin1String("/selfsubjectreviews")))
                statuses.append(h.at(2).toInt());
        }
        return statuses;
    };
    QTRY_COMPARE_WITH_TIMEOUT(reviewStatuses(), (QList<int>{401, 201}), 10000);
}

void tst_ConnectionSandbox::execPluginCachesExpiresAndReexecsOnce()
{
    // The plugin prints credential-<n>.json on its n-th run (credential.json when there is none)
    // and counts its runs; the test writes the credentials, so nothing secret is on a command line.
    const char *const script = R"(#!/bin/sh
n=$(cat "$1/count" 2>/dev/null || echo 0)
n=$((n+1))
echo $n > "$1/count"
if [ -f "$1/credential-$n.json" ]; then cat "$1/credential-$n.json"; else cat "$1/credential.json"; fi
)";
    ResolvedContext base;
    QVERIFY(open(QStringLiteral("sandbox-token"), &base));
    const QString valid = base.user.token;
    auto credential = [](const QString &token, const QDateTime &expiry) {
        return QJsonDocument(
                   QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("client.authentication.k8s.io/v1")},
                               {QStringLiteral("kind"), QStringLiteral("ExecCredential")},
                               {QStringLiteral("status"),
                                QJsonObject{{QStringLiteral("token"), token},
                                            {QStringLiteral("expirationTimestamp"),
                                             expiry.toString(Qt::ISODate)}}}})
            .toJson(QJsonDocument::Compact);
    };
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime past = now.addSecs(-60);
    const QDateTime later = now.addSecs(3600);

    struct Plugin
    {
        QTemporaryDir dir;
        int runs() const { return readBytes(dir.filePath(QStringLiteral("count"))).trimmed().toInt(); }
    };
    auto connect = [&](Plugin &plugin) -> std::unique_ptr<Connection> {
        if (!writeBytes(plugin.dir.filePath(QStringLiteral("plugin.sh")), script, true))
            return nullptr;
        ResolvedContext context = base;
        context.user = {};
        context.user.name = QStringLiteral("exec-user");
        ExecConfig exec;
        exec.apiVersion = QStringLiteral("client.authentication.k8s.io/v1");
        exec.command = plugin.dir.filePath(QStringLiteral("plugin.sh"));
        exec.args = {plugin.dir.path()};
        exec.interactiveMode = ExecConfig::InteractiveMode::Never;
        context.user.exec = exec;
        auto connection = Connection::create(context);
        return connection ? std::move(*connection) : nullptr;
    };
    const ApiRequest list = ApiRequest::get(kNamespaces);

    // Expiry and caching: an expired credential is used once, then the plugin runs again; the
    // new one, valid for an hour, is kept.
    {
        Plugin plugin;
        QVERIFY(writeBytes(plugin.dir.filePath(QStringLiteral("credential-1.json")), credential(valid, past)));
        QVERIFY(writeBytes(plugin.dir.filePath(QStringLiteral("credential.json")), credential(valid, later)));
        auto connection = connect(plugin);
        QVERIFY(connection);
        QCOMPARE(connection->authProvider()->method(), AuthProvider::Method::Exec);
        QVERIFY(fetch(connection.get(), list).has_value());
        QCOMPARE(plugin.runs(), 1);
        QVERIFY(fetch(connection.get(), list).has_value());
        QCOMPARE(plugin.runs(), 2); // the first credential had expired
        QVERIFY(fetch(connection.get(), list).has_value());
        QVERIFY(fetch(connection.get(), list).has_value());
        QCOMPARE(plugin.runs(), 2); // cached until its expirationTimestamp
    }
    // A credential the server rejects (401) is dropped and the plugin runs once more.
    {
        Plugin plugin;
        QVERIFY(writeBytes(plugin.dir.filePath(QStringLiteral("credential-1.json")),
                           credential(QStringLiteral("revoked-token-0123456789"), later)));
        QVERIFY(writeBytes(plugin.dir.filePath(QStringLiteral("credential.json")), credential(valid, later)));
        auto connection = connect(plugin);
        QVERIFY(connection);
        const auto who = whoami(connection.get());
        if (!who)
            QFAIL(qPrintable(who.error().toString()));
        QCOMPARE(*who, QStringLiteral("developer"));
        QCOMPARE(plugin.runs(), 2);
        QVERIFY(fetch(connection.get(), list).has_value());
        QCOMPARE(plugin.runs(), 2);
    }
    // Only once: when the new credential is rejected too, the 401 is the answer.
    {
        Plugin plugin;
        QVERIFY(writeBytes(plugin.dir.filePath(QStringLiteral("credential.json")),
                           credential(QStringLiteral("revoked-token-0123456789"), later)));
        auto connection = connect(plugin);
        QVERIFY(connection);
        const auto denied = fetch(connection.get(), list);
        QVERIFY(!denied);
        QCOMPARE(denied.error().httpStatus, 401);
        QCOMPARE(denied.error().reason, QStringLiteral("Unauthorized"));
        QVERIFY(!denied.error().toString().contains(QStringLiteral("revoked-token")));
        QCOMPARE(plugin.runs(), 2);
    }
}

void tst_ConnectionSandbox::basicAuthOptIn()
{
    SandboxOptions options;
    options.basicAuthUsers = {{QStringLiteral("alice"), QStringLiteral("alice-secret-pw"),
                               QStringLiteral("1001"), {QStringLiteral("system:masters")}}};
    SandboxFixture basic(options);
    QVERIFY2(basic.error().isEmpty(), qPrintable(basic.error()));
    QUrl server;
    QByteArray ca;
    basic.sandbox().invoke([&](SandboxServer &s) {
        server = s.url();
        ca = s.caCertificatePem();
    });

    // The kubeconfig's username/password fields, read as kubectl reads them.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("config"));
    QVERIFY(writeBytes(path, "apiVersion: v1\nkind: Config\ncurrent-context: right\nclusters:\n"
                             "- name: basic\n  cluster:\n    server: " + server.toString().toUtf8()
                                 + "\n    certificate-authority-data: " + ca.toBase64()
                                 + "\nusers:\n- name: alice\n  user: {username: alice, password: alice-secret-pw}\n"
                                   "- name: wrong\n  user: {username: alice, password: not-her-pw}\n"
                                   "contexts:\n- name: right\n  context: {cluster: basic, user: alice}\n"
                                   "- name: wrong\n  context: {cluster: basic, user: wrong}\n"));
    auto config = Kubeconfig::load(path);
    if (!config)
        QFAIL(qPrintable(config.error().toString()));
    auto right = config->resolve(QStringLiteral("right"));
    auto wrong = config->resolve(QStringLiteral("wrong"));
    QVERIFY(right && wrong);

    auto alice = Connection::create(*right);
    QVERIFY(alice.has_value());
    QCOMPARE((*alice)->authProvider()->method(), AuthProvider::Method::Basic);
    const auto who = whoami(alice->get());
    if (!who)
        QFAIL(qPrintable(who.error().toString()));
    QCOMPARE(*who, QStringLiteral("alice"));
    const auto listed = fetch(alice->get(), ApiRequest::get(kNamespaces));
    if (!listed)
        QFAIL(qPrintable(listed.error().toString()));
    QCOMPARE(listed->status, 200);

    auto impostor = Connection::create(*wrong);
    QVERIFY(impostor.has_value());
    const auto denied = fetch(impostor->get(), ApiRequest::get(kNamespaces));
    QVERIFY(!denied);
    QCOMPARE(denied.error().httpStatus, 401);
    QCOMPARE(denied.error().reason, QStringLiteral("Unauthorized"));
    QVERIFY(!denied.error().toString().contains(QStringLiteral("not-her-pw")));
    QVERIFY(!denied.error().toString().contains(QStringLiteral("alice-secret-pw")));

    // Off by default, as in kube-apiserver since 1.19: the right password, another sandbox.
    ResolvedContext elsewhere;
    QVERIFY(open(QStringLiteral("sandbox-token"), &elsewhere));
    elsewhere.user = right->user;
    auto off = Connection::create(elsewhere);
    QVERIFY(off.has_value());
    const auto refused = fetch(off->get(), ApiRequest::get(kNamespaces));
    QVERIFY(!refused);
    QCOMPARE(refused.error().httpStatus, 401);
}

QTEST_GUILESS_MAIN(tst_ConnectionSandbox)
#include "tst_connectionsandbox.moc"
