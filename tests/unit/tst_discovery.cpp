// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "discovery/discoveryparser.h"
#include "testenv.h"
#include "discovery/discoverysnapshot.h"

#include <QFile>
#include <QTest>

QLUSTER_TEST_NEEDS(Qluster::Test::NeedsCorpus)

using namespace Qluster;

namespace {

QByteArray readApiFile(const QString &relative)
{
    QFile file(Qluster::Test::corpus(QStringLiteral("/")) + relative);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return file.readAll();
}

QStringList sl(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *s : items)
        out.append(QString::fromLatin1(s));
    return out;
}

DiscoverySnapshot unaggregated122()
{
    const QString dir = QStringLiteral("real-1.22/discovery/");
    auto versions = DiscoveryParser::parseApiVersions(readApiFile(dir + QStringLiteral("api.json")),
                                                      QStringLiteral("api.json"));
    if (!versions)
        qFatal("%s", qPrintable(versions.error().toString()));
    QList<ApiGroup> groups;
    ApiGroup core;
    core.preferredVersion = versions->first();
    auto v1 = DiscoveryParser::parseApiResourceList(readApiFile(dir + QStringLiteral("api__v1.json")),
                                                    QStringLiteral("api__v1.json"));
    if (!v1)
        qFatal("%s", qPrintable(v1.error().toString()));
    core.versions.append(*v1);
    groups.append(core);
    auto list = DiscoveryParser::parseApiGroupList(readApiFile(dir + QStringLiteral("apis.json")),
                                                   QStringLiteral("apis.json"));
    if (!list)
        qFatal("%s", qPrintable(list.error().toString()));
    for (ApiGroup g : *list) {
        for (ApiGroupVersion &v : g.versions) {
            const QString file = dir + QStringLiteral("apis__") + g.name + QStringLiteral("__")
                                 + v.version + QStringLiteral(".json");
            if (!QFile::exists(Qluster::Test::corpus(QStringLiteral("/")) + file))
                continue; // only some group-versions were captured
            auto parsed = DiscoveryParser::parseApiResourceList(readApiFile(file), file);
            if (!parsed)
                qFatal("%s", qPrintable(parsed.error().toString()));
            v.resources = parsed->resources;
        }
        groups.append(g);
    }
    return DiscoverySnapshot(groups);
}

} // namespace

class tst_Discovery final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aggregatedGroups();
    void aggregatedResources_data();
    void aggregatedResources();
    void aggregatedSubresources();
    void aggregatedStale();
    void aggregatedRejectsOtherDocuments();
    void unaggregatedResources_data();
    void unaggregatedResources();
    void unaggregatedSubresources();
    void unaggregatedGroupList();
    void parseErrorHasPosition();
    void findLikeKubectl_data();
    void findLikeKubectl();
    void versionsOf();
};

void tst_Discovery::aggregatedGroups()
{
    auto groups = DiscoveryParser::parseAggregated(readApiFile(QStringLiteral("discovery/aggregated_v2.json")),
                                                   QStringLiteral("aggregated_v2.json"));
    if (!groups)
        QFAIL(qPrintable(groups.error().toString()));
    QCOMPARE(groups->size(), 22);
    const DiscoverySnapshot snapshot(*groups);
    const ApiGroup *autoscaling = snapshot.group(QStringLiteral("autoscaling"));
    QVERIFY(autoscaling);
    QCOMPARE(autoscaling->preferredVersion, QStringLiteral("v2"));
    QCOMPARE(autoscaling->versions.size(), 2);
    const ApiGroup *authn = snapshot.group(QStringLiteral("authentication.k8s.io"));
    QVERIFY(authn);
    QCOMPARE(authn->preferredVersion, QStringLiteral("v1"));
    QCOMPARE(authn->versions.size(), 3);
    QVERIFY(!snapshot.group(QStringLiteral("")));
}

void tst_Discovery::aggregatedResources_data()
{
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("resource");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("singular");
    QTest::addColumn<bool>("namespaced");
    QTest::addColumn<QStringList>("verbs");
    QTest::addColumn<QStringList>("shortNames");
    QTest::addColumn<QStringList>("categories");

    const QStringList all = sl({"create", "delete", "deletecollection", "get", "list", "patch",
                                "update", "watch"});
    QTest::newRow("deployments") << "apps" << "v1" << "deployments" << "Deployment" << "deployment"
                                 << true << all << sl({"deploy"}) << sl({"all"});
    QTest::newRow("daemonsets") << "apps" << "v1" << "daemonsets" << "DaemonSet" << "daemonset" << true
                                << all << sl({"ds"}) << sl({"all"});
    QTest::newRow("apiservices") << "apiregistration.k8s.io" << "v1" << "apiservices" << "APIService"
                                 << "apiservice" << false << all << QStringList()
                                 << sl({"api-extensions"});
    QTest::newRow("crds") << "apiextensions.k8s.io" << "v1" << "customresourcedefinitions"
                          << "CustomResourceDefinition" << "customresourcedefinition" << false << all
                          << sl({"crd", "crds"}) << sl({"api-extensions"});
    QTest::newRow("tokenreviews") << "authentication.k8s.io" << "v1" << "tokenreviews" << "TokenReview"
                                  << "tokenreview" << false << sl({"create"}) << QStringList()
                                  << QStringList();
}

void tst_Discovery::aggregatedResources()
{
    QFETCH(QString, group);
    QFETCH(QString, version);
    QFETCH(QString, resource);
    auto groups = DiscoveryParser::parseAggregated(readApiFile(QStringLiteral("discovery/aggregated_v2.json")),
                                                   QStringLiteral("aggregated_v2.json"));
    if (!groups)
        QFAIL(qPrintable(groups.error().toString()));
    const DiscoverySnapshot snapshot(*groups);
    const ApiResource *r = snapshot.resource(Gvr{group, version, resource});
    QVERIFY(r);
    QTEST(r->kind, "kind");
    QTEST(r->singular, "singular");
    QTEST(r->namespaced, "namespaced");
    QTEST(r->verbs, "verbs");
    QTEST(r->shortNames, "shortNames");
    QTEST(r->categories, "categories");
    QVERIFY(!r->stale);
}

void tst_Discovery::aggregatedSubresources()
{
    auto groups = DiscoveryParser::parseAggregated(readApiFile(QStringLiteral("discovery/aggregated_v2.json")),
                                                   QStringLiteral("aggregated_v2.json"));
    if (!groups)
        QFAIL(qPrintable(groups.error().toString()));
    const DiscoverySnapshot snapshot(*groups);
    const ApiResource *deploy = snapshot.resource(
        Gvr{QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("deployments")});
    QVERIFY(deploy);
    const ApiSubresource *scale = deploy->subresource(QStringLiteral("scale"));
    QVERIFY(scale);
    QCOMPARE(scale->responseKind,
             (Gvk{QStringLiteral("autoscaling"), QStringLiteral("v1"), QStringLiteral("Scale")}));
    QCOMPARE(scale->verbs, sl({"get", "patch", "update"}));
    const ApiSubresource *status = deploy->subresource(QStringLiteral("status"));
    QVERIFY(status);
    QCOMPARE(status->responseKind,
             (Gvk{QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("Deployment")}));
    QVERIFY(!deploy->subresource(QStringLiteral("log")));
}

void tst_Discovery::aggregatedStale()
{
    QByteArray doc = readApiFile(QStringLiteral("discovery/aggregated_v2.json"));
    // Mark one group-version stale the way an unreachable aggregated APIService is reported.
    const QByteArray marker = "\"name\": \"apps\"";
    const qsizetype at = doc.indexOf(marker);
    QVERIFY(at > 0);
    const qsizetype fresh = doc.indexOf("\"freshness\": \"Current\"", at);
    QVERIFY(fresh > at);
    doc.replace(fresh, qstrlen("\"freshness\": \"Current\""), "\"freshness\": \"Stale\"");
    auto groups = DiscoveryParser::parseAggregated(doc, QStringLiteral("stale"));
    if (!groups)
        QFAIL(qPrintable(groups.error().toString()));
    const DiscoverySnapshot snapshot(*groups);
    const ApiGroup *apps = snapshot.group(QStringLiteral("apps"));
    QVERIFY(apps);
    QVERIFY(apps->versions.first().stale);
    const ApiResource *deploy = snapshot.resource(
        Gvr{QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("deployments")});
    QVERIFY(deploy);
    QVERIFY(deploy->stale); // marked, not hidden
    QVERIFY(!snapshot.group(QStringLiteral("batch"))->versions.first().stale);
}

void tst_Discovery::aggregatedRejectsOtherDocuments()
{
    auto r = DiscoveryParser::parseAggregated(readApiFile(QStringLiteral("real-1.22/discovery/apis.json")),
                                              QStringLiteral("apis.json"));
    QVERIFY(!r);
    QCOMPARE(r.error().kind, Error::Kind::Parse);
}

void tst_Discovery::unaggregatedResources_data()
{
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("resource");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("namespaced");
    QTest::addColumn<bool>("listable");
    QTest::addColumn<QStringList>("shortNames");
    QTest::addColumn<QStringList>("categories");

    QTest::newRow("pods") << "" << "pods" << "Pod" << true << true << sl({"po"}) << sl({"all"});
    QTest::newRow("configmaps") << "" << "configmaps" << "ConfigMap" << true << true << sl({"cm"})
                                << QStringList();
    QTest::newRow("namespaces") << "" << "namespaces" << "Namespace" << false << true << sl({"ns"})
                                << QStringList();
    QTest::newRow("bindings") << "" << "bindings" << "Binding" << true << false << QStringList()
                              << QStringList();
    QTest::newRow("deployments") << "apps" << "deployments" << "Deployment" << true << true
                                 << sl({"deploy"}) << sl({"all"});
    QTest::newRow("cronjobs") << "batch" << "cronjobs" << "CronJob" << true << true << sl({"cj"})
                              << sl({"all"});
    QTest::newRow("crds") << "apiextensions.k8s.io" << "customresourcedefinitions"
                          << "CustomResourceDefinition" << false << true << sl({"crd", "crds"})
                          << sl({"api-extensions"});
    QTest::newRow("clusterroles") << "rbac.authorization.k8s.io" << "clusterroles" << "ClusterRole"
                                  << false << true << QStringList() << QStringList();
    QTest::newRow("ingresses") << "networking.k8s.io" << "ingresses" << "Ingress" << true << true
                               << sl({"ing"}) << QStringList();
}

void tst_Discovery::unaggregatedResources()
{
    QFETCH(QString, group);
    QFETCH(QString, resource);
    const DiscoverySnapshot snapshot = unaggregated122();
    const ApiResource *r = snapshot.resource(Gvr{group, QStringLiteral("v1"), resource});
    QVERIFY(r);
    QTEST(r->kind, "kind");
    QTEST(r->namespaced, "namespaced");
    QTEST(r->isListable(), "listable");
    QTEST(r->shortNames, "shortNames");
    QTEST(r->categories, "categories");
    QCOMPARE(r->singular, r->kind.toLower()); // 1.22 sends singularName ""
}

void tst_Discovery::unaggregatedSubresources()
{
    const DiscoverySnapshot snapshot = unaggregated122();
    const ApiResource *pods = snapshot.resource(Gvr{QString(), QStringLiteral("v1"), QStringLiteral("pods")});
    QVERIFY(pods);
    QStringList names;
    for (const ApiSubresource &s : pods->subresources)
        names.append(s.name);
    QVERIFY2(names.contains(QStringLiteral("log")), qPrintable(names.join(QLatin1Char(','))));
    QVERIFY(names.contains(QStringLiteral("exec")));
    QVERIFY(names.contains(QStringLiteral("status")));
    QVERIFY(names.contains(QStringLiteral("portforward")));
    QCOMPARE(pods->subresource(QStringLiteral("log"))->verbs, sl({"get"}));
    // "pods/log" is not a resource of its own
    QVERIFY(!snapshot.resource(Gvr{QString(), QStringLiteral("v1"), QStringLiteral("pods/log")}));
    const ApiResource *deploy = snapshot.resource(
        Gvr{QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("deployments")});
    QVERIFY(deploy);
    QCOMPARE(deploy->subresource(QStringLiteral("scale"))->responseKind,
             (Gvk{QStringLiteral("autoscaling"), QStringLiteral("v1"), QStringLiteral("Scale")}));
    QCOMPARE(deploy->subresource(QStringLiteral("status"))->responseKind,
             (Gvk{QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("Deployment")}));
}

void tst_Discovery::unaggregatedGroupList()
{
    auto groups = DiscoveryParser::parseApiGroupList(readApiFile(QStringLiteral("real-1.22/discovery/apis.json")),
                                                     QStringLiteral("apis.json"));
    if (!groups)
        QFAIL(qPrintable(groups.error().toString()));
    const DiscoverySnapshot snapshot(*groups);
    const ApiGroup *events = snapshot.group(QStringLiteral("events.k8s.io"));
    QVERIFY(events);
    QCOMPARE(events->preferredVersion, QStringLiteral("v1"));
    QCOMPARE(events->versions.size(), 2);
    QCOMPARE(events->versions.at(1).version, QStringLiteral("v1beta1"));
}

void tst_Discovery::parseErrorHasPosition()
{
    auto r = DiscoveryParser::parseApiResourceList(QByteArrayLiteral("{\n  \"kind\": \"APIResourceList\",\n  x\n}"),
                                                   QStringLiteral("bad.json"));
    QVERIFY(!r);
    QCOMPARE(r.error().kind, Error::Kind::Parse);
    QCOMPARE(r.error().file, QStringLiteral("bad.json"));
    QCOMPARE(r.error().line, 3);
}

void tst_Discovery::findLikeKubectl_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("expected"); // Gvr::toString or empty

    QTest::newRow("plural") << "pods" << "pods.v1";
    QTest::newRow("singular") << "pod" << "pods.v1";
    QTest::newRow("short") << "po" << "pods.v1";
    QTest::newRow("kind") << "Deployment" << "deployments.v1.apps";
    QTest::newRow("short deploy") << "deploy" << "deployments.v1.apps";
    QTest::newRow("qualified") << "deployments.apps" << "deployments.v1.apps";
    QTest::newRow("fully qualified") << "cronjobs.v1.batch" << "cronjobs.v1.batch";
    QTest::newRow("core events wins") << "events" << "events.v1";
    QTest::newRow("dotted group") << "clusterroles.rbac.authorization.k8s.io"
                                 << "clusterroles.v1.rbac.authorization.k8s.io";
    QTest::newRow("wrong group") << "pods.apps" << "";
    QTest::newRow("unknown") << "widgets" << "";
}

void tst_Discovery::findLikeKubectl()
{
    QFETCH(QString, typed);
    QFETCH(QString, expected);
    const DiscoverySnapshot snapshot = unaggregated122();
    const ApiResource *r = snapshot.find(typed);
    QCOMPARE(r ? r->gvr.toString() : QString(), expected);
}

void tst_Discovery::versionsOf()
{
    auto groups = DiscoveryParser::parseAggregated(readApiFile(QStringLiteral("discovery/aggregated_v2.json")),
                                                   QStringLiteral("aggregated_v2.json"));
    if (!groups)
        QFAIL(qPrintable(groups.error().toString()));
    const DiscoverySnapshot snapshot(*groups);
    const QList<ApiResource> hpa = snapshot.versionsOf(QStringLiteral("autoscaling"),
                                                       QStringLiteral("horizontalpodautoscalers"));
    QCOMPARE(hpa.size(), 2);
    QCOMPARE(hpa.at(0).gvr.version, QStringLiteral("v2"));
    QCOMPARE(hpa.at(1).gvr.version, QStringLiteral("v1"));
    int preferredHpa = 0;
    for (const ApiResource &r : snapshot.preferredResources()) {
        if (r.gvr.resource == QLatin1String("horizontalpodautoscalers"))
            ++preferredHpa;
    }
    QCOMPARE(preferredHpa, 1);
}

QTEST_GUILESS_MAIN(tst_Discovery)
#include "tst_discovery.moc"
