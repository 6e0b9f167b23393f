// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
// The SandboxServer at the HTTP level: Status bodies shaped like a real apiserver's, lists with
// pages, watches (410, bookmarks, timeouts, selectors), discovery caching, fault injection and
// garbage input.

#include "sandbox/sandboxserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QTest>

using namespace Qluster;

namespace {

struct Reply
{
    int status = 0;
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QHash<QByteArray, QByteArray> headers;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

QJsonObject readJson(const QString &relative)
{
    QFile f(QStringLiteral(QLUSTER_K8S_API_DIR "/") + relative);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

QSet<QString> keys(const QJsonObject &o)
{
    const QStringList k = o.keys();
    return QSet<QString>(k.begin(), k.end());
}

QByteArray configMap(const QString &name, const QJsonObject &labels = {})
{
    return QJsonDocument(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                     {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
                                     {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("labels"), labels}}},
                                     {QStringLiteral("data"), QJsonObject{{QStringLiteral("k"), QStringLiteral("v")}}}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class tst_SandboxHttp : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxThread> m_sandbox;
    QNetworkAccessManager m_nam;
    QUrl m_base;

    Reply send(const QByteArray &method, const QString &path, const QByteArray &body = {},
               const QList<QPair<QByteArray, QByteArray>> &headers = {}, SandboxThread *sandbox = nullptr)
    {
        QUrl url = sandbox ? sandbox->server()->url() : m_base;
        const qsizetype q = path.indexOf(QLatin1Char('?'));
        url.setPath(q < 0 ? path : path.left(q));
        if (q >= 0)
            url.setQuery(path.mid(q + 1));
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(10000);
        Reply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.error = reply->error();
        for (const auto &pair : reply->rawHeaderPairs())
            r.headers.insert(pair.first.toLower(), pair.second);
        reply->deleteLater();
        return r;
    }

    QString resourceVersion()
    {
        return send("GET", QStringLiteral("/api/v1/namespaces/default/configmaps")).json().value(QLatin1String("metadata")).toObject().value(QLatin1String("resourceVersion")).toString();
    }

    void createNamespace(const QString &name)
    {
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                                          {QStringLiteral("kind"), QStringLiteral("Namespace")},
                                                          {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}}})
                                    .toJson(QJsonDocument::Compact);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/namespaces"), body).status, 201);
    }

    // Creates namespace `ns` with config maps <prefix>0 … <prefix>(count-1); returns their list path.
    QString namespaceWithConfigMaps(const QString &ns, const QString &prefix, int count)
    {
        createNamespace(ns);
        const QString path = QStringLiteral("/api/v1/namespaces/") + ns + QStringLiteral("/configmaps");
        for (int i = 0; i < count; ++i) {
            if (send("POST", path, configMap(prefix + QString::number(i))).status != 201)
                qWarning() << "could not create" << prefix + QString::number(i);
        }
        return path;
    }

    // "name@resourceVersion" of a list's items (or a Table's rows).
    static QStringList itemVersions(const QJsonObject &list)
    {
        QStringList out;
        const bool table = list.value(QLatin1String("kind")).toString() == QLatin1String("Table");
        for (const QJsonValue &v : list.value(table ? QLatin1String("rows") : QLatin1String("items")).toArray()) {
            const QJsonObject o = table ? v.toObject().value(QLatin1String("object")).toObject() : v.toObject();
            const QJsonObject meta = o.value(QLatin1String("metadata")).toObject();
            out << meta.value(QLatin1String("name")).toString() + QLatin1Char('@') + meta.value(QLatin1String("resourceVersion")).toString();
        }
        return out;
    }

    static QJsonObject listMeta(const Reply &r) { return r.json().value(QLatin1String("metadata")).toObject(); }

    // Follows the continue tokens of a list whose first page is `first`; checks that every page is
    // served at the first page's resourceVersion and returns the items of all pages.
    QStringList followPages(const QString &path, const Reply &first, const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        const QString rv = listMeta(first).value(QLatin1String("resourceVersion")).toString();
        QStringList all = itemVersions(first.json());
        QString token = listMeta(first).value(QLatin1String("continue")).toString();
        while (!token.isEmpty()) {
            const Reply page = send("GET", path + QStringLiteral("?limit=2&continue=") + token, {}, headers);
            if (page.status != 200) {
                qWarning() << page.body;
                return {QStringLiteral("HTTP %1").arg(page.status)};
            }
            if (listMeta(page).value(QLatin1String("resourceVersion")).toString() != rv)
                return {QStringLiteral("page served at %1, not %2").arg(listMeta(page).value(QLatin1String("resourceVersion")).toString(), rv)};
            all += itemVersions(page.json());
            token = listMeta(page).value(QLatin1String("continue")).toString();
        }
        return all;
    }

    static QJsonObject decodeToken(const QString &token)
    {
        return QJsonDocument::fromJson(QByteArray::fromBase64(token.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)).object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        SandboxOptions options;
        options.transport = SandboxOptions::Transport::Http;
        options.eventWindow = 5;
        options.bookmarkMilliseconds = 200;
        options.maxBodyBytes = 64 * 1024;
        m_sandbox = std::make_unique<SandboxThread>(options);
        if (auto r = m_sandbox->start(); !r)
            QFAIL(qPrintable(r.error().toString()));
        m_base = m_sandbox->server()->url();
    }

    void cleanupTestCase() { m_sandbox.reset(); }

    void notFoundStatusIsShapedLikeTheApiserver()
    {
        const Reply r = send("GET", QStringLiteral("/api/v1/namespaces/default/configmaps/nope"));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json(), readJson(QStringLiteral("real-1.22/responses/status_404_notfound.json")));
    }

    void createConflictAndStaleUpdate()
    {
        Reply r = send("POST", QStringLiteral("/api/v1/namespaces/default/configmaps"), configMap(QStringLiteral("cfg-1")));
        QCOMPARE(r.status, 201);
        const QJsonObject created = r.json();
        const QJsonObject meta = created.value(QLatin1String("metadata")).toObject();
        QVERIFY(!meta.value(QLatin1String("uid")).toString().isEmpty());
        QVERIFY(!meta.value(QLatin1String("creationTimestamp")).toString().isEmpty());
        QVERIFY(!meta.value(QLatin1String("resourceVersion")).toString().isEmpty());

        r = send("POST", QStringLiteral("/api/v1/namespaces/default/configmaps"), configMap(QStringLiteral("cfg-1")));
        QCOMPARE(r.status, 409);
        QCOMPARE(r.json().value(QLatin1String("reason")).toString(), QStringLiteral("AlreadyExists"));

        // Update with the current resourceVersion works; the same stale one again is a Conflict.
        QJsonObject update = created;
        update.insert(QStringLiteral("data"), QJsonObject{{QStringLiteral("k"), QStringLiteral("v2")}});
        r = send("PUT", QStringLiteral("/api/v1/namespaces/default/configmaps/cfg-1"), QJsonDocument(update).toJson());
        QCOMPARE(r.status, 200);
        QVERIFY(r.json().value(QLatin1String("metadata")).toObject().value(QLatin1String("resourceVersion")) != meta.value(QLatin1String("resourceVersion")));
        r = send("PUT", QStringLiteral("/api/v1/namespaces/default/configmaps/cfg-1"), QJsonDocument(update).toJson());
        QCOMPARE(r.status, 409);
        QCOMPARE(r.json(), readJson(QStringLiteral("real-1.22/responses/status_409_conflict_stale_update.json")));
    }

    void invalidNameIs422()
    {
        const Reply r = send("POST", QStringLiteral("/api/v1/namespaces/default/configmaps"), configMap(QStringLiteral("Bad_Name")));
        QCOMPARE(r.status, 422);
        const QJsonObject real = readJson(QStringLiteral("real-1.22/responses/status_422_invalid.json"));
        QCOMPARE(keys(r.json()), keys(real));
        QCOMPARE(r.json().value(QLatin1String("reason")), real.value(QLatin1String("reason")));
        const QJsonObject details = r.json().value(QLatin1String("details")).toObject();
        QCOMPARE(keys(details), keys(real.value(QLatin1String("details")).toObject()));
        QCOMPARE(details.value(QLatin1String("causes")).toArray().first().toObject().value(QLatin1String("field")).toString(), QStringLiteral("metadata.name"));
    }

    void unsupportedPatchIs415()
    {
        const Reply r = send("PATCH", QStringLiteral("/api/v1/namespaces/default/configmaps/cfg-1"), QByteArrayLiteral("{}"),
                             {{"Content-Type", "application/xml"}});
        QCOMPARE(r.status, 415);
        QCOMPARE(r.json(), readJson(QStringLiteral("real-1.22/responses/status_415_unsupported_patch.json")));
    }

    void malformedBodyIs400NamingTheProblem()
    {
        const Reply r = send("POST", QStringLiteral("/api/v1/namespaces/default/configmaps"), QByteArrayLiteral("{\"metadata\": {\n  \"name\": oops}}"));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QLatin1String("reason")).toString(), QStringLiteral("BadRequest"));
        QVERIFY2(r.json().value(QLatin1String("message")).toString().contains(QStringLiteral("line 2")), r.body.constData());
    }

    // Protobuf bodies as kubectl's typed clients send them: decoded when the sandbox knows every
    // field, 400 when the bytes are not protobuf, 415 naming what the sandbox does not decode.
    void protobufBodies()
    {
        auto lengthDelimited = [](int field, const QByteArray &payload) -> QByteArray {
            return QByteArray(1, char((field << 3) | 2)) + char(payload.size()) + payload;
        };
        auto body = [&](const QByteArray &object) -> QByteArray {
            return QByteArray("k8s\0", 4) + lengthDelimited(1, lengthDelimited(1, "v1") + lengthDelimited(2, "ConfigMap"))
                   + lengthDelimited(2, object);
        };
        const QList<QPair<QByteArray, QByteArray>> protobuf{{"Content-Type", "application/vnd.kubernetes.protobuf"}};
        const QString path = QStringLiteral("/api/v1/namespaces/default/configmaps");
        Reply r = send("POST", path, body(lengthDelimited(1, lengthDelimited(1, "from-protobuf")) + lengthDelimited(2, lengthDelimited(1, "k") + lengthDelimited(2, "v"))),
                       protobuf);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(QLatin1String("data")).toObject(), (QJsonObject{{QStringLiteral("k"), QStringLiteral("v")}}));
        r = send("POST", path, body(lengthDelimited(1, lengthDelimited(1, "x"))).chopped(1), protobuf);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QLatin1String("reason")).toString(), QStringLiteral("BadRequest"));
        QVERIFY2(r.json().value(QLatin1String("message")).toString().contains(QStringLiteral("malformed protobuf body")), r.body.constData());
        r = send("POST", path, body(lengthDelimited(1, lengthDelimited(1, "x")) + lengthDelimited(9, "?")), protobuf);
        QCOMPARE(r.status, 415);
        QCOMPARE(r.json().value(QLatin1String("reason")).toString(), QStringLiteral("UnsupportedMediaType"));
        QVERIFY2(r.json().value(QLatin1String("message")).toString().contains(
                     QStringLiteral("protobuf field 9 of k8s.io.api.core.v1.ConfigMap is not supported by the sandbox; send the object as JSON")),
                 r.body.constData());
    }

    void oversizedBodyIs413()
    {
        const QByteArray big(100 * 1024, 'x');
        const Reply r = send("POST", QStringLiteral("/api/v1/namespaces/default/configmaps"), big);
        QCOMPARE(r.status, 413);
        QCOMPARE(r.json().value(QLatin1String("code")).toInt(), 413);
        // The server still serves.
        QCOMPARE(send("GET", QStringLiteral("/version")).status, 200);
    }

    void unknownResourceIs404()
    {
        QCOMPARE(send("GET", QStringLiteral("/apis/nope.example.com/v1/things")).status, 404);
        QCOMPARE(send("GET", QStringLiteral("/api/v1/nothings")).status, 404);
        QCOMPARE(send("GET", QStringLiteral("/random")).status, 404);
    }

    void statusSubresourceAndDryRun()
    {
        const QByteArray deployment = R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"sub"},
            "spec":{"replicas":2,"selector":{"matchLabels":{"app":"sub"}},"template":{"metadata":{"labels":{"app":"sub"}},
            "spec":{"containers":[{"name":"c","image":"i"}]}}},"status":{"replicas":99}})";
        // dryRun=All answers like a create but stores nothing.
        Reply r = send("POST", QStringLiteral("/apis/apps/v1/namespaces/default/deployments?dryRun=All"), deployment);
        QCOMPARE(r.status, 201);
        QCOMPARE(send("GET", QStringLiteral("/apis/apps/v1/namespaces/default/deployments/sub")).status, 404);
        r = send("POST", QStringLiteral("/apis/apps/v1/namespaces/default/deployments"), deployment);
        QCOMPARE(r.status, 201);
        QJsonObject object = send("GET", QStringLiteral("/apis/apps/v1/namespaces/default/deployments/sub")).json();
        QCOMPARE(object.value(QLatin1String("metadata")).toObject().value(QLatin1String("generation")).toInt(), 1);
        // A write of the main resource ignores status; the status subresource ignores spec.
        // (Unconditional writes: the deployment controller writes status concurrently.)
        auto unconditional = [](QJsonObject o) {
            QJsonObject meta = o.value(QLatin1String("metadata")).toObject();
            meta.remove(QStringLiteral("resourceVersion"));
            o.insert(QStringLiteral("metadata"), meta);
            return o;
        };
        object = unconditional(object);
        QJsonObject spec = object.value(QLatin1String("spec")).toObject();
        spec.insert(QStringLiteral("replicas"), 4);
        object.insert(QStringLiteral("spec"), spec);
        object.insert(QStringLiteral("status"), QJsonObject{{QStringLiteral("replicas"), 42}});
        r = send("PUT", QStringLiteral("/apis/apps/v1/namespaces/default/deployments/sub"), QJsonDocument(object).toJson());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("spec")).toObject().value(QLatin1String("replicas")).toInt(), 4);
        QVERIFY(r.json().value(QLatin1String("status")).toObject().value(QLatin1String("replicas")).toInt() != 42);
        QCOMPARE(r.json().value(QLatin1String("metadata")).toObject().value(QLatin1String("generation")).toInt(), 2);
        // The deployment controller has written status meanwhile (as on a real cluster): re-read.
        object = unconditional(send("GET", QStringLiteral("/apis/apps/v1/namespaces/default/deployments/sub")).json());
        spec.insert(QStringLiteral("replicas"), 7);
        object.insert(QStringLiteral("spec"), spec);
        object.insert(QStringLiteral("status"), QJsonObject{{QStringLiteral("replicas"), 42}});
        r = send("PUT", QStringLiteral("/apis/apps/v1/namespaces/default/deployments/sub/status"), QJsonDocument(object).toJson());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("status")).toObject().value(QLatin1String("replicas")).toInt(), 42);
        QCOMPARE(r.json().value(QLatin1String("spec")).toObject().value(QLatin1String("replicas")).toInt(), 4);
        r = send("GET", QStringLiteral("/apis/apps/v1/namespaces/default/deployments/sub/scale"));
        QCOMPARE(r.json().value(QLatin1String("kind")).toString(), QStringLiteral("Scale"));
        QCOMPARE(r.json().value(QLatin1String("spec")).toObject().value(QLatin1String("replicas")).toInt(), 4);
    }

    // A Scale's status.selector is the whole selector in text form (labels.Selector.String()).
    void scaleSelectorOfABuiltInKind()
    {
        const QByteArray deployment = R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"sel"},
            "spec":{"replicas":1,"selector":{"matchLabels":{"app":"sel"},"matchExpressions":[{"key":"tier","operator":"In","values":["b","a"]},
            {"key":"canary","operator":"DoesNotExist"}]},"template":{"metadata":{"labels":{"app":"sel","tier":"a"}},
            "spec":{"containers":[{"name":"c","image":"i"}]}}}})";
        QCOMPARE(send("POST", QStringLiteral("/apis/apps/v1/namespaces/default/deployments"), deployment).status, 201);
        const Reply r = send("GET", QStringLiteral("/apis/apps/v1/namespaces/default/deployments/sel/scale"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("status")).toObject().value(QLatin1String("selector")).toString(),
                 QStringLiteral("app=sel,!canary,tier in (a,b)"));
        QCOMPARE(r.json().value(QLatin1String("spec")).toObject().value(QLatin1String("replicas")).toInt(), 1);
    }

    void deleteCollectionWithSelector()
    {
        for (const char *n : {"dc-a", "dc-b"})
            QCOMPARE(send("POST", QStringLiteral("/api/v1/namespaces/default/configmaps"), configMap(QLatin1String(n), {{QStringLiteral("batch"), QStringLiteral("dc")}})).status, 201);
        QCOMPARE(send("DELETE", QStringLiteral("/api/v1/namespaces/default/configmaps?labelSelector=batch%3Ddc&dryRun=All")).status, 200);
        QCOMPARE(send("GET", QStringLiteral("/api/v1/namespaces/default/configmaps?labelSelector=batch%3Ddc")).json().value(QLatin1String("items")).toArray().size(), 2);
        const Reply r = send("DELETE", QStringLiteral("/api/v1/namespaces/default/configmaps?labelSelector=batch%3Ddc"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("items")).toArray().size(), 2);
        QCOMPARE(send("GET", QStringLiteral("/api/v1/namespaces/default/configmaps?labelSelector=batch%3Ddc")).json().value(QLatin1String("items")).toArray().size(), 0);
        QCOMPARE(send("GET", QStringLiteral("/api/v1/namespaces/default/configmaps/cfg-1")).status, 200);
    }

    void listPagesWithContinue()
    {
        for (const char *n : {"page-a", "page-b", "page-c"})
            QCOMPARE(send("POST", QStringLiteral("/api/v1/namespaces/default/configmaps"), configMap(QLatin1String(n), {{QStringLiteral("set"), QStringLiteral("pages")}})).status, 201);
        Reply r = send("GET", QStringLiteral("/api/v1/namespaces/default/configmaps?labelSelector=set%3Dpages&limit=2"));
        QCOMPARE(r.status, 200);
        QJsonObject list = r.json();
        QCOMPARE(list.value(QLatin1String("kind")).toString(), QStringLiteral("ConfigMapList"));
        QCOMPARE(list.value(QLatin1String("items")).toArray().size(), 2);
        const QString token = list.value(QLatin1String("metadata")).toObject().value(QLatin1String("continue")).toString();
        QVERIFY(!token.isEmpty());
        // Items of typed lists carry no kind/apiVersion, as the apiserver's.
        QVERIFY(!list.value(QLatin1String("items")).toArray().first().toObject().contains(QLatin1String("kind")));
        r = send("GET", QStringLiteral("/api/v1/namespaces/default/configmaps?labelSelector=set%3Dpages&limit=2&continue=") + token);
        list = r.json();
        QCOMPARE(list.value(QLatin1String("items")).toArray().size(), 1);
        QCOMPARE(list.value(QLatin1String("items")).toArray().first().toObject().value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString(), QStringLiteral("page-c"));
        QVERIFY(!list.value(QLatin1String("metadata")).toObject().contains(QLatin1String("continue")));

        // Without selectors the apiserver also says how many items remain.
        r = send("GET", QStringLiteral("/api/v1/namespaces/default/configmaps?limit=1"));
        QVERIFY(r.json().value(QLatin1String("metadata")).toObject().value(QLatin1String("remainingItemCount")).toInt() >= 3);
        QCOMPARE(send("GET", QStringLiteral("/api/v1/namespaces/default/configmaps?limit=1&continue=garbage")).status, 400);
        QCOMPARE(send("GET", QStringLiteral("/api/v1/pods?fieldSelector=spec.unknown%3Dx")).status, 400);
    }

    void listPagesAreOneSnapshot()
    {
        const QString path = namespaceWithConfigMaps(QStringLiteral("snap"), QStringLiteral("s-"), 6);
        const Reply whole = send("GET", path);
        const QStringList expected = itemVersions(whole.json());
        QCOMPARE(expected.size(), 6);
        const QString rv = listMeta(whole).value(QLatin1String("resourceVersion")).toString();

        const auto retainedSnapshots = [this] {
            int retained = -1;
            m_sandbox->invoke([&](SandboxServer &s) { retained = s.store().retainedSnapshots(); });
            return retained;
        };
        const int retainedBefore = retainedSnapshots(); // lists other tests left unfinished
        const QList<QPair<QByteArray, QByteArray>> asTable{{"Accept", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json"}};
        const Reply first = send("GET", path + QStringLiteral("?limit=2"));
        const Reply firstTable = send("GET", path + QStringLiteral("?limit=2"), {}, asTable);
        QCOMPARE(listMeta(first).value(QLatin1String("resourceVersion")).toString(), rv);
        QCOMPARE(listMeta(first).value(QLatin1String("remainingItemCount")).toInt(), 4);
        QCOMPARE(listMeta(firstTable).value(QLatin1String("resourceVersion")).toString(), rv);
        // Two open lists of the same version share one snapshot.
        QCOMPARE(retainedSnapshots(), retainedBefore + 1);

        // Between the pages: more writes than the event window (5) holds, before and after the
        // page boundary: created, modified, deleted.
        QCOMPARE(send("POST", path, configMap(QStringLiteral("s-2a"))).status, 201);
        QCOMPARE(send("POST", path, configMap(QStringLiteral("s-9"))).status, 201);
        QJsonObject three = send("GET", path + QStringLiteral("/s-3")).json();
        three.insert(QStringLiteral("data"), QJsonObject{{QStringLiteral("k"), QStringLiteral("changed")}});
        QCOMPARE(send("PUT", path + QStringLiteral("/s-3"), QJsonDocument(three).toJson(QJsonDocument::Compact)).status, 200);
        QCOMPARE(send("DELETE", path + QStringLiteral("/s-4")).status, 200);
        QCOMPARE(send("DELETE", path + QStringLiteral("/s-0")).status, 200);
        QCOMPARE(send("POST", path, configMap(QStringLiteral("s-5a"))).status, 201);

        QCOMPARE(followPages(path, first), expected);
        QCOMPARE(followPages(path, firstTable, asTable), expected);

        // The finished lists released their snapshots; a new list sees the new state.
        QCOMPARE(retainedSnapshots(), retainedBefore);
        QStringList names;
        for (const QString &item : itemVersions(send("GET", path).json()))
            names << item.section(QLatin1Char('@'), 0, 0);
        QCOMPARE(names, (QStringList{QStringLiteral("s-1"), QStringLiteral("s-2"), QStringLiteral("s-2a"), QStringLiteral("s-3"),
                                     QStringLiteral("s-5"), QStringLiteral("s-5a"), QStringLiteral("s-9")}));
    }

    void expiredContinueIs410WithAToken()
    {
        const QString path = namespaceWithConfigMaps(QStringLiteral("expire"), QStringLiteral("e-"), 5);
        const Reply first = send("GET", path + QStringLiteral("?limit=2"));
        const QString firstRv = listMeta(first).value(QLatin1String("resourceVersion")).toString();
        const QString token = listMeta(first).value(QLatin1String("continue")).toString();
        QVERIFY(!token.isEmpty());

        // Something is written, then the history is compacted (as etcd's every five minutes).
        QCOMPARE(send("POST", path, configMap(QStringLiteral("e-1a"))).status, 201);
        QCOMPARE(send("POST", QStringLiteral("/sandbox/v1/faults"), QByteArrayLiteral(R"({"compact":true})")).status, 200);
        Reply r = send("GET", path + QStringLiteral("?limit=2&continue=") + token);
        QCOMPARE(r.status, 410);
        const QJsonObject status = r.json();
        QCOMPARE(status.value(QLatin1String("kind")).toString(), QStringLiteral("Status"));
        QCOMPARE(status.value(QLatin1String("status")).toString(), QStringLiteral("Failure"));
        QCOMPARE(status.value(QLatin1String("reason")).toString(), QStringLiteral("Expired"));
        QCOMPARE(status.value(QLatin1String("code")).toInt(), 410);
        QCOMPARE(status.value(QLatin1String("message")).toString(),
                 QStringLiteral("The provided continue parameter is too old to display a consistent list result. You can start a new list "
                                "without the continue parameter, or use the continue token in this response to retrieve the remainder of "
                                "the results. Continuing with the provided token results in an inconsistent list - objects that were "
                                "created, modified, or deleted between the time the first chunk was returned and now may show up in the list."));
        QVERIFY(!status.contains(QLatin1String("details")));
        const QString inconsistent = status.value(QLatin1String("metadata")).toObject().value(QLatin1String("continue")).toString();
        QCOMPARE(decodeToken(inconsistent).value(QLatin1String("rv")).toInteger(), -1);
        QCOMPARE(decodeToken(inconsistent).value(QLatin1String("start")).toString(), decodeToken(token).value(QLatin1String("start")).toString());

        // The inconsistent token goes on at the latest version, which later pages then keep.
        r = send("GET", path + QStringLiteral("?limit=2&continue=") + inconsistent);
        QCOMPARE(r.status, 200);
        const QString latestRv = listMeta(r).value(QLatin1String("resourceVersion")).toString();
        QVERIFY(latestRv.toLongLong() > firstRv.toLongLong());
        QCOMPARE(listMeta(r).value(QLatin1String("remainingItemCount")).toInt(), 2);
        QStringList rest = followPages(path, r);
        for (QString &item : rest)
            item = item.section(QLatin1Char('@'), 0, 0);
        QCOMPARE(rest, (QStringList{QStringLiteral("e-1a"), QStringLiteral("e-2"), QStringLiteral("e-3"), QStringLiteral("e-4")}));

        // An exact list of the compacted version is gone too.
        r = send("GET", path + QStringLiteral("?resourceVersionMatch=Exact&resourceVersion=") + firstRv);
        QCOMPARE(r.status, 410);
        QCOMPARE(r.json().value(QLatin1String("message")).toString(), QStringLiteral("The resourceVersion for the provided list is too old."));

        // The fault knob expires the next continue without any write or compaction.
        const Reply again = send("GET", path + QStringLiteral("?limit=2"));
        const QString token2 = listMeta(again).value(QLatin1String("continue")).toString();
        QCOMPARE(send("POST", QStringLiteral("/sandbox/v1/faults"), QByteArrayLiteral(R"({"expireContinueTokens":1})")).status, 200);
        r = send("GET", path + QStringLiteral("?limit=2&continue=") + token2);
        QCOMPARE(r.status, 410);
        QCOMPARE(r.json().value(QLatin1String("reason")).toString(), QStringLiteral("Expired"));
        QVERIFY(!r.json().value(QLatin1String("metadata")).toObject().value(QLatin1String("continue")).toString().isEmpty());
        // Used up: nothing changed since, so the same token is served again, consistently.
        r = send("GET", path + QStringLiteral("?limit=2&continue=") + token2);
        QCOMPARE(r.status, 200);
        QCOMPARE(listMeta(r).value(QLatin1String("resourceVersion")).toString(),
                 listMeta(again).value(QLatin1String("resourceVersion")).toString());
    }

    void listResourceVersionParameters()
    {
        const QString path = namespaceWithConfigMaps(QStringLiteral("rvs"), QStringLiteral("v-"), 3);
        const Reply before = send("GET", path);
        const QString rv = listMeta(before).value(QLatin1String("resourceVersion")).toString();

        // resourceVersion=0 is served like the watch cache serves it: the limit is ignored.
        Reply r = send("GET", path + QStringLiteral("?resourceVersion=0&limit=1"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("items")).toArray().size(), 3);
        QVERIFY(!listMeta(r).contains(QLatin1String("continue")));

        QCOMPARE(send("DELETE", path + QStringLiteral("/v-1")).status, 200);
        // Exact, and the legacy form (a resourceVersion with a limit), read the version asked for.
        r = send("GET", path + QStringLiteral("?resourceVersionMatch=Exact&resourceVersion=") + rv);
        QCOMPARE(r.status, 200);
        QCOMPARE(itemVersions(r.json()), itemVersions(before.json()));
        QCOMPARE(listMeta(r).value(QLatin1String("resourceVersion")).toString(), rv);
        r = send("GET", path + QStringLiteral("?limit=2&resourceVersion=") + rv);
        QCOMPARE(r.status, 200);
        QCOMPARE(followPages(path, r), itemVersions(before.json()));
        // NotOlderThan: the latest state.
        r = send("GET", path + QStringLiteral("?resourceVersionMatch=NotOlderThan&resourceVersion=") + rv);
        QCOMPARE(r.json().value(QLatin1String("items")).toArray().size(), 2);

        r = send("GET", path + QStringLiteral("?resourceVersionMatch=Exact"));
        QCOMPARE(r.status, 422);
        QCOMPARE(r.json().value(QLatin1String("reason")).toString(), QStringLiteral("Invalid"));
        QCOMPARE(r.json().value(QLatin1String("message")).toString(),
                 QStringLiteral("ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided"));
        const QString token = listMeta(send("GET", path + QStringLiteral("?limit=1"))).value(QLatin1String("continue")).toString();
        r = send("GET", path + QStringLiteral("?limit=1&resourceVersion=") + rv + QStringLiteral("&continue=") + token);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QLatin1String("message")).toString(), QStringLiteral("specifying resource version is not allowed when using continue"));
        QCOMPARE(send("GET", path + QStringLiteral("?resourceVersion=abc")).status, 400);

        const QString future = QString::number(rv.toLongLong() + 100000);
        r = send("GET", path + QStringLiteral("?resourceVersion=") + future);
        QCOMPARE(r.status, 504);
        QCOMPARE(r.json().value(QLatin1String("reason")).toString(), QStringLiteral("Timeout"));
        QVERIFY(r.json().value(QLatin1String("message")).toString().startsWith(QStringLiteral("Timeout: Too large resource version: ") + future));
        QCOMPARE(send("GET", path + QStringLiteral("?resourceVersionMatch=Exact&resourceVersion=") + future).status, 500);
    }

    void tableListHasTheRealShape()
    {
        const Reply r = send("GET", QStringLiteral("/api/v1/namespaces/default/configmaps?limit=2"),
                             {}, {{"Accept", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json"}});
        const QJsonObject real = readJson(QStringLiteral("real-1.22/responses/table_configmaps_limit2_continue.json"));
        QCOMPARE(keys(r.json()), keys(real));
        QCOMPARE(keys(r.json().value(QLatin1String("metadata")).toObject()), keys(real.value(QLatin1String("metadata")).toObject()));
        QStringList names, realNames;
        for (const QJsonValue &c : r.json().value(QLatin1String("columnDefinitions")).toArray())
            names << c.toObject().value(QLatin1String("name")).toString();
        for (const QJsonValue &c : real.value(QLatin1String("columnDefinitions")).toArray())
            realNames << c.toObject().value(QLatin1String("name")).toString();
        QCOMPARE(names, realNames);
        const QJsonObject row = r.json().value(QLatin1String("rows")).toArray().first().toObject();
        QCOMPARE(keys(row), keys(real.value(QLatin1String("rows")).toArray().first().toObject()));
        QCOMPARE(row.value(QLatin1String("object")).toObject().value(QLatin1String("kind")).toString(), QStringLiteral("PartialObjectMetadata"));
    }

    void watchFromTooOldResourceVersionIs410()
    {
        // The event window holds 5 events per resource: make it overflow.
        for (int i = 0; i < 8; ++i)
            QCOMPARE(send("POST", QStringLiteral("/api/v1/namespaces/default/configmaps"), configMap(QStringLiteral("churn-%1").arg(i))).status, 201);
        const Reply r = send("GET", QStringLiteral("/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=2"));
        QCOMPARE(r.status, 200);
        const QJsonObject event = QJsonDocument::fromJson(r.body.trimmed()).object();
        QCOMPARE(event.value(QLatin1String("type")).toString(), QStringLiteral("ERROR"));
        const QJsonObject status = event.value(QLatin1String("object")).toObject();
        QCOMPARE(status.value(QLatin1String("kind")).toString(), QStringLiteral("Status"));
        QCOMPARE(status.value(QLatin1String("code")).toInt(), 410);
        QCOMPARE(status.value(QLatin1String("reason")).toString(), QStringLiteral("Expired"));
    }

    void watchStreamsEventsBookmarksAndEnds()
    {
        const QString rv = resourceVersion();
        QUrl url = m_base;
        url.setPath(QStringLiteral("/api/v1/namespaces/default/configmaps"));
        url.setQuery(QStringLiteral("watch=true&allowWatchBookmarks=true&timeoutSeconds=2&labelSelector=watched%3Dyes&resourceVersion=") + rv);
        QNetworkRequest request(url);
        QNetworkReply *reply = m_nam.get(request);
        QByteArray received;
        connect(reply, &QNetworkReply::readyRead, this, [&] { received += reply->readAll(); });
        QTest::qWait(200);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/namespaces/default/configmaps"), configMap(QStringLiteral("not-watched"))).status, 201);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/namespaces/default/configmaps"), configMap(QStringLiteral("watched"), {{QStringLiteral("watched"), QStringLiteral("yes")}})).status, 201);
        QCOMPARE(send("DELETE", QStringLiteral("/api/v1/namespaces/default/configmaps/watched")).status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 6000); // timeoutSeconds=2 ends the stream
        received += reply->readAll();
        QStringList types;
        for (const QByteArray &line : received.split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            const QJsonObject e = QJsonDocument::fromJson(line).object();
            types << e.value(QLatin1String("type")).toString();
            if (e.value(QLatin1String("type")).toString() != QLatin1String("BOOKMARK"))
                QCOMPARE(e.value(QLatin1String("object")).toObject().value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString(), QStringLiteral("watched"));
        }
        QStringList changes = types;
        changes.removeAll(QStringLiteral("BOOKMARK"));
        QCOMPARE(changes, (QStringList{QStringLiteral("ADDED"), QStringLiteral("DELETED")}));
        QVERIFY2(types.contains(QStringLiteral("BOOKMARK")), qPrintable(types.join(QLatin1Char(','))));
        reply->deleteLater();
    }

    void tableWatchHasColumnsOnlyFirst()
    {
        QUrl url = m_base;
        url.setPath(QStringLiteral("/api/v1/namespaces/default/configmaps"));
        url.setQuery(QStringLiteral("watch=1&timeoutSeconds=1"));
        QNetworkRequest request(url);
        request.setRawHeader("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io");
        QNetworkReply *reply = m_nam.get(request);
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
        const QList<QByteArray> lines = reply->readAll().trimmed().split('\n');
        QVERIFY(lines.size() >= 2);
        const QJsonObject first = QJsonDocument::fromJson(lines.at(0)).object().value(QLatin1String("object")).toObject();
        const QJsonObject second = QJsonDocument::fromJson(lines.at(1)).object().value(QLatin1String("object")).toObject();
        QCOMPARE(first.value(QLatin1String("kind")).toString(), QStringLiteral("Table"));
        QVERIFY(first.value(QLatin1String("columnDefinitions")).isArray());
        QVERIFY(second.value(QLatin1String("columnDefinitions")).isNull());
        QCOMPARE(second.value(QLatin1String("rows")).toArray().size(), 1);
        reply->deleteLater();
    }

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

    void tableWithIncludeObjectObject()
    {
        QCOMPARE(send("POST", QStringLiteral("/api/v1/namespaces/default/configmaps"),
                      configMap(QStringLiteral("whole"), {{QStringLiteral("table"), QStringLiteral("object")}})).status, 201);
        const QList<QPair<QByteArray, QByteArray>> table{{"Accept", "application/json;as=Table;v=v1;g=meta.k8s.io"}};
        Reply r = send("GET", QStringLiteral("/api/v1/namespaces/default/configmaps?labelSelector=table%3Dobject&includeObject=Object"), {}, table);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("kind")).toString(), QStringLiteral("Table"));
        const QJsonArray rows = r.json().value(QLatin1String("rows")).toArray();
        QCOMPARE(rows.size(), 1);
        QJsonObject object = rows.first().toObject().value(QLatin1String("object")).toObject();
        QCOMPARE(object.value(QLatin1String("kind")).toString(), QStringLiteral("ConfigMap"));
        QCOMPARE(object.value(QLatin1String("apiVersion")).toString(), QStringLiteral("v1"));
        QCOMPARE(object.value(QLatin1String("data")).toObject(), (QJsonObject{{QStringLiteral("k"), QStringLiteral("v")}}));
        QCOMPARE(object.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString(), QStringLiteral("whole"));
        // The default (Metadata) carries only the metadata.
        r = send("GET", QStringLiteral("/api/v1/namespaces/default/configmaps?labelSelector=table%3Dobject"), {}, table);
        object = r.json().value(QLatin1String("rows")).toArray().first().toObject().value(QLatin1String("object")).toObject();
        QCOMPARE(object.value(QLatin1String("kind")).toString(), QStringLiteral("PartialObjectMetadata"));
        QVERIFY(!object.contains(QLatin1String("data")));
        // One object as a Table.
        r = send("GET", QStringLiteral("/api/v1/namespaces/default/configmaps/whole?includeObject=Object"), {}, table);
        object = r.json().value(QLatin1String("rows")).toArray().first().toObject().value(QLatin1String("object")).toObject();
        QCOMPARE(object.value(QLatin1String("kind")).toString(), QStringLiteral("ConfigMap"));
        QCOMPARE(object.value(QLatin1String("data")).toObject(), (QJsonObject{{QStringLiteral("k"), QStringLiteral("v")}}));
    }

    void generateName()
    {
        const QByteArray body = R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"generateName":"gen-"},"data":{"k":"v"}})";
        const QRegularExpression generated(QStringLiteral("^gen-[bcdfghjklmnpqrstvwxz2456789]{5}$"));
        QStringList names;
        for (int i = 0; i < 2; ++i) {
            const Reply r = send("POST", QStringLiteral("/api/v1/namespaces/default/configmaps"), body);
            QCOMPARE(r.status, 201);
            const QJsonObject meta = r.json().value(QLatin1String("metadata")).toObject();
            names << meta.value(QLatin1String("name")).toString();
            QVERIFY2(generated.match(names.last()).hasMatch(), qPrintable(names.last()));
            QCOMPARE(meta.value(QLatin1String("generateName")).toString(), QStringLiteral("gen-"));
            QCOMPARE(send("GET", QStringLiteral("/api/v1/namespaces/default/configmaps/") + names.last()).status, 200);
        }
        QVERIFY(names.first() != names.last());
        // A dry run generates a name too, and stores nothing.
        const Reply dry = send("POST", QStringLiteral("/api/v1/namespaces/default/configmaps?dryRun=All"), body);
        QCOMPARE(dry.status, 201);
        const QString dryName = dry.json().value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString();
        QVERIFY2(generated.match(dryName).hasMatch(), qPrintable(dryName));
        QCOMPARE(send("GET", QStringLiteral("/api/v1/namespaces/default/configmaps/") + dryName).status, 404);
    }

    void malformedYamlApplyIs400NamingTheProblem()
    {
        const QByteArray yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bad-yaml\ndata: [unclosed\n";
        const Reply r = send("PATCH", QStringLiteral("/api/v1/namespaces/default/configmaps/bad-yaml?fieldManager=test"), yaml,
                             {{"Content-Type", "application/apply-patch+yaml"}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QLatin1String("kind")).toString(), QStringLiteral("Status"));
        QCOMPARE(r.json().value(QLatin1String("reason")).toString(), QStringLiteral("BadRequest"));
        const QString message = r.json().value(QLatin1String("message")).toString();
        QVERIFY2(message.startsWith(QStringLiteral("error decoding YAML: error converting YAML to JSON: yaml: line 6: ")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("sequence")), qPrintable(message)); // what is wrong: the [ is never closed
        QCOMPARE(send("GET", QStringLiteral("/api/v1/namespaces/default/configmaps/bad-yaml")).status, 404);
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

    void dropWatchesAndRestartKeepState()
    {
        QUrl url = m_base;
        url.setPath(QStringLiteral("/api/v1/namespaces/default/configmaps"));
        url.setQuery(QStringLiteral("watch=1"));
        QNetworkReply *reply = m_nam.get(QNetworkRequest(url));
        QTest::qWait(300);
        QVERIFY(!reply->isFinished());
        m_sandbox->invoke([](SandboxServer &s) { s.dropWatches(); });
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
        reply->deleteLater();

        const QString rvBefore = resourceVersion();
        bool restarted = false;
        m_sandbox->invoke([&](SandboxServer &s) { restarted = bool(s.restart()); });
        QVERIFY(restarted);
        QCOMPARE(m_sandbox->server()->url(), m_base);
        QCOMPARE(send("GET", QStringLiteral("/api/v1/namespaces/default/configmaps/cfg-1")).status, 200);
        QCOMPARE(resourceVersion(), rvBefore);
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

QTEST_GUILESS_MAIN(tst_SandboxHttp)
#include "tst_sandboxhttp.moc"
