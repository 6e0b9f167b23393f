// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
// Discovery against the SandboxServer: aggregated and unaggregated, ETag disk cache with warm
// start, refresh when a CRD or an APIService appears, watches the user may not open; and against
// a loopback server replaying a real kube-apiserver's unaggregated documents, a group-version
// that fails.

#include "loopbackserver.h"
#include "testenv.h"
#include "sandboxfixture.h"

#include "config/kubeconfig.h"
#include "discovery/discovery.h"
#include "net/connection.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

QLUSTER_TEST_NEEDS(Qluster::Test::NeedsCorpus | Qluster::Test::NeedsKubectl)

using namespace Qluster;

namespace {

std::unique_ptr<Connection> openConnection(const SandboxFixture &fixture,
                                           const QString &contextName = QString())
{
    auto config = Kubeconfig::load(fixture.kubeconfig());
    if (!config)
        return nullptr;
    auto context = config->resolve(contextName.isEmpty() ? config->currentContext() : contextName);
    if (!context)
        return nullptr;
    auto connection = Connection::create(*context);
    return connection ? std::move(*connection) : nullptr;
}

const Gvr kPods{QString(), QStringLiteral("v1"), QStringLiteral("pods")};
const Gvr kDeployments{QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("deployments")};
const Gvr kCrds{QStringLiteral("apiextensions.k8s.io"), QStringLiteral("v1"),
                QStringLiteral("customresourcedefinitions")};
const Gvr kApiServices{QStringLiteral("apiregistration.k8s.io"), QStringLiteral("v1"),
                       QStringLiteral("apiservices")};

QByteArray realDocument(const QByteArray &path)
{
    // /apis/apps/v1 is stored as apis__apps__v1.json.
    QByteArray name = path.mid(1);
    name.replace('/', "__");
    QFile file(Qluster::Test::corpus(QStringLiteral("/real-1.22/discovery/")) + QString::fromLatin1(name)
               + QStringLiteral(".json"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class tst_DiscoverySandbox final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aggregatedWithWarmStart();
    void unaggregatedFallback();
    void refreshesWhenCrdAppears();
    void refreshesWhenApiServiceAppears_data();
    void refreshesWhenApiServiceAppears();
    void refusedWatchIsGivenUp();
    void failedGroupVersionKeepsItsKindsMarkedStale();
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
    // Both watches list first: CRDs and APIServices, which the sandbox serves as a real server.
    QTRY_VERIFY_WITH_TIMEOUT(discovery.isWatching(kCrds), 10000);
    QVERIFY(discovery.snapshot().resource(kApiServices));
    QTRY_VERIFY_WITH_TIMEOUT(discovery.isWatching(kApiServices), 10000);
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

void tst_DiscoverySandbox::refreshesWhenApiServiceAppears_data()
{
    QTest::addColumn<bool>("aggregated");
    QTest::newRow("aggregated discovery") << true;
    QTest::newRow("unaggregated discovery") << false;
}

// An APIService whose aggregated API server is missing: discovery refreshes by itself and shows
// its group-version stale and empty (freshness: Stale, or a 503 for the unaggregated document).
void tst_DiscoverySandbox::refreshesWhenApiServiceAppears()
{
    QFETCH(bool, aggregated);
    SandboxOptions options;
    options.aggregatedDiscovery = aggregated;
    SandboxFixture fixture(options);
    QVERIFY2(fixture.error().isEmpty(), qPrintable(fixture.error()));
    auto connection = openConnection(fixture);
    QVERIFY(connection);
    QTemporaryDir cacheDir;
    Discovery discovery(connection.get(), cacheDir.path());
    QSignalSpy refreshed(&discovery, &Discovery::refreshed);
    discovery.refresh();
    QVERIFY(refreshed.wait(10000));
    QCOMPARE(discovery.isAggregated(), aggregated);
    discovery.setWatchChanges(true);
    QTRY_VERIFY_WITH_TIMEOUT(discovery.isWatching(kApiServices), 10000);
    QVERIFY(!discovery.snapshot().group(QStringLiteral("metrics.k8s.io")));
    const int refreshesBefore = int(refreshed.size());
    const QByteArray apiService = R"(apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata:
  name: v1beta1.metrics.k8s.io
spec:
  group: metrics.k8s.io
  version: v1beta1
  service: {namespace: kube-system, name: metrics-server, port: 443}
  groupPriorityMinimum: 100
  versionPriority: 100
)";
    KubectlResult r = fixture.kubectl({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")}, apiService);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    // No refresh() here: the APIService watch starts it.
    QTRY_VERIFY_WITH_TIMEOUT(discovery.snapshot().group(QStringLiteral("metrics.k8s.io")), 10000);
    QVERIFY(refreshed.size() > refreshesBefore);
    const ApiGroup *metrics = discovery.snapshot().group(QStringLiteral("metrics.k8s.io"));
    QCOMPARE(metrics->versions.size(), 1);
    QCOMPARE(metrics->versions.first().version, QStringLiteral("v1beta1"));
    QVERIFY(metrics->versions.first().stale);
    QVERIFY(metrics->versions.first().resources.isEmpty());
    // The served group-versions are not affected.
    QVERIFY(discovery.snapshot().resource(kDeployments));
    QVERIFY(!discovery.snapshot().group(QStringLiteral("apps"))->versions.first().stale);

    // Deleting the APIService removes the group again.
    r = fixture.kubectl({QStringLiteral("delete"), QStringLiteral("apiservice"), QStringLiteral("v1beta1.metrics.k8s.io")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QTRY_VERIFY_WITH_TIMEOUT(!discovery.snapshot().group(QStringLiteral("metrics.k8s.io")), 10000);
}

void tst_DiscoverySandbox::refusedWatchIsGivenUp()
{
    SandboxFixture fixture;
    QVERIFY2(fixture.error().isEmpty(), qPrintable(fixture.error()));
    // The viewer may read pods only, not CRDs: discovery works, the CRD watch is given up.
    const KubectlResult narrowed = fixture.kubectl(
        {QStringLiteral("patch"), QStringLiteral("clusterrole"), QStringLiteral("view"),
         QStringLiteral("--type=merge"),
         QStringLiteral(R"(-p={"rules":[{"apiGroups":[""],"resources":["pods"],"verbs":["get","list","watch"]}]})")});
    QVERIFY2(narrowed.exitCode == 0, qPrintable(narrowed.err));
    auto connection = openConnection(fixture, QStringLiteral("sandbox-viewer"));
    QVERIFY(connection);
    QTemporaryDir cacheDir;
    Discovery discovery(connection.get(), cacheDir.path());
    discovery.setWatchChanges(true);
    QSignalSpy refreshed(&discovery, &Discovery::refreshed);
    int crdRequests = 0;
    QObject::connect(fixture.sandbox().server(), &SandboxServer::requestHandled, &discovery,
                     [&crdRequests](const QString &, const QString &path, int status) {
                         if (path.contains(QLatin1String("customresourcedefinitions")))
                             crdRequests += status == 403 ? 1 : 1000;
                     });
    discovery.refresh();
    QVERIFY(refreshed.wait(10000));
    QVERIFY(discovery.snapshot().resource(kCrds));
    // Given up after the one refusal: no cache is left to retry it.
    QTRY_VERIFY_WITH_TIMEOUT(discovery.isWatchRefused(kCrds), 10000);
    QCOMPARE(crdRequests, 1);
    QVERIFY(!discovery.isWatching(kCrds));
    QVERIFY(!discovery.isWatchRefused(kPods));
}

void tst_DiscoverySandbox::failedGroupVersionKeepsItsKindsMarkedStale()
{
    // A real v1.22 server's unaggregated documents; groups whose document was not captured get 404.
    LoopbackServer server;
    bool appsDown = false;
    server.setHandler([&appsDown](const LoopbackServer::Request &request, LoopbackServer::Exchange &exchange) {
        const QByteArray path = request.path();
        if (path == "/apis/apps/v1" && appsDown) {
            exchange.replyJson(503, R"({"kind":"Status","apiVersion":"v1","status":"Failure",)"
                                    R"("message":"service unavailable","reason":"ServiceUnavailable","code":503})");
            return;
        }
        const QByteArray body = realDocument(path);
        if (body.isEmpty()) {
            exchange.replyJson(404, R"({"kind":"Status","apiVersion":"v1","status":"Failure",)"
                                    R"("message":"the server could not find the requested resource",)"
                                    R"("reason":"NotFound","code":404})");
            return;
        }
        exchange.replyJson(200, body);
    });
    QVERIFY(server.listen());
    ResolvedContext context;
    context.contextName = QStringLiteral("real");
    context.cluster.name = QStringLiteral("real");
    context.cluster.server = server.url().toString();
    context.user.name = QStringLiteral("anonymous");
    ConnectionOptions options;
    options.retryBaseDelayMs = 1;
    auto connection = Connection::create(context, options);
    QVERIFY2(connection, qPrintable(connection ? QString() : connection.error().toString()));
    QTemporaryDir cacheDir;
    Discovery discovery(connection->get(), cacheDir.path());
    QSignalSpy refreshed(&discovery, &Discovery::refreshed);
    discovery.refresh();
    QVERIFY(refreshed.wait(10000));
    QVERIFY(!discovery.isAggregated());
    QVERIFY(discovery.snapshot().resource(kDeployments));
    const auto versionOf = [&discovery](const QString &group) -> const ApiGroupVersion * {
        const ApiGroup *g = discovery.snapshot().group(group);
        return g && !g->versions.isEmpty() ? &g->versions.first() : nullptr;
    };
    QVERIFY(versionOf(QStringLiteral("apps")));
    QVERIFY(!versionOf(QStringLiteral("apps"))->stale);
    // A group whose document the server does not give is there, stale and empty.
    QVERIFY(versionOf(QStringLiteral("policy")));
    QVERIFY(versionOf(QStringLiteral("policy"))->stale);
    QVERIFY(versionOf(QStringLiteral("policy"))->resources.isEmpty());

    // apps/v1 fails now: its kinds stay, marked stale; the rest is unchanged.
    appsDown = true;
    QSignalSpy changed(&discovery, &Discovery::snapshotChanged);
    discovery.refresh();
    QVERIFY(refreshed.wait(10000));
    QCOMPARE(changed.size(), 1);
    QVERIFY(discovery.snapshot().resource(kDeployments));
    QVERIFY(versionOf(QStringLiteral("apps"))->stale);
    QVERIFY(discovery.snapshot().resource(kPods));

    // And it recovers.
    appsDown = false;
    discovery.refresh();
    QVERIFY(refreshed.wait(10000));
    QVERIFY(!versionOf(QStringLiteral("apps"))->stale);
    QVERIFY(discovery.snapshot().resource(kDeployments));
}

QTEST_GUILESS_MAIN(tst_DiscoverySandbox)
#include "tst_discoverysandbox.moc"
