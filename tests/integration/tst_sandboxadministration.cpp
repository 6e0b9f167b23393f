// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
// Real kubectl against the sandbox for what cluster administrators use: quotas, priority classes,
// disruption budgets, service account tokens, whoami, autoscalers, and listing storage classes,
// volumes, leases, network policies, ingress classes and limit ranges.

#include "sandboxfixture.h"
#include "testenv.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>
#include <QRegularExpression>

QLUSTER_TEST_NEEDS(Qluster::Test::NeedsKubectl)

using namespace Qluster;

namespace {

const Gvr quotasGvr{QString(), QStringLiteral("v1"), QStringLiteral("resourcequotas")};
const Gvr budgetsGvr{QStringLiteral("policy"), QStringLiteral("v1"), QStringLiteral("poddisruptionbudgets")};
const Gvr deploymentsGvr{QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("deployments")};
const Gvr autoscalersGvr{QStringLiteral("autoscaling"), QStringLiteral("v2"), QStringLiteral("horizontalpodautoscalers")};
const Gvr podsGvr{QString(), QStringLiteral("v1"), QStringLiteral("pods")};

QByteArray podJson(const QString &ns, const QString &name, const QString &cpu, const QString &memory)
{
    return QJsonDocument(QJsonObject{
                             {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                             {QStringLiteral("kind"), QStringLiteral("Pod")},
                             {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("namespace"), ns}}},
                             {QStringLiteral("spec"),
                              QJsonObject{{QStringLiteral("containers"),
                                           QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("app")},
                                                                  {QStringLiteral("image"), QStringLiteral("nginx:1.27")},
                                                                  {QStringLiteral("resources"),
                                                                   QJsonObject{{QStringLiteral("requests"), QJsonObject{{QStringLiteral("cpu"), cpu}}},
                                                                               {QStringLiteral("limits"), QJsonObject{{QStringLiteral("memory"), memory}}}}}}}}}}})
        .toJson(QJsonDocument::Compact);
}

// The header line and the line of `name` of a kubectl table, columns split on runs of spaces.
QStringList columnsOf(const QString &table)
{
    return table.split(QLatin1Char('\n')).value(0).split(QRegularExpression(QStringLiteral("\\s{2,}")), Qt::SkipEmptyParts);
}

QStringList rowOf(const QString &table, const QString &name)
{
    for (const QString &line : table.split(QLatin1Char('\n'))) {
        const QStringList cells = line.split(QRegularExpression(QStringLiteral("\\s{2,}")), Qt::SkipEmptyParts);
        if (cells.value(0) == name)
            return cells;
    }
    return {};
}

// Every message logged while a test runs (the sandbox logs from its own thread).
QStringList g_messages;
QtMessageHandler g_previousHandler = nullptr;
QMutex g_messagesMutex;

void recordMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_messagesMutex);
        g_messages << message;
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

} // namespace

class tst_SandboxAdministration : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxFixture> m_f;

    KubectlResult run(const QStringList &args, const QByteArray &input = {}) { return m_f->kubectl(args, input); }

    QJsonObject stored(const Gvr &gvr, const QString &ns, const QString &name) { return m_f->object(gvr, ns, name); }

    QString statusField(const Gvr &gvr, const QString &ns, const QString &name, const char *field)
    {
        const QJsonValue v = stored(gvr, ns, name).value(QLatin1String("status")).toObject().value(QLatin1String(field));
        return v.isDouble() ? QString::number(v.toInt()) : QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("v"), v}}).toJson(QJsonDocument::Compact));
    }

    void createNamespace(const QString &name)
    {
        const KubectlResult r = run({QStringLiteral("create"), QStringLiteral("namespace"), name});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Everything the sandbox logs is checked for tokens (serviceAccountTokens).
        QLoggingCategory::setFilterRules(QStringLiteral("qluster.*=true"));
        g_previousHandler = qInstallMessageHandler(recordMessage);
        SandboxOptions options;
        options.podStartMilliseconds = 50;
        m_f = std::make_unique<SandboxFixture>(options);
        QVERIFY2(m_f->error().isEmpty(), qPrintable(m_f->error()));
    }

    void cleanupTestCase()
    {
        m_f.reset();
        qInstallMessageHandler(g_previousHandler);
    }

    void quotaCountsAndRefuses()
    {
        createNamespace(QStringLiteral("qt"));
        KubectlResult r = run({QStringLiteral("create"), QStringLiteral("quota"), QStringLiteral("compute"), QStringLiteral("-n"), QStringLiteral("qt"),
                               QStringLiteral("--hard=pods=2,requests.cpu=1,limits.memory=1Gi,configmaps=3")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.trimmed(), QStringLiteral("resourcequota/compute created"));
        // A pod without the requests the quota tracks is refused before anything is counted.
        r = run({QStringLiteral("run"), QStringLiteral("bare"), QStringLiteral("-n"), QStringLiteral("qt"), QStringLiteral("--image=nginx")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Error from server (Forbidden): pods \"bare\" is forbidden: failed quota: compute: "
                                               "must specify limits.memory for: bare; requests.cpu for: bare")), qPrintable(r.err));
        for (const char *name : {"p1", "p2"}) {
            r = run({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-")},
                    podJson(QStringLiteral("qt"), QLatin1String(name), QStringLiteral("300m"), QStringLiteral("256Mi")));
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
        r = run({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-")},
                podJson(QStringLiteral("qt"), QStringLiteral("p3"), QStringLiteral("100m"), QStringLiteral("64Mi")));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Error from server (Forbidden): error when creating \"STDIN\": pods \"p3\" is forbidden: "
                                               "exceeded quota: compute, requested: pods=1, used: pods=2, limited: pods=2")), qPrintable(r.err));
        QTRY_COMPARE_WITH_TIMEOUT(stored(quotasGvr, QStringLiteral("qt"), QStringLiteral("compute")).value(QLatin1String("status")).toObject()
                                      .value(QLatin1String("used")).toObject(),
                                  (QJsonObject{{QStringLiteral("pods"), QStringLiteral("2")}, {QStringLiteral("requests.cpu"), QStringLiteral("600m")},
                                               {QStringLiteral("limits.memory"), QStringLiteral("512Mi")}, {QStringLiteral("configmaps"), QStringLiteral("0")}}),
                                  10000);
        // kubectl get quota: NAME AGE REQUEST LIMIT (v1.32), usage against the limits.
        r = run({QStringLiteral("get"), QStringLiteral("quota"), QStringLiteral("-n"), QStringLiteral("qt")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(columnsOf(r.out), (QStringList{QStringLiteral("NAME"), QStringLiteral("AGE"), QStringLiteral("REQUEST"), QStringLiteral("LIMIT")}));
        const QStringList row = rowOf(r.out, QStringLiteral("compute"));
        QCOMPARE(row.value(2), QStringLiteral("configmaps: 0/3, pods: 2/2, requests.cpu: 600m/1"));
        QCOMPARE(row.value(3), QStringLiteral("limits.memory: 512Mi/1Gi"));
        // Deleting a pod frees its share; object counts cover config maps.
        r = run({QStringLiteral("delete"), QStringLiteral("pod"), QStringLiteral("p1"), QStringLiteral("-n"), QStringLiteral("qt")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QTRY_COMPARE_WITH_TIMEOUT(stored(quotasGvr, QStringLiteral("qt"), QStringLiteral("compute")).value(QLatin1String("status")).toObject()
                                      .value(QLatin1String("used")).toObject().value(QLatin1String("requests.cpu")).toString(),
                                  QStringLiteral("300m"), 10000);
        for (const char *name : {"c1", "c2", "c3"}) {
            r = run({QStringLiteral("create"), QStringLiteral("configmap"), QLatin1String(name), QStringLiteral("-n"), QStringLiteral("qt")});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
        r = run({QStringLiteral("create"), QStringLiteral("configmap"), QStringLiteral("c4"), QStringLiteral("-n"), QStringLiteral("qt")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("configmaps \"c4\" is forbidden: exceeded quota: compute, requested: configmaps=1, used: configmaps=3, "
                                               "limited: configmaps=3")), qPrintable(r.err));
        // A quota needs quantities.
        r = run({QStringLiteral("create"), QStringLiteral("quota"), QStringLiteral("broken"), QStringLiteral("-n"), QStringLiteral("qt"),
                 QStringLiteral("--hard=pods=many")});
        QCOMPARE(r.exitCode, 1);
    }

    void priorityClasses()
    {
        KubectlResult r = run({QStringLiteral("create"), QStringLiteral("priorityclass"), QStringLiteral("batch-low"), QStringLiteral("--value=100"),
                               QStringLiteral("--description=batch"), QStringLiteral("--preemption-policy=Never")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = run({QStringLiteral("create"), QStringLiteral("priorityclass"), QStringLiteral("everyday"), QStringLiteral("--value=10"),
                 QStringLiteral("--global-default=true")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = run({QStringLiteral("create"), QStringLiteral("priorityclass"), QStringLiteral("second-default"), QStringLiteral("--value=20"),
                 QStringLiteral("--global-default=true")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("priorityclasses.scheduling.k8s.io \"second-default\" is forbidden: PriorityClass everyday is already "
                                               "marked as default. Only one default can exist")), qPrintable(r.err));
        r = run({QStringLiteral("create"), QStringLiteral("priorityclass"), QStringLiteral("too-high"), QStringLiteral("--value=2000000000")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("maximum allowed value of a user defined priority is 1000000000")), qPrintable(r.err));
        // kubectl get pc (cluster-scoped), with the system classes every cluster has.
        r = run({QStringLiteral("get"), QStringLiteral("pc"), QStringLiteral("-o"), QStringLiteral("wide")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(columnsOf(r.out), (QStringList{QStringLiteral("NAME"), QStringLiteral("VALUE"), QStringLiteral("GLOBAL-DEFAULT"), QStringLiteral("AGE"),
                                                QStringLiteral("PREEMPTIONPOLICY")}));
        QCOMPARE(rowOf(r.out, QStringLiteral("batch-low")).mid(0, 3), (QStringList{QStringLiteral("batch-low"), QStringLiteral("100"), QStringLiteral("false")}));
        QCOMPARE(rowOf(r.out, QStringLiteral("batch-low")).value(4), QStringLiteral("Never"));
        QCOMPARE(rowOf(r.out, QStringLiteral("everyday")).value(2), QStringLiteral("true"));
        QCOMPARE(rowOf(r.out, QStringLiteral("system-node-critical")).value(1), QStringLiteral("2000001000"));
        // Pods get their class's priority, or the global default's.
        createNamespace(QStringLiteral("prio"));
        r = run({QStringLiteral("run"), QStringLiteral("low"), QStringLiteral("-n"), QStringLiteral("prio"), QStringLiteral("--image=nginx"),
                 QStringLiteral("--overrides={\"spec\":{\"priorityClassName\":\"batch-low\"}}")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = run({QStringLiteral("run"), QStringLiteral("plain"), QStringLiteral("-n"), QStringLiteral("prio"), QStringLiteral("--image=nginx")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject low = stored(podsGvr, QStringLiteral("prio"), QStringLiteral("low")).value(QLatin1String("spec")).toObject();
        QCOMPARE(low.value(QLatin1String("priority")).toInt(), 100);
        QCOMPARE(low.value(QLatin1String("preemptionPolicy")).toString(), QStringLiteral("Never"));
        const QJsonObject plain = stored(podsGvr, QStringLiteral("prio"), QStringLiteral("plain")).value(QLatin1String("spec")).toObject();
        QCOMPARE(plain.value(QLatin1String("priorityClassName")).toString(), QStringLiteral("everyday"));
        QCOMPARE(plain.value(QLatin1String("priority")).toInt(), 10);
        r = run({QStringLiteral("run"), QStringLiteral("lost"), QStringLiteral("-n"), QStringLiteral("prio"), QStringLiteral("--image=nginx"),
                 QStringLiteral("--overrides={\"spec\":{\"priorityClassName\":\"nope\"}}")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("pods \"lost\" is forbidden: no PriorityClass with name nope was found")), qPrintable(r.err));
        r = run({QStringLiteral("delete"), QStringLiteral("pc"), QStringLiteral("everyday")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void disruptionBudgets()
    {
        createNamespace(QStringLiteral("pdb"));
        KubectlResult r = run({QStringLiteral("create"), QStringLiteral("deployment"), QStringLiteral("web"), QStringLiteral("-n"), QStringLiteral("pdb"),
                               QStringLiteral("--image=nginx"), QStringLiteral("--replicas=3")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = run({QStringLiteral("create"), QStringLiteral("pdb"), QStringLiteral("web-min"), QStringLiteral("-n"), QStringLiteral("pdb"),
                 QStringLiteral("--selector=app=web"), QStringLiteral("--min-available=2")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.trimmed(), QStringLiteral("poddisruptionbudget.policy/web-min created"));
        r = run({QStringLiteral("create"), QStringLiteral("pdb"), QStringLiteral("web-max"), QStringLiteral("-n"), QStringLiteral("pdb"),
                 QStringLiteral("--selector=app=web"), QStringLiteral("--max-unavailable=50%")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // Three ready pods: min 2 leaves 1 disruption; 50% of the deployment's 3 rounds up to 2.
        QTRY_COMPARE_WITH_TIMEOUT(statusField(budgetsGvr, QStringLiteral("pdb"), QStringLiteral("web-min"), "currentHealthy"), QStringLiteral("3"), 10000);
        const QJsonObject min = stored(budgetsGvr, QStringLiteral("pdb"), QStringLiteral("web-min")).value(QLatin1String("status")).toObject();
        QCOMPARE(min.value(QLatin1String("expectedPods")).toInt(), 3);
        QCOMPARE(min.value(QLatin1String("desiredHealthy")).toInt(), 2);
        QCOMPARE(min.value(QLatin1String("disruptionsAllowed")).toInt(), 1);
        QCOMPARE(min.value(QLatin1String("conditions")).toArray().at(0).toObject().value(QLatin1String("reason")).toString(), QStringLiteral("SufficientPods"));
        QTRY_COMPARE_WITH_TIMEOUT(statusField(budgetsGvr, QStringLiteral("pdb"), QStringLiteral("web-max"), "disruptionsAllowed"), QStringLiteral("2"), 10000);
        QCOMPARE(statusField(budgetsGvr, QStringLiteral("pdb"), QStringLiteral("web-max"), "desiredHealthy"), QStringLiteral("1"));
        r = run({QStringLiteral("get"), QStringLiteral("pdb"), QStringLiteral("-n"), QStringLiteral("pdb")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(columnsOf(r.out), (QStringList{QStringLiteral("NAME"), QStringLiteral("MIN AVAILABLE"), QStringLiteral("MAX UNAVAILABLE"),
                                                QStringLiteral("ALLOWED DISRUPTIONS"), QStringLiteral("AGE")}));
        QCOMPARE(rowOf(r.out, QStringLiteral("web-min")).mid(0, 4),
                 (QStringList{QStringLiteral("web-min"), QStringLiteral("2"), QStringLiteral("N/A"), QStringLiteral("1")}));
        QCOMPARE(rowOf(r.out, QStringLiteral("web-max")).mid(0, 4),
                 (QStringList{QStringLiteral("web-max"), QStringLiteral("N/A"), QStringLiteral("50%"), QStringLiteral("2")}));
        // The view role reads budgets; denials name the resource with its group, as upstream.
        r = run({QStringLiteral("--context=sandbox-viewer"), QStringLiteral("get"), QStringLiteral("pdb"), QStringLiteral("web-min"), QStringLiteral("-n"),
                 QStringLiteral("pdb")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = run({QStringLiteral("--context=sandbox-viewer"), QStringLiteral("delete"), QStringLiteral("pdb"), QStringLiteral("web-min"), QStringLiteral("-n"),
                 QStringLiteral("pdb")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("poddisruptionbudgets.policy \"web-min\" is forbidden: User \"viewer\" cannot delete resource "
                                               "\"poddisruptionbudgets\" in API group \"policy\" in the namespace \"pdb\"")), qPrintable(r.err));
        // Scaled down to two pods the min budget allows no disruption.
        r = run({QStringLiteral("scale"), QStringLiteral("deployment"), QStringLiteral("web"), QStringLiteral("-n"), QStringLiteral("pdb"), QStringLiteral("--replicas=2")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QTRY_COMPARE_WITH_TIMEOUT(statusField(budgetsGvr, QStringLiteral("pdb"), QStringLiteral("web-min"), "disruptionsAllowed"), QStringLiteral("0"), 10000);
        QCOMPARE(stored(budgetsGvr, QStringLiteral("pdb"), QStringLiteral("web-min")).value(QLatin1String("status")).toObject()
                     .value(QLatin1String("conditions")).toArray().at(0).toObject().value(QLatin1String("reason")).toString(),
                 QStringLiteral("InsufficientPods"));
    }

    void serviceAccountTokens()
    {
        createNamespace(QStringLiteral("tok"));
        KubectlResult r = run({QStringLiteral("create"), QStringLiteral("serviceaccount"), QStringLiteral("bot"), QStringLiteral("-n"), QStringLiteral("tok")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = run({QStringLiteral("create"), QStringLiteral("token"), QStringLiteral("bot"), QStringLiteral("-n"), QStringLiteral("tok")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString token = r.out.trimmed();
        QCOMPARE(token.count(QLatin1Char('.')), 2); // a JSON Web Token
        // The token's identity is the service account's; RBAC decides what it may do.
        const QStringList asBot{QStringLiteral("--context=sandbox-token"), QStringLiteral("--token=") + token};
        r = run(asBot + QStringList{QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"), QStringLiteral("tok")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Error from server (Forbidden): pods is forbidden: User \"system:serviceaccount:tok:bot\" cannot list "
                                               "resource \"pods\" in API group \"\" in the namespace \"tok\"")), qPrintable(r.err));
        r = run({QStringLiteral("create"), QStringLiteral("rolebinding"), QStringLiteral("bot-view"), QStringLiteral("-n"), QStringLiteral("tok"),
                 QStringLiteral("--clusterrole=view"), QStringLiteral("--serviceaccount=tok:bot")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = run(asBot + QStringList{QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"), QStringLiteral("tok")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("No resources found in tok namespace.")), qPrintable(r.err));
        // A group binding works too: system:serviceaccounts:<namespace>.
        r = run(asBot + QStringList{QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"), QStringLiteral("default")});
        QCOMPARE(r.exitCode, 1);
        r = run({QStringLiteral("create"), QStringLiteral("rolebinding"), QStringLiteral("tok-accounts"), QStringLiteral("-n"), QStringLiteral("default"),
                 QStringLiteral("--clusterrole=view"), QStringLiteral("--group=system:serviceaccounts:tok")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = run(asBot + QStringList{QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"), QStringLiteral("default")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // whoami with the token: the service account's user info.
        r = run(asBot + QStringList{QStringLiteral("auth"), QStringLiteral("whoami"), QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject info = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QLatin1String("status")).toObject()
                                     .value(QLatin1String("userInfo")).toObject();
        QCOMPARE(info.value(QLatin1String("username")).toString(), QStringLiteral("system:serviceaccount:tok:bot"));
        QCOMPARE(info.value(QLatin1String("groups")).toArray(),
                 (QJsonArray{QStringLiteral("system:serviceaccounts"), QStringLiteral("system:serviceaccounts:tok"), QStringLiteral("system:authenticated")}));
        QCOMPARE(info.value(QLatin1String("uid")).toString(),
                 stored(Gvr{QString(), QStringLiteral("v1"), QStringLiteral("serviceaccounts")}, QStringLiteral("tok"), QStringLiteral("bot"))
                     .value(QLatin1String("metadata")).toObject().value(QLatin1String("uid")).toString());
        QVERIFY(info.value(QLatin1String("extra")).toObject().value(QLatin1String("authentication.kubernetes.io/credential-id")).toArray()
                    .at(0).toString().startsWith(QLatin1String("JTI=")));
        // Tokens for another audience are not for this server.
        r = run({QStringLiteral("create"), QStringLiteral("token"), QStringLiteral("bot"), QStringLiteral("-n"), QStringLiteral("tok"), QStringLiteral("--audience=vault")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = run({QStringLiteral("--context=sandbox-token"), QStringLiteral("--token=") + r.out.trimmed(), QStringLiteral("get"), QStringLiteral("pods"),
                 QStringLiteral("-n"), QStringLiteral("tok")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Unauthorized")), qPrintable(r.err));
        // Durations below ten minutes are refused; unknown accounts are not found.
        r = run({QStringLiteral("create"), QStringLiteral("token"), QStringLiteral("bot"), QStringLiteral("-n"), QStringLiteral("tok"), QStringLiteral("--duration=1m")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("TokenRequest.authentication.k8s.io \"bot\" is invalid: spec.expirationSeconds: Invalid value: 60: "
                                               "may not specify a duration less than 10 minutes")), qPrintable(r.err));
        r = run({QStringLiteral("create"), QStringLiteral("token"), QStringLiteral("nobody"), QStringLiteral("-n"), QStringLiteral("tok")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("serviceaccounts \"nobody\" not found")), qPrintable(r.err));
        // A short token expires with the sandbox's clock; any token dies with its account.
        r = run({QStringLiteral("create"), QStringLiteral("token"), QStringLiteral("bot"), QStringLiteral("-n"), QStringLiteral("tok"), QStringLiteral("--duration=10m")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList asShortBot{QStringLiteral("--context=sandbox-token"), QStringLiteral("--token=") + r.out.trimmed()};
        r = run(asShortBot + QStringList{QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"), QStringLiteral("tok")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        m_f->sandbox().invoke([](SandboxServer &s) { s.advanceClock(601); });
        r = run(asShortBot + QStringList{QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"), QStringLiteral("tok")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("error: You must be logged in to the server (Unauthorized)")), qPrintable(r.err));
        r = run(asBot + QStringList{QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"), QStringLiteral("tok")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err)); // the hour-long one still works
        m_f->sandbox().invoke([](SandboxServer &s) { s.advanceClock(-601); });
        r = run({QStringLiteral("delete"), QStringLiteral("serviceaccount"), QStringLiteral("bot"), QStringLiteral("-n"), QStringLiteral("tok")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = run(asBot + QStringList{QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"), QStringLiteral("tok")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Unauthorized")), qPrintable(r.err));
        // No token ever reaches the log, not even a part of its signature.
        QMutexLocker lock(&g_messagesMutex);
        QVERIFY(!g_messages.isEmpty()); // the sandbox did log (it listens, it answers)
        for (const QString &message : std::as_const(g_messages))
            QVERIFY2(!message.contains(token.section(QLatin1Char('.'), 2)), "a token was logged");
    }

    void whoami()
    {
        KubectlResult r = run({QStringLiteral("auth"), QStringLiteral("whoami")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("Username\\s+admin\\n"))), qPrintable(r.out));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("Groups\\s+\\[system:masters system:authenticated\\]"))), qPrintable(r.out));
        r = run({QStringLiteral("--context=sandbox-viewer"), QStringLiteral("auth"), QStringLiteral("whoami")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("Username\\s+viewer\\n"))), qPrintable(r.out));
    }

    void autoscaleDeployment()
    {
        createNamespace(QStringLiteral("hpa"));
        KubectlResult r = run({QStringLiteral("create"), QStringLiteral("deployment"), QStringLiteral("web"), QStringLiteral("-n"), QStringLiteral("hpa"),
                               QStringLiteral("--image=nginx"), QStringLiteral("--replicas=1")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // kubectl 1.32 sends an autoscaling/v1 object (protobuf); it is stored as v2.
        r = run({QStringLiteral("autoscale"), QStringLiteral("deployment"), QStringLiteral("web"), QStringLiteral("-n"), QStringLiteral("hpa"),
                 QStringLiteral("--min=2"), QStringLiteral("--max=4"), QStringLiteral("--cpu-percent=60")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.trimmed(), QStringLiteral("horizontalpodautoscaler.autoscaling/web autoscaled"));
        // Below its minimum, the deployment is scaled up at once, metrics or not.
        QTRY_COMPARE_WITH_TIMEOUT(stored(deploymentsGvr, QStringLiteral("hpa"), QStringLiteral("web")).value(QLatin1String("spec")).toObject()
                                      .value(QLatin1String("replicas")).toInt(), 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(statusField(autoscalersGvr, QStringLiteral("hpa"), QStringLiteral("web"), "currentReplicas"), QStringLiteral("2"), 10000);
        const QJsonObject hpa = stored(autoscalersGvr, QStringLiteral("hpa"), QStringLiteral("web"));
        QCOMPARE(hpa.value(QLatin1String("spec")).toObject().value(QLatin1String("metrics")).toArray().at(0).toObject()
                     .value(QLatin1String("resource")).toObject().value(QLatin1String("target")).toObject().value(QLatin1String("averageUtilization")).toInt(),
                 60);
        r = run({QStringLiteral("get"), QStringLiteral("hpa"), QStringLiteral("-n"), QStringLiteral("hpa")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(columnsOf(r.out), (QStringList{QStringLiteral("NAME"), QStringLiteral("REFERENCE"), QStringLiteral("TARGETS"), QStringLiteral("MINPODS"),
                                                QStringLiteral("MAXPODS"), QStringLiteral("REPLICAS"), QStringLiteral("AGE")}));
        QCOMPARE(rowOf(r.out, QStringLiteral("web")).mid(0, 6),
                 (QStringList{QStringLiteral("web"), QStringLiteral("Deployment/web"), QStringLiteral("cpu: <unknown>/60%"), QStringLiteral("2"),
                              QStringLiteral("4"), QStringLiteral("2")}));
        // The v1 view kubectl created it through.
        r = run({QStringLiteral("get"), QStringLiteral("horizontalpodautoscalers.v1.autoscaling"), QStringLiteral("web"), QStringLiteral("-n"), QStringLiteral("hpa"),
                 QStringLiteral("-o"), QStringLiteral("jsonpath={.apiVersion} {.spec.targetCPUUtilizationPercentage}")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("autoscaling/v1 60"));
        // No metrics API: the conditions say so, as on a cluster without metrics-server.
        r = run({QStringLiteral("describe"), QStringLiteral("hpa"), QStringLiteral("web"), QStringLiteral("-n"), QStringLiteral("hpa")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("ScalingActive\\s+False\\s+FailedGetResourceMetric\\s+the HPA was unable to compute the "
                                                                  "replica count: failed to get cpu resource metric value"))), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("New size: 2; reason: Current number of replicas below Spec.MinReplicas")), qPrintable(r.out));
        // A second autoscaler of the same deployment: neither acts (no tug of war).
        r = run({QStringLiteral("autoscale"), QStringLiteral("deployment"), QStringLiteral("web"), QStringLiteral("-n"), QStringLiteral("hpa"),
                 QStringLiteral("--name=rival"), QStringLiteral("--min=3"), QStringLiteral("--max=3")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QTRY_VERIFY_WITH_TIMEOUT(QJsonDocument(stored(autoscalersGvr, QStringLiteral("hpa"), QStringLiteral("rival")).value(QLatin1String("status")).toObject()
                                                   .value(QLatin1String("conditions")).toArray()).toJson().contains("AmbiguousSelector"), 10000);
        QCOMPARE(stored(deploymentsGvr, QStringLiteral("hpa"), QStringLiteral("web")).value(QLatin1String("spec")).toObject().value(QLatin1String("replicas")).toInt(), 2);
        r = run({QStringLiteral("delete"), QStringLiteral("hpa"), QStringLiteral("rival"), QStringLiteral("-n"), QStringLiteral("hpa")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // Bounds are validated.
        r = run({QStringLiteral("patch"), QStringLiteral("hpa"), QStringLiteral("web"), QStringLiteral("-n"), QStringLiteral("hpa"), QStringLiteral("--type=merge"),
                 QStringLiteral("-p"), QStringLiteral("{\"spec\":{\"minReplicas\":5}}")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("spec.maxReplicas: Invalid value: 4: must be greater than or equal to `minReplicas`")), qPrintable(r.err));
    }

    // The autoscaler of a custom resource goes through its scale subresource: the replicas are
    // where the CRD's scale paths point, not in spec.replicas.
    void autoscaleCustomResource()
    {
        const QByteArray crd = R"(
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: pools.example.com
spec:
  group: example.com
  scope: Namespaced
  names: {plural: pools, singular: pool, kind: Pool}
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
    subresources:
      status: {}
      scale: {specReplicasPath: .spec.workers, statusReplicasPath: .status.running}
)";
        KubectlResult r = run({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")}, crd);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        createNamespace(QStringLiteral("hpa-cr"));
        r = run({QStringLiteral("create"), QStringLiteral("-n"), QStringLiteral("hpa-cr"), QStringLiteral("-f"), QStringLiteral("-")},
                R"({"apiVersion":"example.com/v1","kind":"Pool","metadata":{"name":"p"},"spec":{"workers":1}}
{"apiVersion":"example.com/v1","kind":"Pool","metadata":{"name":"unsized"},"spec":{}})");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = run({QStringLiteral("patch"), QStringLiteral("pool"), QStringLiteral("p"), QStringLiteral("-n"), QStringLiteral("hpa-cr"), QStringLiteral("--subresource=status"),
                 QStringLiteral("--type=merge"), QStringLiteral("-p"), QStringLiteral(R"({"status":{"running":1}})")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const char *name : {"p", "unsized"}) {
            r = run({QStringLiteral("autoscale"), QStringLiteral("pool"), QLatin1String(name), QStringLiteral("-n"), QStringLiteral("hpa-cr"),
                     QStringLiteral("--min=2"), QStringLiteral("--max=4")});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
        const QStringList getP{QStringLiteral("get"), QStringLiteral("pool"), QStringLiteral("p"), QStringLiteral("-n"), QStringLiteral("hpa-cr"),
                               QStringLiteral("-o"), QStringLiteral("jsonpath={.spec}")};
        QTRY_COMPARE_WITH_TIMEOUT(run(getP).out, QStringLiteral(R"({"workers":2})"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(statusField(autoscalersGvr, QStringLiteral("hpa-cr"), QStringLiteral("p"), "currentReplicas"), QStringLiteral("1"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(QJsonDocument(stored(autoscalersGvr, QStringLiteral("hpa-cr"), QStringLiteral("unsized")).value(QLatin1String("status")).toObject()
                                                   .value(QLatin1String("conditions")).toArray()).toJson().contains("FailedGetScale"), 10000);
        r = run({QStringLiteral("describe"), QStringLiteral("hpa"), QStringLiteral("unsized"), QStringLiteral("-n"), QStringLiteral("hpa-cr")});
        QVERIFY2(r.out.contains(QStringLiteral("the spec replicas field \".spec.workers\" does not exist")), qPrintable(r.out));
        r = run({QStringLiteral("get"), QStringLiteral("pool"), QStringLiteral("unsized"), QStringLiteral("-n"), QStringLiteral("hpa-cr"), QStringLiteral("-o"),
                 QStringLiteral("jsonpath={.spec}")});
        QCOMPARE(r.out, QStringLiteral("{}"));
    }

    void listAdministrationKinds_data()
    {
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("columns");
        QTest::addColumn<QStringList>("cells");
        QTest::newRow("limit range") << QStringLiteral("limits") << QStringLiteral("defaults")
                                     << QStringList{QStringLiteral("NAMESPACE"), QStringLiteral("NAME"), QStringLiteral("CREATED AT")}
                                     << QStringList{QStringLiteral("default"), QStringLiteral("defaults")};
        QTest::newRow("persistent volume") << QStringLiteral("pv") << QStringLiteral("pv-1")
            << QStringList{QStringLiteral("NAME"), QStringLiteral("CAPACITY"), QStringLiteral("ACCESS MODES"), QStringLiteral("RECLAIM POLICY"),
                           QStringLiteral("STATUS"), QStringLiteral("CLAIM"), QStringLiteral("STORAGECLASS"), QStringLiteral("VOLUMEATTRIBUTESCLASS"),
                           QStringLiteral("REASON"), QStringLiteral("AGE")}
            << QStringList{QStringLiteral("pv-1"), QStringLiteral("5Gi"), QStringLiteral("RWO"), QStringLiteral("Retain"), QStringLiteral("Available"),
                           QStringLiteral("fast"), QStringLiteral("<unset>")};
        QTest::newRow("storage class") << QStringLiteral("sc") << QStringLiteral("fast (default)")
            << QStringList{QStringLiteral("NAME"), QStringLiteral("PROVISIONER"), QStringLiteral("RECLAIMPOLICY"), QStringLiteral("VOLUMEBINDINGMODE"),
                           QStringLiteral("ALLOWVOLUMEEXPANSION"), QStringLiteral("AGE")}
            << QStringList{QStringLiteral("fast (default)"), QStringLiteral("example.com/ssd"), QStringLiteral("Delete"), QStringLiteral("Immediate"),
                           QStringLiteral("true")};
        QTest::newRow("lease") << QStringLiteral("leases") << QStringLiteral("sandbox-node-1")
            << QStringList{QStringLiteral("NAMESPACE"), QStringLiteral("NAME"), QStringLiteral("HOLDER"), QStringLiteral("AGE")}
            << QStringList{QStringLiteral("kube-node-lease"), QStringLiteral("sandbox-node-1"), QStringLiteral("sandbox-node-1")};
        QTest::newRow("network policy") << QStringLiteral("netpol") << QStringLiteral("deny-ingress")
            << QStringList{QStringLiteral("NAMESPACE"), QStringLiteral("NAME"), QStringLiteral("POD-SELECTOR"), QStringLiteral("AGE")}
            << QStringList{QStringLiteral("default"), QStringLiteral("deny-ingress"), QStringLiteral("app=web")};
        QTest::newRow("ingress class") << QStringLiteral("ingressclass") << QStringLiteral("nginx")
            << QStringList{QStringLiteral("NAME"), QStringLiteral("CONTROLLER"), QStringLiteral("PARAMETERS"), QStringLiteral("AGE")}
            << QStringList{QStringLiteral("nginx"), QStringLiteral("k8s.io/ingress-nginx"), QStringLiteral("<none>")};
    }

    void listAdministrationKinds()
    {
        QFETCH(QString, resource);
        QFETCH(QString, name);
        QFETCH(QStringList, columns);
        QFETCH(QStringList, cells);
        static bool created = false;
        if (!created) {
            created = true;
            const QByteArray objects = R"(
apiVersion: v1
kind: LimitRange
metadata: {name: defaults, namespace: default}
spec:
  limits: [{type: Container, default: {cpu: 500m}, defaultRequest: {cpu: 100m}}]
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
  annotations: {storageclass.kubernetes.io/is-default-class: "true"}
provisioner: example.com/ssd
allowVolumeExpansion: true
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: pv-1}
spec:
  capacity: {storage: 5Gi}
  accessModes: [ReadWriteOnce]
  storageClassName: fast
  hostPath: {path: /data/pv-1}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-ingress, namespace: default}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Ingress]
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: nginx}
spec: {controller: k8s.io/ingress-nginx}
)";
            const KubectlResult r = run({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-")}, objects);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
        const KubectlResult r = run({QStringLiteral("get"), resource, QStringLiteral("-A")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(columnsOf(r.out), columns);
        QStringList row;
        for (const QString &line : r.out.split(QLatin1Char('\n'))) {
            if (line.contains(name))
                row = line.split(QRegularExpression(QStringLiteral("\\s{2,}")), Qt::SkipEmptyParts);
        }
        QVERIFY2(!row.isEmpty(), qPrintable(r.out));
        QCOMPARE(row.mid(0, cells.size()), cells);
    }

    void explainNewKind()
    {
        const KubectlResult r = run({QStringLiteral("explain"), QStringLiteral("poddisruptionbudget.spec")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("GROUP:      policy")));
        QVERIFY(r.out.contains(QStringLiteral("KIND:       PodDisruptionBudget")));
        QVERIFY(r.out.contains(QStringLiteral("FIELD: spec <PodDisruptionBudgetSpec>")));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("\\n  minAvailable\\s+<IntOrString>\\n\\s+Pods \\(or percent\\) that must stay available."))),
                 qPrintable(r.out));
    }

    void apiResources()
    {
        const KubectlResult r = run({QStringLiteral("api-resources")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const char *line : {"resourcequotas\\s+quota\\s+v1\\s+true\\s+ResourceQuota",
                                 "persistentvolumes\\s+pv\\s+v1\\s+false\\s+PersistentVolume",
                                 "horizontalpodautoscalers\\s+hpa\\s+autoscaling/v2\\s+true\\s+HorizontalPodAutoscaler",
                                 "poddisruptionbudgets\\s+pdb\\s+policy/v1\\s+true\\s+PodDisruptionBudget",
                                 "priorityclasses\\s+pc\\s+scheduling.k8s.io/v1\\s+false\\s+PriorityClass",
                                 "storageclasses\\s+sc\\s+storage.k8s.io/v1\\s+false\\s+StorageClass",
                                 "selfsubjectreviews\\s+authentication.k8s.io/v1\\s+false\\s+SelfSubjectReview"})
            QVERIFY2(r.out.contains(QRegularExpression(QLatin1String(line))), line);
    }

    void demoDataHasAdministrationObjects()
    {
        SandboxOptions options;
        options.demoData = true;
        options.podStartMilliseconds = 50;
        SandboxFixture demo(options);
        QVERIFY2(demo.error().isEmpty(), qPrintable(demo.error()));
        QTRY_COMPARE_WITH_TIMEOUT(demo.object(quotasGvr, QStringLiteral("shop"), QStringLiteral("shop-quota")).value(QLatin1String("status")).toObject()
                                      .value(QLatin1String("used")).toObject().value(QLatin1String("count/deployments.apps")).toString(),
                                  QStringLiteral("3"), 10000);
        const KubectlResult r = demo.kubectl({QStringLiteral("get"), QStringLiteral("sc,pv,quota,pdb,hpa"), QStringLiteral("-A"), QStringLiteral("-o"), QStringLiteral("name")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const char *name : {"storageclass.storage.k8s.io/standard", "persistentvolume/pv-local-1", "persistentvolume/pv-backup",
                                 "resourcequota/shop-quota", "poddisruptionbudget.policy/frontend", "horizontalpodautoscaler.autoscaling/frontend"})
            QVERIFY2(r.out.contains(QLatin1String(name)), name);
    }
};

QTEST_GUILESS_MAIN(tst_SandboxAdministration)
#include "tst_sandboxadministration.moc"
