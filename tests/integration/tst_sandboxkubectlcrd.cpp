// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
// Real kubectl against the SandboxServer, on custom resources: a strategic merge patch refused
// with 415, printer columns, the scale subresource's paths, and a watch seeing a later create.

#include "sandboxkubectlsupport.h"
#include "testenv.h"

QLUSTER_TEST_NEEDS(Qluster::Test::NeedsKubectl)

using namespace Qluster;
using namespace Qluster::Test;

class tst_SandboxKubectlCrd : public SandboxKubectlTest
{
    Q_OBJECT

private Q_SLOTS:
    // Custom resources have no strategic merge patch: kubectl's default patch type reaches the
    // server and gets the apiextensions handler's 415.
    void strategicPatchOfCustomResourceIs415()
    {
        KubectlResult r = m_f->kubectl({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")}, crd("sprockets", "Sprocket"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-")},
                         R"({"apiVersion":"example.com/v1","kind":"Sprocket","metadata":{"name":"s1"},"spec":{"teeth":12}})");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("patch"), QStringLiteral("sprocket"), QStringLiteral("s1"), QStringLiteral("-p"), QStringLiteral(R"({"spec":{"teeth":16}})"),
                          QStringLiteral("-v=6")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QRegularExpression(QStringLiteral("PATCH https://127\\.0\\.0\\.1:\\d+/apis/example\\.com/v1/namespaces/default/sprockets/s1\\S* 415 Unsupported Media Type"))),
                 qPrintable(r.err));
        // kubectl words a 415 on a strategic merge patch itself, around the server's message.
        QVERIFY2(r.err.contains(QStringLiteral("error: application/strategic-merge-patch+json is not supported by example.com/v1, Kind=Sprocket: "
                                               "the body of the request was in an unknown format - accepted media types "
                                               "include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml")),
                 qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("sprocket"), QStringLiteral("s1"), QStringLiteral("-o"), QStringLiteral("jsonpath={.spec.teeth}")});
        QCOMPARE(r.out, QStringLiteral("12"));
        r = m_f->kubectl({QStringLiteral("patch"), QStringLiteral("sprocket"), QStringLiteral("s1"), QStringLiteral("--type=merge"), QStringLiteral("-p"),
                          QStringLiteral(R"({"spec":{"teeth":16}})")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void crdPrinterColumns()
    {
        const QByteArray crd = R"(
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  scope: Namespaced
  names: {plural: widgets, singular: widget, kind: Widget, shortNames: [wd]}
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
              size: {type: integer}
              color: {type: string}
    additionalPrinterColumns:
    - {name: Size, type: integer, jsonPath: .spec.size}
    - {name: Color, type: string, jsonPath: .spec.color}
    - {name: Age, type: date, jsonPath: .metadata.creationTimestamp}
)";
        KubectlResult r = m_f->kubectl({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")}, crd);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QByteArray widget = R"({"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w1","namespace":"default"},"spec":{"size":3,"color":"blue"}})";
        r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-")}, widget);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("wd")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("^NAME\\s+SIZE\\s+COLOR\\s+AGE\\n"))), qPrintable(r.out));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("w1\\s+3\\s+blue\\s+\\d+s"))), qPrintable(r.out));
        r = m_f->kubectl({QStringLiteral("api-resources"), QStringLiteral("--api-group=example.com")});
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("widgets\\s+wd\\s+example.com/v1\\s+true\\s+Widget"))));
        r = m_f->kubectl({QStringLiteral("delete"), QStringLiteral("crd"), QStringLiteral("widgets.example.com")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("widgets.example.com")});
        QCOMPARE(r.exitCode, 1);
    }

    // A CRD's scale subresource reads and writes the fields its paths name (not spec.replicas),
    // and its Scale's status.selector is the string at labelSelectorPath.
    void crdScaleSubresourceFollowsItsPaths()
    {
        KubectlResult r = m_f->kubectl({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")},
                                       crd("databases", "Database",
                                           "    subresources:\n      status: {}\n      scale: {specReplicasPath: .spec.size, "
                                           "statusReplicasPath: .status.ready, labelSelectorPath: .status.selector}\n"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QByteArray db = R"({"apiVersion":"example.com/v1","kind":"Database","metadata":{"name":"db1","namespace":"default"},"spec":{"size":2}})";
        r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-")}, db);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("patch"), QStringLiteral("database"), QStringLiteral("db1"), QStringLiteral("--subresource=status"),
                          QStringLiteral("--type=merge"), QStringLiteral("-p"), QStringLiteral(R"({"status":{"ready":1,"selector":"app=db,tier=data"}})")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        const QString scalePath = QStringLiteral("/apis/example.com/v1/namespaces/default/databases/db1/scale");
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("--raw"), scalePath});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QJsonObject scale = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(scale.value(QLatin1String("kind")).toString(), QStringLiteral("Scale"));
        QCOMPARE(scale.value(QLatin1String("apiVersion")).toString(), QStringLiteral("autoscaling/v1"));
        QCOMPARE(scale.value(QLatin1String("spec")).toObject().value(QLatin1String("replicas")).toInt(), 2);
        QCOMPARE(scale.value(QLatin1String("status")).toObject().value(QLatin1String("replicas")).toInt(), 1);
        QCOMPARE(scale.value(QLatin1String("status")).toObject().value(QLatin1String("selector")).toString(), QStringLiteral("app=db,tier=data"));

        // kubectl scale reads the Scale for --current-replicas, then patches it.
        r = m_f->kubectl({QStringLiteral("scale"), QStringLiteral("database"), QStringLiteral("db1"), QStringLiteral("--current-replicas=3"),
                          QStringLiteral("--replicas=5")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Expected replicas to be 3, was 2")), qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("scale"), QStringLiteral("database"), QStringLiteral("db1"), QStringLiteral("--current-replicas=2"),
                          QStringLiteral("--replicas=5")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("database.example.com/db1 scaled")), qPrintable(r.out));
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("database"), QStringLiteral("db1"), QStringLiteral("-o"), QStringLiteral("json")});
        const QJsonObject object = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(object.value(QLatin1String("spec")).toObject(), (QJsonObject{{QStringLiteral("size"), 5}}));
        QCOMPARE(object.value(QLatin1String("status")).toObject().value(QLatin1String("ready")).toInt(), 1);
        QCOMPARE(object.value(QLatin1String("metadata")).toObject().value(QLatin1String("generation")).toInt(), 2);
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("--raw"), scalePath});
        scale = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(scale.value(QLatin1String("spec")).toObject().value(QLatin1String("replicas")).toInt(), 5);

        // No value at specReplicasPath: reading the Scale fails as on an apiserver; scaling sets it.
        const QByteArray empty = R"({"apiVersion":"example.com/v1","kind":"Database","metadata":{"name":"db2","namespace":"default"},"spec":{}})";
        r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-")}, empty);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("--raw"), QStringLiteral("/apis/example.com/v1/namespaces/default/databases/db2/scale")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Error from server (InternalError): Internal error occurred: the spec replicas field \".spec.size\" does not exist")),
                 qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("scale"), QStringLiteral("database"), QStringLiteral("db2"), QStringLiteral("--replicas=1")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("database"), QStringLiteral("db2"), QStringLiteral("-o"), QStringLiteral("jsonpath={.spec}")});
        QCOMPARE(r.out, QStringLiteral(R"({"size":1})"));
    }

    void watchCustomResourceReceivesLaterCreate()
    {
        KubectlResult r = m_f->kubectl({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")},
                                       crd("gadgets", "Gadget", "    additionalPrinterColumns:\n    - {name: Color, type: string, jsonPath: .spec.color}\n"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-")},
                         R"({"apiVersion":"example.com/v1","kind":"Gadget","metadata":{"name":"first"},"spec":{"color":"red"}})");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QProcess p;
        p.setProcessEnvironment(m_f->environment());
        p.start(Qluster::Test::kubectl(), m_f->arguments({QStringLiteral("get"), QStringLiteral("gadgets"), QStringLiteral("-w")}));
        QVERIFY(p.waitForStarted(10000));
        QString out;
        auto read = [&] { out += QString::fromUtf8(p.readAllStandardOutput()); return out; };
        QTRY_VERIFY2_WITH_TIMEOUT(read().contains(QRegularExpression(QStringLiteral("first\\s+red"))), qPrintable(out), 15000);
        QVERIFY(!out.contains(QStringLiteral("second")));
        r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-")},
                         R"({"apiVersion":"example.com/v1","kind":"Gadget","metadata":{"name":"second"},"spec":{"color":"green"}})");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QTRY_VERIFY2_WITH_TIMEOUT(read().contains(QRegularExpression(QStringLiteral("second\\s+green"))),
                                  qPrintable(out + QString::fromUtf8(p.readAllStandardError())), 15000);
        r = m_f->kubectl({QStringLiteral("patch"), QStringLiteral("gadget"), QStringLiteral("second"), QStringLiteral("--type=merge"),
                          QStringLiteral("-p"), QStringLiteral(R"({"spec":{"color":"blue"}})")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QTRY_VERIFY2_WITH_TIMEOUT(read().contains(QRegularExpression(QStringLiteral("second\\s+blue"))), qPrintable(out), 15000);
        p.kill();
        p.waitForFinished(5000);
    }
};

QTEST_GUILESS_MAIN(tst_SandboxKubectlCrd)
#include "tst_sandboxkubectlcrd.moc"
