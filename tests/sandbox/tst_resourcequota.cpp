// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
// ResourceQuota accounting of the sandbox: exact quantities printed as the apiserver prints them,
// what each kind of object counts for, and the admission decisions built on it.

#include "sandbox/resourcequota.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qluster;
using namespace Qluster::QuotaAccounting;

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

ResourceQuantity q(const char *text)
{
    const auto parsed = ResourceQuantity::parse(QLatin1String(text));
    if (!parsed)
        qFatal("not a quantity: %s", text);
    return *parsed;
}

QMap<QString, QString> printed(const ResourceList &list)
{
    QMap<QString, QString> out;
    for (auto it = list.begin(); it != list.end(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

const char podJson[] = R"({
  "metadata": {"name": "web", "namespace": "shop"},
  "spec": {
    "initContainers": [
      {"name": "migrate", "resources": {"requests": {"cpu": "2", "memory": "64Mi"}}},
      {"name": "proxy", "restartPolicy": "Always", "resources": {"requests": {"cpu": "100m"}, "limits": {"memory": "32Mi"}}}
    ],
    "containers": [
      {"name": "app", "resources": {"requests": {"cpu": "250m", "memory": "128Mi"}, "limits": {"cpu": "1", "memory": "256Mi"}}},
      {"name": "log", "resources": {"limits": {"cpu": "500m", "memory": "64Mi"}}}
    ]
  },
  "status": {"phase": "Running"}
})";

} // namespace

class tst_ResourceQuota : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void canonicalText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("whole") << QStringLiteral("3") << QStringLiteral("3");
        QTest::newRow("milli to unit") << QStringLiteral("1000m") << QStringLiteral("1");
        QTest::newRow("fraction") << QStringLiteral("0.5") << QStringLiteral("500m");
        QTest::newRow("fraction 1.5") << QStringLiteral("1.5") << QStringLiteral("1500m");
        QTest::newRow("kilo") << QStringLiteral("2000") << QStringLiteral("2k");
        QTest::newRow("no whole kilo") << QStringLiteral("1500") << QStringLiteral("1500");
        QTest::newRow("milli") << QStringLiteral("100m") << QStringLiteral("100m");
        QTest::newRow("micro") << QStringLiteral("1u") << QStringLiteral("1u");
        QTest::newRow("below nano rounds up") << QStringLiteral("0.1n") << QStringLiteral("1n");
        QTest::newRow("negative") << QStringLiteral("-100m") << QStringLiteral("-100m");
        QTest::newRow("plus sign") << QStringLiteral("+2") << QStringLiteral("2");
        QTest::newRow("mebi") << QStringLiteral("500Mi") << QStringLiteral("500Mi");
        QTest::newRow("gibi fraction") << QStringLiteral("1.5Gi") << QStringLiteral("1536Mi");
        QTest::newRow("kibi") << QStringLiteral("1024Ki") << QStringLiteral("1Mi");
        QTest::newRow("small binary is decimal") << QStringLiteral("0.5Ki") << QStringLiteral("512");
        QTest::newRow("binary not a multiple") << QStringLiteral("1.5Ki") << QStringLiteral("1536");
        QTest::newRow("mega") << QStringLiteral("128M") << QStringLiteral("128M");
        QTest::newRow("exponent") << QStringLiteral("1e3") << QStringLiteral("1e3");
        QTest::newRow("exponent fraction") << QStringLiteral("12e-3") << QStringLiteral("12e-3");
        QTest::newRow("zero") << QStringLiteral("0") << QStringLiteral("0");
        QTest::newRow("zero binary") << QStringLiteral("0Gi") << QStringLiteral("0");
        QTest::newRow("exa") << QStringLiteral("8E") << QStringLiteral("8E");
        QTest::newRow("exbi") << QStringLiteral("2Ei") << QStringLiteral("2Ei");
    }

    void canonicalText()
    {
        QFETCH(QString, text);
        QFETCH(QString, canonical);
        const auto parsed = ResourceQuantity::parse(text);
        QVERIFY2(parsed.has_value(), qPrintable(text));
        QCOMPARE(parsed->toString(), canonical);
        // The canonical form reads back as the same amount.
        QCOMPARE(ResourceQuantity::parse(canonical).value(), *parsed);
    }

    void notQuantities_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *bad : {"", "abc", "1x", "1.2.3", "--1", "Mi", "1e", "1 Mi", ".", "1ee3", "1e999", "1Zi",
                                "99999999999999999999999999999999999999999"})
            QTest::newRow(bad) << QString::fromLatin1(bad);
    }

    void notQuantities()
    {
        QFETCH(QString, text);
        QVERIFY(!ResourceQuantity::parse(text).has_value());
    }

    void arithmetic()
    {
        ResourceQuantity memory = q("64Mi");
        memory.add(q("128Mi"));
        QCOMPARE(memory.toString(), QStringLiteral("192Mi"));
        ResourceQuantity cpu = q("500m");
        cpu.add(q("0.5"));
        QCOMPARE(cpu.toString(), QStringLiteral("1"));
        // An empty sum takes the format of its first term.
        ResourceQuantity sum;
        QCOMPARE(sum.toString(), QStringLiteral("0"));
        sum.add(q("1Gi"));
        QCOMPARE(sum.toString(), QStringLiteral("1Gi"));
        QVERIFY(q("1Gi") > q("1G"));
        QVERIFY(q("1000m") == q("1"));
        QVERIFY(q("999m") < q("1"));
        QCOMPARE(ResourceQuantity::fromCount(3).toString(), QStringLiteral("3"));
        QCOMPARE(ResourceQuantity::fromCount(0).toString(), QStringLiteral("0"));
    }

    void countedResources_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("group");
        QTest::addColumn<QString>("resource");
        QTest::newRow("pods") << QStringLiteral("pods") << QString() << QStringLiteral("pods");
        QTest::newRow("requests.cpu") << QStringLiteral("requests.cpu") << QString() << QStringLiteral("pods");
        QTest::newRow("limits.memory") << QStringLiteral("limits.memory") << QString() << QStringLiteral("pods");
        QTest::newRow("memory") << QStringLiteral("memory") << QString() << QStringLiteral("pods");
        QTest::newRow("extended") << QStringLiteral("requests.nvidia.com/gpu") << QString() << QStringLiteral("pods");
        QTest::newRow("nodeports") << QStringLiteral("services.nodeports") << QString() << QStringLiteral("services");
        QTest::newRow("storage") << QStringLiteral("requests.storage") << QString() << QStringLiteral("persistentvolumeclaims");
        QTest::newRow("class storage") << QStringLiteral("gold.storageclass.storage.k8s.io/requests.storage") << QString()
                                       << QStringLiteral("persistentvolumeclaims");
        QTest::newRow("configmaps") << QStringLiteral("configmaps") << QString() << QStringLiteral("configmaps");
        QTest::newRow("count core") << QStringLiteral("count/secrets") << QString() << QStringLiteral("secrets");
        QTest::newRow("count group") << QStringLiteral("count/deployments.apps") << QStringLiteral("apps") << QStringLiteral("deployments");
        QTest::newRow("count dotted group") << QStringLiteral("count/widgets.example.com") << QStringLiteral("example.com")
                                            << QStringLiteral("widgets");
    }

    void countedResources()
    {
        QFETCH(QString, name);
        QFETCH(QString, group);
        QFETCH(QString, resource);
        const auto counted = countedResource(name);
        QVERIFY(counted.has_value());
        QCOMPARE(counted->group, group);
        QCOMPARE(counted->resource, resource);
    }

    void unknownNamesCountNothing()
    {
        QVERIFY(!countedResource(QStringLiteral("widgets")).has_value());
        QVERIFY(!countedResource(QStringLiteral("count/")).has_value());
        QVERIFY(!countedResource(QStringLiteral("count/.apps")).has_value());
    }

    void podUsage()
    {
        const QStringList names{QStringLiteral("pods"), QStringLiteral("count/pods"), QStringLiteral("cpu"),
                                QStringLiteral("requests.cpu"), QStringLiteral("requests.memory"),
                                QStringLiteral("limits.cpu"), QStringLiteral("limits.memory"),
                                QStringLiteral("requests.nvidia.com/gpu"), QStringLiteral("services")};
        const ResourceList used = usage(json(podJson), GroupResource{QString(), QStringLiteral("pods")}, names);
        // cpu requests: 250m + 500m (defaulted from the log container's limit) + 100m (sidecar)
        // = 850m, less than the 2 cores of the init container, which wins.
        // memory requests: 128Mi + 64Mi + 32Mi = 224Mi, more than the init container's 64Mi.
        // limits: only containers and the sidecar that set them.
        const QMap<QString, QString> expected{{QStringLiteral("pods"), QStringLiteral("1")},
                                              {QStringLiteral("count/pods"), QStringLiteral("1")},
                                              {QStringLiteral("cpu"), QStringLiteral("2")},
                                              {QStringLiteral("requests.cpu"), QStringLiteral("2")},
                                              {QStringLiteral("requests.memory"), QStringLiteral("224Mi")},
                                              {QStringLiteral("limits.cpu"), QStringLiteral("1500m")},
                                              {QStringLiteral("limits.memory"), QStringLiteral("352Mi")}};
        QCOMPARE(printed(used), expected);
    }

    void terminalPodsDoNotCount()
    {
        const GroupResource pods{QString(), QStringLiteral("pods")};
        QJsonObject pod = json(podJson);
        QVERIFY(countsTowardQuota(pods, pod));
        pod.insert(QStringLiteral("status"), QJsonObject{{QStringLiteral("phase"), QStringLiteral("Succeeded")}});
        QVERIFY(!countsTowardQuota(pods, pod));
        pod.insert(QStringLiteral("status"), QJsonObject{{QStringLiteral("phase"), QStringLiteral("Running")}});
        QJsonObject meta = pod.value(QLatin1String("metadata")).toObject();
        meta.insert(QStringLiteral("deletionTimestamp"), QStringLiteral("2026-01-01T00:00:00Z"));
        pod.insert(QStringLiteral("metadata"), meta);
        QVERIFY(!countsTowardQuota(pods, pod));
        QVERIFY(countsTowardQuota(GroupResource{QString(), QStringLiteral("configmaps")}, json(R"({"metadata": {"name": "c"}})")));
    }

    void serviceUsage_data()
    {
        QTest::addColumn<QByteArray>("spec");
        QTest::addColumn<QString>("loadBalancers");
        QTest::addColumn<QString>("nodePorts");
        QTest::newRow("cluster ip") << QByteArray(R"({"type": "ClusterIP", "ports": [{"port": 80}]})") << QStringLiteral("0") << QStringLiteral("0");
        QTest::newRow("node port") << QByteArray(R"({"type": "NodePort", "ports": [{"port": 80}, {"port": 443}]})") << QStringLiteral("0") << QStringLiteral("2");
        QTest::newRow("load balancer") << QByteArray(R"({"type": "LoadBalancer", "ports": [{"port": 80}]})") << QStringLiteral("1") << QStringLiteral("1");
        QTest::newRow("load balancer without node ports")
            << QByteArray(R"({"type": "LoadBalancer", "allocateLoadBalancerNodePorts": false, "ports": [{"port": 80}, {"port": 81, "nodePort": 30081}]})")
            << QStringLiteral("1") << QStringLiteral("1");
    }

    void serviceUsage()
    {
        QFETCH(QByteArray, spec);
        QFETCH(QString, loadBalancers);
        QFETCH(QString, nodePorts);
        const QJsonObject service{{QStringLiteral("spec"), QJsonDocument::fromJson(spec).object()}};
        const ResourceList used = usage(service, GroupResource{QString(), QStringLiteral("services")},
                                        {QStringLiteral("services"), QStringLiteral("services.loadbalancers"),
                                         QStringLiteral("services.nodeports"), QStringLiteral("pods")});
        QCOMPARE(used.size(), 3);
        QCOMPARE(used.value(QStringLiteral("services")).toString(), QStringLiteral("1"));
        QCOMPARE(used.value(QStringLiteral("services.loadbalancers")).toString(), loadBalancers);
        QCOMPARE(used.value(QStringLiteral("services.nodeports")).toString(), nodePorts);
    }

    void claimUsage()
    {
        const QJsonObject claim = json(R"({"spec": {"storageClassName": "gold", "resources": {"requests": {"storage": "10Gi"}}}})");
        const QStringList names{QStringLiteral("persistentvolumeclaims"), QStringLiteral("requests.storage"),
                                QStringLiteral("gold.storageclass.storage.k8s.io/requests.storage"),
                                QStringLiteral("gold.storageclass.storage.k8s.io/persistentvolumeclaims"),
                                QStringLiteral("silver.storageclass.storage.k8s.io/requests.storage")};
        const QMap<QString, QString> expected{{QStringLiteral("persistentvolumeclaims"), QStringLiteral("1")},
                                              {QStringLiteral("requests.storage"), QStringLiteral("10Gi")},
                                              {QStringLiteral("gold.storageclass.storage.k8s.io/requests.storage"), QStringLiteral("10Gi")},
                                              {QStringLiteral("gold.storageclass.storage.k8s.io/persistentvolumeclaims"), QStringLiteral("1")}};
        QCOMPARE(printed(usage(claim, GroupResource{QString(), QStringLiteral("persistentvolumeclaims")}, names)), expected);
    }

    void podsWithoutComputeAreNotCharged()
    {
        const QJsonObject pod = json(R"({"spec": {"containers": [{"name": "app"}]}})");
        const ResourceList used = usage(pod, GroupResource{QString(), QStringLiteral("pods")},
                                        {QStringLiteral("pods"), QStringLiteral("requests.cpu")});
        QCOMPARE(printed(used), (QMap<QString, QString>{{QStringLiteral("pods"), QStringLiteral("1")}}));
    }

    void scopes_data()
    {
        QTest::addColumn<QByteArray>("quotaSpec");
        QTest::addColumn<QByteArray>("podSpec");
        QTest::addColumn<bool>("tracked");
        const QByteArray bestEffort = R"({"containers": [{"name": "app"}]})";
        const QByteArray burstable = R"({"containers": [{"name": "app", "resources": {"requests": {"cpu": "1"}}}]})";
        const QByteArray deadline = R"({"activeDeadlineSeconds": 60, "containers": [{"name": "app"}]})";
        const QByteArray critical = R"({"priorityClassName": "critical", "containers": [{"name": "app"}]})";
        QTest::newRow("no scopes") << QByteArray(R"({"hard": {"pods": "1"}})") << burstable << true;
        QTest::newRow("best effort, best effort pod") << QByteArray(R"({"scopes": ["BestEffort"]})") << bestEffort << true;
        QTest::newRow("best effort, burstable pod") << QByteArray(R"({"scopes": ["BestEffort"]})") << burstable << false;
        QTest::newRow("not best effort") << QByteArray(R"({"scopes": ["NotBestEffort"]})") << burstable << true;
        QTest::newRow("terminating") << QByteArray(R"({"scopes": ["Terminating"]})") << deadline << true;
        QTest::newRow("not terminating, deadline") << QByteArray(R"({"scopes": ["NotTerminating"]})") << deadline << false;
        QTest::newRow("scopes are ANDed") << QByteArray(R"({"scopes": ["BestEffort", "NotTerminating"]})") << deadline << false;
        QTest::newRow("priority class in")
            << QByteArray(R"({"scopeSelector": {"matchExpressions": [{"scopeName": "PriorityClass", "operator": "In", "values": ["critical"]}]}})")
            << critical << true;
        QTest::newRow("priority class in, other")
            << QByteArray(R"({"scopeSelector": {"matchExpressions": [{"scopeName": "PriorityClass", "operator": "In", "values": ["critical"]}]}})")
            << bestEffort << false;
        QTest::newRow("priority class does not exist")
            << QByteArray(R"({"scopeSelector": {"matchExpressions": [{"scopeName": "PriorityClass", "operator": "DoesNotExist"}]}})")
            << bestEffort << true;
        QTest::newRow("terminating by selector, does not exist")
            << QByteArray(R"({"scopeSelector": {"matchExpressions": [{"scopeName": "Terminating", "operator": "DoesNotExist"}]}})")
            << deadline << false;
    }

    void scopes()
    {
        QFETCH(QByteArray, quotaSpec);
        QFETCH(QByteArray, podSpec);
        QFETCH(bool, tracked);
        const QJsonObject pod{{QStringLiteral("spec"), QJsonDocument::fromJson(podSpec).object()}};
        QCOMPARE(matchesScopes(QJsonDocument::fromJson(quotaSpec).object(), GroupResource{QString(), QStringLiteral("pods")}, pod), tracked);
    }

    void scopedQuotasTrackOnlyPods()
    {
        const QJsonObject spec = json(R"({"scopes": ["BestEffort"]})");
        QVERIFY(!matchesScopes(spec, GroupResource{QString(), QStringLiteral("configmaps")}, json(R"({"metadata": {"name": "c"}})")));
        QVERIFY(matchesScopes(json(R"({"hard": {"configmaps": "1"}})"), GroupResource{QString(), QStringLiteral("configmaps")}, json("{}")));
    }

    void missingRequestsMessage()
    {
        const QJsonObject pod = json(R"({"spec": {"containers": [
            {"name": "app", "resources": {"requests": {"cpu": "100m"}}},
            {"name": "sidecar"}]}})");
        QCOMPARE(missingRequests(pod, {QStringLiteral("pods"), QStringLiteral("count/pods")}), QString());
        QCOMPARE(missingRequests(pod, {QStringLiteral("requests.cpu"), QStringLiteral("limits.memory")}),
                 QStringLiteral("must specify limits.memory for: app,sidecar; requests.cpu for: sidecar"));
        // Limits alone satisfy a request requirement (requests default to limits).
        const QJsonObject limited = json(R"({"spec": {"containers": [{"name": "app", "resources": {"limits": {"cpu": "1", "memory": "1Gi"}}}]}})");
        QCOMPARE(missingRequests(limited, {QStringLiteral("requests.cpu"), QStringLiteral("memory"), QStringLiteral("limits.cpu")}),
                 QString());
    }

    void exceededAndMessageParts()
    {
        const ResourceList hard{{QStringLiteral("pods"), q("2")}, {QStringLiteral("requests.cpu"), q("1")},
                                {QStringLiteral("configmaps"), q("10")}};
        const ResourceList used{{QStringLiteral("pods"), q("2")}, {QStringLiteral("requests.cpu"), q("500m")},
                                {QStringLiteral("configmaps"), q("3")}};
        ResourceList requested{{QStringLiteral("pods"), q("1")}, {QStringLiteral("requests.cpu"), q("500m")}};
        QCOMPARE(exceeded(hard, used, requested), QStringList{QStringLiteral("pods")});
        requested.insert(QStringLiteral("requests.cpu"), q("600m"));
        const QStringList over = exceeded(hard, used, requested);
        QCOMPARE(over, (QStringList{QStringLiteral("pods"), QStringLiteral("requests.cpu")}));
        QCOMPARE(prettyPrint(requested, over), QStringLiteral("pods=1,requests.cpu=600m"));
        QCOMPARE(prettyPrint(used, over), QStringLiteral("pods=2,requests.cpu=500m"));
        QCOMPARE(prettyPrint(hard, over), QStringLiteral("pods=2,requests.cpu=1"));
        // What a quota does not limit is never exceeded.
        QVERIFY(exceeded(hard, used, {{QStringLiteral("secrets"), q("100")}}).isEmpty());
    }

    void jsonRoundTrip()
    {
        const QJsonObject hard = json(R"({"pods": "10", "requests.memory": "1024Mi", "limits.cpu": "2000m", "bad": "x", "number": 3})");
        const ResourceList list = fromJson(hard);
        QCOMPARE(list.size(), 4);
        QCOMPARE(toJson(list), json(R"({"pods": "10", "requests.memory": "1Gi", "limits.cpu": "2", "number": "3"})"));
    }
};

QTEST_APPLESS_MAIN(tst_ResourceQuota)
#include "tst_resourcequota.moc"
