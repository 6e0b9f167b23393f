// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
// The SandboxServer at the HTTP level, as a server: discovery caching (ETag and 304, v2beta1),
// immutable hashed OpenAPI URLs, fault injection (and its endpoint), a custom token header, garbage
// input, and HTTPS requiring credentials.

#include "sandboxhttpsupport.h"
#include "testenv.h"

QLUSTER_TEST_NEEDS(Qluster::Test::NeedsCorpus)

using namespace Qluster;
using namespace Qluster::Test;

class tst_SandboxHttpServer : public SandboxHttpTest
{
    Q_OBJECT

private Q_SLOTS:
    void aggregatedDiscoveryEtagAnd304()
    {
        const QByteArray accept = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json";
        Reply r = send("GET", QStringLiteral("/apis"), {}, {{"Accept", accept}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers.value("content-type"), QByteArrayLiteral("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList"));
        QCOMPARE(r.headers.value("vary"), QByteArrayLiteral("Accept"));
        const QByteArray etag = r.headers.value("etag");
        QVERIFY(!etag.isEmpty());
        r = send("GET", QStringLiteral("/apis"), {}, {{"Accept", accept}, {"If-None-Match", etag}});
        QCOMPARE(r.status, 304);
        r = send("GET", QStringLiteral("/apis"), {}, {{"Accept", "application/json"}});
        QCOMPARE(r.json().value(QLatin1String("kind")).toString(), QStringLiteral("APIGroupList"));
    }

    // A client that only knows v2beta1 (kubectl 1.26-1.27) gets v2beta1, labelled as such.
    void aggregatedDiscoveryV2beta1()
    {
        const QByteArray v2beta1 = "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList";
        for (const QString &path : {QStringLiteral("/api"), QStringLiteral("/apis")}) {
            const Reply r = send("GET", path, {}, {{"Accept", v2beta1}});
            QCOMPARE(r.status, 200);
            QCOMPARE(r.headers.value("content-type"), v2beta1);
            QCOMPARE(r.headers.value("vary"), QByteArrayLiteral("Accept"));
            QCOMPARE(r.json().value(QLatin1String("apiVersion")).toString(), QStringLiteral("apidiscovery.k8s.io/v2beta1"));
            QCOMPARE(r.json().value(QLatin1String("kind")).toString(), QStringLiteral("APIGroupDiscoveryList"));
            QStringList groups;
            for (const QJsonValue &g : r.json().value(QLatin1String("items")).toArray())
                groups << g.toObject().value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString();
            QVERIFY2(path == QLatin1String("/api") ? groups == QStringList{QString()} : groups.contains(QStringLiteral("apps")),
                     qPrintable(groups.join(QLatin1Char(','))));
            // The same groups as v2, in a document of its own (its own ETag).
            const Reply v2 = send("GET", path, {}, {{"Accept", "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList"}});
            QCOMPARE(v2.json().value(QLatin1String("items")), r.json().value(QLatin1String("items")));
            QVERIFY(!r.headers.value("etag").isEmpty());
            QVERIFY(r.headers.value("etag") != v2.headers.value("etag"));
        }
    }

    void openApiHashedUrlsAreImmutable()
    {
        const Reply index = send("GET", QStringLiteral("/openapi/v3"));
        QCOMPARE(index.status, 200);
        const QString url = index.json().value(QLatin1String("paths")).toObject().value(QLatin1String("apis/apps/v1")).toObject().value(QLatin1String("serverRelativeURL")).toString();
        QVERIFY(url.contains(QStringLiteral("?hash=")));
        const Reply doc = send("GET", url);
        QCOMPARE(doc.status, 200);
        QVERIFY(doc.headers.value("cache-control").contains("immutable"));
        QVERIFY(doc.json().value(QLatin1String("components")).toObject().value(QLatin1String("schemas")).toObject().contains(QLatin1String("io.k8s.api.apps.v1.Deployment")));
        QCOMPARE(send("GET", QStringLiteral("/openapi/v2")).status, 200);
    }

    void faultInjection()
    {
        m_sandbox->invoke([](SandboxServer &s) { s.failNextRequests(1, 429, 7); });
        Reply r = send("GET", QStringLiteral("/api/v1/namespaces"));
        QCOMPARE(r.status, 429);
        QCOMPARE(r.headers.value("retry-after"), QByteArrayLiteral("7"));
        QCOMPARE(r.json().value(QLatin1String("reason")).toString(), QStringLiteral("TooManyRequests"));
        QCOMPARE(send("GET", QStringLiteral("/api/v1/namespaces")).status, 200);

        m_sandbox->invoke([](SandboxServer &s) { s.failNextRequests(2, 500); });
        QCOMPARE(send("GET", QStringLiteral("/api/v1/namespaces")).status, 500);
        QCOMPARE(send("GET", QStringLiteral("/api/v1/namespaces")).status, 500);
        QCOMPARE(send("GET", QStringLiteral("/api/v1/namespaces")).status, 200);

        m_sandbox->invoke([](SandboxServer &s) { s.failNextRequests(1, 410); });
        QCOMPARE(send("GET", QStringLiteral("/api/v1/namespaces")).json().value(QLatin1String("reason")).toString(), QStringLiteral("Expired"));

        m_sandbox->invoke([](SandboxServer &s) { s.truncateNextResponses(1); });
        r = send("GET", QStringLiteral("/api/v1/namespaces"));
        QVERIFY(r.error != QNetworkReply::NoError || QJsonDocument::fromJson(r.body).isNull());
        QCOMPARE(send("GET", QStringLiteral("/api/v1/namespaces")).status, 200);

        m_sandbox->invoke([](SandboxServer &s) { s.setLatency(300); });
        QElapsedTimer t;
        t.start();
        QCOMPARE(send("GET", QStringLiteral("/version")).status, 200);
        QVERIFY(t.elapsed() >= 250);
        m_sandbox->invoke([](SandboxServer &s) { s.setLatency(0); });
    }

    void customTokenHeader()
    {
        // Kuscia-style servers take a bare token in their own header.
        SandboxOptions options;
        options.transport = SandboxOptions::Transport::Http;
        options.httpAnonymousAdmin = false;
        options.tokenHeader = QStringLiteral("Token");
        SandboxThread kuscia(options);
        if (auto started = kuscia.start(); !started)
            QFAIL(qPrintable(started.error().toString()));
        QString token;
        kuscia.invoke([&](SandboxServer &s) { token = s.token(QStringLiteral("developer")); });
        QCOMPARE(send("GET", QStringLiteral("/api/v1/namespaces"), {}, {}, &kuscia).status, 401);
        QCOMPARE(send("GET", QStringLiteral("/api/v1/namespaces"), {}, {{"Token", "bogus"}}, &kuscia).status, 401);
        QCOMPARE(send("GET", QStringLiteral("/api/v1/namespaces"), {}, {{"Token", token.toUtf8()}}, &kuscia).status, 200);
    }

    void faultsEndpoint()
    {
        Reply r = send("POST", QStringLiteral("/sandbox/v1/faults"), QByteArrayLiteral(R"({"failNext":{"count":1,"status":503,"retryAfterSeconds":2}})"));
        QCOMPARE(r.status, 200);
        QCOMPARE(send("GET", QStringLiteral("/api/v1/namespaces")).status, 503);
        QCOMPARE(send("GET", QStringLiteral("/api/v1/namespaces")).status, 200);
        QCOMPARE(send("GET", QStringLiteral("/sandbox/v1/faults")).status, 405);
        QCOMPARE(send("POST", QStringLiteral("/sandbox/v1/faults"), QByteArrayLiteral("nope")).status, 400);
    }

    void garbageNeverCrashes()
    {
        QRandomGenerator rng(42);
        const QList<QByteArray> samples{
            "GET / HTTP/1.1\r\n\r\n", "\r\n\r\n", "GARBAGE\r\n\r\n", "GET /api HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
            "POST /api/v1/namespaces/default/configmaps HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
            "POST /api/v1/namespaces/default/configmaps HTTP/1.1\r\nContent-Length: 3\r\n\r\n[1]",
            "PATCH /api/v1/namespaces/default/configmaps/cfg-1 HTTP/1.1\r\nContent-Type: application/json-patch+json\r\nContent-Length: 12\r\n\r\n[{\"op\":\"x\"}]",
            "GET /api/v1/namespaces/%ZZ/pods?labelSelector=%%%% HTTP/1.1\r\n\r\n",
            "GET /api/v1/namespaces/default/pods/x/exec?command=ls HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"};
        QList<QByteArray> inputs = samples;
        for (int i = 0; i < 20; ++i) {
            QByteArray junk(int(rng.bounded(1, 2000)), Qt::Uninitialized);
            for (char &c : junk)
                c = char(rng.bounded(256));
            inputs << junk << QByteArray("POST /api/v1/namespaces/default/configmaps HTTP/1.1\r\nContent-Length: ") + QByteArray::number(junk.size()) + "\r\n\r\n" + junk;
        }
        for (const QByteArray &input : inputs) {
            QTcpSocket socket;
            socket.connectToHost(m_base.host(), quint16(m_base.port()));
            QVERIFY(socket.waitForConnected(5000));
            socket.write(input);
            socket.waitForBytesWritten(1000);
            socket.waitForReadyRead(300);
            socket.abort();
        }
        QCOMPARE(send("GET", QStringLiteral("/version")).status, 200);
    }

    void httpsRequiresCredentials()
    {
        SandboxThread secure;
        if (auto r = secure.start(); !r)
            QFAIL(qPrintable(r.error().toString()));
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        QByteArray ca;
        QString developerToken, viewerToken;
        secure.invoke([&](SandboxServer &s) {
            ca = s.caCertificatePem();
            developerToken = s.token(QStringLiteral("developer"));
            viewerToken = s.token(QStringLiteral("viewer"));
        });
        ssl.setCaCertificates(QSslCertificate::fromData(ca, QSsl::Pem));
        auto get = [&](const QString &path, const QByteArray &token) {
            QUrl url = secure.server()->url();
            url.setPath(path);
            QNetworkRequest request(url);
            request.setSslConfiguration(ssl);
            if (!token.isEmpty())
                request.setRawHeader("Authorization", "Bearer " + token);
            QNetworkReply *reply = m_nam.get(request);
            QSignalSpy finished(reply, &QNetworkReply::finished);
            finished.wait(10000);
            Reply r;
            r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            r.body = reply->readAll();
            reply->deleteLater();
            return r;
        };
        Reply r = get(QStringLiteral("/api/v1/namespaces"), {});
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json(), readJson(QStringLiteral("real-1.22/responses/status_401_unauthorized.json")));
        QCOMPARE(get(QStringLiteral("/api/v1/namespaces"), "wrong").status, 401);
        QCOMPARE(get(QStringLiteral("/api/v1/namespaces"), developerToken.toUtf8()).status, 200);
        QCOMPARE(get(QStringLiteral("/sandbox/v1/faults"), developerToken.toUtf8()).status, 403); // not an admin
        r = get(QStringLiteral("/api/v1/namespaces/default/secrets"), viewerToken.toUtf8());
        QCOMPARE(r.status, 403);
        const QJsonObject real = readJson(QStringLiteral("real-1.22/responses/status_403_forbidden.json"));
        QCOMPARE(keys(r.json()), keys(real));
        QCOMPARE(r.json().value(QLatin1String("message")).toString(),
                 QStringLiteral("secrets is forbidden: User \"viewer\" cannot list resource \"secrets\" in API group \"\" in the namespace \"default\""));
    }
};

QTEST_GUILESS_MAIN(tst_SandboxHttpServer)
#include "tst_sandboxhttpserver.moc"
