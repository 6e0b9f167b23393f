// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "schema/openapimodel.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qluster;

namespace {
QJsonObject load(const QString &relative)
{
    QFile file(QStringLiteral(QLUSTER_K8S_API_DIR "/") + relative);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    return QJsonDocument::fromJson(file.readAll()).object();
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

void tst_OpenApiModel::notADocument()
{
    OpenApiModel model;
    QVERIFY(!model.addDocument(QJsonObject{{QStringLiteral("paths"), QJsonObject()}}).has_value());
}

QTEST_GUILESS_MAIN(tst_OpenApiModel)
#include "tst_openapimodel.moc"
