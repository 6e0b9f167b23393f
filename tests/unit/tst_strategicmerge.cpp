// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "edit/jsonutil.h"
#include "edit/strategicmerge.h"
#include "schema/openapimodel.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qluster;

namespace {
QJsonValue json(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson("[" + text + "]", &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", text.constData());
    return doc.array().at(0);
}
QByteArray dump(const QJsonValue &v)
{
    return QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
}
QJsonObject load(const QString &relative)
{
    QFile file(QStringLiteral(QLUSTER_K8S_API_DIR "/") + relative);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    return QJsonDocument::fromJson(file.readAll()).object();
}

const QByteArray kDeployment = R"({
  "apiVersion": "apps/v1", "kind": "Deployment",
  "metadata": {"name": "web", "labels": {"app": "web", "tier": "front"}, "finalizers": ["a", "b"]},
  "spec": {
    "replicas": 1,
    "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxSurge": 1, "maxUnavailable": 0}},
    "template": {"spec": {
      "containers": [
        {"name": "nginx", "image": "nginx:1.25", "args": ["-a", "-b"],
         "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "2"}],
         "ports": [{"containerPort": 80, "protocol": "TCP"}]},
        {"name": "sidecar", "image": "busybox"}
      ],
      "volumes": [{"name": "data", "emptyDir": {}}]
    }}
  }
})";
} // namespace

class tst_StrategicMerge final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void apply_data();
    void apply();
    void applyErrors_data();
    void applyErrors();
    void applyToRealObject();
    void create_data();
    void create();
    void roundTrip_data();
    void roundTrip();
    void withoutSchema();

private:
    OpenApiModel m_model;
    const Gvk m_deployment{QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("Deployment")};
};

void tst_StrategicMerge::initTestCase()
{
    const auto added = m_model.addDocument(load(QStringLiteral("openapi/v3/apis__apps__v1_openapi.json")));
    if (!added)
        QFAIL(qPrintable(added.error().toString()));
}

void tst_StrategicMerge::apply_data()
{
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QByteArray>("expected");
    const QString containers = QStringLiteral("/spec/template/spec/containers");
    QTest::newRow("container merged by name")
        << QByteArray(R"({"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}})")
        << containers + QStringLiteral("/0")
        << QByteArray(R"({"name":"nginx","image":"nginx:1.27","args":["-a","-b"],"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],"ports":[{"containerPort":80,"protocol":"TCP"}]})");
    QTest::newRow("new container appended")
        << QByteArray(R"({"spec":{"template":{"spec":{"containers":[{"name":"log","image":"fluent"}]}}}})")
        << containers
        << QByteArray(R"([{"name":"nginx","image":"nginx:1.25","args":["-a","-b"],"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],"ports":[{"containerPort":80,"protocol":"TCP"}]},{"name":"sidecar","image":"busybox"},{"name":"log","image":"fluent"}])");
    QTest::newRow("$patch delete element")
        << QByteArray(R"({"spec":{"template":{"spec":{"containers":[{"name":"nginx","$patch":"delete"}]}}}})")
        << containers << QByteArray(R"([{"name":"sidecar","image":"busybox"}])");
    QTest::newRow("$patch replace list")
        << QByteArray(R"({"spec":{"template":{"spec":{"containers":[{"name":"only","image":"x"},{"$patch":"replace"}]}}}})")
        << containers << QByteArray(R"([{"name":"only","image":"x"}])");
    QTest::newRow("env merged by name")
        << QByteArray(R"({"spec":{"template":{"spec":{"containers":[{"name":"nginx","env":[{"name":"B","value":"3"},{"name":"C","value":"4"}]}]}}}})")
        << containers + QStringLiteral("/0/env")
        << QByteArray(R"([{"name":"A","value":"1"},{"name":"B","value":"3"},{"name":"C","value":"4"}])");
    QTest::newRow("ports merged by containerPort")
        << QByteArray(R"({"spec":{"template":{"spec":{"containers":[{"name":"nginx","ports":[{"containerPort":80,"name":"http"},{"containerPort":443}]}]}}}})")
        << containers + QStringLiteral("/0/ports")
        << QByteArray(R"([{"containerPort":80,"protocol":"TCP","name":"http"},{"containerPort":443}])");
    QTest::newRow("args replaced (no strategy)")
        << QByteArray(R"({"spec":{"template":{"spec":{"containers":[{"name":"nginx","args":["-c"]}]}}}})")
        << containers + QStringLiteral("/0/args") << QByteArray(R"(["-c"])");
    QTest::newRow("primitive merge list is a set")
        << QByteArray(R"({"metadata":{"finalizers":["b","c"]}})")
        << QStringLiteral("/metadata/finalizers") << QByteArray(R"(["a","b","c"])");
    QTest::newRow("$deleteFromPrimitiveList")
        << QByteArray(R"({"metadata":{"$deleteFromPrimitiveList/finalizers":["a"]}})")
        << QStringLiteral("/metadata/finalizers") << QByteArray(R"(["b"])");
    QTest::newRow("$setElementOrder")
        << QByteArray(R"({"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"sidecar"},{"name":"nginx"}]}}}})")
        << containers + QStringLiteral("/0/name") << QByteArray(R"("sidecar")");
    QTest::newRow("$retainKeys")
        << QByteArray(R"({"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}})")
        << QStringLiteral("/spec/strategy") << QByteArray(R"({"type":"Recreate"})");
    QTest::newRow("null deletes label")
        << QByteArray(R"({"metadata":{"labels":{"tier":null,"new":"x"}}})")
        << QStringLiteral("/metadata/labels") << QByteArray(R"({"app":"web","new":"x"})");
    QTest::newRow("$patch replace map")
        << QByteArray(R"({"metadata":{"labels":{"$patch":"replace","only":"me"}}})")
        << QStringLiteral("/metadata/labels") << QByteArray(R"({"only":"me"})");
    QTest::newRow("$patch delete map")
        << QByteArray(R"({"spec":{"strategy":{"$patch":"delete"}}})")
        << QStringLiteral("/spec/strategy") << QByteArray(R"({})");
    QTest::newRow("volumes by name")
        << QByteArray(R"({"spec":{"template":{"spec":{"volumes":[{"name":"cache","emptyDir":{"medium":"Memory"}}]}}}})")
        << QStringLiteral("/spec/template/spec/volumes")
        << QByteArray(R"([{"name":"data","emptyDir":{}},{"name":"cache","emptyDir":{"medium":"Memory"}}])");
    QTest::newRow("scalar replaced") << QByteArray(R"({"spec":{"replicas":3}})")
                                     << QStringLiteral("/spec/replicas") << QByteArray("3");
    QTest::newRow("new subtree loses directives")
        << QByteArray(R"({"spec":{"template":{"metadata":{"labels":{"$patch":"replace","a":"b"}}}}})")
        << QStringLiteral("/spec/template/metadata") << QByteArray(R"({"labels":{"a":"b"}})");
}

static QJsonValue pointerGet(const QJsonValue &doc, const QString &pointer)
{
    QJsonValue v = doc;
    for (const QString &token : pointer.mid(1).split(QLatin1Char('/'))) {
        bool isIndex = false;
        const int i = token.toInt(&isIndex);
        v = isIndex && v.isArray() ? v.toArray().at(i) : v.toObject().value(token);
    }
    return v;
}

void tst_StrategicMerge::apply()
{
    QFETCH(QByteArray, patch);
    QFETCH(QString, pointer);
    QFETCH(QByteArray, expected);
    const SchemaPatchMetaLookup meta(&m_model, m_deployment);
    QVERIFY(meta.isKnown());
    const auto result = applyStrategicMergePatch(json(kDeployment), json(patch), meta);
    if (!result)
        QFAIL(qPrintable(result.error().toString()));
    const QJsonValue actual = pointerGet(*result, pointer);
    QVERIFY2(jsonEquals(actual, json(expected)), dump(actual).constData());
    // Untouched parts stay.
    QCOMPARE(result->toObject().value(QLatin1String("kind")).toString(), QStringLiteral("Deployment"));
}

void tst_StrategicMerge::applyErrors_data()
{
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown list directive")
        << QByteArray(R"({"spec":{"template":{"spec":{"containers":[{"name":"x","$patch":"explode"}]}}}})")
        << QStringLiteral("$patch directive unknown");
    QTest::newRow("unknown map directive") << QByteArray(R"({"metadata":{"labels":{"$patch":"nope"}}})")
                                           << QStringLiteral("$patch directive unknown");
    QTest::newRow("missing merge key")
        << QByteArray(R"({"spec":{"template":{"spec":{"containers":[{"image":"x"}]}}}})")
        << QStringLiteral("does not contain declared merge key: name");
    QTest::newRow("retainKeys mismatch")
        << QByteArray(R"({"spec":{"strategy":{"$retainKeys":["type"],"rollingUpdate":{}}}})")
        << QStringLiteral("not in $retainKeys");
    QTest::newRow("merge directive in list")
        << QByteArray(R"({"spec":{"template":{"spec":{"containers":[{"$patch":"merge"}]}}}})")
        << QStringLiteral("merging lists cannot yet be specified");
}

void tst_StrategicMerge::applyErrors()
{
    QFETCH(QByteArray, patch);
    QFETCH(QString, message);
    const SchemaPatchMetaLookup meta(&m_model, m_deployment);
    const auto result = applyStrategicMergePatch(json(kDeployment), json(patch), meta);
    QVERIFY(!result.has_value());
    QVERIFY2(result.error().message.contains(message), qPrintable(result.error().message));
    QVERIFY(!applyStrategicMergePatch(json(kDeployment), json("[1]"), meta).has_value());
}

void tst_StrategicMerge::applyToRealObject()
{
    // The Deployment captured from a real kube-apiserver; patch the image the way kubectl does.
    const QJsonObject live = load(QStringLiteral("real-1.22/responses/strategic_patch_dryrun_result.json"));
    const SchemaPatchMetaLookup meta(&m_model, m_deployment);
    const auto result = applyStrategicMergePatch(
        live, json(R"({"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}})"), meta);
    if (!result)
        QFAIL(qPrintable(result.error().toString()));
    const QJsonObject container = pointerGet(*result, QStringLiteral("/spec/template/spec/containers/0")).toObject();
    QCOMPARE(container.value(QLatin1String("image")).toString(), QStringLiteral("nginx:1.27"));
    QCOMPARE(container.value(QLatin1String("terminationMessagePath")).toString(), QStringLiteral("/dev/termination-log"));
    QCOMPARE(pointerGet(*result, QStringLiteral("/spec/template/spec/containers")).toArray().size(), 1);
    QCOMPARE(pointerGet(*result, QStringLiteral("/metadata/managedFields")).toArray().size(), 2);
}

void tst_StrategicMerge::create_data()
{
    QTest::addColumn<QByteArray>("original");
    QTest::addColumn<QByteArray>("modified");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("no change") << kDeployment << kDeployment << QByteArray("{}");
    QTest::newRow("scalar") << QByteArray(R"({"spec":{"replicas":1}})") << QByteArray(R"({"spec":{"replicas":2}})")
                            << QByteArray(R"({"spec":{"replicas":2}})");
    QTest::newRow("container image")
        << QByteArray(R"({"spec":{"template":{"spec":{"containers":[{"name":"a","image":"x"},{"name":"b","image":"y"}]}}}})")
        << QByteArray(R"({"spec":{"template":{"spec":{"containers":[{"name":"a","image":"x2"},{"name":"b","image":"y"}]}}}})")
        << QByteArray(R"({"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"a"},{"name":"b"}],"containers":[{"name":"a","image":"x2"}]}}}})");
    QTest::newRow("container removed")
        << QByteArray(R"({"spec":{"template":{"spec":{"containers":[{"name":"a","image":"x"},{"name":"b","image":"y"}]}}}})")
        << QByteArray(R"({"spec":{"template":{"spec":{"containers":[{"name":"a","image":"x"}]}}}})")
        << QByteArray(R"({"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"a"}],"containers":[{"$patch":"delete","name":"b"}]}}}})");
    QTest::newRow("label removed")
        << QByteArray(R"({"metadata":{"labels":{"a":"1","b":"2"}}})") << QByteArray(R"({"metadata":{"labels":{"a":"1"}}})")
        << QByteArray(R"({"metadata":{"labels":{"b":null}}})");
    QTest::newRow("finalizers")
        << QByteArray(R"({"metadata":{"finalizers":["a","b"]}})") << QByteArray(R"({"metadata":{"finalizers":["b","c"]}})")
        << QByteArray(R"({"metadata":{"$deleteFromPrimitiveList/finalizers":["a"],"$setElementOrder/finalizers":["b","c"],"finalizers":["c"]}})");
    QTest::newRow("atomic list")
        << QByteArray(R"({"spec":{"template":{"spec":{"containers":[{"name":"a","args":["1"]}]}}}})")
        << QByteArray(R"({"spec":{"template":{"spec":{"containers":[{"name":"a","args":["1","2"]}]}}}})")
        << QByteArray(R"({"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"a"}],"containers":[{"name":"a","args":["1","2"]}]}}}})");
    QTest::newRow("retainKeys")
        << QByteArray(R"({"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}}}})")
        << QByteArray(R"({"spec":{"strategy":{"type":"Recreate"}}})")
        << QByteArray(R"({"spec":{"strategy":{"$retainKeys":["type"],"rollingUpdate":null,"type":"Recreate"}}})");
}

void tst_StrategicMerge::create()
{
    QFETCH(QByteArray, original);
    QFETCH(QByteArray, modified);
    QFETCH(QByteArray, expected);
    const SchemaPatchMetaLookup meta(&m_model, m_deployment);
    const auto patch = createStrategicMergePatch(json(original), json(modified), meta);
    if (!patch)
        QFAIL(qPrintable(patch.error().toString()));
    QVERIFY2(jsonEquals(*patch, json(expected)), dump(*patch).constData());
    const auto applied = applyStrategicMergePatch(json(original), *patch, meta);
    if (!applied)
        QFAIL(qPrintable(applied.error().toString()));
    QVERIFY2(jsonEquals(*applied, json(modified)), dump(*applied).constData());
}

void tst_StrategicMerge::roundTrip_data()
{
    QTest::addColumn<QByteArray>("modified");
    QTest::newRow("reorder containers")
        << QByteArray(R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web","tier":"front"},"finalizers":["a","b"]},"spec":{"replicas":1,"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1,"maxUnavailable":0}},"template":{"spec":{"containers":[{"name":"sidecar","image":"busybox"},{"name":"nginx","image":"nginx:1.25","args":["-a","-b"],"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],"ports":[{"containerPort":80,"protocol":"TCP"}]}],"volumes":[{"name":"data","emptyDir":{}}]}}}})");
    QTest::newRow("many edits")
        << QByteArray(R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web2"},"finalizers":["b"]},"spec":{"replicas":5,"strategy":{"type":"Recreate"},"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27","args":["-a"],"env":[{"name":"B","value":"2"},{"name":"C","value":"9"}],"ports":[{"containerPort":8080,"protocol":"TCP"}]},{"name":"new","image":"x"}]}}}})");
}

void tst_StrategicMerge::roundTrip()
{
    QFETCH(QByteArray, modified);
    const SchemaPatchMetaLookup meta(&m_model, m_deployment);
    const auto patch = createStrategicMergePatch(json(kDeployment), json(modified), meta);
    if (!patch)
        QFAIL(qPrintable(patch.error().toString()));
    const auto applied = applyStrategicMergePatch(json(kDeployment), *patch, meta);
    if (!applied)
        QFAIL(qPrintable(applied.error().toString()));
    QVERIFY2(jsonEquals(*applied, json(modified)), dump(*applied).constData());
}

void tst_StrategicMerge::withoutSchema()
{
    // Without metadata every list is replaced, like a JSON merge patch.
    const NoPatchMeta none;
    const auto result = applyStrategicMergePatch(json(R"({"l":[{"name":"a","x":1}],"m":{"k":"v"}})"),
                                                 json(R"({"l":[{"name":"b"}],"m":{"j":"w"}})"), none);
    if (!result)
        QFAIL(qPrintable(result.error().toString()));
    QVERIFY(jsonEquals(*result, json(R"({"l":[{"name":"b"}],"m":{"k":"v","j":"w"}})")));
}

QTEST_GUILESS_MAIN(tst_StrategicMerge)
#include "tst_strategicmerge.moc"
