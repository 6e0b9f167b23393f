// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
// The client over HTTP/2: nghttpx (Debian's nghttp2-proxy) terminates TLS with ALPN h2 in front of
// the SandboxServer, as a real kube-apiserver speaks h2 over TLS. Discovery, lists, a write, 100
// watches open at once while a GET is still answered, and a watch surviving the proxy's restart.
#include "sandboxfixture.h"
#include "testenv.h"
#include "testpki.h"

#include "api/resourceclient.h"
#include "cache/connectionlistwatcher.h"
#include "cache/resourcecache.h"
#include "config/kubeconfig.h"
#include "discovery/discovery.h"
#include "fetch.h"
#include "net/apistream.h"
#include "net/connection.h"

#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qluster;

QLUSTER_TEST_NEEDS(Qluster::Test::NeedsNghttpx)

namespace {

const Gvr kConfigMaps{QString(), QStringLiteral("v1"), QStringLiteral("configmaps")};
const Gvr kPods{QString(), QStringLiteral("v1"), QStringLiteral("pods")};

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class tst_Http2 final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void discoveryListsAndAWrite();
    void hundredWatchesAndAGet();
    void watchSurvivesTheProxysRestart();

private:
    bool startProxy();
    void stopProxy();
    std::unique_ptr<Connection> connect();

    std::unique_ptr<SandboxFixture> m_fixture;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_proxy;
    quint16 m_port = 0;
    quint16 m_backendPort = 0;
    QByteArray m_caPem;
    QString m_token;
};

void tst_Http2::initTestCase()
{
    SandboxOptions options;
    options.transport = SandboxOptions::Transport::Http;
    options.httpAnonymousAdmin = false; // the bearer token travels through the proxy
    m_fixture = std::make_unique<SandboxFixture>(options);
    QVERIFY2(m_fixture->error().isEmpty(), qPrintable(m_fixture->error()));
    m_fixture->sandbox().invoke([this](SandboxServer &s) {
        m_backendPort = s.port();
        m_token = s.token(QStringLiteral("developer"));
    });
    const TestPki::Issued ca = TestPki::makeCa(QStringLiteral("h2 test CA"));
    TestPki::Options leaf;
    leaf.commonName = QStringLiteral("127.0.0.1");
    leaf.ipAddresses = {QStringLiteral("127.0.0.1")};
    const TestPki::Issued server = TestPki::issue(ca, leaf);
    m_caPem = ca.certificatePem;
    QVERIFY(writeFile(m_dir.filePath(QStringLiteral("server.crt")), server.certificatePem));
    QVERIFY(writeFile(m_dir.filePath(QStringLiteral("server.key")), server.keyPem));
    m_port = freePort();
    QVERIFY(startProxy());
}

void tst_Http2::cleanupTestCase()
{
    stopProxy();
}

bool tst_Http2::startProxy()
{
    m_proxy = std::make_unique<QProcess>();
    m_proxy->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_proxy->start(Test::nghttpx(),
        {QStringLiteral("--conf=/dev/null"), QStringLiteral("--frontend=127.0.0.1,%1").arg(m_port),
         QStringLiteral("--backend=127.0.0.1,%1").arg(m_backendPort), QStringLiteral("--workers=1"),
         QStringLiteral("--no-ocsp"), QStringLiteral("--log-level=WARN"),
         QStringLiteral("--accesslog-file=/dev/null"),
         // Watches are long-lived: no read timeouts between proxy and server or client.
         QStringLiteral("--frontend-http2-read-timeout=0"), QStringLiteral("--backend-read-timeout=0"),
         QStringLiteral("--frontend-read-timeout=0"), QStringLiteral("--stream-read-timeout=0"),
         m_dir.filePath(QStringLiteral("server.key")), m_dir.filePath(QStringLiteral("server.crt"))});
    if (!m_proxy->waitForStarted(5000))
        return false;
    // Listening once a connection is accepted.
    return QTest::qWaitFor([this] {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_port);
        return probe.waitForConnected(200);
    }, 10000);
}

void tst_Http2::stopProxy()
{
    if (!m_proxy)
        return;
    m_proxy->terminate();
    if (!m_proxy->waitForFinished(5000))
        m_proxy->kill();
    m_proxy->waitForFinished(2000);
    m_proxy.reset();
}

std::unique_ptr<Connection> tst_Http2::connect()
{
    const QString path = m_dir.filePath(QStringLiteral("kubeconfig"));
    const QByteArray yaml = "apiVersion: v1\nkind: Config\ncurrent-context: h2\n"
        "clusters:\n- name: h2\n  cluster:\n    server: https://127.0.0.1:" + QByteArray::number(m_port)
        + "\n    certificate-authority-data: " + m_caPem.toBase64() + "\n"
        "users:\n- name: dev\n  user:\n    token: " + m_token.toUtf8() + "\n"
        "contexts:\n- name: h2\n  context: {cluster: h2, user: dev, namespace: default}\n";
    if (!writeFile(path, yaml))
        return nullptr;
    auto config = Kubeconfig::load(path);
    if (!config)
        return nullptr;
    auto resolved = config->resolve(QStringLiteral("h2"));
    if (!resolved)
        return nullptr;
    auto connection = Connection::create(*resolved);
    return connection ? std::move(*connection) : nullptr;
}

void tst_Http2::discoveryListsAndAWrite()
{
    std::unique_ptr<Connection> connection = connect();
    QVERIFY(connection);
    const auto version = Test::fetch(connection.get(), ApiRequest::raw(QStringLiteral("/version")));
    QVERIFY2(version.has_value(), version ? "" : qPrintable(version.error().toString()));
    QVERIFY2(version->http2, "the answer did not come over HTTP/2");

    Discovery discovery(connection.get(), m_dir.filePath(QStringLiteral("discovery")));
    QSignalSpy refreshed(&discovery, &Discovery::refreshed);
    discovery.refresh();
    QVERIFY(refreshed.wait(20000));
    QVERIFY(discovery.snapshot().resource(kPods) != nullptr);

    ResourceClient client(connection.get());
    QObject context;
    std::optional<Result<QJsonObject>> created;
    const QJsonObject cm{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                         {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
                         {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("over-h2")}}},
                         {QStringLiteral("data"), QJsonObject{{QStringLiteral("k"), QStringLiteral("v")}}}};
    client.create({kConfigMaps, QStringLiteral("default")}, cm, {}, &context,
                  [&created](const Result<QJsonObject> &r) { created = r; });
    QTRY_VERIFY_WITH_TIMEOUT(created.has_value(), 20000);
    QVERIFY2(created->has_value(), *created ? "" : qPrintable(created->error().toString()));
    QVERIFY(!m_fixture->object(kConfigMaps, QStringLiteral("default"), QStringLiteral("over-h2")).isEmpty());

    std::optional<Result<ListPage>> listed;
    client.list({kConfigMaps, QStringLiteral("default")}, {.table = true}, &context,
                [&listed](const Result<ListPage> &r) { listed = r; });
    QTRY_VERIFY_WITH_TIMEOUT(listed.has_value(), 20000);
    QVERIFY2(listed->has_value(), *listed ? "" : qPrintable(listed->error().toString()));
    QVERIFY((*listed)->isTable);
    QVERIFY(!(*listed)->items.empty());
}

void tst_Http2::hundredWatchesAndAGet()
{
    std::unique_ptr<Connection> connection = connect();
    QVERIFY(connection);
    ResourceClient client(connection.get());
    constexpr int kWatches = 100;
    QList<QPointer<ApiStream>> streams;
    QList<int> added(kWatches, 0);
    for (int i = 0; i < kWatches; ++i) {
        WatchQuery query;
        query.resourceVersion = QStringLiteral("0");
        query.fieldSelector = QStringLiteral("metadata.name=watched");
        ApiStream *stream = client.watch({kConfigMaps, QStringLiteral("default")}, query);
        QVERIFY(stream);
        QObject::connect(stream, &ApiStream::dataReceived, stream, [&added, i](const QByteArray &chunk) {
            added[i] += int(chunk.count("\"ADDED\""));
        });
        streams.append(stream);
    }
    // With every watch open, an ordinary request is still answered.
    const auto version = Test::fetch(connection.get(), ApiRequest::raw(QStringLiteral("/version")));
    QVERIFY2(version.has_value(), version ? "" : qPrintable(version.error().toString()));
    QVERIFY(version->http2);
    QVERIFY(!m_fixture->create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                           {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
                                           {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("watched")},
                                                                                    {QStringLiteral("namespace"), QStringLiteral("default")}}}})
                   .isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(added.cbegin(), added.cend(), [](int n) { return n >= 1; }), 30000);
    for (const QPointer<ApiStream> &stream : std::as_const(streams)) {
        QVERIFY(stream); // still open: none was refused or dropped
        stream->abort();
    }
}

void tst_Http2::watchSurvivesTheProxysRestart()
{
    std::unique_ptr<Connection> connection = connect();
    QVERIFY(connection);
    const CacheKey key{QStringLiteral("h2"), kPods, QStringLiteral("default"), QString(), QString()};
    ResourceCache cache(key, std::make_unique<ConnectionListWatcher>(connection.get(), key));
    cache.setBackoff(100, 1000);
    cache.start();
    QTRY_VERIFY_WITH_TIMEOUT(cache.hasSynced(), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(cache.syncState(), ResourceCache::SyncState::Watching, 20000);

    stopProxy();
    QTRY_VERIFY_WITH_TIMEOUT(cache.syncState() != ResourceCache::SyncState::Watching, 20000);
    QVERIFY(startProxy());
    QVERIFY(!m_fixture->create(makePod(QStringLiteral("default"), QStringLiteral("after-restart"))).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(cache.store().object(QStringLiteral("default/after-restart")) != nullptr, 30000);
    QCOMPARE(cache.syncState(), ResourceCache::SyncState::Watching);
}

QTEST_GUILESS_MAIN(tst_Http2)
#include "tst_http2.moc"
