// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
//
// Connection against loopback servers (plain HTTP): the auth methods but exec plugins — a token
// with impersonation and a profile's headers, Kuscia's token header, basic auth, a rotated token
// file, OIDC refresh, an unsupported auth-provider — and no secret in any error.
#include "connectiontestsupport.h"
#include "testenv.h"

QLUSTER_TEST_NEEDS(Qluster::Test::NeedsCorpus)

using namespace Qluster;
using namespace Qluster::Test;

namespace {

QByteArray jwt(qint64 exp)
{
    const QByteArray header = QByteArray(R"({"alg":"none"})").toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QByteArray payload = QJsonDocument(QJsonObject{{QStringLiteral("exp"), double(exp)},
                                                         {QStringLiteral("sub"), QStringLiteral("u")}})
                                   .toJson(QJsonDocument::Compact)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return header + '.' + payload + ".sig";
}

} // namespace

class tst_ConnectionAuth final : public ConnectionTest
{
    Q_OBJECT
private Q_SLOTS:
    void tokenImpersonationAndProfileHeaders();
    void kusciaTokenHeader();
    void basicAuth();
    void tokenFileRotation();
    void unsupportedAuthProvider();
    void noSecretInAnyError();
    void unauthorizedAndForbiddenMessages();
    void oidcRefreshesExpiredIdToken();
    void streamRetriesOnceAfter401();
};

void tst_ConnectionAuth::tokenImpersonationAndProfileHeaders()
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

void tst_ConnectionAuth::kusciaTokenHeader()
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

void tst_ConnectionAuth::basicAuth()
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

void tst_ConnectionAuth::tokenFileRotation()
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

void tst_ConnectionAuth::unsupportedAuthProvider()
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

void tst_ConnectionAuth::noSecretInAnyError()
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

void tst_ConnectionAuth::unauthorizedAndForbiddenMessages()
{
    QFile f403(Qluster::Test::corpus(QStringLiteral("/real-1.22/responses/status_403_forbidden.json")));
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

void tst_ConnectionAuth::oidcRefreshesExpiredIdToken()
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

void tst_ConnectionAuth::streamRetriesOnceAfter401()
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

QTEST_GUILESS_MAIN(tst_ConnectionAuth)
#include "tst_connectionauth.moc"
