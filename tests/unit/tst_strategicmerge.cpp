// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "edit/jsonutil.h"
#include "testenv.h"
#include "edit/strategicmerge.h"
#include "sandbox/strategicpatch.h"
#include "edit/yamljson.h"
#include "schema/openapimodel.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

QLUSTER_TEST_NEEDS(Qluster::Test::NeedsCorpus)

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
    QFile file(Qluster::Test::corpus(QStringLiteral("/")) + relative);
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

// The field metadata of the test type kube-apiserver's own strategic-merge tests use.
class TestTypeMeta final : public PatchMetaLookup
{
public:
    PatchMeta patchMeta(const QStringList &path) const override
    {
        PatchMeta m;
        const QString field = path.isEmpty() ? QString() : path.last();
        if (field == QLatin1String("mergingList") || field == QLatin1String("mergeItemPtr")) {
            m.strategies = {QStringLiteral("merge")};
            m.mergeKey = QStringLiteral("name");
        } else if (field == QLatin1String("mergingIntList")) {
            m.strategies = {QStringLiteral("merge")};
        } else if (field == QLatin1String("retainKeysMap")) {
            m.strategies = {QStringLiteral("retainKeys")};
        } else if (field == QLatin1String("retainKeysMergingList")) {
            m.strategies = {QStringLiteral("merge"), QStringLiteral("retainKeys")};
            m.mergeKey = QStringLiteral("name");
        }
        return m;
    }
};

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
    void createRetainKeysElement();
    void roundTrip_data();
    void roundTrip();
    void withoutSchema();
    void upstreamSemantics_data();
    void upstreamSemantics();

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
    // Like kube-apiserver, a new element of a patch without $setElementOrder goes first.
    QTest::newRow("new container first")
        << QByteArray(R"({"spec":{"template":{"spec":{"containers":[{"name":"log","image":"fluent"}]}}}})")
        << containers
        << QByteArray(R"([{"name":"log","image":"fluent"},{"name":"nginx","image":"nginx:1.25","args":["-a","-b"],"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],"ports":[{"containerPort":80,"protocol":"TCP"}]},{"name":"sidecar","image":"busybox"}])");
    QTest::newRow("new container placed by $setElementOrder")
        << QByteArray(R"({"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"},{"name":"sidecar"},{"name":"log"}],"containers":[{"name":"log","image":"fluent"}]}}}})")
        << containers + QStringLiteral("/2/name") << QByteArray(R"("log")");
    QTest::newRow("modified element keeps its place")
        << QByteArray(R"({"spec":{"template":{"spec":{"containers":[{"name":"sidecar","image":"busybox:2"}]}}}})")
        << containers + QStringLiteral("/1") << QByteArray(R"({"name":"sidecar","image":"busybox:2"})");
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
        << QByteArray(R"([{"name":"cache","emptyDir":{"medium":"Memory"}},{"name":"data","emptyDir":{}}])");
    QTest::newRow("patch order wins over live order")
        << QByteArray(R"({"spec":{"template":{"spec":{"containers":[{"name":"sidecar","image":"s2"},{"name":"nginx","image":"n2"}]}}}})")
        << containers + QStringLiteral("/0/name") << QByteArray(R"("sidecar")");
    QTest::newRow("int set keeps server-only items first")
        << QByteArray(R"({"metadata":{"finalizers":["b","z"]}})")
        << QStringLiteral("/metadata/finalizers") << QByteArray(R"(["a","b","z"])");
    QTest::newRow("$setElementOrder with absent items")
        << QByteArray(R"({"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"sidecar"},{"name":"ghost"},{"name":"nginx"}]}}}})")
        << containers + QStringLiteral("/0/name") << QByteArray(R"("sidecar")");
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
    QTest::newRow("$setElementOrder disagrees with the patch")
        << QByteArray(R"({"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"},{"name":"sidecar"}],"containers":[{"name":"sidecar","image":"a"},{"name":"nginx","image":"b"}]}}}})")
        << QStringLiteral("doesn't match $setElementOrder/containers");
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

void tst_StrategicMerge::createRetainKeysElement()
{
    const SchemaPatchMetaLookup meta(&m_model, m_deployment);
    const QJsonValue original = json(R"({"spec":{"template":{"spec":{"volumes":[{"name":"v","emptyDir":{}}]}}}})");
    const QJsonValue modified = json(R"({"spec":{"template":{"spec":{"volumes":[{"name":"v","configMap":{"name":"c"}}]}}}})");
    const auto patch = createStrategicMergePatch(original, modified, meta);
    if (!patch)
        QFAIL(qPrintable(patch.error().toString()));
    QVERIFY2(jsonEquals(*patch, json(R"({"spec":{"template":{"spec":{"$setElementOrder/volumes":[{"name":"v"}],"volumes":[{"$retainKeys":["configMap","name"],"configMap":{"name":"c"},"emptyDir":null,"name":"v"}]}}}})")),
             dump(*patch).constData());
    const auto applied = applyStrategicMergePatch(original, *patch, meta);
    QVERIFY(applied.has_value());
    QVERIFY(jsonEquals(*applied, modified));
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

void tst_StrategicMerge::upstreamSemantics_data()
{
    QTest::addColumn<QByteArray>("original");
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QByteArray>("expected"); // empty: an error is expected
    QTest::newRow("unique scalars") << QByteArray("mergingIntList: [1, 2]") << QByteArray("mergingIntList: [2, 3]")
                                    << QByteArray("mergingIntList: [1, 2, 3]");
    QTest::newRow("delete nested map") << QByteArray("simpleMap: {key1: 1, key2: 1}") << QByteArray("simpleMap: {$patch: delete}")
                                       << QByteArray("simpleMap: {}");
    QTest::newRow("replace list with nothing") << QByteArray("mergingList: [{name: 1}, {name: 2}]")
                                               << QByteArray("mergingList: [{$patch: replace}]") << QByteArray("mergingList: []");
    QTest::newRow("replace whole map") << QByteArray("{name: 1, value: 1}") << QByteArray("{$patch: replace}") << QByteArray("{}");
    QTest::newRow("replace map with a key") << QByteArray("{name: 1, value: 1}") << QByteArray("{other: a, $patch: replace}")
                                            << QByteArray("{other: a}");
    QTest::newRow("delete duplicates") << QByteArray("mergingList: [{name: 1}, {name: 1}, {name: 2, value: a}, {name: 3}, {name: 3}]")
                                       << QByteArray("mergingList: [{name: 1, $patch: delete}, {name: 3, $patch: delete}]")
                                       << QByteArray("mergingList: [{name: 2, value: a}]");
    QTest::newRow("patch order, server-only first") << QByteArray("mergingList: [{name: 1}, {name: 2, value: b}, {name: 3}]")
                                                    << QByteArray("mergingList: [{name: 3, value: c}, {name: 1, value: a}]")
                                                    << QByteArray("mergingList: [{name: 2, value: b}, {name: 3, value: c}, {name: 1, value: a}]");
    QTest::newRow("patch order of ints") << QByteArray("mergingIntList: [1, 2, 3]") << QByteArray("mergingIntList: [3, 1]")
                                         << QByteArray("mergingIntList: [2, 3, 1]");
    QTest::newRow("order names absent item") << QByteArray("mergingList: [{name: 1}, {name: 3}]")
                                             << QByteArray("{$setElementOrder/mergingList: [{name: 3}, {name: 2}, {name: 1}], mergingList: [{name: 3, value: 3}, {name: 1, value: 1}]}")
                                             << QByteArray("mergingList: [{name: 3, value: 3}, {name: 1, value: 1}]");
    QTest::newRow("order of ints only") << QByteArray("mergingIntList: [1, 3]") << QByteArray("{$setElementOrder/mergingIntList: [3, 2, 1]}")
                                        << QByteArray("mergingIntList: [3, 1]");
    QTest::newRow("order contradicts patch") << QByteArray("mergingList: [{name: 1}, {name: 3}, {name: 2}]")
                                             << QByteArray("{$setElementOrder/mergingList: [{name: 1}, {name: 2}, {name: 3}], mergingList: [{name: 3, value: 3}, {name: 1, value: 1}]}")
                                             << QByteArray();
    QTest::newRow("missing merge key") << QByteArray("mergingList: [{name: 1, value: a}]") << QByteArray("mergingList: [{value: b}]")
                                       << QByteArray();
    QTest::newRow("retainKeys map without directive") << QByteArray("retainKeysMap: {name: foo, value: a}")
                                                      << QByteArray("retainKeysMap: {value: b}")
                                                      << QByteArray("retainKeysMap: {name: foo, value: b}");
    QTest::newRow("retainKeys list element") << QByteArray("retainKeysMergingList: [{name: bar}, {name: foo, value: a}]")
                                             << QByteArray("retainKeysMergingList: [{name: foo, value: null}]")
                                             << QByteArray("retainKeysMergingList: [{name: bar}, {name: foo}]");
    QTest::newRow("nested merging lists") << QByteArray("mergingList: [{name: 1, mergingList: [{name: 1}, {name: 2, value: 2}]}, {name: 2}]")
                                          << QByteArray("{$setElementOrder/mergingList: [{name: 1}, {name: 2}], mergingList: [{name: 1, $setElementOrder/mergingList: [{name: 1}, {name: 2}], mergingList: [{name: 1, value: 1}]}]}")
                                          << QByteArray("mergingList: [{name: 1, mergingList: [{name: 1, value: 1}, {name: 2, value: 2}]}, {name: 2}]");
    QTest::newRow("delete with order") << QByteArray("mergingList: [{name: 1}, {name: 2, other: b}]")
                                       << QByteArray("{$setElementOrder/mergingList: [{name: 2}], mergingList: [{name: 1, $patch: delete}]}")
                                       << QByteArray("mergingList: [{name: 2, other: b}]");
    QTest::newRow("null value of new field") << QByteArray("{name: 2}") << QByteArray("{name: 1, value: 1, other: null}")
                                             << QByteArray("{name: 1, value: 1}");
}

void tst_StrategicMerge::upstreamSemantics()
{
    QFETCH(QByteArray, original);
    QFETCH(QByteArray, patch);
    QFETCH(QByteArray, expected);
    const auto o = yamlToJson(original);
    const auto p = yamlToJson(patch);
    QVERIFY(o.has_value() && p.has_value());
    const auto result = applyStrategicMergePatch(*o, *p, TestTypeMeta());
    if (expected.isEmpty()) {
        QVERIFY(!result.has_value());
        return;
    }
    if (!result)
        QFAIL(qPrintable(result.error().toString()));
    const auto e = yamlToJson(expected);
    QVERIFY(e.has_value());
    QVERIFY2(jsonEquals(*result, *e), dump(*result).constData());
}

QTEST_GUILESS_MAIN(tst_StrategicMerge)
#include "tst_strategicmerge.moc"
