// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "discovery/discoveryparser.h"
#include "testenv.h"
#include "models/resourcetreemodel.h"
#include "models/resourcetreeproxymodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QTest>

QLUSTER_TEST_NEEDS(Qluster::Test::NeedsCorpus)

using namespace Qluster;
using namespace Qluster::Ui;

namespace {

QByteArray readApiFile(const QString &relative)
{
    QFile file(Qluster::Test::corpus(QStringLiteral("/")) + relative);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return file.readAll();
}

ApiResource widget(const QString &version)
{
    ApiResource r;
    r.gvr = Gvr{QStringLiteral("example.com"), version, QStringLiteral("widgets")};
    r.kind = QStringLiteral("Widget");
    r.singular = QStringLiteral("widget");
    r.namespaced = true;
    r.verbs = QStringList{QStringLiteral("get"), QStringLiteral("list"), QStringLiteral("watch")};
    r.shortNames = QStringList{QStringLiteral("wd")};
    return r;
}

/// A cluster as a recent server describes it: aggregated discovery for /apis, core v1 from /api/v1,
/// plus a CRD group example.com served in v1 (preferred) and v1alpha1.
DiscoverySnapshot cluster(bool appsStale = false)
{
    auto groups = DiscoveryParser::parseAggregated(readApiFile(QStringLiteral("discovery/aggregated_v2.json")),
                                                   QStringLiteral("aggregated_v2.json"));
    if (!groups)
        qFatal("%s", qPrintable(groups.error().toString()));
    auto core = DiscoveryParser::parseApiResourceList(readApiFile(QStringLiteral("real-1.22/discovery/api__v1.json")),
                                                      QStringLiteral("api__v1.json"));
    if (!core)
        qFatal("%s", qPrintable(core.error().toString()));
    ApiGroup coreGroup;
    coreGroup.preferredVersion = QStringLiteral("v1");
    coreGroup.versions.append(*core);
    groups->prepend(coreGroup);
    ApiGroup example;
    example.name = QStringLiteral("example.com");
    example.preferredVersion = QStringLiteral("v1");
    example.versions.append(ApiGroupVersion{QStringLiteral("v1"), false, {widget(QStringLiteral("v1"))}});
    example.versions.append(ApiGroupVersion{QStringLiteral("v1alpha1"), false, {widget(QStringLiteral("v1alpha1"))}});
    groups->append(example);
    if (appsStale) {
        for (ApiGroup &g : *groups) {
            if (g.name == QLatin1String("apps")) {
                g.versions[0].stale = true;
                for (ApiResource &r : g.versions[0].resources)
                    r.stale = true;
            }
        }
    }
    return DiscoverySnapshot(*groups);
}

QStringList childTitles(const QAbstractItemModel &model, const QModelIndex &parent)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(parent); ++r)
        out.append(model.index(r, 0, parent).data().toString());
    return out;
}

QModelIndex childNamed(const QAbstractItemModel &model, const QModelIndex &parent, const QString &title)
{
    for (int r = 0; r < model.rowCount(parent); ++r) {
        const QModelIndex i = model.index(r, 0, parent);
        if (i.data().toString() == title)
            return i;
    }
    return QModelIndex();
}

} // namespace

class tst_ResourceTreeModel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void categories();
    void kindsInTheirCategory_data();
    void kindsInTheirCategory();
    void onlyListable();
    void preferredVersionWithOthersReachable();
    void customResourcesByGroup();
    void tooltipHasShortNames();
    void staleMarked();
    void filter_data();
    void filter();
    void refreshKeepsTesterHappy();
};

void tst_ResourceTreeModel::categories()
{
    ResourceTreeModel model(cluster());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(childTitles(model, QModelIndex()),
             (QStringList{QStringLiteral("Workloads"), QStringLiteral("Network"), QStringLiteral("Config & Storage"),
                          QStringLiteral("Access Control"), QStringLiteral("Cluster"),
                          QStringLiteral("Custom Resources")}));
    QVERIFY(!(model.flags(model.index(0, 0)) & Qt::ItemIsSelectable));
}

void tst_ResourceTreeModel::kindsInTheirCategory_data()
{
    QTest::addColumn<int>("category");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("gvr");
    QTest::newRow("Pod") << 0 << "Pod" << "pods.v1";
    QTest::newRow("Deployment") << 0 << "Deployment" << "deployments.v1.apps";
    QTest::newRow("CronJob") << 0 << "CronJob" << "cronjobs.v1.batch";
    QTest::newRow("Service") << 1 << "Service" << "services.v1";
    QTest::newRow("Ingress") << 1 << "Ingress" << "ingresses.v1.networking.k8s.io";
    QTest::newRow("EndpointSlice") << 1 << "EndpointSlice" << "endpointslices.v1.discovery.k8s.io";
    QTest::newRow("ConfigMap") << 2 << "ConfigMap" << "configmaps.v1";
    QTest::newRow("Secret") << 2 << "Secret" << "secrets.v1";
    QTest::newRow("StorageClass") << 2 << "StorageClass" << "storageclasses.v1.storage.k8s.io";
    QTest::newRow("ServiceAccount") << 3 << "ServiceAccount" << "serviceaccounts.v1";
    QTest::newRow("ClusterRole") << 3 << "ClusterRole" << "clusterroles.v1.rbac.authorization.k8s.io";
    QTest::newRow("Node") << 4 << "Node" << "nodes.v1";
    QTest::newRow("Namespace") << 4 << "Namespace" << "namespaces.v1";
    QTest::newRow("CRD") << 4 << "CustomResourceDefinition" << "customresourcedefinitions.v1.apiextensions.k8s.io";
}

void tst_ResourceTreeModel::kindsInTheirCategory()
{
    QFETCH(int, category);
    QFETCH(QString, kind);
    QFETCH(QString, gvr);
    ResourceTreeModel model(cluster());
    const QModelIndex folder = model.index(category, 0);
    const QModelIndex node = childNamed(model, folder, kind);
    QVERIFY2(node.isValid(), qPrintable(childTitles(model, folder).join(QLatin1Char(','))));
    QCOMPARE(node.data(ResourceTreeModel::GvrRole).value<Gvr>().toString(), gvr);
    QVERIFY(node.data(ResourceTreeModel::IsResourceRole).toBool());
    QVERIFY(model.flags(node) & Qt::ItemIsSelectable);
    QCOMPARE(model.indexOf(node.data(ResourceTreeModel::GvrRole).value<Gvr>()), node);
    QCOMPARE(model.resourceAt(node)->kind, kind);
}

void tst_ResourceTreeModel::onlyListable()
{
    ResourceTreeModel model(cluster());
    QVERIFY(!model.indexOf(Gvr{QString(), QStringLiteral("v1"), QStringLiteral("bindings")}).isValid());
    QVERIFY(!model.indexOf(Gvr{QStringLiteral("authentication.k8s.io"), QStringLiteral("v1"),
                               QStringLiteral("tokenreviews")}).isValid());
    QVERIFY(model.indexOf(Gvr{QString(), QStringLiteral("v1"), QStringLiteral("componentstatuses")}).isValid());
}

void tst_ResourceTreeModel::preferredVersionWithOthersReachable()
{
    ResourceTreeModel model(cluster());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QModelIndex hpa = model.indexOf(Gvr{QStringLiteral("autoscaling"), QStringLiteral("v2"),
                                              QStringLiteral("horizontalpodautoscalers")});
    QVERIFY(hpa.isValid());
    QCOMPARE(hpa.data().toString(), QStringLiteral("HorizontalPodAutoscaler"));
    QVERIFY(hpa.data(ResourceTreeModel::PreferredRole).toBool());
    QCOMPARE(childTitles(model, hpa), QStringList{QStringLiteral("v1")});
    const QModelIndex v1 = model.index(0, 0, hpa);
    QCOMPARE(v1.data(ResourceTreeModel::GvrRole).value<Gvr>().version, QStringLiteral("v1"));
    QVERIFY(!v1.data(ResourceTreeModel::PreferredRole).toBool());
    // The kind is listed once, not once per version.
    QCOMPARE(childTitles(model, model.index(2, 0)).count(QStringLiteral("HorizontalPodAutoscaler")), 1);
}

void tst_ResourceTreeModel::customResourcesByGroup()
{
    ResourceTreeModel model(cluster());
    const QModelIndex custom = model.index(5, 0);
    QCOMPARE(childTitles(model, custom), QStringList{QStringLiteral("example.com")});
    const QModelIndex group = model.index(0, 0, custom);
    QCOMPARE(group.data(ResourceTreeModel::GroupRole).toString(), QStringLiteral("example.com"));
    QCOMPARE(childTitles(model, group), QStringList{QStringLiteral("Widget")});
    const QModelIndex widgetNode = model.index(0, 0, group);
    QCOMPARE(widgetNode.data(ResourceTreeModel::GvrRole).value<Gvr>().version, QStringLiteral("v1"));
    QCOMPARE(childTitles(model, widgetNode), QStringList{QStringLiteral("v1alpha1")});
    QCOMPARE(ResourceTreeModel::categoryOf(QStringLiteral("gateway.networking.k8s.io"), QStringLiteral("gateways")),
             ResourceTreeModel::Category::Custom);
}

void tst_ResourceTreeModel::tooltipHasShortNames()
{
    ResourceTreeModel model(cluster());
    const QModelIndex deploy = model.indexOf(Gvr{QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("deployments")});
    const QString tip = deploy.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QLatin1String("deploy")), qPrintable(tip));
    QVERIFY(tip.contains(QLatin1String("apps/v1")));
    const QModelIndex crd = model.indexOf(Gvr{QStringLiteral("apiextensions.k8s.io"), QStringLiteral("v1"),
                                              QStringLiteral("customresourcedefinitions")});
    QVERIFY(crd.data(Qt::ToolTipRole).toString().contains(QLatin1String("crd, crds")));
    QCOMPARE(crd.data(ResourceTreeModel::ShortNamesRole).toStringList(),
             (QStringList{QStringLiteral("crd"), QStringLiteral("crds")}));
}

void tst_ResourceTreeModel::staleMarked()
{
    ResourceTreeModel model(cluster(true));
    const QModelIndex deploy = model.indexOf(Gvr{QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("deployments")});
    QVERIFY(deploy.isValid()); // marked, not hidden
    QVERIFY(deploy.data(ResourceTreeModel::StaleRole).toBool());
    QCOMPARE(deploy.data().toString(), QStringLiteral("Deployment (stale)"));
}

void tst_ResourceTreeModel::filter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("mustShow");
    QTest::addColumn<QStringList>("mustHide");
    QTest::newRow("kind") << "deployment" << QStringList{QStringLiteral("Deployment")}
                          << QStringList{QStringLiteral("Pod"), QStringLiteral("Service")};
    QTest::newRow("short name") << "svc" << QStringList{QStringLiteral("Service")}
                                << QStringList{QStringLiteral("Deployment")};
    QTest::newRow("short cm") << "cm" << QStringList{QStringLiteral("ConfigMap")}
                              << QStringList{QStringLiteral("Secret")};
    QTest::newRow("group") << "rbac" << QStringList{QStringLiteral("Role"), QStringLiteral("ClusterRoleBinding")}
                           << QStringList{QStringLiteral("ServiceAccount"), QStringLiteral("Pod")};
    QTest::newRow("custom group") << "example.com" << QStringList{QStringLiteral("Widget"), QStringLiteral("v1alpha1")}
                                  << QStringList{QStringLiteral("Pod")};
    QTest::newRow("custom short") << "wd" << QStringList{QStringLiteral("Widget")}
                                  << QStringList{QStringLiteral("Deployment")};
}

void tst_ResourceTreeModel::filter()
{
    QFETCH(QString, text);
    QFETCH(QStringList, mustShow);
    QFETCH(QStringList, mustHide);
    ResourceTreeModel model(cluster());
    ResourceTreeProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.setFilterText(text);
    QStringList shown;
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int r = 0; r < proxy.rowCount(parent); ++r) {
            const QModelIndex i = proxy.index(r, 0, parent);
            if (i.data(ResourceTreeModel::IsResourceRole).toBool())
                shown.append(i.data().toString());
            walk(i);
        }
    };
    walk(QModelIndex());
    for (const QString &s : mustShow)
        QVERIFY2(shown.contains(s), qPrintable(s + QStringLiteral(" missing from ") + shown.join(QLatin1Char(','))));
    for (const QString &s : mustHide)
        QVERIFY2(!shown.contains(s), qPrintable(s + QStringLiteral(" shown for ") + text));
    proxy.setFilterText(QString());
    QCOMPARE(proxy.rowCount(), 6);
}

void tst_ResourceTreeModel::refreshKeepsTesterHappy()
{
    ResourceTreeModel model(cluster());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSnapshot(cluster(true));
    QVERIFY(model.indexOf(Gvr{QStringLiteral("example.com"), QStringLiteral("v1"), QStringLiteral("widgets")}).isValid());
    model.setSnapshot(DiscoverySnapshot());
    QCOMPARE(model.rowCount(model.index(5, 0)), 0);
}

QTEST_MAIN(tst_ResourceTreeModel)
#include "tst_resourcetreemodel.moc"
