// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
// The informer against the SandboxServer over real HTTPS (and plain HTTP), changed by real kubectl,
// seen through the table model the explorer shows.

#include "fetch.h"
#include "testenv.h"
#include "loopbackserver.h"
#include "sandboxfixture.h"

#include "api/listpage.h"
#include "cache/connectionlistwatcher.h"
#include "cache/resourcecache.h"
#include "cache/resourcecacheregistry.h"
#include "config/kubeconfig.h"
#include "models/resourcetablemodel.h"
#include "net/connection.h"

#include <QAbstractItemModelTester>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

QLUSTER_TEST_NEEDS(Qluster::Test::NeedsKubectl)

using namespace Qluster;

namespace {

const Gvr kConfigMaps{QString(), QStringLiteral("v1"), QStringLiteral("configmaps")};
const Gvr kPods{QString(), QStringLiteral("v1"), QStringLiteral("pods")};

QStringList storeNames(const ResourceCache &cache, const QString &prefix)
{
    QStringList out;
    for (const ResourceObject &o : cache.store().objects())
        out.append(prefix + o.metadata.name);
    out.sort();
    return out;
}

/// The rows the user sees, as `kubectl get -o name` prints them (sorted).
QStringList rowNames(const Qluster::Ui::ResourceTableModel &model, const QString &prefix)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(prefix + model.index(row, 0).data(Qluster::Ui::ResourceTableModel::NameRole).toString());
    out.sort();
    return out;
}

QStringList kubectlNames(const KubectlResult &r)
{
    QStringList out = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    out.sort();
    return out;
}

/// RecordingListWatcher passes every call to another ListWatcher and writes down, in order, when
/// each list page was requested ("request 2"), when its head was seen ("head 2", once per
/// growth) and when its body or error arrived ("body 2", "error 2").
class RecordingListWatcher final : public ListWatcher
{
public:
    RecordingListWatcher(std::unique_ptr<ListWatcher> inner, QStringList *log) // log: not owned
        : m_inner(std::move(inner))
        , m_log(log)
    {
    }

    QStringList continueTokens;

    Handle list(const ListOptions &options, ListDone done, ListHead head) override
    {
        const int page = m_pages++;
        QStringList *log = m_log;
        log->append(QStringLiteral("request %1").arg(page));
        continueTokens.append(options.continueToken);
        ListHead recordedHead;
        if (head) {
            recordedHead = [log, page, head = std::move(head)](const QByteArray &bytes) {
                log->append(QStringLiteral("head %1").arg(page));
                head(bytes);
            };
        }
        return m_inner->list(
            options,
            [log, page, done = std::move(done)](Result<QByteArray> body) {
                log->append((body ? QStringLiteral("body %1") : QStringLiteral("error %1")).arg(page));
                done(std::move(body));
            },
            std::move(recordedHead));
    }
    Handle watch(const WatchOptions &options, WatchData data, WatchDone done) override
    {
        return m_inner->watch(options, std::move(data), std::move(done));
    }

private:
    std::unique_ptr<ListWatcher> m_inner;
    QStringList *m_log;
    int m_pages = 0;
};

} // namespace

class tst_ResourceCacheSandbox final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void tableColumnsFromServer();
    void kubectlChangesReachTheTable();
    void faultsEndEqualToKubectl();
    void pagedListIsOneSnapshotAndRestartsWhenExpired();
    void pagesOverlapUnderLatency();
    void pagesTravelWhileTheBodyBeforeThemDownloads();
    void interruptedFirstListEndsCurrent();
    void silentWatchIsReestablished();
    void registrySharesOneWatch();
    void largeListsAreStreamedEnvelopeFirst();
    void manyWatchesOverPlainHttpDoNotStarveGets();

private:
    std::unique_ptr<ResourceCache> openCache(const Gvr &gvr, const QString &ns, Connection *connection = nullptr,
                                             int pageSize = 0);
    void kubectlOk(const QStringList &args);
    void createConfigMap(const QString &ns, const QString &name);

    std::unique_ptr<SandboxFixture> m_fixture;
    std::unique_ptr<Connection> m_connection;
};

void tst_ResourceCacheSandbox::initTestCase()
{
    m_fixture = std::make_unique<SandboxFixture>();
    QVERIFY2(m_fixture->error().isEmpty(), qPrintable(m_fixture->error()));
    auto config = Kubeconfig::load(m_fixture->kubeconfig());
    if (!config)
        QFAIL(qPrintable(config.error().toString()));
    auto context = config->resolve(config->currentContext());
    if (!context)
        QFAIL(qPrintable(context.error().toString()));
    ConnectionOptions options;
    options.maxRetries = 1;
    options.retryBaseDelayMs = 20;
    auto connection = Connection::create(*context, options);
    if (!connection)
        QFAIL(qPrintable(connection.error().toString()));
    m_connection = std::move(*connection);
    for (const char *ns : {"live", "faults", "paged", "prepared", "latency"}) {
        const QJsonObject created = m_fixture->create(QJsonObject{
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Namespace")},
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QString::fromLatin1(ns)}}}});
        QVERIFY(!created.isEmpty());
    }
}

void tst_ResourceCacheSandbox::cleanupTestCase()
{
    m_connection.reset();
    m_fixture.reset();
}

void tst_ResourceCacheSandbox::createConfigMap(const QString &ns, const QString &name)
{
    // `kubectl create configmap` would send protobuf; `create -f -` sends JSON like apply does.
    const QByteArray json = QJsonDocument(QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("namespace"), ns}}},
        {QStringLiteral("data"), QJsonObject{{QStringLiteral("k"), QStringLiteral("v")}}}}).toJson();
    const KubectlResult r = m_fixture->kubectl({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-")}, json);
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(QStringLiteral("create configmap ") + name + QStringLiteral(": ") + r.err));
}

void tst_ResourceCacheSandbox::kubectlOk(const QStringList &args)
{
    const KubectlResult r = m_fixture->kubectl(args);
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(": ") + r.err));
}

std::unique_ptr<ResourceCache> tst_ResourceCacheSandbox::openCache(const Gvr &gvr, const QString &ns,
                                                                   Connection *connection, int pageSize)
{
    if (!connection)
        connection = m_connection.get();
    CacheKey key{QStringLiteral("sandbox"), gvr, ns, QString(), QString()};
    auto cache = std::make_unique<ResourceCache>(key, std::make_unique<ConnectionListWatcher>(connection, key));
    cache->setBackoff(50, 400);
    if (pageSize > 0)
        cache->setPageSize(pageSize);
    cache->start();
    return cache;
}

void tst_ResourceCacheSandbox::tableColumnsFromServer()
{
    createConfigMap(QStringLiteral("live"), QStringLiteral("cols"));
    auto cache = openCache(kConfigMaps, QStringLiteral("live"));
    QTRY_VERIFY_WITH_TIMEOUT(cache->hasSynced(), 10000);
    QVERIFY(cache->store().isTable());
    QStringList names;
    for (const TableColumn &c : cache->store().columns())
        names.append(c.name);
    QCOMPARE(names, (QStringList{QStringLiteral("Name"), QStringLiteral("Data"), QStringLiteral("Age")}));
    const ResourceObject *cols = cache->store().object(QStringLiteral("live/cols"));
    QVERIFY(cols);
    QCOMPARE(cols->cells.at(1).toInt(), 1);
    QVERIFY(!cols->metadata.uid.isEmpty());
    QVERIFY(cols->metadata.creationTimestamp.isValid());
    kubectlOk({QStringLiteral("delete"), QStringLiteral("configmap"), QStringLiteral("cols"),
               QStringLiteral("-n"), QStringLiteral("live")});
}

void tst_ResourceCacheSandbox::kubectlChangesReachTheTable()
{
    std::shared_ptr<ResourceCache> cache = openCache(kConfigMaps, QStringLiteral("live"));
    Ui::ResourceTableModel model(cache, false);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE_WITH_TIMEOUT(cache->syncState(), ResourceCache::SyncState::Watching, 10000);
    QList<ObjectChange::Type> seen;
    connect(cache.get(), &ResourceCache::objectsChanged, this, [&seen](const ChangeBatch &b) {
        for (const ObjectChange &c : b.changes)
            seen.append(c.type);
    });

    // Each change reaches the table's rows (how fast is the benchmark's business, not a test's).
    const auto labelsOfA = [&model] {
        const int row = model.rowOf(QStringLiteral("live/a"));
        return row < 0 ? QString() : model.index(row, 0).data(Ui::ResourceTableModel::LabelsRole).toString();
    };
    createConfigMap(QStringLiteral("live"), QStringLiteral("a"));
    QTRY_VERIFY_WITH_TIMEOUT(model.rowOf(QStringLiteral("live/a")) >= 0, 10000);
    QCOMPARE(labelsOfA(), QString());

    kubectlOk({QStringLiteral("label"), QStringLiteral("configmap"), QStringLiteral("a"), QStringLiteral("-n"),
               QStringLiteral("live"), QStringLiteral("tier=web")});
    QTRY_COMPARE_WITH_TIMEOUT(labelsOfA(), QStringLiteral("tier=web"), 10000);

    kubectlOk({QStringLiteral("delete"), QStringLiteral("configmap"), QStringLiteral("a"), QStringLiteral("-n"),
               QStringLiteral("live")});
    QTRY_COMPARE_WITH_TIMEOUT(model.rowOf(QStringLiteral("live/a")), -1, 10000);
    QCOMPARE(seen, (QList<ObjectChange::Type>{ObjectChange::Type::Added, ObjectChange::Type::Modified,
                                              ObjectChange::Type::Deleted}));
    QCOMPARE(cache->listCount(), 1);
}

void tst_ResourceCacheSandbox::faultsEndEqualToKubectl()
{
    const QString ns = QStringLiteral("faults");
    for (int i = 0; i < 5; ++i)
        createConfigMap(ns, QStringLiteral("base-%1").arg(i));
    std::shared_ptr<ResourceCache> cache = openCache(kConfigMaps, ns, nullptr, 2); // pages with continue
    Ui::ResourceTableModel model(cache, false);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE_WITH_TIMEOUT(cache->syncState(), ResourceCache::SyncState::Watching, 10000);
    const QStringList getArgs{QStringLiteral("get"), QStringLiteral("configmaps"), QStringLiteral("-n"), ns,
                              QStringLiteral("-o"), QStringLiteral("name")};
    // The table's rows (no duplicates, none stale) end equal to what kubectl lists.
    const auto expectEqual = [&] {
        const KubectlResult r = m_fixture->kubectl(getArgs);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QTRY_COMPARE_WITH_TIMEOUT(rowNames(model, QStringLiteral("configmap/")).join(QLatin1Char(' ')),
                                  kubectlNames(r).join(QLatin1Char(' ')), 10000);
        QCOMPARE(storeNames(*cache, QStringLiteral("configmap/")), rowNames(model, QStringLiteral("configmap/")));
    };

    // 1. The watch is dropped; changes made meanwhile arrive after the reconnect.
    m_fixture->sandbox().invoke([](SandboxServer &s) { s.dropWatches(); });
    kubectlOk({QStringLiteral("delete"), QStringLiteral("configmap"), QStringLiteral("base-0"), QStringLiteral("-n"), ns});
    createConfigMap(ns, QStringLiteral("after-drop"));
    expectEqual();

    // 2. The resumed watch is answered 410 Gone: relist and reconcile without duplicates.
    const int listsBefore = cache->listCount();
    m_fixture->sandbox().invoke([](SandboxServer &s) {
        s.failNextRequests(1, 410);
        s.dropWatches();
    });
    // kubectl runs only once the cache used the injected 410, so it cannot be the one that gets it.
    QTRY_VERIFY_WITH_TIMEOUT(cache->listCount() > listsBefore, 10000);
    createConfigMap(ns, QStringLiteral("after-410"));
    expectEqual();

    // 3. 500s: the cache backs off (shown as Backoff) and recovers. kubectl runs only after the
    //    injected failures are used up, so it cannot be the one that gets them.
    QList<ResourceCache::SyncState> states;
    connect(cache.get(), &ResourceCache::syncStateChanged, this,
            [&states](ResourceCache::SyncState s) { states.append(s); });
    m_fixture->sandbox().invoke([](SandboxServer &s) {
        s.failNextRequests(3, 500);
        s.dropWatches();
    });
    // The drop and the three 500s each put the cache in Backoff; then it watches again.
    QTRY_VERIFY_WITH_TIMEOUT(states.count(ResourceCache::SyncState::Backoff) >= 4, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(cache->syncState(), ResourceCache::SyncState::Watching, 10000);
    QCOMPARE(cache->lastError().httpStatus, 500);
    createConfigMap(ns, QStringLiteral("after-500"));
    expectEqual();

    // 4. The server restarts (every connection dropped, same port, same store).
    m_fixture->sandbox().invoke([](SandboxServer &s) { QVERIFY(s.restart().has_value()); });
    kubectlOk({QStringLiteral("delete"), QStringLiteral("configmap"), QStringLiteral("base-1"), QStringLiteral("-n"), ns});
    createConfigMap(ns, QStringLiteral("after-restart"));
    expectEqual();
    QTRY_COMPARE_WITH_TIMEOUT(cache->syncState(), ResourceCache::SyncState::Watching, 10000);
}

void tst_ResourceCacheSandbox::silentWatchIsReestablished()
{
    // A half-open connection: the sandbox keeps the watch open but sends nothing more, not even
    // the bookmarks (every 200 ms here) that keep a quiet watch talking. Past the idle timeout the
    // cache says so and watches again from its resourceVersion, without a relist.
    SandboxOptions options;
    options.bookmarkMilliseconds = 200;
    SandboxFixture fixture(options);
    QVERIFY2(fixture.error().isEmpty(), qPrintable(fixture.error()));
    auto config = Kubeconfig::load(fixture.kubeconfig());
    QVERIFY(config.has_value());
    auto connection = Connection::create(*config->resolve(config->currentContext()));
    QVERIFY(connection.has_value());
    std::unique_ptr<ResourceCache> cache = openCache(kConfigMaps, QStringLiteral("default"), connection->get());
    cache->setWatchIdleTimeout(1500);
    QTRY_COMPARE_WITH_TIMEOUT(cache->syncState(), ResourceCache::SyncState::Watching, 10000);
    const auto create = [&fixture](const QString &name) {
        return !fixture.create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                           {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
                                           {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name},
                                                                                    {QStringLiteral("namespace"), QStringLiteral("default")}}}})
                    .isEmpty();
    };
    // A change seen through the watch: the server has the watch open (not just the client).
    QVERIFY(create(QStringLiteral("before-stall")));
    QTRY_VERIFY_WITH_TIMEOUT(cache->store().object(QStringLiteral("default/before-stall")) != nullptr, 10000);
    QList<ResourceCache::SyncState> states;
    connect(cache.get(), &ResourceCache::syncStateChanged, this,
            [&states](ResourceCache::SyncState state) { states.append(state); });

    fixture.sandbox().invoke([](SandboxServer &s) { s.stallWatches(); });
    QVERIFY(create(QStringLiteral("during-stall")));
    QTRY_VERIFY_WITH_TIMEOUT(states.contains(ResourceCache::SyncState::Backoff), 20000);
    QCOMPARE(cache->lastError().kind, Error::Kind::Timeout);
    QVERIFY2(cache->lastError().message.contains(QLatin1String("silent for 1 s")), qPrintable(cache->lastError().message));
    // The change made while the watch was silent arrives through the new watch.
    QTRY_VERIFY_WITH_TIMEOUT(cache->store().object(QStringLiteral("default/during-stall")) != nullptr, 10000);
    QCOMPARE(cache->syncState(), ResourceCache::SyncState::Watching);
    QCOMPARE(cache->listCount(), 1);
}

void tst_ResourceCacheSandbox::interruptedFirstListEndsCurrent()
{
    // The first list fills the table page by page. Here it is interrupted after its first page
    // (the continue token expires), an object of that page changes meanwhile, and the list starts
    // over, reconciled with what was shown: the rows must end in the new state.
    const QString ns = QStringLiteral("prepared");
    for (int i = 0; i < 5; ++i)
        createConfigMap(ns, QStringLiteral("cm-%1").arg(i));
    m_fixture->sandbox().invoke([](SandboxServer &s) { s.expireContinueTokens(1); });
    std::shared_ptr<ResourceCache> cache = openCache(kConfigMaps, ns, nullptr, 2);
    cache->stop(); // openCache started it; start again once the model listens
    const int listsBefore = cache->listCount();
    Ui::ResourceTableModel model(cache, false);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    int pages = 0;
    size_t firstPageSize = 0;
    // A second table opened while the list is under way starts from the rows so far.
    std::unique_ptr<Ui::ResourceTableModel> late;
    connect(cache.get(), &ResourceCache::objectsChanged, this, [&](const ChangeBatch &batch) {
        if (pages++ == 0) {
            firstPageSize = batch.changes.size();
            late = std::make_unique<Ui::ResourceTableModel>(cache, false);
            QCOMPARE(late->rowCount(), 2);
            kubectlOk({QStringLiteral("label"), QStringLiteral("configmap"), QStringLiteral("cm-0"),
                       QStringLiteral("-n"), ns, QStringLiteral("changed=yes")});
        }
    });
    cache->start();
    QTRY_COMPARE_WITH_TIMEOUT(cache->syncState(), ResourceCache::SyncState::Watching, 10000);
    QCOMPARE(firstPageSize, size_t(2));
    QCOMPARE(cache->listCount(), listsBefore + 2);
    QVERIFY(pages >= 2); // the first page, then the list started over, reconciled
    QCOMPARE(model.rowCount(), 5);
    QVERIFY(late);
    QCOMPARE(late->rowCount(), 5);
    QCOMPARE(late->index(late->rowOf(ns + QStringLiteral("/cm-0")), 0).data(Ui::ResourceTableModel::LabelsRole).toString(),
             QStringLiteral("changed=yes"));
    const int row = model.rowOf(ns + QStringLiteral("/cm-0"));
    QVERIFY(row >= 0);
    QCOMPARE(model.index(row, 0).data(Ui::ResourceTableModel::LabelsRole).toString(), QStringLiteral("changed=yes"));
    QVERIFY(model.index(row, 0).data(Ui::ResourceTableModel::SearchTextRole).toString().contains(QLatin1String("changed=yes")));
}

void tst_ResourceCacheSandbox::pagedListIsOneSnapshotAndRestartsWhenExpired()
{
    const QString ns = QStringLiteral("paged");
    for (int i = 0; i < 6; ++i)
        createConfigMap(ns, QStringLiteral("base-%1").arg(i));
    const QStringList getArgs{QStringLiteral("get"), QStringLiteral("configmaps"), QStringLiteral("-n"), ns,
                              QStringLiteral("-o"), QStringLiteral("name")};

    // 1. After every page the cache receives, a config map is created and a later one deleted:
    //    the pages are one snapshot and the watch from its resourceVersion brings the changes.
    int pages = 0;
    QMetaObject::Connection hook;
    const QString listPath = QStringLiteral("/api/v1/namespaces/") + ns + QStringLiteral("/configmaps");
    m_fixture->sandbox().invoke([&](SandboxServer &s) {
        hook = connect(&s, &SandboxServer::requestHandled, &s, [&, server = &s](const QString &verb, const QString &path, int status) {
            if (verb != QLatin1String("GET") || path != listPath || status != 200 || pages >= 3)
                return;
            ++pages;
            (void)server->createObject(QJsonObject{
                {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
                {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("late-%1").arg(pages)},
                                                         {QStringLiteral("namespace"), ns}}}});
            server->store().remove(kConfigMaps, ns, QStringLiteral("base-%1").arg(6 - pages));
        }, Qt::DirectConnection);
    });
    auto cache = openCache(kConfigMaps, ns, nullptr, 2);
    QTRY_COMPARE_WITH_TIMEOUT(cache->syncState(), ResourceCache::SyncState::Watching, 10000);
    m_fixture->sandbox().invoke([&](SandboxServer &) { disconnect(hook); });
    QCOMPARE(pages, 3);
    KubectlResult r = m_fixture->kubectl(getArgs);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QTRY_COMPARE_WITH_TIMEOUT(storeNames(*cache, QStringLiteral("configmap/")).join(QLatin1Char(' ')),
                              kubectlNames(r).join(QLatin1Char(' ')), 10000);
    QCOMPARE(cache->listCount(), 1);
    cache.reset();

    // 2. The continue token of the second page has expired (410): the list starts over.
    m_fixture->sandbox().invoke([](SandboxServer &s) { s.expireContinueTokens(1); });
    cache = openCache(kConfigMaps, ns, nullptr, 2);
    QTRY_COMPARE_WITH_TIMEOUT(cache->syncState(), ResourceCache::SyncState::Watching, 10000);
    QCOMPARE(cache->listCount(), 2);
    QCOMPARE(cache->lastError().httpStatus, 410);
    QCOMPARE(cache->lastError().reason, QStringLiteral("Expired"));
    r = m_fixture->kubectl(getArgs);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(storeNames(*cache, QStringLiteral("configmap/")), kubectlNames(r));
}

void tst_ResourceCacheSandbox::pagesOverlapUnderLatency()
{
    // 12 config maps in pages of 2 over a link with 50 ms latency: each next page must leave
    // as soon as the head of the page before it arrived (its metadata.continue), before that
    // page's body is complete, instead of after it. Each continue token is asked for once. (The
    // sandbox's latency delays a whole answer, so here a head comes in the same burst as its
    // body; the time saved is the rest of the body's transfer and the server's time to produce
    // it, which pagesTravelWhileTheBodyBeforeThemDownloads shows with a body that arrives slowly.)
    const QString ns = QStringLiteral("latency");
    for (int i = 0; i < 12; ++i) {
        const QJsonObject created = m_fixture->create(QJsonObject{
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("cm-%1").arg(i, 2, 10, QLatin1Char('0'))},
                                                     {QStringLiteral("namespace"), ns}}},
            {QStringLiteral("data"), QJsonObject{{QStringLiteral("k"), QString(QLatin1Char('v')).repeated(2000)}}}});
        QVERIFY(!created.isEmpty());
    }
    const QString listPath = QStringLiteral("/api/v1/namespaces/") + ns + QStringLiteral("/configmaps");
    int listsServed = 0; // written and read in the sandbox's thread
    QMetaObject::Connection hook;
    m_fixture->sandbox().invoke([&](SandboxServer &s) {
        hook = connect(&s, &SandboxServer::requestHandled, &s, [&](const QString &verb, const QString &path, int status) {
            if (verb == QLatin1String("GET") && path == listPath && status == 200)
                ++listsServed;
        }, Qt::DirectConnection);
        s.setLatency(50);
    });
    QStringList log;
    const CacheKey key{QStringLiteral("sandbox"), kConfigMaps, ns, QString(), QString()};
    auto recorder = std::make_unique<RecordingListWatcher>(
        std::make_unique<ConnectionListWatcher>(m_connection.get(), key), &log);
    RecordingListWatcher *recording = recorder.get();
    auto cache = std::make_unique<ResourceCache>(key, std::move(recorder));
    cache->setBackoff(50, 400);
    cache->setPageSize(2);
    cache->start();
    QTRY_COMPARE_WITH_TIMEOUT(cache->syncState(), ResourceCache::SyncState::Watching, 20000);
    int served = 0;
    m_fixture->sandbox().invoke([&](SandboxServer &s) {
        s.setLatency(0);
        disconnect(hook);
        served = listsServed;
    });
    QCOMPARE(cache->store().size(), 12);
    QCOMPARE(cache->listCount(), 1);
    QCOMPARE(log.filter(QStringLiteral("request ")).size(), 6);
    QCOMPARE(served, 6);
    QVERIFY(recording->continueTokens.first().isEmpty());
    QCOMPARE(QSet<QString>(recording->continueTokens.begin(), recording->continueTokens.end()).size(), 6);
    for (int page = 0; page < 5; ++page) {
        const qsizetype head = log.indexOf(QStringLiteral("head %1").arg(page));
        const qsizetype next = log.indexOf(QStringLiteral("request %1").arg(page + 1));
        const qsizetype body = log.indexOf(QStringLiteral("body %1").arg(page));
        QVERIFY2(head >= 0 && head < next && next < body, qPrintable(log.join(QStringLiteral(", "))));
    }
    QVERIFY(!log.contains(QStringLiteral("error 0")));
}

void tst_ResourceCacheSandbox::pagesTravelWhileTheBodyBeforeThemDownloads()
{
    // A server that writes each page's head (kind, apiVersion, metadata with continue, as real
    // apiservers order them) at once and the rest of the body only when the next page is asked
    // for: the list completes only if every next page is requested while the body before it is
    // still downloading. (A fallback finishes a body after 3 s, so a client that waits for whole
    // bodies fails the comparison below instead of hanging.)
    constexpr int kPages = 6;
    const auto head = [](int page) -> QByteArray {
        QByteArray out = R"({"kind":"Table","apiVersion":"meta.k8s.io/v1","metadata":{"resourceVersion":"10")";
        if (page + 1 < kPages)
            out += R"(,"continue":"p)" + QByteArray::number(page + 1) + '"';
        return out + "},";
    };
    const auto rest = [](int page) -> QByteArray {
        QByteArray rows;
        for (int i = 2 * page; i < 2 * page + 2; ++i) {
            const QByteArray name = "cm-" + QByteArray::number(i);
            rows += (rows.isEmpty() ? "" : ",") + QByteArray(R"({"cells":[")") + name
                    + R"("],"object":{"kind":"PartialObjectMetadata","apiVersion":"meta.k8s.io/v1","metadata":)"
                    + R"({"name":")" + name + R"(","namespace":"slow","uid":"uid-)" + name
                    + R"(","resourceVersion":"10"}}})";
        }
        return R"("columnDefinitions":[{"name":"Name","type":"string","format":"name"}],"rows":[)" + rows + "]}";
    };
    struct Incomplete
    {
        LoopbackServer::Exchange exchange;
        QByteArray rest;
    };
    QHash<int, Incomplete> incomplete;
    QList<int> stillDownloading; // pages whose body was incomplete when the next one was asked for
    int listRequests = 0;
    const auto finish = [&incomplete](int page) {
        const auto it = incomplete.find(page);
        if (it == incomplete.end())
            return;
        it->exchange.writeChunk(it->rest);
        it->exchange.endChunked();
        incomplete.erase(it);
    };
    LoopbackServer server;
    server.setHandler([&](const LoopbackServer::Request &r, LoopbackServer::Exchange &x) {
        const QUrlQuery query(QString::fromLatin1(r.target.mid(r.target.indexOf('?') + 1)));
        if (query.queryItemValue(QStringLiteral("watch")) == QLatin1String("true")) {
            x.beginChunked(200);
            server.openStreams.append(x);
            return;
        }
        ++listRequests;
        const QString token = query.queryItemValue(QStringLiteral("continue"));
        const int page = token.isEmpty() ? 0 : token.mid(1).toInt();
        if (incomplete.contains(page - 1)) {
            stillDownloading.append(page - 1);
            finish(page - 1);
        }
        x.beginChunked(200);
        x.writeChunk(head(page));
        incomplete.insert(page, Incomplete{x, rest(page)});
        QTimer::singleShot(page + 1 < kPages ? 3000 : 0, &server, [finish, page] { finish(page); });
    });
    QVERIFY(server.listen());
    ResolvedContext context;
    context.contextName = QStringLiteral("slow");
    context.cluster.name = QStringLiteral("slow");
    context.cluster.server = server.url().toString();
    context.user.name = QStringLiteral("nobody");
    auto connection = Connection::create(context);
    if (!connection)
        QFAIL(qPrintable(connection.error().toString()));
    auto cache = openCache(kConfigMaps, QStringLiteral("slow"), connection->get(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(cache->syncState(), ResourceCache::SyncState::Watching, 30000);
    QCOMPARE(stillDownloading, (QList<int>{0, 1, 2, 3, 4}));
    QCOMPARE(listRequests, kPages);
    QCOMPARE(cache->store().size(), 2 * kPages);
    QVERIFY(cache->store().object(QStringLiteral("slow/cm-11")));
}

void tst_ResourceCacheSandbox::largeListsAreStreamedEnvelopeFirst()
{
    // Lists of 100 objects or more are sent chunked, the envelope (with the continue token)
    // before the items, so a client can ask for the next page while the items are printed.
    const QString ns = QStringLiteral("streamed");
    m_fixture->sandbox().invoke([ns](SandboxServer &s) {
        QVERIFY(s.createObject(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                           {QStringLiteral("kind"), QStringLiteral("Namespace")},
                                           {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), ns}}}})
                    .has_value());
        for (int i = 0; i < 150; ++i) {
            const QString name = QStringLiteral("cm-%1").arg(i, 3, 10, QLatin1Char('0'));
            QVERIFY(s.createObject(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                               {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
                                               {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name},
                                                                                       {QStringLiteral("namespace"), ns}}}})
                        .has_value());
        }
    });

    ApiRequest page = ApiRequest::get(kConfigMaps, ns);
    page.limit = 120;
    const auto first = Test::fetch(m_connection.get(), page);
    if (!first)
        QFAIL(qPrintable(first.error().toString()));
    QVERIFY(first->header("content-length").isEmpty()); // chunked (QNetworkReply drops Transfer-Encoding)
    QVERIFY(first->body.indexOf("\"continue\"") < first->body.indexOf("\"items\""));
    auto decoded = decodeListPage(first->body, QStringLiteral("page 1"));
    QVERIFY(decoded.has_value());
    QCOMPARE(decoded->items.size(), size_t(120));
    QCOMPARE(decoded->remainingItemCount, 30);
    page.continueToken = decoded->continueToken;
    const auto second = Test::fetch(m_connection.get(), page);
    QVERIFY(second.has_value());
    QCOMPARE(second->header("content-length").toLongLong(), second->body.size()); // 30 items: sent whole
    decoded = decodeListPage(second->body, QStringLiteral("page 2"));
    QVERIFY(decoded.has_value());
    QCOMPARE(decoded->items.size(), size_t(30));
    QCOMPARE(decoded->items.back().metadata.name, QStringLiteral("cm-149"));
    QVERIFY(decoded->continueToken.isEmpty());
    // kubectl reads the streamed pages as a real server's.
    const KubectlResult names = m_fixture->kubectl({QStringLiteral("get"), QStringLiteral("configmaps"), QStringLiteral("-n"), ns,
                                                    QStringLiteral("-o"), QStringLiteral("name"), QStringLiteral("--chunk-size=120")});
    QVERIFY2(names.finished && names.exitCode == 0, qPrintable(names.err));
    QCOMPARE(names.out.count(QLatin1Char('\n')), 150);
}

void tst_ResourceCacheSandbox::registrySharesOneWatch()
{
    Connection *connection = m_connection.get();
    ResourceCacheRegistry registry([connection](const CacheKey &key) {
        return std::make_unique<ConnectionListWatcher>(connection, key);
    });
    const CacheKey key{QStringLiteral("sandbox"), kConfigMaps, QStringLiteral("live"), QString(), QString()};
    auto a = registry.acquire(key);
    auto b = registry.acquire(key);
    QCOMPARE(a.get(), b.get());
    QTRY_COMPARE_WITH_TIMEOUT(a->syncState(), ResourceCache::SyncState::Watching, 10000);
    const int pendingWithWatch = connection->pendingCount();
    QVERIFY(pendingWithWatch >= 1);
    a.reset();
    b.reset();
    QCOMPARE(registry.activeCount(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(connection->pendingCount(), pendingWithWatch - 1, 5000);
}

void tst_ResourceCacheSandbox::manyWatchesOverPlainHttpDoNotStarveGets()
{
    SandboxOptions options;
    options.transport = SandboxOptions::Transport::Http;
    SandboxFixture plain(options);
    QVERIFY2(plain.error().isEmpty(), qPrintable(plain.error()));
    auto config = Kubeconfig::load(plain.kubeconfig());
    if (!config)
        QFAIL(qPrintable(config.error().toString()));
    auto context = config->resolve(config->currentContext());
    if (!context)
        QFAIL(qPrintable(context.error().toString()));
    auto connection = Connection::create(*context);
    if (!connection)
        QFAIL(qPrintable(connection.error().toString()));
    QVERIFY((*connection)->server().scheme() == QLatin1String("http"));

    std::vector<std::unique_ptr<ResourceCache>> caches;
    const QStringList namespaces{QStringLiteral("default"), QStringLiteral("kube-system"), QStringLiteral("kube-public"),
                                 QString()};
    const QList<Gvr> gvrs{kConfigMaps, kPods,
                          Gvr{QString(), QStringLiteral("v1"), QStringLiteral("services")},
                          Gvr{QString(), QStringLiteral("v1"), QStringLiteral("secrets")},
                          Gvr{QString(), QStringLiteral("v1"), QStringLiteral("serviceaccounts")},
                          Gvr{QString(), QStringLiteral("v1"), QStringLiteral("events")}};
    for (const Gvr &gvr : gvrs) {
        for (const QString &ns : namespaces)
            caches.push_back(openCache(gvr, ns, connection->get()));
    }
    QVERIFY(caches.size() >= 20);
    for (const auto &cache : caches)
        QTRY_COMPARE_WITH_TIMEOUT(cache->syncState(), ResourceCache::SyncState::Watching, 20000);

    // Every watch is open; an ordinary GET must still be answered.
    QElapsedTimer timer;
    timer.start();
    ApiReply *reply = (*connection)->send(ApiRequest::get(kConfigMaps, QStringLiteral("default")));
    QSignalSpy finished(reply, &ApiReply::finished);
    QVERIFY(finished.wait(10000));
    if (!reply->result())
        QFAIL(qPrintable(reply->result().error().toString()));
    QCOMPARE(reply->result()->status, 200);
    qInfo("GET answered in %lld ms with %d watches open", timer.elapsed(), int(caches.size()));
    // And the watches are live: a change reaches its cache.
    plain.create(makePod(QStringLiteral("default"), QStringLiteral("late")));
    ResourceCache *pods = caches.at(size_t(namespaces.size())).get(); // pods in "default"
    QCOMPARE(pods->key().gvr, kPods);
    QTRY_VERIFY_WITH_TIMEOUT(pods->store().object(QStringLiteral("default/late")), 5000);
    caches.clear();
}

QTEST_MAIN(tst_ResourceCacheSandbox)
#include "tst_resourcecachesandbox.moc"
