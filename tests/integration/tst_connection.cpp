// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
//
// Connection against loopback servers (plain HTTP and TLS with throw-away certificates): every
// auth method, retries, timeouts, streams, TLS failures, a CONNECT proxy, two connections.
#include "config/kubeconfig.h"
#include "fetch.h"
#include "loopbackserver.h"
#include "net/connection.h"
#include "testpki.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <optional>

using namespace Qluster;
using Qluster::Test::fetch;

class tst_Connection final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void tokenImpersonationAndProfileHeaders();
    void gzipAndDisableCompression();
    void kusciaTokenHeader();
    void basicAuth();
    void tokenFileRotation();
    void execPluginCachingExpiryAndReexec();
    void execPluginExpiry();
    void execPluginErrors_data();
    void execPluginErrors();
    void realGkePluginErrorIsQuoted();
    void pluginFoundInPathOfItsEnvironment();
    void unsupportedAuthProvider();
    void noSecretInAnyError();
    void unauthorizedAndForbiddenMessages();
    void retriesReadsNeverWrites();
    void requestTimeout();
    void streamDeliversChunks();
    void headOfA2xxBodyWhileItArrives();
    void twentyWatchesDoNotStarveRequests();
    void twoConnectionsCloseOne();
    void oidcRefreshesExpiredIdToken();
    void tlsClientCertificateData_data();
    void tlsClientCertificateData();
    void tlsClientCertificateFilesThroughKubeconfig();
    void tlsFailuresAreClear_data();
    void tlsFailuresAreClear();
    void tlsServerName();
    void execPluginClientCertificate();
    void streamRetriesOnceAfter401();
    void insecureSkipTlsVerify();
    void proxyUrlThroughConnectProxy();
    void proxyUrlThroughSocks5();

private:
    QTemporaryDir m_dir;
    TestPki::Issued m_ca;
    TestPki::Issued m_serverCert;
};

namespace {

ResolvedContext contextFor(const QUrl &server, const KubeconfigUser &user = {},
                           const KubeconfigCluster &base = {})
{
    ResolvedContext c;
    c.contextName = QStringLiteral("test");
    c.cluster = base;
    c.cluster.name = QStringLiteral("test-cluster");
    c.cluster.server = server.toString();
    c.user = user;
    if (c.user.name.isEmpty())
        c.user.name = QStringLiteral("test-user");
    c.namespaceName = QStringLiteral("default");
    return c;
}

std::unique_ptr<Connection> open(const ResolvedContext &context, ConnectionOptions options = {})
{
    options.retryBaseDelayMs = 10;
    auto c = Connection::create(context, options);
    if (!c) {
        qWarning("%s", qPrintable(c.error().toString()));
        return nullptr;
    }
    return std::move(*c);
}

ApiRequest versionRequest()
{
    return ApiRequest::raw(QStringLiteral("/version"));
}

const QByteArray kVersion = R"({"major":"1","minor":"30","gitVersion":"v1.30.0"})";

QByteArray statusBody(int code, const char *reason, const char *message)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("kind"), QStringLiteral("Status")},
                                     {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                     {QStringLiteral("status"), QStringLiteral("Failure")},
                                     {QStringLiteral("message"), QLatin1String(message)},
                                     {QStringLiteral("reason"), QLatin1String(reason)},
                                     {QStringLiteral("code"), code}})
        .toJson(QJsonDocument::Compact);
}

// A handler that answers /version only to requests whose Authorization is in `accepted`.
LoopbackServer::Handler acceptBearer(const QList<QByteArray> *accepted)
{
    return [accepted](const LoopbackServer::Request &r, LoopbackServer::Exchange &x) {
        const QByteArray auth = r.header("Authorization");
        if (!accepted->contains(auth)) {
            x.replyJson(401, statusBody(401, "Unauthorized", "Unauthorized"));
            return;
        }
        x.replyJson(200, kVersion);
    };
}

bool writeFile(const QString &path, const QByteArray &data, bool executable = false)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    f.write(data);
    f.close();
    if (executable)
        f.setPermissions(f.permissions() | QFileDevice::ExeOwner);
    return true;
}

quint32 crc32(const QByteArray &data)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char ch : data) {
        crc ^= quint8(ch);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

QByteArray gzip(const QByteArray &data)
{
    // qCompress: 4-byte length + zlib stream (2-byte header, raw deflate, 4-byte adler32).
    const QByteArray z = qCompress(data);
    QByteArray out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
    out += z.mid(6, z.size() - 10);
    const quint32 crc = crc32(data);
    const quint32 size = quint32(data.size());
    for (int i = 0; i < 4; ++i)
        out += char((crc >> (8 * i)) & 0xFF);
    for (int i = 0; i < 4; ++i)
        out += char((size >> (8 * i)) & 0xFF);
    return out;
}

QByteArray jwt(qint64 exp)
{
    const QByteArray header = QByteArray(R"({"alg":"none"})").toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QByteArray payload = QJsonDocument(QJsonObject{{QStringLiteral("exp"), double(exp)},
                                                         {QStringLiteral("sub"), QStringLiteral("u")}})
                                   .toJson(QJsonDocument::Compact)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return header + '.' + payload + ".sig";
}

const char *const kExecScript = R"(#!/bin/sh
n=$(cat "$COUNT_FILE" 2>/dev/null || echo 0)
n=$((n+1))
echo $n > "$COUNT_FILE"
printf '%s' "$KUBERNETES_EXEC_INFO" > "$COUNT_FILE.info"
exp=$(date -u -d "+${EXPIRY_SECS} seconds" +%Y-%m-%dT%H:%M:%SZ)
printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"exec-token-%s","expirationTimestamp":"%s"}}' "$n" "$exp"
)";

KubeconfigUser execUser(const QString &script, const QString &countFile, int expirySecs,
                        const QString &apiVersion = QStringLiteral("client.authentication.k8s.io/v1"))
{
    KubeconfigUser u;
    u.name = QStringLiteral("exec-user");
    ExecConfig e;
    e.apiVersion = apiVersion;
    e.command = script;
    e.env = {{QStringLiteral("COUNT_FILE"), countFile},
             {QStringLiteral("EXPIRY_SECS"), QString::number(expirySecs)}};
    e.provideClusterInfo = true;
    e.interactiveMode = ExecConfig::InteractiveMode::Never;
    e.installHint = QStringLiteral("Install the test plugin from example.com/plugin");
    u.exec = e;
    return u;
}

QSslConfiguration serverTls(const TestPki::Issued &cert, const TestPki::Issued &ca)
{
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setLocalCertificate(QSslCertificate(cert.certificatePem, QSsl::Pem));
    ssl.setPrivateKey(QSslKey(cert.keyPem, QSsl::Rsa, QSsl::Pem));
    if (ssl.privateKey().isNull())
        ssl.setPrivateKey(QSslKey(cert.keyPem, QSsl::Ec, QSsl::Pem));
    ssl.setCaCertificates({QSslCertificate(ca.certificatePem, QSsl::Pem)});
    ssl.setPeerVerifyMode(QSslSocket::QueryPeer);
    return ssl;
}

} // namespace

void tst_Connection::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_ca = TestPki::makeCa(QStringLiteral("qluster-test-ca"));
    TestPki::Options server;
    server.commonName = QStringLiteral("127.0.0.1");
    server.dnsNames = {QStringLiteral("localhost")};
    server.ipAddresses = {QStringLiteral("127.0.0.1")};
    m_serverCert = TestPki::issue(m_ca, server);
    QVERIFY(!QSslCertificate(m_serverCert.certificatePem, QSsl::Pem).isNull());
}

void tst_Connection::tokenImpersonationAndProfileHeaders()
{
    LoopbackServer server;
    server.setHandler([](const LoopbackServer::Request &, LoopbackServer::Exchange &x) {
        x.replyJson(200, R"({"kind":"PodList","items":[]})");
    });
    QVERIFY(server.listen());
    KubeconfigUser user;
    user.token = QStringLiteral("secret-token-123");
    user.impersonate = QStringLiteral("jane");
    user.impersonateUid = QStringLiteral("42");
    user.impersonateGroups = {QStringLiteral("devs")};
    user.impersonateUserExtra = {{QStringLiteral("acme.com/project"), {QStringLiteral("p1")}}};
    ConnectionOptions options;
    options.profile = ConnectionProfile::tkeStack(QStringLiteral("cls-abc"));
    auto connection = open(contextFor(server.url(), user), options);
    QVERIFY(connection);
    QCOMPARE(connection->authProvider()->method(), AuthProvider::Method::Token);
    QVERIFY(connection->isInsecure()); // plain http
    QVERIFY(connection->isUnencrypted());

    ApiRequest list = ApiRequest::get(Gvr{QString(), QStringLiteral("v1"), QStringLiteral("pods")},
                                      QStringLiteral("demo"));
    list.labelSelector = QStringLiteral("app=web");
    const auto r = fetch(connection.get(), list);
    if (!r)
        QFAIL(qPrintable(r.error().toString()));
    QCOMPARE(r->status, 200);
    QCOMPARE(r->body, QByteArray(R"({"kind":"PodList","items":[]})"));
    QCOMPARE(r->header("content-type"), QByteArray("application/json"));

    QCOMPARE(server.requests.size(), 1);
    const auto &req = server.requests.first();
    QCOMPARE(req.method, QByteArray("GET"));
    QCOMPARE(req.target, QByteArray("/platform/api/v1/namespaces/demo/pods?labelSelector=app%3Dweb"));
    QCOMPARE(req.header("Authorization"), QByteArray("Bearer secret-token-123"));
    QCOMPARE(req.header("Accept"), QByteArray("application/json"));
    QVERIFY2(req.header("User-Agent").startsWith("qluster/" QLUSTER_VERSION_STRING " ("),
             req.header("User-Agent").constData());
    QCOMPARE(req.header("Impersonate-User"), QByteArray("jane"));
    QCOMPARE(req.header("Impersonate-Uid"), QByteArray("42"));
    QCOMPARE(req.header("Impersonate-Group"), QByteArray("devs"));
    QCOMPARE(req.header("Impersonate-Extra-acme.com%2Fproject"), QByteArray("p1"));
    QCOMPARE(req.header("X-TKE-ClusterName"), QByteArray("cls-abc"));

    // A POST carries its body and content type and is not retried.
    ApiRequest create = ApiRequest::get(Gvr{QString(), QStringLiteral("v1"), QStringLiteral("configmaps")},
                                        QStringLiteral("demo"));
    create.verb = "POST";
    create.body = R"({"metadata":{"name":"x"}})";
    create.dryRun = true;
    QVERIFY(fetch(connection.get(), create).has_value());
    QCOMPARE(server.requests.last().method, QByteArray("POST"));
    QCOMPARE(server.requests.last().body, create.body);
    QCOMPARE(server.requests.last().header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(server.requests.last().target, QByteArray("/platform/api/v1/namespaces/demo/configmaps?dryRun=All"));

    // Several groups need repeated headers, which Qt cannot send: refused, not half-done.
    user.impersonateGroups = {QStringLiteral("a"), QStringLiteral("b")};
    QVERIFY(!Connection::create(contextFor(server.url(), user)));
}

void tst_Connection::gzipAndDisableCompression()
{
    const QByteArray big = QByteArray(R"({"items":[)") + QByteArray(5000, 'x') + "]}";
    LoopbackServer server;
    server.setHandler([&](const LoopbackServer::Request &r, LoopbackServer::Exchange &x) {
        if (r.header("Accept-Encoding").contains("gzip"))
            x.reply(200, gzip(big), {{"Content-Type", "application/json"}, {"Content-Encoding", "gzip"}});
        else
            x.reply(200, big, {{"Content-Type", "application/json"}});
    });
    QVERIFY(server.listen());
    auto compressed = open(contextFor(server.url()));
    QVERIFY(compressed);
    const auto r = fetch(compressed.get(), versionRequest());
    if (!r)
        QFAIL(qPrintable(r.error().toString()));
    QVERIFY(server.requests.last().header("Accept-Encoding").contains("gzip"));
    QCOMPARE(r->body, big);

    KubeconfigCluster plain;
    plain.disableCompression = true;
    auto identity = open(contextFor(server.url(), {}, plain));
    QVERIFY(identity);
    const auto r2 = fetch(identity.get(), versionRequest());
    if (!r2)
        QFAIL(qPrintable(r2.error().toString()));
    QCOMPARE(server.requests.last().header("Accept-Encoding"), QByteArray("identity"));
    QCOMPARE(r2->body, big);
}

void tst_Connection::kusciaTokenHeader()
{
    LoopbackServer server;
    server.setHandler([](const LoopbackServer::Request &, LoopbackServer::Exchange &x) {
        x.replyJson(200, kVersion);
    });
    QVERIFY(server.listen());
    KubeconfigUser user;
    user.token = QStringLiteral("kuscia-token");
    ConnectionOptions options;
    options.profile = ConnectionProfile::kuscia();
    auto connection = open(contextFor(server.url(), user), options);
    QVERIFY(connection);
    QVERIFY(fetch(connection.get(), versionRequest()).has_value());
    QCOMPARE(server.requests.last().header("Token"), QByteArray("kuscia-token"));
    QVERIFY(!server.requests.last().headers.contains("authorization"));
}

void tst_Connection::basicAuth()
{
    const QList<QByteArray> accepted = {"Basic " + QByteArray("admin:hunter2").toBase64()};
    LoopbackServer server;
    server.setHandler(acceptBearer(&accepted));
    QVERIFY(server.listen());
    KubeconfigUser user;
    user.username = QStringLiteral("admin");
    user.password = QStringLiteral("hunter2");
    auto good = open(contextFor(server.url(), user));
    QVERIFY(good);
    QCOMPARE(good->authProvider()->method(), AuthProvider::Method::Basic);
    const auto ok = fetch(good.get(), versionRequest());
    if (!ok)
        QFAIL(qPrintable(ok.error().toString()));
    QCOMPARE(ok->body, kVersion);

    user.password = QStringLiteral("wrong-password");
    auto bad = open(contextFor(server.url(), user));
    const auto denied = fetch(bad.get(), versionRequest());
    QVERIFY(!denied);
    QCOMPARE(denied.error().httpStatus, 401);
    QVERIFY(!denied.error().toString().contains(QStringLiteral("wrong-password")));
}

void tst_Connection::tokenFileRotation()
{
    const QString tokenFile = m_dir.filePath(QStringLiteral("token"));
    QVERIFY(writeFile(tokenFile, "token-one\n"));
    QList<QByteArray> accepted = {"Bearer token-one"};
    LoopbackServer server;
    server.setHandler(acceptBearer(&accepted));
    QVERIFY(server.listen());
    KubeconfigUser user;
    user.tokenFile = tokenFile;
    user.token = QStringLiteral("static-fallback");
    auto connection = open(contextFor(server.url(), user));
    QVERIFY(connection);
    QCOMPARE(connection->authProvider()->method(), AuthProvider::Method::TokenFile);
    QVERIFY(fetch(connection.get(), versionRequest()).has_value());

    // Rotated with another size: read again before the next request, no 401 needed.
    QVERIFY(writeFile(tokenFile, "token-two-longer\n"));
    accepted = {"Bearer token-two-longer"};
    const qsizetype before = server.requests.size();
    QVERIFY(fetch(connection.get(), versionRequest()).has_value());
    QCOMPARE(server.requests.size(), before + 1);

    // Rotated in place with the same size and time stamp: the 401 makes us read it again.
    const QDateTime stamp = QFileInfo(tokenFile).lastModified();
    QVERIFY(writeFile(tokenFile, "token-333-longer\n"));
    {
        QFile f(tokenFile);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(stamp, QFileDevice::FileModificationTime));
    }
    accepted = {"Bearer token-333-longer"};
    const auto r = fetch(connection.get(), versionRequest());
    if (!r)
        QFAIL(qPrintable(r.error().toString()));
    QCOMPARE(server.requests.size(), before + 3);
    QCOMPARE(server.requests.at(before + 1).header("Authorization"), QByteArray("Bearer token-two-longer"));
    QCOMPARE(server.requests.last().header("Authorization"), QByteArray("Bearer token-333-longer"));

    // A token file that cannot be read (and no static token) is an Auth error naming the file.
    KubeconfigUser missing;
    missing.tokenFile = m_dir.filePath(QStringLiteral("no-such-token"));
    auto broken = open(contextFor(server.url(), missing));
    const auto e = fetch(broken.get(), versionRequest());
    QVERIFY(!e);
    QCOMPARE(e.error().kind, Error::Kind::Auth);
    QVERIFY(e.error().toString().contains(m_dir.filePath(QStringLiteral("no-such-token"))));
}

void tst_Connection::execPluginCachingExpiryAndReexec()
{
    const QString script = m_dir.filePath(QStringLiteral("plugin.sh"));
    QVERIFY(writeFile(script, kExecScript, true));
    const QString count = m_dir.filePath(QStringLiteral("count-cache"));
    QList<QByteArray> accepted = {"Bearer exec-token-1"};
    LoopbackServer server;
    server.setHandler(acceptBearer(&accepted));
    QVERIFY(server.listen());
    auto connection = open(contextFor(server.url(), execUser(script, count, 3600)));
    QVERIFY(connection);
    QCOMPARE(connection->authProvider()->method(), AuthProvider::Method::Exec);

    // Three requests at once share one run; later ones use the cached credential.
    std::vector<std::optional<Result<ApiResponse>>> results(3);
    for (auto &slot : results)
        connection->send(versionRequest(), this, [&slot](const Result<ApiResponse> &r) { slot = r; });
    QTRY_VERIFY_WITH_TIMEOUT(results[0] && results[1] && results[2], 20000);
    for (const auto &r : results)
        QVERIFY(r->has_value());
    QVERIFY(fetch(connection.get(), versionRequest()).has_value());
    QCOMPARE(connection->authProvider()->execRuns(), 1);

    // The plugin saw KUBERNETES_EXEC_INFO with the cluster (provideClusterInfo) and no terminal.
    QFile info(count + QStringLiteral(".info"));
    QVERIFY(info.open(QIODevice::ReadOnly));
    const QJsonObject execInfo = QJsonDocument::fromJson(info.readAll()).object();
    QCOMPARE(execInfo.value(QStringLiteral("kind")).toString(), QStringLiteral("ExecCredential"));
    const QJsonObject spec = execInfo.value(QStringLiteral("spec")).toObject();
    QCOMPARE(spec.value(QStringLiteral("interactive")).toBool(true), false);
    QCOMPARE(spec.value(QStringLiteral("cluster")).toObject().value(QStringLiteral("server")).toString(),
             server.url().toString());

    // The server stops accepting the cached token: one 401, one new run, success.
    accepted = {"Bearer exec-token-2"};
    const auto r = fetch(connection.get(), versionRequest());
    if (!r)
        QFAIL(qPrintable(r.error().toString()));
    QCOMPARE(connection->authProvider()->execRuns(), 2);

    // A server that rejects every token: re-exec once only, then the 401 is reported.
    accepted.clear();
    const auto denied = fetch(connection.get(), versionRequest());
    QVERIFY(!denied);
    QCOMPARE(denied.error().httpStatus, 401);
    QCOMPARE(connection->authProvider()->execRuns(), 3);
}

void tst_Connection::execPluginExpiry()
{
    const QString script = m_dir.filePath(QStringLiteral("plugin.sh"));
    QVERIFY(writeFile(script, kExecScript, true));
    const QString count = m_dir.filePath(QStringLiteral("count-expiry"));
    QList<QByteArray> accepted = {"Bearer exec-token-1", "Bearer exec-token-2", "Bearer exec-token-3"};
    LoopbackServer server;
    server.setHandler(acceptBearer(&accepted));
    QVERIFY(server.listen());
    // Credentials that expire within seconds are not reused: each request runs the plugin.
    auto connection = open(contextFor(server.url(), execUser(script, count, 2)));
    QVERIFY(connection);
    QVERIFY(fetch(connection.get(), versionRequest()).has_value());
    QVERIFY(fetch(connection.get(), versionRequest()).has_value());
    QCOMPARE(connection->authProvider()->execRuns(), 2);
    QCOMPARE(server.requests.last().header("Authorization"), QByteArray("Bearer exec-token-2"));
}

void tst_Connection::execPluginErrors_data()
{
    QTest::addColumn<QByteArray>("script"); // empty: command does not exist
    QTest::addColumn<int>("interactiveMode");
    QTest::addColumn<int>("timeoutMs");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("secret");

    QTest::newRow("missing command")
        << QByteArray() << int(ExecConfig::InteractiveMode::Never) << 10000
        << QStringList{QStringLiteral("executable %1 not found"),
                       QStringLiteral("Install the test plugin from example.com/plugin")}
        << QString();
    QTest::newRow("garbage output")
        << QByteArray("#!/bin/sh\necho '  <html>login   page</html>  '\n")
        << int(ExecConfig::InteractiveMode::Never) << 10000
        << QStringList{QStringLiteral("not an ExecCredential: \"<html>login page</html>\"")}
        << QString();
    QTest::newRow("failure with stderr")
        << QByteArray("#!/bin/sh\necho 'error: you must log in first' >&2\nexit 3\n")
        << int(ExecConfig::InteractiveMode::Never) << 10000
        << QStringList{QStringLiteral("exit code 3"), QStringLiteral("\"error: you must log in first\"")}
        << QString();
    QTest::newRow("timeout quotes stderr")
        << QByteArray("#!/bin/sh\necho 'waiting for browser' >&2\nexec sleep 30\n")
        << int(ExecConfig::InteractiveMode::Never) << 700
        << QStringList{QStringLiteral("did not answer within 0.7 s"),
                       QStringLiteral("\"waiting for browser\"")}
        << QString();
    QTest::newRow("needs a terminal")
        << QByteArray("#!/bin/sh\nexit 0\n") << int(ExecConfig::InteractiveMode::Always) << 10000
        << QStringList{QStringLiteral("interactive terminal")} << QString();
    QTest::newRow("wrong apiVersion never quotes the credential")
        << QByteArray("#!/bin/sh\necho '{\"apiVersion\":\"client.authentication.k8s.io/v1alpha1\","
                      "\"kind\":\"ExecCredential\",\"status\":{\"token\":\"leaked-secret\"}}'\n")
        << int(ExecConfig::InteractiveMode::Never) << 10000
        << QStringList{QStringLiteral("apiVersion \"client.authentication.k8s.io/v1alpha1\"")}
        << QStringLiteral("leaked-secret");
    QTest::newRow("a bare token printed is never quoted")
        << QByteArray("#!/bin/sh\necho 'eyJhbGciOiJSUzI1NiJ9.bare-secret-token.sig'\n")
        << int(ExecConfig::InteractiveMode::Never) << 10000
        << QStringList{QStringLiteral("look like a bare token (not shown)")}
        << QStringLiteral("bare-secret-token");
    QTest::newRow("no token nor certificate")
        << QByteArray("#!/bin/sh\necho '{\"apiVersion\":\"client.authentication.k8s.io/v1\","
                      "\"kind\":\"ExecCredential\",\"status\":{}}'\n")
        << int(ExecConfig::InteractiveMode::Never) << 10000
        << QStringList{QStringLiteral("neither a token nor a client certificate")} << QString();
}

void tst_Connection::execPluginErrors()
{
    QFETCH(QByteArray, script);
    QFETCH(int, interactiveMode);
    QFETCH(int, timeoutMs);
    QFETCH(QStringList, expected);
    QFETCH(QString, secret);

    QString path = m_dir.filePath(QStringLiteral("no-such-plugin"));
    if (!script.isEmpty()) {
        path = m_dir.filePath(QStringLiteral("bad-plugin-%1.sh").arg(QLatin1String(QTest::currentDataTag())).replace(QLatin1Char(' '), QLatin1Char('-')));
        QVERIFY(writeFile(path, script, true));
    }
    LoopbackServer server;
    QVERIFY(server.listen());
    KubeconfigUser user = execUser(path, m_dir.filePath(QStringLiteral("count-errors")), 3600);
    user.exec->interactiveMode = ExecConfig::InteractiveMode(interactiveMode);
    ConnectionOptions options;
    options.execTimeoutMs = timeoutMs;
    auto connection = open(contextFor(server.url(), user), options);
    QVERIFY(connection);
    const auto r = fetch(connection.get(), versionRequest());
    QVERIFY(!r);
    QCOMPARE(r.error().kind, Error::Kind::Auth);
    const QString text = r.error().toString();
    for (const QString &part : expected)
        QVERIFY2(text.contains(part.contains(QStringLiteral("%1")) ? part.arg(path) : part), qPrintable(text));
    if (!secret.isEmpty())
        QVERIFY2(!text.contains(secret), qPrintable(text));
    QVERIFY(server.requests.isEmpty()); // nothing was sent without credentials
}

void tst_Connection::realGkePluginErrorIsQuoted()
{
    const QString plugin = QStringLiteral("/usr/bin/gke-gcloud-auth-plugin");
    QVERIFY2(QFileInfo::exists(plugin), "the Debian image ships gke-gcloud-auth-plugin");
    LoopbackServer server;
    QVERIFY(server.listen());
    KubeconfigUser user;
    user.name = QStringLiteral("gke");
    ExecConfig e;
    e.apiVersion = QStringLiteral("client.authentication.k8s.io/v1beta1");
    e.command = plugin;
    e.installHint = QStringLiteral("Install gke-gcloud-auth-plugin for use with kubectl by following "
                                   "https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl#install_plugin");
    e.provideClusterInfo = true;
    user.exec = e;
    ConnectionOptions options;
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
    env.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("gke-home")));
    options.environment = env;
    auto connection = open(contextFor(server.url(), user), options);
    QVERIFY(connection);
    const auto r = fetch(connection.get(), versionRequest(), 60000);
    QVERIFY(!r);
    const QString text = r.error().toString();
    QCOMPARE(r.error().kind, Error::Kind::Auth);
    QVERIFY2(text.contains(QStringLiteral("gke-gcloud-auth-plugin failed with exit code 1: \"")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("do not currently have an active account")), qPrintable(text));
}

void tst_Connection::pluginFoundInPathOfItsEnvironment()
{
    QTemporaryDir bin;
    QVERIFY(writeFile(bin.filePath(QStringLiteral("qluster-test-plugin")), kExecScript, true));
    QList<QByteArray> accepted = {"Bearer exec-token-1"};
    LoopbackServer server;
    server.setHandler(acceptBearer(&accepted));
    QVERIFY(server.listen());
    KubeconfigUser user = execUser(QStringLiteral("qluster-test-plugin"),
                                   m_dir.filePath(QStringLiteral("count-path")), 3600);
    ConnectionOptions options;
    options.environment = QProcessEnvironment::systemEnvironment();
    options.environment.insert(QStringLiteral("PATH"), bin.path() + QDir::listSeparator()
                                                           + options.environment.value(QStringLiteral("PATH")));
    auto connection = open(contextFor(server.url(), user), options);
    const auto r = fetch(connection.get(), versionRequest());
    if (!r)
        QFAIL(qPrintable(r.error().toString()));
    // Without that PATH entry the bare name is not found, and the hint is shown.
    auto without = open(contextFor(server.url(), user));
    const auto missing = fetch(without.get(), versionRequest());
    QVERIFY(!missing);
    QVERIFY2(missing.error().toString().contains(QStringLiteral("executable qluster-test-plugin not found")),
             qPrintable(missing.error().toString()));
}

void tst_Connection::unsupportedAuthProvider()
{
    LoopbackServer server;
    QVERIFY(server.listen());
    KubeconfigUser user;
    user.name = QStringLiteral("gcp-user");
    user.authProvider = AuthProviderConfig{QStringLiteral("gcp"), {{QStringLiteral("access-token"), QStringLiteral("ya29.secret")}}};
    auto connection = open(contextFor(server.url(), user));
    const auto r = fetch(connection.get(), versionRequest());
    QVERIFY(!r);
    QCOMPARE(r.error().kind, Error::Kind::Auth);
    QVERIFY2(r.error().message.contains(QStringLiteral("auth-provider \"gcp\"")), qPrintable(r.error().message));
    QVERIFY(r.error().message.contains(QStringLiteral("exec credential plugin")));
    QVERIFY(!r.error().toString().contains(QStringLiteral("ya29.secret")));
    QVERIFY(server.requests.isEmpty());
}

void tst_Connection::noSecretInAnyError()
{
    // Every user kind meets a 401 and a 403; neither the error nor its rendering holds a secret.
    LoopbackServer server;
    int n = 0;
    server.setHandler([&n](const LoopbackServer::Request &, LoopbackServer::Exchange &x) {
        if (++n % 2)
            x.replyJson(401, statusBody(401, "Unauthorized", "Unauthorized"));
        else
            x.replyJson(403, statusBody(403, "Forbidden", "pods is forbidden: User \"u\" cannot list"));
    });
    QVERIFY(server.listen());
    const QString script = m_dir.filePath(QStringLiteral("secret-plugin.sh"));
    QVERIFY(writeFile(script, "#!/bin/sh\necho '{\"apiVersion\":\"client.authentication.k8s.io/v1\","
                              "\"kind\":\"ExecCredential\",\"status\":{\"token\":\"exec-secret-9\"}}'\n",
                      true));
    KubeconfigUser token;
    token.token = QStringLiteral("tok-secret-1");
    KubeconfigUser basic;
    basic.username = QStringLiteral("admin");
    basic.password = QStringLiteral("pw-secret-2");
    KubeconfigUser exec = execUser(script, m_dir.filePath(QStringLiteral("c")), 3600);
    const QStringList secrets = {QStringLiteral("tok-secret-1"), QStringLiteral("pw-secret-2"),
                                 QStringLiteral("exec-secret-9"),
                                 QString::fromLatin1(QByteArray("admin:pw-secret-2").toBase64())};
    for (const KubeconfigUser &user : {token, basic, exec}) {
        auto connection = open(contextFor(server.url(), user));
        QVERIFY(connection);
        for (int i = 0; i < 2; ++i) {
            const auto r = fetch(connection.get(), versionRequest());
            QVERIFY(!r);
            const Error &e = r.error();
            const QString all = e.toString() + e.message + e.reason + e.url.toString() + e.verb + e.file;
            for (const QString &secret : secrets)
                QVERIFY2(!all.contains(secret), qPrintable(all));
        }
    }
}

void tst_Connection::unauthorizedAndForbiddenMessages()
{
    QFile f403(QStringLiteral(QLUSTER_K8S_API_DIR "/real-1.22/responses/status_403_forbidden.json"));
    QVERIFY(f403.open(QIODevice::ReadOnly));
    const QByteArray forbidden = f403.readAll();
    LoopbackServer server;
    server.setHandler([&](const LoopbackServer::Request &r, LoopbackServer::Exchange &x) {
        if (r.header("Authorization") == "Bearer viewer")
            x.replyJson(403, forbidden);
        else
            x.replyJson(401, statusBody(401, "Unauthorized", "Unauthorized"));
    });
    QVERIFY(server.listen());
    KubeconfigUser anonymous;
    auto a = open(contextFor(server.url(), anonymous));
    const ApiRequest list = ApiRequest::get(Gvr{QString(), QStringLiteral("v1"), QStringLiteral("configmaps")},
                                            QStringLiteral("demo"));
    const auto unauthorized = fetch(a.get(), list);
    QVERIFY(!unauthorized);
    QCOMPARE(unauthorized.error().kind, Error::Kind::Http);
    QCOMPARE(unauthorized.error().toString(),
             QStringLiteral("GET %1/api/v1/namespaces/demo/configmaps: 401 Unauthorized: Unauthorized")
                 .arg(server.url().toString()));

    KubeconfigUser viewer;
    viewer.token = QStringLiteral("viewer");
    auto v = open(contextFor(server.url(), viewer));
    const auto denied = fetch(v.get(), list);
    QVERIFY(!denied);
    QCOMPARE(denied.error().httpStatus, 403);
    QCOMPARE(denied.error().reason, QStringLiteral("Forbidden"));
    QVERIFY(denied.error().message.contains(QStringLiteral("cannot list resource \"configmaps\"")));
}

void tst_Connection::retriesReadsNeverWrites()
{
    int failuresLeft = 2;
    LoopbackServer server;
    server.setHandler([&](const LoopbackServer::Request &r, LoopbackServer::Exchange &x) {
        if (r.path() == "/always-busy") {
            x.replyJson(503, statusBody(503, "ServiceUnavailable", "busy"));
        } else if (r.path() == "/throttled") {
            if (failuresLeft-- > 0)
                x.replyJson(429, statusBody(429, "TooManyRequests", "slow down"));
            else
                x.replyJson(200, kVersion);
        } else if (failuresLeft-- > 0) {
            x.reply(failuresLeft ? 500 : 503, "oops");
        } else {
            x.replyJson(200, kVersion);
        }
    });
    QVERIFY(server.listen());
    auto connection = open(contextFor(server.url()));
    QVERIFY(connection);

    QSignalSpy spy(connection.get(), &Connection::closed);
    ApiReply *reply = connection->send(versionRequest());
    int attempts = 0;
    std::optional<Result<ApiResponse>> result;
    QObject::connect(reply, &ApiReply::finished, this, [&] {
        attempts = reply->attempts();
        result = reply->result();
    });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
    QVERIFY(result->has_value());
    QCOMPARE(attempts, 3);

    failuresLeft = 1;
    ApiRequest throttled = ApiRequest::raw(QStringLiteral("/throttled"));
    const qsizetype before = server.requests.size();
    QVERIFY(fetch(connection.get(), throttled).has_value());
    QCOMPARE(server.requests.size(), before + 2);

    // A write is never retried, even on 503.
    ApiRequest write = ApiRequest::raw(QStringLiteral("/always-busy"), "POST");
    write.body = "{}";
    const qsizetype beforeWrite = server.requests.size();
    const auto w = fetch(connection.get(), write);
    QVERIFY(!w);
    QCOMPARE(w.error().httpStatus, 503);
    QCOMPARE(server.requests.size(), beforeWrite + 1);

    // Reads give up after maxRetries.
    const qsizetype beforeRead = server.requests.size();
    const auto busy = fetch(connection.get(), ApiRequest::raw(QStringLiteral("/always-busy")));
    QVERIFY(!busy);
    QCOMPARE(busy.error().reason, QStringLiteral("ServiceUnavailable"));
    QCOMPARE(server.requests.size(), beforeRead + 1 + connection->options().maxRetries);
}

void tst_Connection::requestTimeout()
{
    LoopbackServer server;
    server.setHandler([](const LoopbackServer::Request &, LoopbackServer::Exchange &) {});
    QVERIFY(server.listen());
    auto connection = open(contextFor(server.url()));
    ApiRequest request = versionRequest();
    request.timeoutMs = 300;
    const auto r = fetch(connection.get(), request);
    QVERIFY(!r);
    QCOMPARE(r.error().kind, Error::Kind::Timeout);
    QVERIFY2(r.error().toString().startsWith(QStringLiteral("GET ") + server.url().toString()
                                             + QStringLiteral("/version: no answer within 0.3 s")),
             qPrintable(r.error().toString()));
}

void tst_Connection::streamDeliversChunks()
{
    LoopbackServer server;
    server.setHandler([&server](const LoopbackServer::Request &r, LoopbackServer::Exchange &x) {
        if (r.path().endsWith("/secrets")) {
            x.replyJson(403, statusBody(403, "Forbidden", "secrets is forbidden"));
            return;
        }
        x.beginChunked(200);
        x.writeChunk("{\"type\":\"ADDED\",");
        server.openStreams.append(x);
    });
    QVERIFY(server.listen());
    auto connection = open(contextFor(server.url()));
    ApiRequest watch = ApiRequest::get(Gvr{QString(), QStringLiteral("v1"), QStringLiteral("configmaps")},
                                       QStringLiteral("demo"));
    watch.watch = true;
    watch.allowWatchBookmarks = true;
    ApiStream *stream = connection->stream(watch);
    QByteArray received;
    std::optional<Result<void>> end;
    QObject::connect(stream, &ApiStream::dataReceived, this, [&](const QByteArray &c) { received += c; });
    QObject::connect(stream, &ApiStream::finished, this, [&](const Result<void> &r) { end = r; });
    QTRY_COMPARE_WITH_TIMEOUT(received, QByteArray("{\"type\":\"ADDED\","), 10000);
    QVERIFY(!end);
    QCOMPARE(server.requests.last().target,
             QByteArray("/api/v1/namespaces/demo/configmaps?watch=true&allowWatchBookmarks=true"));
    server.openStreams.first().writeChunk("\"object\":{}}\n");
    QTRY_COMPARE_WITH_TIMEOUT(received, QByteArray("{\"type\":\"ADDED\",\"object\":{}}\n"), 10000);
    server.openStreams.first().endChunked();
    QTRY_VERIFY_WITH_TIMEOUT(end.has_value(), 10000);
    QVERIFY(end->has_value());

    ApiRequest secrets = watch;
    secrets.gvr.resource = QStringLiteral("secrets");
    ApiStream *denied = connection->stream(secrets);
    std::optional<Result<void>> deniedEnd;
    QObject::connect(denied, &ApiStream::finished, this, [&](const Result<void> &r) { deniedEnd = r; });
    QTRY_VERIFY_WITH_TIMEOUT(deniedEnd.has_value(), 10000);
    QVERIFY(!deniedEnd->has_value());
    QCOMPARE(deniedEnd->error().httpStatus, 403);
    QCOMPARE(deniedEnd->error().message, QStringLiteral("secrets is forbidden"));
}

void tst_Connection::headOfA2xxBodyWhileItArrives()
{
    const QByteArray part1 = R"({"kind":"Table","metadata":{"continue":"t1"},)";
    const QByteArray part2 = R"("rows":[{"cells":["a"]},)";
    const QByteArray part3 = QByteArray(R"({"cells":[")") + QByteArray(200, 'x') + R"("]}]})";
    const QByteArray whole = R"({"kind":"ConfigMapList","items":[]})";
    int busyLeft = 1;
    LoopbackServer server;
    server.setHandler([&](const LoopbackServer::Request &r, LoopbackServer::Exchange &x) {
        if (r.path() == "/slow") {
            x.beginChunked(200);
            x.writeChunk(part1);
            server.openStreams.append(x);
        } else if (r.path() == "/busy" && busyLeft-- > 0) {
            x.replyJson(503, statusBody(503, "ServiceUnavailable", "busy"));
        } else if (r.path() == "/busy") {
            x.replyJson(200, whole);
        } else {
            x.replyJson(404, statusBody(404, "NotFound", "no such thing"));
        }
    });
    QVERIFY(server.listen());
    auto connection = open(contextFor(server.url()));
    QVERIFY(connection);

    // The head grows with each piece of the body, up to headBytes, before finished().
    ApiRequest slow = ApiRequest::raw(QStringLiteral("/slow"));
    slow.headBytes = int(part1.size() + part2.size() + 10);
    ApiReply *reply = connection->send(slow);
    QList<QByteArray> heads;
    std::optional<Result<ApiResponse>> result;
    QObject::connect(reply, &ApiReply::headReceived, this, [&](const QByteArray &head) {
        QVERIFY(!result);
        heads.append(head);
    });
    QObject::connect(reply, &ApiReply::finished, this, [&] { result = reply->result(); });
    QTRY_COMPARE_WITH_TIMEOUT(heads, QList<QByteArray>{part1}, 10000);
    server.openStreams.first().writeChunk(part2);
    QTRY_COMPARE_WITH_TIMEOUT(heads.size(), 2, 10000);
    QCOMPARE(heads.at(1), QByteArray(part1 + part2));
    server.openStreams.first().writeChunk(part3);
    QTRY_COMPARE_WITH_TIMEOUT(heads.size(), 3, 10000);
    QCOMPARE(heads.at(2), QByteArray(part1 + part2 + part3).left(slow.headBytes));
    QVERIFY(!result);
    server.openStreams.first().endChunked();
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
    QVERIFY(result->has_value());
    QCOMPARE((*result)->body, QByteArray(part1 + part2 + part3)); // peeking consumed nothing
    QCOMPARE(heads.size(), 3);

    // A retried attempt (503) shows nothing: only the body of the final 2xx answer.
    ApiRequest busy = ApiRequest::raw(QStringLiteral("/busy"));
    busy.headBytes = 4096;
    reply = connection->send(busy);
    heads.clear();
    result.reset();
    QObject::connect(reply, &ApiReply::headReceived, this, [&](const QByteArray &head) { heads.append(head); });
    int attempts = 0;
    QObject::connect(reply, &ApiReply::finished, this, [&] {
        result = reply->result();
        attempts = reply->attempts(); // the reply deletes itself after finished
    });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
    QVERIFY(result->has_value());
    QCOMPARE(attempts, 2);
    QCOMPARE(heads, QList<QByteArray>{whole});

    // An error status shows nothing; neither does a request that did not ask (headBytes 0).
    for (int headBytes : {4096, 0}) {
        ApiRequest missing = ApiRequest::raw(QStringLiteral("/missing"));
        missing.headBytes = headBytes;
        reply = connection->send(missing);
        heads.clear();
        result.reset();
        QObject::connect(reply, &ApiReply::headReceived, this, [&](const QByteArray &head) { heads.append(head); });
        QObject::connect(reply, &ApiReply::finished, this, [&] { result = reply->result(); });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
        QCOMPARE(result->error().httpStatus, 404);
        QVERIFY(heads.isEmpty());
    }
    ApiReply *plain = connection->send(ApiRequest::raw(QStringLiteral("/busy")));
    QSignalSpy plainHeads(plain, &ApiReply::headReceived);
    QSignalSpy plainFinished(plain, &ApiReply::finished);
    QVERIFY(plainFinished.wait(10000));
    QCOMPARE(plainHeads.size(), 0);
}

void tst_Connection::twentyWatchesDoNotStarveRequests()
{
    LoopbackServer server;
    server.setHandler([&server](const LoopbackServer::Request &r, LoopbackServer::Exchange &x) {
        if (r.target.contains("watch=true")) {
            x.beginChunked(200);
            x.writeChunk("{}\n");
            server.openStreams.append(x);
        } else {
            x.replyJson(200, kVersion);
        }
    });
    QVERIFY(server.listen());
    auto connection = open(contextFor(server.url()));
    int streamsWithData = 0;
    for (int i = 0; i < 20; ++i) {
        ApiRequest watch = ApiRequest::get(Gvr{QString(), QStringLiteral("v1"), QStringLiteral("pods")});
        watch.watch = true;
        watch.extraQuery = {{QStringLiteral("n"), QString::number(i)}};
        ApiStream *s = connection->stream(watch);
        QObject::connect(s, &ApiStream::dataReceived, this, [&streamsWithData] { ++streamsWithData; });
    }
    // Every watch is open at the same time over plain HTTP/1.1 ...
    QTRY_COMPARE_WITH_TIMEOUT(streamsWithData, 20, 20000);
    // ... and ordinary requests still go through.
    for (int i = 0; i < 8; ++i) {
        const auto r = fetch(connection.get(), versionRequest(), 10000);
        if (!r)
            QFAIL(qPrintable(r.error().toString()));
    }
    QCOMPARE(connection->pendingCount(), 20);
    connection->close();
    QCOMPARE(connection->pendingCount(), 0);
}

void tst_Connection::twoConnectionsCloseOne()
{
    LoopbackServer server;
    QList<LoopbackServer::Exchange> held;
    server.setHandler([&](const LoopbackServer::Request &r, LoopbackServer::Exchange &x) {
        if (r.target.contains("watch=true")) {
            x.beginChunked(200);
            x.writeChunk("{}\n");
        }
        held.append(x); // answered later
    });
    QVERIFY(server.listen());
    auto first = open(contextFor(server.url()));
    auto second = open(contextFor(server.url()));
    QVERIFY(first && second);

    ApiRequest watch = ApiRequest::get(Gvr{QString(), QStringLiteral("v1"), QStringLiteral("pods")});
    watch.watch = true;
    std::optional<Result<ApiResponse>> r1, r2;
    std::optional<Result<void>> s1, s2;
    first->send(versionRequest(), this, [&](const Result<ApiResponse> &r) { r1 = r; });
    second->send(versionRequest(), this, [&](const Result<ApiResponse> &r) { r2 = r; });
    QObject::connect(first->stream(watch), &ApiStream::finished, this, [&](const Result<void> &r) { s1 = r; });
    QObject::connect(second->stream(watch), &ApiStream::finished, this, [&](const Result<void> &r) { s2 = r; });
    QTRY_COMPARE_WITH_TIMEOUT(held.size(), 4, 10000);

    QSignalSpy closed(first.get(), &Connection::closed);
    first->close();
    QCOMPARE(closed.size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(r1.has_value() && s1.has_value(), 5000);
    QCOMPARE(r1->error().kind, Error::Kind::Cancelled);
    QCOMPARE(s1->error().kind, Error::Kind::Cancelled);
    QTest::qWait(100);
    QVERIFY(!r2 && !s2);
    QCOMPARE(second->pendingCount(), 2);

    // The second connection is untouched: its request completes when the server answers.
    for (LoopbackServer::Exchange &x : held) {
        if (x.isOpen() && !server.requests.isEmpty())
            x.replyJson(200, kVersion);
    }
    QTRY_VERIFY_WITH_TIMEOUT(r2.has_value(), 10000);
    QVERIFY(r2->has_value());

    // A closed connection refuses new work at once.
    const auto late = fetch(first.get(), versionRequest());
    QVERIFY(!late);
    QCOMPARE(late.error().kind, Error::Kind::Cancelled);
}

void tst_Connection::oidcRefreshesExpiredIdToken()
{
    const QByteArray stale = jwt(QDateTime::currentSecsSinceEpoch() - 600);
    const QByteArray fresh = jwt(QDateTime::currentSecsSinceEpoch() + 3600);
    LoopbackServer server;
    QByteArray tokenForm;
    server.setHandler([&](const LoopbackServer::Request &r, LoopbackServer::Exchange &x) {
        if (r.path() == "/issuer/.well-known/openid-configuration") {
            x.replyJson(200, QByteArray(R"({"issuer":")") + server.url().toString().toUtf8()
                                 + R"(/issuer","token_endpoint":")" + server.url().toString().toUtf8()
                                 + R"(/issuer/token"})");
        } else if (r.path() == "/issuer/token") {
            tokenForm = r.body;
            x.replyJson(200, R"({"access_token":"a","token_type":"Bearer","id_token":")" + fresh
                                 + R"(","refresh_token":"refresh-2"})");
        } else if (r.header("Authorization") == "Bearer " + fresh) {
            x.replyJson(200, kVersion);
        } else {
            x.replyJson(401, statusBody(401, "Unauthorized", "Unauthorized"));
        }
    });
    QVERIFY(server.listen());
    KubeconfigUser user;
    user.name = QStringLiteral("oidc-user");
    user.authProvider = AuthProviderConfig{
        QStringLiteral("oidc"),
        {{QStringLiteral("idp-issuer-url"), server.url().toString() + QStringLiteral("/issuer")},
         {QStringLiteral("client-id"), QStringLiteral("qluster")},
         {QStringLiteral("client-secret"), QStringLiteral("s3cret")},
         {QStringLiteral("id-token"), QString::fromLatin1(stale)},
         {QStringLiteral("refresh-token"), QStringLiteral("refresh-1")}}};
    auto connection = open(contextFor(server.url(), user));
    QVERIFY(connection);
    QCOMPARE(connection->authProvider()->method(), AuthProvider::Method::Oidc);
    QSignalSpy refreshed(connection->authProvider(), &AuthProvider::authProviderConfigChanged);
    const auto r = fetch(connection.get(), versionRequest());
    if (!r)
        QFAIL(qPrintable(r.error().toString()));
    const QUrlQuery form(QString::fromUtf8(tokenForm));
    QCOMPARE(form.queryItemValue(QStringLiteral("grant_type")), QStringLiteral("refresh_token"));
    QCOMPARE(form.queryItemValue(QStringLiteral("refresh_token")), QStringLiteral("refresh-1"));
    QCOMPARE(form.queryItemValue(QStringLiteral("client_id")), QStringLiteral("qluster"));
    QCOMPARE(refreshed.size(), 1);
    QCOMPARE(refreshed.first().at(0).toString(), QStringLiteral("oidc-user"));
    const auto persisted = refreshed.first().at(1).value<QMap<QString, QString>>();
    QCOMPARE(persisted.value(QStringLiteral("id-token")), QString::fromLatin1(fresh));
    QCOMPARE(persisted.value(QStringLiteral("refresh-token")), QStringLiteral("refresh-2"));
    QCOMPARE(persisted.value(QStringLiteral("client-id")), QStringLiteral("qluster"));
    // The fresh token is reused without another refresh.
    const qsizetype before = server.requests.size();
    QVERIFY(fetch(connection.get(), versionRequest()).has_value());
    QCOMPARE(server.requests.size(), before + 1);
}

void tst_Connection::tlsClientCertificateData_data()
{
    QTest::addColumn<bool>("ec");
    QTest::newRow("RSA key") << false;
    QTest::newRow("EC key") << true;
}

void tst_Connection::tlsClientCertificateData()
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

void tst_Connection::tlsClientCertificateFilesThroughKubeconfig()
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

void tst_Connection::tlsFailuresAreClear_data()
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

void tst_Connection::tlsFailuresAreClear()
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

void tst_Connection::tlsServerName()
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

void tst_Connection::insecureSkipTlsVerify()
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

void tst_Connection::proxyUrlThroughConnectProxy()
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

void tst_Connection::execPluginClientCertificate()
{
    TestPki::Options client;
    client.commonName = QStringLiteral("exec-cert-user");
    client.client = true;
    const TestPki::Issued clientCert = TestPki::issue(m_ca, client);
    const QByteArray credential =
        QJsonDocument(QJsonObject{
                          {QStringLiteral("apiVersion"), QStringLiteral("client.authentication.k8s.io/v1beta1")},
                          {QStringLiteral("kind"), QStringLiteral("ExecCredential")},
                          {QStringLiteral("status"),
                           QJsonObject{{QStringLiteral("clientCertificateData"),
                                        QString::fromLatin1(clientCert.certificatePem)},
                                       {QStringLiteral("clientKeyData"), QString::fromLatin1(clientCert.keyPem)}}}})
            .toJson(QJsonDocument::Compact);
    const QString json = m_dir.filePath(QStringLiteral("cert-credential.json"));
    QVERIFY(writeFile(json, credential));
    const QString script = m_dir.filePath(QStringLiteral("cert-plugin.sh"));
    QVERIFY(writeFile(script, "#!/bin/sh\ncat \"$1\"\n", true));

    LoopbackServer server;
    server.setHandler([](const LoopbackServer::Request &, LoopbackServer::Exchange &x) { x.replyJson(200, kVersion); });
    QVERIFY(server.listen(serverTls(m_serverCert, m_ca)));
    KubeconfigUser user = execUser(script, m_dir.filePath(QStringLiteral("count-cert")), 3600,
                                   QStringLiteral("client.authentication.k8s.io/v1beta1"));
    user.exec->args = {json};
    user.exec->interactiveMode = ExecConfig::InteractiveMode::Unset; // v1beta1 default: IfAvailable
    KubeconfigCluster cluster;
    cluster.certificateAuthorityData = m_ca.certificatePem;
    auto connection = open(contextFor(server.url(), user, cluster));
    QVERIFY(connection);
    const auto r = fetch(connection.get(), versionRequest());
    if (!r)
        QFAIL(qPrintable(r.error().toString()));
    QCOMPARE(server.requests.last().peerCommonName, QStringLiteral("exec-cert-user"));
    QVERIFY(!server.requests.last().headers.contains("authorization"));
}

void tst_Connection::streamRetriesOnceAfter401()
{
    const QString tokenFile = m_dir.filePath(QStringLiteral("stream-token"));
    QVERIFY(writeFile(tokenFile, "old-token-1\n"));
    LoopbackServer server;
    server.setHandler([&](const LoopbackServer::Request &r, LoopbackServer::Exchange &x) {
        if (r.header("Authorization") != "Bearer new-token-2") {
            x.replyJson(401, statusBody(401, "Unauthorized", "Unauthorized"));
            return;
        }
        x.beginChunked(200);
        x.writeChunk("{\"type\":\"BOOKMARK\"}\n");
        x.endChunked();
    });
    QVERIFY(server.listen());
    KubeconfigUser user;
    user.tokenFile = tokenFile;
    auto connection = open(contextFor(server.url(), user));
    ApiRequest watch = ApiRequest::get(Gvr{QString(), QStringLiteral("v1"), QStringLiteral("pods")});
    watch.watch = true;
    // Read once with the old token, then rotated in place (same size, same time stamp).
    QVERIFY(fetch(connection.get(), versionRequest()).has_value() == false);
    const QDateTime stamp = QFileInfo(tokenFile).lastModified();
    QVERIFY(writeFile(tokenFile, "new-token-2\n"));
    {
        QFile f(tokenFile);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(stamp, QFileDevice::FileModificationTime));
    }
    ApiStream *stream = connection->stream(watch);
    QByteArray received;
    std::optional<Result<void>> end;
    QObject::connect(stream, &ApiStream::dataReceived, this, [&](const QByteArray &c) { received += c; });
    QObject::connect(stream, &ApiStream::finished, this, [&](const Result<void> &r) { end = r; });
    QTRY_VERIFY_WITH_TIMEOUT(end.has_value(), 10000);
    if (!end->has_value())
        QFAIL(qPrintable(end->error().toString()));
    QCOMPARE(received, QByteArray("{\"type\":\"BOOKMARK\"}\n"));
    QCOMPARE(server.requests.at(server.requests.size() - 2).header("Authorization"), QByteArray("Bearer old-token-1"));
}

void tst_Connection::proxyUrlThroughSocks5()
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

QTEST_GUILESS_MAIN(tst_Connection)
#include "tst_connection.moc"
