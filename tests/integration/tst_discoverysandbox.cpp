// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
// Discovery against the SandboxServer: aggregated and unaggregated, ETag disk cache with warm
// start, refresh when a CRD appears.

#include "sandboxfixture.h"

#include "config/kubeconfig.h"
#include "discovery/discovery.h"
#include "net/connection.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace Qluster;

namespace {

std::unique_ptr<Connection> openConnection(const SandboxFixture &fixture)
{
    auto config = Kubeconfig::load(fixture.kubeconfig());
    if (!config)
        return nullptr;
    auto context = config->resolve(config->currentContext());
    if (!context)
        return nullptr;
    auto connection = Connection::create(*context);
    return connection ? std::move(*connection) : nullptr;
}

const Gvr kPods{QString(), QStringLiteral("v1"), QStringLiteral("pods")};
const Gvr kDeployments{QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("deployments")};

} // namespace

class tst_DiscoverySandbox final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aggregatedWithWarmStart();
    void unaggregatedFallback();
    void refreshesWhenCrdAppears();
};

void tst_DiscoverySandbox::aggregatedWithWarmStart()
{
    SandboxFixture fixture;
    QVERIFY2(fixture.error().isEmpty(), qPrintable(fixture.error()));
    auto connection = openConnection(fixture);
    QVERIFY(connection);
    QTemporaryDir cacheDir;
    {
        Discovery discovery(connection.get(), cacheDir.path());
        QVERIFY(!discovery.loadCache()); // nothing cached yet
        QSignalSpy changed(&discovery, &Discovery::snapshotChanged);
        QSignalSpy refreshed(&discovery, &Discovery::refreshed);
        discovery.refresh();
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(changed.size(), 1);
        QVERIFY(discovery.isAggregated());
        const ApiResource *pods = discovery.snapshot().resource(kPods);
        QVERIFY(pods);
        QVERIFY(pods->isListable());
        QVERIFY(pods->namespaced);
        QVERIFY(pods->shortNames.contains(QStringLiteral("po")));
        QVERIFY(pods->subresource(QStringLiteral("log")));
        QVERIFY(discovery.snapshot().resource(kDeployments));
        QVERIFY(QFile::exists(discovery.cacheFile()));
        QCOMPARE(discovery.notModifiedCount(), 0);
    }
    // Warm start: the tree is there before any request, then revalidated with ETags (304).
    Discovery warm(connection.get(), cacheDir.path());
    QSignalSpy changed(&warm, &Discovery::snapshotChanged);
    QVERIFY(warm.loadCache());
    QCOMPARE(changed.size(), 1);
    QVERIFY(warm.snapshot().resource(kPods));
    QSignalSpy refreshed(&warm, &Discovery::refreshed);
    warm.refresh();
    QVERIFY(refreshed.wait(10000));
    QCOMPARE(changed.size(), 1); // nothing changed
    QCOMPARE(warm.notModifiedCount(), 2); // /api and /apis answered 304
}

void tst_DiscoverySandbox::unaggregatedFallback()
{
    SandboxOptions options;
    options.aggregatedDiscovery = false;
    SandboxFixture fixture(options);
    QVERIFY2(fixture.error().isEmpty(), qPrintable(fixture.error()));
    auto connection = openConnection(fixture);
    QVERIFY(connection);
    QTemporaryDir cacheDir;
    Discovery discovery(connection.get(), cacheDir.path());
    QSignalSpy refreshed(&discovery, &Discovery::refreshed);
    discovery.refresh();
    QVERIFY(refreshed.wait(10000));
    QVERIFY(!discovery.isAggregated());
    const ApiResource *pods = discovery.snapshot().resource(kPods);
    QVERIFY(pods);
    QVERIFY(pods->subresource(QStringLiteral("log")));
    QVERIFY(pods->subresource(QStringLiteral("exec")));
    const ApiResource *deployments = discovery.snapshot().resource(kDeployments);
    QVERIFY(deployments);
    QVERIFY(deployments->shortNames.contains(QStringLiteral("deploy")));
    QVERIFY(deployments->subresource(QStringLiteral("scale")));
    // And the same from the cache.
    Discovery warm(connection.get(), cacheDir.path());
    QVERIFY(warm.loadCache());
    QCOMPARE(warm.snapshot(), discovery.snapshot());
}

void tst_DiscoverySandbox::refreshesWhenCrdAppears()
{
    SandboxFixture fixture;
    QVERIFY2(fixture.error().isEmpty(), qPrintable(fixture.error()));
    auto connection = openConnection(fixture);
    QVERIFY(connection);
    QTemporaryDir cacheDir;
    Discovery discovery(connection.get(), cacheDir.path());
    QSignalSpy refreshed(&discovery, &Discovery::refreshed);
    discovery.refresh();
    QVERIFY(refreshed.wait(10000));
    discovery.setWatchChanges(true);
    QTest::qWait(1000); // the CRD and APIService watches list first
    const Gvr widgets{QStringLiteral("example.com"), QStringLiteral("v1"), QStringLiteral("widgets")};
    QVERIFY(!discovery.snapshot().resource(widgets));
    const QByteArray crd = R"(apiVersion: apiextensions.k8s.io/v1
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
      openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
)";
    const KubectlResult r = fixture.kubectl({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")}, crd);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QTRY_VERIFY_WITH_TIMEOUT(discovery.snapshot().resource(widgets), 10000);
    QCOMPARE(discovery.snapshot().resource(widgets)->shortNames, QStringList{QStringLiteral("wd")});
}

QTEST_GUILESS_MAIN(tst_DiscoverySandbox)
#include "tst_discoverysandbox.moc"
