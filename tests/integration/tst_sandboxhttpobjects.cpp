// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
// The SandboxServer at the HTTP level, on objects: Status bodies shaped like a real apiserver's
// (404, 409, 422, 415, 400, 413), protobuf bodies, the status and scale subresources, dry runs,
// deleting a collection, generateName, a malformed YAML apply, and the objects kept when watches are
// dropped and the server restarts.

#include "sandboxhttpsupport.h"
#include "testenv.h"

QLUSTER_TEST_NEEDS(Qluster::Test::NeedsCorpus)

using namespace Qluster;
using namespace Qluster::Test;

class tst_SandboxHttpObjects : public SandboxHttpTest
{
    Q_OBJECT

private Q_SLOTS:
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

    void dropWatchesAndRestartKeepState()
    {
        QUrl url = m_base;
        url.setPath(QStringLiteral("/api/v1/namespaces/default/configmaps"));
        url.setQuery(QStringLiteral("watch=1"));
        QNetworkReply *reply = m_nam.get(QNetworkRequest(url));
        // The response head arrives once the server has the watch (it registers it in the same step).
        QSignalSpy head(reply, &QNetworkReply::metaDataChanged);
        QVERIFY(head.wait(5000));
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
};

QTEST_GUILESS_MAIN(tst_SandboxHttpObjects)
#include "tst_sandboxhttpobjects.moc"
