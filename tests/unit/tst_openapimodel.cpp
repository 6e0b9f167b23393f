// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "schema/openapimodel.h"
#include "testenv.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

QLUSTER_TEST_NEEDS(Qluster::Test::NeedsCorpus)

using namespace Qluster;

namespace {
QJsonObject load(const QString &relative)
{
    return Qluster::Test::corpusJson(relative);
}
QStringList path(const char *dotted)
{
    return QString::fromLatin1(dotted).split(QLatin1Char('.'), Qt::SkipEmptyParts);
}
} // namespace

class tst_OpenApiModel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void gvkIndex();
    void patchMeta_data();
    void patchMeta();
    void schemaAtPath();
    void crdSchema();
    void typeNames_data();
    void typeNames();
    void fieldsOfList();
    void unknownFields();
    void notADocument();

private:
    OpenApiModel m_v3;
    OpenApiModel m_v2;
};

void tst_OpenApiModel::initTestCase()
{
    for (const char *name : {"api__v1_openapi.json", "apis__apps__v1_openapi.json",
                             "apis__batch__v1_openapi.json"}) {
        const auto added = m_v3.addDocument(load(QStringLiteral("openapi/v3/") + QLatin1String(name)));
        if (!added)
            QFAIL(qPrintable(added.error().toString()));
    }
    const auto added = m_v2.addDocument(load(QStringLiteral("real-1.22/openapi/swagger.json")));
    if (!added)
        QFAIL(qPrintable(added.error().toString()));
}

void tst_OpenApiModel::gvkIndex()
{
    for (OpenApiModel *model : {&m_v3, &m_v2}) {
        QCOMPARE(model->schemaNameForGvk({QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("Deployment")}),
                 QStringLiteral("io.k8s.api.apps.v1.Deployment"));
        QCOMPARE(model->schemaNameForGvk({QString(), QStringLiteral("v1"), QStringLiteral("Pod")}),
                 QStringLiteral("io.k8s.api.core.v1.Pod"));
        QCOMPARE(model->schemaNameForGvk({QStringLiteral("batch"), QStringLiteral("v1"), QStringLiteral("CronJob")}),
                 QStringLiteral("io.k8s.api.batch.v1.CronJob"));
        QVERIFY(model->schemaNameForGvk({QStringLiteral("nope"), QStringLiteral("v1"), QStringLiteral("Pod")}).isEmpty());
    }
}

void tst_OpenApiModel::patchMeta_data()
{
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("fieldPath");
    QTest::addColumn<QString>("mergeKey");
    QTest::addColumn<QStringList>("strategies");
    QTest::addColumn<QString>("listType");
    QTest::addColumn<QStringList>("listMapKeys");
    const QStringList merge{QStringLiteral("merge")};
    QTest::newRow("pod containers") << QString() << QStringLiteral("Pod") << QStringLiteral("spec.containers")
                                    << QStringLiteral("name") << merge << QString() << QStringList();
    QTest::newRow("container ports") << QString() << QStringLiteral("Pod") << QStringLiteral("spec.containers.ports")
                                     << QStringLiteral("containerPort") << merge << QStringLiteral("map")
                                     << QStringList{QStringLiteral("containerPort"), QStringLiteral("protocol")};
    QTest::newRow("container env") << QString() << QStringLiteral("Pod") << QStringLiteral("spec.containers.env")
                                   << QStringLiteral("name") << merge << QString() << QStringList();
    QTest::newRow("pod volumes") << QString() << QStringLiteral("Pod") << QStringLiteral("spec.volumes")
                                 << QStringLiteral("name")
                                 << QStringList{QStringLiteral("merge"), QStringLiteral("retainKeys")}
                                 << QString() << QStringList();
    QTest::newRow("deployment template containers")
        << QStringLiteral("apps") << QStringLiteral("Deployment") << QStringLiteral("spec.template.spec.containers")
        << QStringLiteral("name") << merge << QString() << QStringList();
    QTest::newRow("finalizers") << QStringLiteral("apps") << QStringLiteral("Deployment")
                                << QStringLiteral("metadata.finalizers") << QString() << merge
                                << QString() << QStringList();
    QTest::newRow("deployment strategy") << QStringLiteral("apps") << QStringLiteral("Deployment")
                                         << QStringLiteral("spec.strategy") << QString()
                                         << QStringList{QStringLiteral("retainKeys")} << QString() << QStringList();
    QTest::newRow("plain field") << QStringLiteral("apps") << QStringLiteral("Deployment")
                                 << QStringLiteral("spec.replicas") << QString() << QStringList()
                                 << QString() << QStringList();
    QTest::newRow("unknown field") << QString() << QStringLiteral("Pod") << QStringLiteral("spec.nope.deeper")
                                   << QString() << QStringList() << QString() << QStringList();
}

void tst_OpenApiModel::patchMeta()
{
    QFETCH(QString, group);
    QFETCH(QString, kind);
    QFETCH(QString, fieldPath);
    QFETCH(QString, mergeKey);
    QFETCH(QStringList, strategies);
    QFETCH(QString, listType);
    QFETCH(QStringList, listMapKeys);
    const Gvk gvk{group, QStringLiteral("v1"), kind};
    const QStringList p = fieldPath.split(QLatin1Char('.'));
    const PatchMeta v3 = m_v3.patchMeta(gvk, p);
    QCOMPARE(v3.mergeKey, mergeKey);
    QCOMPARE(v3.strategies, strategies);
    QCOMPARE(v3.listType, listType);
    QCOMPARE(v3.listMapKeys, listMapKeys);
    // The v1.22 swagger carries the same strategic-merge metadata.
    const PatchMeta v2 = SchemaPatchMetaLookup(&m_v2, gvk).patchMeta(p);
    QCOMPARE(v2.mergeKey, mergeKey);
    QCOMPARE(v2.strategies, strategies);
}

void tst_OpenApiModel::schemaAtPath()
{
    const QJsonObject replicas = m_v3.schemaAtPath(QStringLiteral("io.k8s.api.apps.v1.Deployment"), path("spec.replicas"));
    QCOMPARE(replicas.value(QLatin1String("type")).toString(), QStringLiteral("integer"));
    const QJsonObject labels = m_v3.schemaAtPath(QStringLiteral("io.k8s.api.core.v1.Pod"), path("metadata.labels.app"));
    QCOMPARE(labels.value(QLatin1String("type")).toString(), QStringLiteral("string"));
    const QJsonObject port = m_v3.schemaAtPath(QStringLiteral("io.k8s.api.core.v1.Service"), path("spec.ports.targetPort"));
    QCOMPARE(port.value(QLatin1String("format")).toString(), QStringLiteral("int-or-string"));
    const QJsonObject container = m_v3.schemaAtPath(QStringLiteral("io.k8s.api.core.v1.Pod"), path("spec.containers"));
    QCOMPARE(container.value(QLatin1String("type")).toString(), QStringLiteral("array"));
    QVERIFY(m_v3.schemaAtPath(QStringLiteral("io.k8s.api.core.v1.Pod"), path("spec.nope")).isEmpty());
    QVERIFY(m_v3.schemaAtPath(QStringLiteral("no.such.Schema"), path("spec")).isEmpty());
}

void tst_OpenApiModel::crdSchema()
{
    OpenApiModel model;
    const QJsonObject widget = QJsonDocument::fromJson(R"({
        "type": "object",
        "x-kubernetes-group-version-kind": [{"group": "example.com", "version": "v1", "kind": "Widget"}],
        "properties": {"spec": {"type": "object", "properties": {
            "items": {"type": "array", "x-kubernetes-list-type": "map",
                      "x-kubernetes-list-map-keys": ["id"],
                      "items": {"type": "object", "properties": {"id": {"type": "string"}}}}}}}})").object();
    model.addSchema(QStringLiteral("com.example.v1.Widget"), widget);
    const Gvk gvk{QStringLiteral("example.com"), QStringLiteral("v1"), QStringLiteral("Widget")};
    QCOMPARE(model.patchMeta(gvk, path("spec.items")).listMapKeys, QStringList{QStringLiteral("id")});
    QCOMPARE(model.schemaAtPath(QStringLiteral("com.example.v1.Widget"), path("spec.items.id"))
                 .value(QLatin1String("type")).toString(), QStringLiteral("string"));
    model.removeSchema(QStringLiteral("com.example.v1.Widget"));
    QVERIFY(model.schemaNameForGvk(gvk).isEmpty());
}

void tst_OpenApiModel::typeNames_data()
{
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("fieldPath");
    QTest::addColumn<QString>("typeName");
    const QString pod = QStringLiteral("io.k8s.api.core.v1.Pod");
    QTest::newRow("struct list") << pod << QStringLiteral("spec.containers") << QStringLiteral("[]Container");
    QTest::newRow("string map") << pod << QStringLiteral("metadata.labels") << QStringLiteral("map[string]string");
    QTest::newRow("quantity map") << pod << QStringLiteral("spec.containers.resources.limits") << QStringLiteral("map[string]Quantity");
    QTest::newRow("ref") << QStringLiteral("io.k8s.api.apps.v1.Deployment") << QStringLiteral("spec.template") << QStringLiteral("PodTemplateSpec");
    QTest::newRow("int or string") << QStringLiteral("io.k8s.api.core.v1.Service") << QStringLiteral("spec.ports.targetPort") << QStringLiteral("IntOrString");
    QTest::newRow("integer") << QStringLiteral("io.k8s.api.apps.v1.Deployment") << QStringLiteral("spec.replicas") << QStringLiteral("integer");
    QTest::newRow("strings") << pod << QStringLiteral("spec.containers.args") << QStringLiteral("[]string");
    QTest::newRow("time") << pod << QStringLiteral("metadata.creationTimestamp") << QStringLiteral("Time");
}

void tst_OpenApiModel::typeNames()
{
    QFETCH(QString, schema);
    QFETCH(QString, fieldPath);
    QFETCH(QString, typeName);
    QStringList p = fieldPath.split(QLatin1Char('.'));
    const QString field = p.takeLast();
    const QList<SchemaField> fields = m_v3.fields(m_v3.schemaAtPath(schema, p));
    const auto it = std::find_if(fields.begin(), fields.end(), [&](const SchemaField &f) { return f.name == field; });
    QVERIFY2(it != fields.end(), qPrintable(fieldPath));
    QCOMPARE(it->typeName, typeName);
    QVERIFY(!it->description.isEmpty());
}

void tst_OpenApiModel::fieldsOfList()
{
    // Fields of a list field are those of its element, as kubectl explain shows them.
    const QList<SchemaField> fields = m_v3.fields(m_v3.schemaAtPath(QStringLiteral("io.k8s.api.core.v1.Pod"), path("spec.containers")));
    QStringList names;
    for (const SchemaField &f : fields)
        names.append(f.name);
    QVERIFY(names.contains(QStringLiteral("image")));
    QVERIFY(std::is_sorted(names.begin(), names.end()));
    const auto name = std::find_if(fields.begin(), fields.end(), [](const SchemaField &f) { return f.name == QLatin1String("name"); });
    QVERIFY(name != fields.end() && name->required);
}

void tst_OpenApiModel::unknownFields()
{
    const Gvk deployment{QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("Deployment")};
    const QJsonObject object = QJsonDocument::fromJson(R"({
        "apiVersion": "apps/v1", "kind": "Deployment",
        "metadata": {"name": "web", "labels": {"any": "thing"}, "colour": "red"},
        "spec": {"replicas": 1, "replica": 2,
          "template": {"spec": {"containers": [{"name": "a", "image": "x"}, {"name": "b", "imag": "y"}]}}}})").object();
    QCOMPARE(m_v3.unknownFields(deployment, object),
             (QStringList{QStringLiteral("metadata.colour"), QStringLiteral("spec.replica"),
                          QStringLiteral("spec.template.spec.containers[1].imag")}));
    QJsonObject clean = object;
    clean.insert(QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("web")}});
    clean.insert(QStringLiteral("spec"), QJsonObject{{QStringLiteral("replicas"), 1}});
    QVERIFY(m_v3.unknownFields(deployment, clean).isEmpty());
    QVERIFY(m_v3.unknownFields({QStringLiteral("x"), QStringLiteral("v1"), QStringLiteral("Y")}, object).isEmpty());
}

void tst_OpenApiModel::notADocument()
{
    OpenApiModel model;
    QVERIFY(!model.addDocument(QJsonObject{{QStringLiteral("paths"), QJsonObject()}}).has_value());
}

QTEST_GUILESS_MAIN(tst_OpenApiModel)
#include "tst_openapimodel.moc"
