// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
//
// Connection against loopback servers: exec credential plugins — one run shared and cached until
// it expires, re-exec after a 401, clear errors (quoting the plugin, never a secret), the plugin's
// PATH, the real gke-gcloud-auth-plugin, and a client certificate from a plugin over TLS.
#include "connectiontestsupport.h"

using namespace Qluster;
using namespace Qluster::Test;

class tst_ConnectionExec final : public ConnectionTest
{
    Q_OBJECT
private Q_SLOTS:
    void execPluginCachingExpiryAndReexec();
    void execPluginExpiry();
    void execPluginErrors_data();
    void execPluginErrors();
    void realGkePluginErrorIsQuoted();
    void pluginFoundInPathOfItsEnvironment();
    void execPluginClientCertificate();
};

void tst_ConnectionExec::execPluginCachingExpiryAndReexec()
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

void tst_ConnectionExec::execPluginExpiry()
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

void tst_ConnectionExec::execPluginErrors_data()
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

void tst_ConnectionExec::execPluginErrors()
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

void tst_ConnectionExec::realGkePluginErrorIsQuoted()
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

void tst_ConnectionExec::pluginFoundInPathOfItsEnvironment()
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

void tst_ConnectionExec::execPluginClientCertificate()
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

QTEST_GUILESS_MAIN(tst_ConnectionExec)
#include "tst_connectionexec.moc"
