// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
// Real kubectl against the SandboxServer, writing: create generators sending protobuf, server dry
// runs, a namespace's cascading delete, patch types, scale and rollout status, a patch that is not an
// object, and server-side apply.

#include "sandboxkubectlsupport.h"
#include "testenv.h"

QLUSTER_TEST_NEEDS(Qluster::Test::NeedsKubectl)

using namespace Qluster;
using namespace Qluster::Test;

class tst_SandboxKubectlWrite : public SandboxKubectlTest
{
    Q_OBJECT

private Q_SLOTS:
    void createGeneratorsSendingProtobuf()
    {
        // `kubectl create <kind>` uses typed clients that send protobuf bodies.
        KubectlResult r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("namespace"), QStringLiteral("gen")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("configmap"), QStringLiteral("conf"), QStringLiteral("-n"), QStringLiteral("gen"),
                          QStringLiteral("--from-literal=a=1"), QStringLiteral("--from-literal=b=2")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("secret"), QStringLiteral("generic"), QStringLiteral("creds"), QStringLiteral("-n"),
                          QStringLiteral("gen"), QStringLiteral("--from-literal=user=admin")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("serviceaccount"), QStringLiteral("bot"), QStringLiteral("-n"), QStringLiteral("gen")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("cm,secret,sa"), QStringLiteral("-n"), QStringLiteral("gen")});
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("configmap/conf\\s+2\\s"))));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("secret/creds\\s+Opaque\\s+1\\s"))));
        QVERIFY(r.out.contains(QStringLiteral("serviceaccount/bot")));
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("secret"), QStringLiteral("creds"), QStringLiteral("-n"), QStringLiteral("gen"),
                          QStringLiteral("-o"), QStringLiteral("jsonpath={.data.user}")});
        QCOMPARE(QByteArray::fromBase64(r.out.toLatin1()), QByteArray("admin"));
    }

    void dryRunServerChangesNothing()
    {
        const QByteArray cm = R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"dry","namespace":"default"},"data":{"a":"b"}})";
        KubectlResult r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-"), QStringLiteral("--dry-run=server")}, cm);
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("configmap/dry created (server dry run)")));
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("configmap"), QStringLiteral("dry")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("configmaps \"dry\" not found")), qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("delete"), QStringLiteral("pod"), QStringLiteral("web-1"), QStringLiteral("--dry-run=server")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(podPhase(QStringLiteral("default"), QStringLiteral("web-1")), QStringLiteral("Running"));
    }

    // --dry-run=server on an update, a merge patch and a server-side apply: the answer is the
    // object as it would be, the stored one does not change.
    void dryRunServerOnUpdatePatchAndApply()
    {
        KubectlResult r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("configmap"), QStringLiteral("dry-target"), QStringLiteral("--from-literal=a=1")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList stored{QStringLiteral("get"), QStringLiteral("configmap"), QStringLiteral("dry-target"), QStringLiteral("-o"),
                                 QStringLiteral("jsonpath={.metadata.resourceVersion}/{.data.a}/{.metadata.managedFields[*].manager}")};
        const QString before = m_f->kubectl(stored).out;
        QVERIFY2(before.endsWith(QStringLiteral("/1/kubectl-create")), qPrintable(before));
        const QString asJsonPath = QStringLiteral("jsonpath={.data.a}");

        auto object = [](const char *value) -> QByteArray {
            return QByteArray(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"dry-target","namespace":"default"},"data":{"a":")") + value + "\"}}";
        };
        r = m_f->kubectl({QStringLiteral("replace"), QStringLiteral("--dry-run=server"), QStringLiteral("-f"), QStringLiteral("-"), QStringLiteral("-o"), asJsonPath},
                         object("2"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("2"));
        QCOMPARE(m_f->kubectl(stored).out, before);

        r = m_f->kubectl({QStringLiteral("patch"), QStringLiteral("configmap"), QStringLiteral("dry-target"), QStringLiteral("--type=merge"), QStringLiteral("-p"),
                          QStringLiteral(R"({"data":{"a":"3"}})"), QStringLiteral("--dry-run=server")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.trimmed(), QStringLiteral("configmap/dry-target patched")); // kubectl 1.32's patch does not say "(server dry run)"
        r = m_f->kubectl({QStringLiteral("patch"), QStringLiteral("configmap"), QStringLiteral("dry-target"), QStringLiteral("--type=merge"), QStringLiteral("-p"),
                          QStringLiteral(R"({"data":{"a":"3"}})"), QStringLiteral("--dry-run=server"), QStringLiteral("-o"), asJsonPath});
        QCOMPARE(r.out, QStringLiteral("3"));
        QCOMPARE(m_f->kubectl(stored).out, before);

        r = m_f->kubectl({QStringLiteral("apply"), QStringLiteral("--server-side"), QStringLiteral("--dry-run=server"), QStringLiteral("--force-conflicts"),
                          QStringLiteral("-f"), QStringLiteral("-")},
                         object("4"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.trimmed(), QStringLiteral("configmap/dry-target serverside-applied (server dry run)"));
        r = m_f->kubectl({QStringLiteral("apply"), QStringLiteral("--server-side"), QStringLiteral("--dry-run=server"), QStringLiteral("--force-conflicts"),
                          QStringLiteral("-f"), QStringLiteral("-"), QStringLiteral("-o"),
                          QStringLiteral("jsonpath={.data.a}/{.metadata.managedFields[*].manager}")},
                         object("4"));
        QCOMPARE(r.out, QStringLiteral("4/kubectl"));
        QCOMPARE(m_f->kubectl(stored).out, before);
    }

    void deleteNamespaceCascades()
    {
        const QByteArray objects = R"(
apiVersion: v1
kind: Namespace
metadata:
  name: doomed
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: doomed
data:
  k: v
)";
        KubectlResult r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-")}, objects);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("cm"), QStringLiteral("-n"), QStringLiteral("doomed")});
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("settings\\s+1\\s+"))));
        r = m_f->kubectl({QStringLiteral("delete"), QStringLiteral("ns"), QStringLiteral("doomed")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("namespace \"doomed\" deleted")));
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("cm"), QStringLiteral("-n"), QStringLiteral("doomed")});
        QVERIFY(r.err.contains(QStringLiteral("No resources found in doomed namespace.")));
        qsizetype count = -1;
        m_f->sandbox().invoke([&](SandboxServer &s) { count = s.store().countInNamespace(Gvr{QString(), QStringLiteral("v1"), QStringLiteral("configmaps")}, QStringLiteral("doomed")); });
        QCOMPARE(count, 0);
    }

    void patchTypes_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("patch");
        QTest::addColumn<QString>("expectedJsonPath");
        QTest::addColumn<QString>("expected");
        QTest::newRow("strategic") << QStringLiteral("strategic")
                                   << QStringLiteral(R"({"spec":{"template":{"spec":{"containers":[{"name":"app","image":"example/app:2.0"}]}}}})")
                                   << QStringLiteral("{.spec.template.spec.containers[*].name}/{.spec.template.spec.containers[*].image}")
                                   << QStringLiteral("app sidecar/example/app:2.0 example/sidecar:1.0");
        QTest::newRow("merge") << QStringLiteral("merge")
                               << QStringLiteral(R"({"metadata":{"labels":{"tier":"web"}},"spec":{"replicas":3}})")
                               << QStringLiteral("{.metadata.labels.tier}/{.spec.replicas}")
                               << QStringLiteral("web/3");
        QTest::newRow("json") << QStringLiteral("json")
                              << QStringLiteral(R"([{"op":"replace","path":"/spec/replicas","value":5},{"op":"add","path":"/metadata/annotations","value":{"a":"b"}}])")
                              << QStringLiteral("{.spec.replicas}/{.metadata.annotations.a}")
                              << QStringLiteral("5/b");
    }

    void patchTypes()
    {
        QFETCH(QString, type);
        QFETCH(QString, patch);
        QFETCH(QString, expectedJsonPath);
        QFETCH(QString, expected);
        const QString name = QStringLiteral("patched-") + type;
        const QByteArray deployment = QStringLiteral(R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"%1","namespace":"default"},
            "spec":{"replicas":1,"selector":{"matchLabels":{"app":"%1"}},"template":{"metadata":{"labels":{"app":"%1"}},
            "spec":{"containers":[{"name":"app","image":"example/app:1.0"},{"name":"sidecar","image":"example/sidecar:1.0"}]}}}})").arg(name).toUtf8();
        KubectlResult r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-")}, deployment);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("patch"), QStringLiteral("deployment"), name, QStringLiteral("--type=") + type, QStringLiteral("-p"), patch});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("deployment.apps/%1 patched").arg(name)), qPrintable(r.out));
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("deployment"), name, QStringLiteral("-o"), QStringLiteral("jsonpath=") + expectedJsonPath});
        QCOMPARE(r.out, expected);
    }

    void scaleAndRolloutStatus()
    {
        const QByteArray deployment = R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"scaled","namespace":"default"},
            "spec":{"replicas":1,"selector":{"matchLabels":{"app":"scaled"}},"template":{"metadata":{"labels":{"app":"scaled"}},
            "spec":{"containers":[{"name":"app","image":"example/app:1.0"}]}}}})";
        KubectlResult r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-")}, deployment);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("scale"), QStringLiteral("deployment"), QStringLiteral("scaled"), QStringLiteral("--replicas=3")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("deployment.apps/scaled scaled")));
        r = m_f->kubectl({QStringLiteral("rollout"), QStringLiteral("status"), QStringLiteral("deployment/scaled"), QStringLiteral("--timeout=20s")}, {}, 30000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("deployment \"scaled\" successfully rolled out")));
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-l"), QStringLiteral("app=scaled"), QStringLiteral("--no-headers")});
        QCOMPARE(r.out.count(QStringLiteral("Running")), 3);
    }

    void patchThatIsNotAnObjectIs400()
    {
        // kubectl turns the YAML scalar into the JSON string "not json" and sends it.
        const KubectlResult r = m_f->kubectl({QStringLiteral("patch"), QStringLiteral("pod"), QStringLiteral("web-1"), QStringLiteral("--type=strategic"),
                                              QStringLiteral("-p"), QStringLiteral("not json")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Error from server (BadRequest): json: cannot unmarshal string into Go value of type map[string]interface {}")),
                 qPrintable(r.err));
    }

    void applyServerSide()
    {
        const QByteArray cm = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\n  namespace: default\ndata:\n  color: blue\n";
        KubectlResult r = m_f->kubectl({QStringLiteral("apply"), QStringLiteral("--server-side"), QStringLiteral("-f"), QStringLiteral("-")}, cm);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("configmap/ssa serverside-applied")));
        const QByteArray changed = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\n  namespace: default\ndata:\n  color: red\n  size: big\n";
        r = m_f->kubectl({QStringLiteral("apply"), QStringLiteral("--server-side"), QStringLiteral("-f"), QStringLiteral("-")}, changed);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("cm"), QStringLiteral("ssa"), QStringLiteral("-o"), QStringLiteral("jsonpath={.data.color}/{.data.size}")});
        QCOMPARE(r.out, QStringLiteral("red/big"));
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("cm"), QStringLiteral("ssa"), QStringLiteral("--show-managed-fields"), QStringLiteral("-o"),
                          QStringLiteral("jsonpath={.metadata.managedFields[0].manager}/{.metadata.managedFields[0].operation}")});
        QCOMPARE(r.out, QStringLiteral("kubectl/Apply"));

        // A second manager applying a different value for a field it does not own conflicts.
        const QByteArray rival = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\n  namespace: default\ndata:\n  color: green\n";
        r = m_f->kubectl({QStringLiteral("apply"), QStringLiteral("--server-side"), QStringLiteral("--field-manager=rival"), QStringLiteral("-f"), QStringLiteral("-")}, rival);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("conflict")) && r.err.contains(QStringLiteral(".data.color")), qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("cm"), QStringLiteral("ssa"), QStringLiteral("-o"), QStringLiteral("jsonpath={.data.color}")});
        QCOMPARE(r.out, QStringLiteral("red"));
        r = m_f->kubectl({QStringLiteral("apply"), QStringLiteral("--server-side"), QStringLiteral("--field-manager=rival"), QStringLiteral("--force-conflicts"),
                          QStringLiteral("-f"), QStringLiteral("-")}, rival);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("cm"), QStringLiteral("ssa"), QStringLiteral("-o"), QStringLiteral("jsonpath={.data.color}")});
        QCOMPARE(r.out, QStringLiteral("green"));
    }
};

QTEST_GUILESS_MAIN(tst_SandboxKubectlWrite)
#include "tst_sandboxkubectlwrite.moc"
