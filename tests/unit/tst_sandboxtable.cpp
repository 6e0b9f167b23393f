// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "sandbox/discoverydocuments.h"
#include "sandbox/tableprinter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace Qluster;

namespace {

QJsonObject readJson(const QString &relative)
{
    QFile f(QStringLiteral(QLUSTER_K8S_API_DIR "/") + relative);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

const ResourceType &builtin(const QString &plural)
{
    for (const ResourceType &t : builtinResourceTypes()) {
        if (t.plural == plural)
            return t;
    }
    static ResourceType none;
    return none;
}

QSet<QString> keys(const QJsonObject &o)
{
    const QStringList k = o.keys();
    return QSet<QString>(k.begin(), k.end());
}

} // namespace

class tst_SandboxTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtinsAreTheTwentyTwoKinds()
    {
        QCOMPARE(builtinResourceTypes().size(), 22);
        QSet<QString> kinds;
        for (const ResourceType &t : builtinResourceTypes())
            kinds << t.kind;
        for (const char *k : {"Namespace", "Node", "Pod", "Service", "Endpoints", "ConfigMap", "Secret", "ServiceAccount",
                              "Event", "PersistentVolumeClaim", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job",
                              "CronJob", "Ingress", "Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition"})
            QVERIFY2(kinds.contains(QLatin1String(k)), k);
    }

    void humanDuration_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("0") << qint64(0) << QStringLiteral("0s");
        QTest::newRow("119") << qint64(119) << QStringLiteral("119s");
        QTest::newRow("200") << qint64(200) << QStringLiteral("3m20s");
        QTest::newRow("600") << qint64(600) << QStringLiteral("10m");
        QTest::newRow("3h5m") << qint64(3 * 3600 + 300) << QStringLiteral("3h5m");
        QTest::newRow("30h") << qint64(30 * 3600) << QStringLiteral("30h");
        QTest::newRow("3d4h") << qint64(3 * 86400 + 4 * 3600) << QStringLiteral("3d4h");
        QTest::newRow("400d") << qint64(400 * 86400) << QStringLiteral("400d");
        QTest::newRow("3y") << qint64(3 * 365 * 86400) << QStringLiteral("3y");
    }

    void humanDuration()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, text);
        QCOMPARE(TablePrinter::humanDuration(seconds), text);
    }

    void deploymentTableMatchesRealServer()
    {
        // The real v1.22 answer to a Table list of deployments with includeObject=Metadata.
        const QJsonObject real = readJson(QStringLiteral("real-1.22/responses/table_deployments_includeObject_Metadata.json"));
        QVERIFY(!real.isEmpty());
        const QJsonObject realRow = real.value(QLatin1String("rows")).toArray().first().toObject();
        // Rebuild the same object the real server printed, and print it ourselves.
        QJsonObject object = realRow.value(QLatin1String("object")).toObject();
        object.insert(QStringLiteral("spec"), QJsonObject{{QStringLiteral("replicas"), 1},
                                                          {QStringLiteral("selector"), QJsonObject{{QStringLiteral("matchLabels"), QJsonObject{{QStringLiteral("app"), QStringLiteral("api")}}}}},
                                                          {QStringLiteral("template"), QJsonObject{{QStringLiteral("spec"), QJsonObject{{QStringLiteral("containers"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("api")}, {QStringLiteral("image"), QStringLiteral("ghcr.io/example/api:2.1")}}}}}}}}});
        const ResourceType &type = builtin(QStringLiteral("deployments"));
        const QDateTime created = QDateTime::fromString(object.value(QLatin1String("metadata")).toObject().value(QLatin1String("creationTimestamp")).toString(), Qt::ISODate);
        const QJsonObject row = TablePrinter::row(type, object, TablePrinter::IncludeObject::Metadata, created.addSecs(6));
        QCOMPARE(row.value(QLatin1String("cells")).toArray(), realRow.value(QLatin1String("cells")).toArray());
        QCOMPARE(row.value(QLatin1String("object")).toObject().value(QLatin1String("kind")).toString(), QStringLiteral("PartialObjectMetadata"));
        QCOMPARE(row.value(QLatin1String("object")).toObject().value(QLatin1String("metadata")), realRow.value(QLatin1String("object")).toObject().value(QLatin1String("metadata")));

        const QJsonArray columns = TablePrinter::columnDefinitions(type);
        const QJsonArray realColumns = real.value(QLatin1String("columnDefinitions")).toArray();
        QCOMPARE(columns.size(), realColumns.size());
        for (qsizetype i = 0; i < columns.size(); ++i) {
            const QJsonObject c = columns.at(i).toObject();
            const QJsonObject rc = realColumns.at(i).toObject();
            QCOMPARE(keys(c), keys(rc));
            QCOMPARE(c.value(QLatin1String("name")), rc.value(QLatin1String("name")));
            QCOMPARE(c.value(QLatin1String("type")), rc.value(QLatin1String("type")));
            QCOMPARE(c.value(QLatin1String("priority")), rc.value(QLatin1String("priority")));
        }
        const QJsonObject table = TablePrinter::table(type, QJsonArray{row}, QJsonObject{{QStringLiteral("resourceVersion"), QStringLiteral("1")}});
        QCOMPARE(keys(table), keys(real));
    }

    void crdPrinterColumnsMatchRealServer()
    {
        const QJsonObject real = readJson(QStringLiteral("real-1.22/responses/table_crd_widgets_printer_columns.json"));
        QVERIFY(!real.isEmpty());
        ResourceType widget;
        widget.group = QStringLiteral("example.com");
        widget.version = QStringLiteral("v1");
        widget.kind = QStringLiteral("Widget");
        widget.plural = QStringLiteral("widgets");
        widget.isCustom = true;
        QStringList names;
        for (const QJsonValue &c : real.value(QLatin1String("columnDefinitions")).toArray())
            names << c.toObject().value(QLatin1String("name")).toString();
        // Real: Name, then the CRD's columns Size, Color, Age.
        QCOMPARE(names.first(), QStringLiteral("Name"));
        widget.printerColumns = {PrinterColumn{QStringLiteral("Size"), QStringLiteral("integer"), QString(), QString(), QStringLiteral(".spec.size"), 0},
                                 PrinterColumn{QStringLiteral("Color"), QStringLiteral("string"), QString(), QString(), QStringLiteral(".spec.color"), 0},
                                 PrinterColumn{QStringLiteral("Age"), QStringLiteral("date"), QString(), QString(), QStringLiteral(".metadata.creationTimestamp"), 0}};
        QStringList ours;
        for (const QJsonValue &c : TablePrinter::columnDefinitions(widget))
            ours << c.toObject().value(QLatin1String("name")).toString();
        QCOMPARE(ours, names);
        const QJsonObject realRow = real.value(QLatin1String("rows")).toArray().first().toObject();
        const QJsonArray realCells = realRow.value(QLatin1String("cells")).toArray();
        QJsonObject object{{QStringLiteral("metadata"), realRow.value(QLatin1String("object")).toObject().value(QLatin1String("metadata"))},
                           {QStringLiteral("spec"), QJsonObject{{QStringLiteral("size"), realCells.at(1)}, {QStringLiteral("color"), realCells.at(2)}}}};
        const QJsonArray cells = TablePrinter::row(widget, object, TablePrinter::IncludeObject::None, QDateTime::currentDateTimeUtc()).value(QLatin1String("cells")).toArray();
        QCOMPARE(cells.at(0), realCells.at(0));
        QCOMPARE(cells.at(1), realCells.at(1));
        QCOMPARE(cells.at(2), realCells.at(2));
    }

    void podRow()
    {
        const QJsonObject pod = QJsonDocument::fromJson(R"({"metadata":{"name":"p","creationTimestamp":"2026-01-01T00:00:00Z"},
            "spec":{"nodeName":"n1","containers":[{"name":"a"},{"name":"b"}]},
            "status":{"phase":"Running","podIP":"10.0.0.1","containerStatuses":[
              {"name":"a","ready":true,"restartCount":2,"state":{"running":{}}},
              {"name":"b","ready":false,"restartCount":1,"state":{"waiting":{"reason":"CrashLoopBackOff"}}}]}})").object();
        const QDateTime now = QDateTime::fromString(QStringLiteral("2026-01-01T00:05:00Z"), Qt::ISODate);
        const QJsonArray cells = TablePrinter::row(builtin(QStringLiteral("pods")), pod, TablePrinter::IncludeObject::None, now).value(QLatin1String("cells")).toArray();
        QCOMPARE(cells, (QJsonArray{QStringLiteral("p"), QStringLiteral("1/2"), QStringLiteral("CrashLoopBackOff"), 3, QStringLiteral("5m"),
                                    QStringLiteral("10.0.0.1"), QStringLiteral("n1"), QStringLiteral("<none>"), QStringLiteral("<none>")}));
    }

    void jsonPath_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("field") << QStringLiteral(".spec.size") << QJsonValue(3);
        QTest::newRow("braces") << QStringLiteral("{.spec.color}") << QJsonValue(QStringLiteral("blue"));
        QTest::newRow("index") << QStringLiteral(".status.conditions[1].type") << QJsonValue(QStringLiteral("Synced"));
        QTest::newRow("filter") << QStringLiteral(".status.conditions[?(@.type==\"Ready\")].status") << QJsonValue(QStringLiteral("True"));
        QTest::newRow("missing") << QStringLiteral(".spec.nothing") << QJsonValue(QJsonValue::Null);
        QTest::newRow("out of range") << QStringLiteral(".status.conditions[5].type") << QJsonValue(QJsonValue::Null);
        QTest::newRow("garbage") << QStringLiteral("..[[") << QJsonValue(QJsonValue::Null);
    }

    void jsonPath()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        const QJsonObject o = QJsonDocument::fromJson(R"({"spec":{"size":3,"color":"blue"},"status":{"conditions":[{"type":"Ready","status":"True"},{"type":"Synced","status":"False"}]}})").object();
        QCOMPARE(TablePrinter::evaluateJsonPath(o, path), value);
    }

    void aggregatedDiscoveryHasTheRealShape()
    {
        const QJsonObject real = readJson(QStringLiteral("discovery/aggregated_v2.json"));
        QVERIFY(!real.isEmpty());
        const QJsonObject ours = DiscoveryDocuments::aggregated(builtinResourceTypes(), false, QStringLiteral("v2"));
        QCOMPARE(keys(ours), keys(real));
        QCOMPARE(ours.value(QLatin1String("kind")), real.value(QLatin1String("kind")));
        QCOMPARE(ours.value(QLatin1String("apiVersion")), real.value(QLatin1String("apiVersion")));
        // Find apps/v1 deployments in both and compare the shape of the resource entry.
        auto findDeployments = [](const QJsonObject &doc) {
            for (const QJsonValue &g : doc.value(QLatin1String("items")).toArray()) {
                if (g.toObject().value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString() != QLatin1String("apps"))
                    continue;
                for (const QJsonValue &v : g.toObject().value(QLatin1String("versions")).toArray()) {
                    for (const QJsonValue &r : v.toObject().value(QLatin1String("resources")).toArray()) {
                        if (r.toObject().value(QLatin1String("resource")).toString() == QLatin1String("deployments"))
                            return r.toObject();
                    }
                }
            }
            return QJsonObject{};
        };
        const QJsonObject realDeployments = findDeployments(real);
        const QJsonObject ourDeployments = findDeployments(ours);
        QVERIFY(!realDeployments.isEmpty());
        QCOMPARE(keys(ourDeployments), keys(realDeployments));
        QCOMPARE(ourDeployments.value(QLatin1String("verbs")), realDeployments.value(QLatin1String("verbs")));
        QCOMPARE(ourDeployments.value(QLatin1String("shortNames")), realDeployments.value(QLatin1String("shortNames")));
        QCOMPARE(ourDeployments.value(QLatin1String("scope")), realDeployments.value(QLatin1String("scope")));
    }

    void unaggregatedDiscoveryHasTheRealShape()
    {
        const QJsonObject real = readJson(QStringLiteral("real-1.22/discovery/apis__apps__v1.json"));
        QVERIFY(!real.isEmpty());
        const QJsonObject ours = DiscoveryDocuments::apiResourceList(builtinResourceTypes(), QStringLiteral("apps"), QStringLiteral("v1"));
        QCOMPARE(ours.value(QLatin1String("groupVersion")), real.value(QLatin1String("groupVersion")));
        QCOMPARE(ours.value(QLatin1String("kind")), real.value(QLatin1String("kind")));
        QSet<QString> realNames, ourNames;
        for (const QJsonValue &r : real.value(QLatin1String("resources")).toArray())
            realNames << r.toObject().value(QLatin1String("name")).toString();
        for (const QJsonValue &r : ours.value(QLatin1String("resources")).toArray())
            ourNames << r.toObject().value(QLatin1String("name")).toString();
        for (const char *n : {"deployments", "deployments/scale", "deployments/status", "replicasets", "statefulsets", "daemonsets"})
            QVERIFY2(realNames.contains(QLatin1String(n)) && ourNames.contains(QLatin1String(n)), n);
        QVERIFY(DiscoveryDocuments::apiResourceList(builtinResourceTypes(), QStringLiteral("nope"), QStringLiteral("v1")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_SandboxTable)
#include "tst_sandboxtable.moc"
