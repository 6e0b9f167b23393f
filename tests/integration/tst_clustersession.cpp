// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "sandboxfixture.h"
#include "testenv.h"

#include "session/clustersession.h"
#include "sandbox/democluster.h"

#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>

#include <unistd.h>

QLUSTER_TEST_NEEDS(Qluster::Test::NeedsKubectl)

using namespace Qluster;

class tst_ClusterSession final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void connectsAndListsNamespaces();
    void browsingNeverWritesTheKubeconfig();
    void makeCurrentContextWritesLikeKubectl();
    void makeCurrentContextOnAReadOnlyKubeconfig();
    void namespaceOverrideIsNotWritten();
    void unknownContextNamesKnownOnes();
    void retryAfterServerComesBack();
    void demoClusterOpensLikeARealOne();

private:
    /// Starts a sandbox, loads its kubeconfig into a new session and opens `context`.
    bool openConnected(const QString &context, const QString &namespaceOverride = {});
    /// The namespace the kubeconfig stores for `context`, as kubectl reads it.
    QString storedNamespace(const QString &context) const;
    /// The kubeconfig's bytes.
    QByteArray kubeconfigBytes() const;

    std::unique_ptr<SandboxFixture> m_fixture;
    std::unique_ptr<ClusterSession> m_session;
};

bool tst_ClusterSession::openConnected(const QString &context, const QString &namespaceOverride)
{
    m_fixture = std::make_unique<SandboxFixture>();
    if (!m_fixture->error().isEmpty()) {
        qWarning("sandbox: %s", qPrintable(m_fixture->error()));
        return false;
    }
    m_session = std::make_unique<ClusterSession>();
    if (auto loaded = m_session->loadKubeconfig(m_fixture->kubeconfig()); !loaded) {
        qWarning("kubeconfig: %s", qPrintable(loaded.error().toString()));
        return false;
    }
    m_session->open(context, namespaceOverride);
    return QTest::qWaitFor(
        [this] { return m_session->state() == ClusterSession::State::Connected; }, 10000);
}

QString tst_ClusterSession::storedNamespace(const QString &context) const
{
    return m_fixture
        ->kubectl({QStringLiteral("config"), QStringLiteral("view"), QStringLiteral("-o"),
            QStringLiteral("jsonpath={.contexts[?(@.name==\"%1\")].context.namespace}")
                .arg(context)})
        .out;
}

void tst_ClusterSession::connectsAndListsNamespaces()
{
    SandboxFixture fixture;
    QVERIFY2(fixture.error().isEmpty(), qPrintable(fixture.error()));
    ClusterSession session;
    if (auto loaded = session.loadKubeconfig(fixture.kubeconfig()); !loaded)
        QFAIL(qPrintable(loaded.error().toString()));
    QCOMPARE(session.contextNames().size(), 3);

    QSignalSpy namespaces(&session, &ClusterSession::namespacesChanged);
    session.open(QStringLiteral("sandbox-admin"));
    QCOMPARE(session.state(), ClusterSession::State::Connecting);
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ClusterSession::State::Connected, 10000);
    QVERIFY(session.serverVersion().startsWith(QLatin1Char('v')));
    QVERIFY(session.stateDetail().contains(session.serverVersion()));
    QVERIFY(session.connection());
    QTRY_COMPARE_WITH_TIMEOUT(namespaces.count(), 1, 10000);
    QVERIFY(session.namespaces().contains(QStringLiteral("default")));
    QVERIFY(session.namespaces().contains(QStringLiteral("kube-system")));
    QCOMPARE(session.namespaceName(), QStringLiteral("default"));
}

QByteArray tst_ClusterSession::kubeconfigBytes() const
{
    QFile file(m_fixture->kubeconfig());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void tst_ClusterSession::browsingNeverWritesTheKubeconfig()
{
    QVERIFY(openConnected(QStringLiteral("sandbox-admin")));
    const QByteArray before = kubeconfigBytes();
    QSignalSpy changed(m_session.get(), &ClusterSession::namespaceChanged);
    m_session->switchNamespace(QStringLiteral("kube-system"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_session->namespaceName(), QStringLiteral("kube-system"));
    m_session->switchNamespace(QString()); // all namespaces
    QCOMPARE(m_session->namespaceName(), QString());

    QSignalSpy connections(m_session.get(), &ClusterSession::connectionChanged);
    m_session->open(QStringLiteral("sandbox-viewer"), QStringLiteral("shop"));
    QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), ClusterSession::State::Connected, 10000);
    QCOMPARE(connections.count(), 2); // the old one gone, the new one ready
    QCOMPARE(connections.at(0).at(0).value<Connection *>(), nullptr);
    QCOMPARE(m_session->namespaceName(), QStringLiteral("shop"));

    QCOMPARE(kubeconfigBytes(), before);
    const KubectlResult current
        = m_fixture->kubectl({QStringLiteral("config"), QStringLiteral("current-context")});
    QCOMPARE(current.out.trimmed(), QStringLiteral("sandbox-admin"));
    QCOMPARE(storedNamespace(QStringLiteral("sandbox-admin")), QStringLiteral("default"));
}

void tst_ClusterSession::makeCurrentContextWritesLikeKubectl()
{
    QVERIFY(openConnected(QStringLiteral("sandbox-viewer")));
    if (auto made = m_session->makeCurrentContext(); !made)
        QFAIL(qPrintable(made.error().toString()));
    const KubectlResult current
        = m_fixture->kubectl({QStringLiteral("config"), QStringLiteral("current-context")});
    QCOMPARE(current.exitCode, 0);
    QCOMPARE(current.out.trimmed(), QStringLiteral("sandbox-viewer"));
    QCOMPARE(m_session->kubeconfig().currentContext(), QStringLiteral("sandbox-viewer"));
    QCOMPARE(QFileInfo(m_fixture->kubeconfig()).permissions()
                 & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteOther),
             QFileDevice::Permissions());
    QCOMPARE(m_session->state(), ClusterSession::State::Connected); // the connection stays
}

void tst_ClusterSession::makeCurrentContextOnAReadOnlyKubeconfig()
{
    QVERIFY(openConnected(QStringLiteral("sandbox-viewer")));
    // The kubeconfig's folder refuses new files (QSaveFile writes beside the file, then renames):
    // by its mode, or, for root whom modes do not stop, by the immutable attribute.
    const QString folder = QFileInfo(m_fixture->kubeconfig()).absolutePath();
    const bool root = ::geteuid() == 0;
    const auto setWritable = [&](bool writable) {
        if (root)
            return QProcess::execute(QStringLiteral("chattr"),
                       {writable ? QStringLiteral("-i") : QStringLiteral("+i"), folder}) == 0;
        return QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner
                                                 | (writable ? QFileDevice::WriteOwner : QFileDevice::Permissions()));
    };
    QVERIFY2(setWritable(false), "could not make the kubeconfig's folder read-only");
    const QByteArray before = kubeconfigBytes();
    const Result<void> made = m_session->makeCurrentContext();
    QVERIFY(setWritable(true));
    QVERIFY(!made.has_value());
    QVERIFY2(made.error().toString().contains(m_fixture->kubeconfig()), qPrintable(made.error().toString()));
    QCOMPARE(kubeconfigBytes(), before);
    QCOMPARE(m_session->kubeconfig().currentContext(), QStringLiteral("sandbox-admin"));
}

void tst_ClusterSession::namespaceOverrideIsNotWritten()
{
    QVERIFY(openConnected(QStringLiteral("sandbox-token"), QStringLiteral("web")));
    QCOMPARE(m_session->namespaceName(), QStringLiteral("web"));
    const KubectlResult current
        = m_fixture->kubectl({QStringLiteral("config"), QStringLiteral("current-context")});
    QCOMPARE(current.out.trimmed(), QStringLiteral("sandbox-admin"));
    QCOMPARE(storedNamespace(QStringLiteral("sandbox-token")), QStringLiteral("default"));
}

void tst_ClusterSession::unknownContextNamesKnownOnes()
{
    SandboxFixture fixture;
    QVERIFY2(fixture.error().isEmpty(), qPrintable(fixture.error()));
    ClusterSession session;
    QVERIFY(session.loadKubeconfig(fixture.kubeconfig()).has_value());
    session.open(QStringLiteral("prod"));
    QCOMPARE(session.state(), ClusterSession::State::Failed);
    QVERIFY(session.stateDetail().contains(QStringLiteral("prod")));
    QVERIFY2(session.stateDetail().contains(QStringLiteral("sandbox-admin")),
        qPrintable(session.stateDetail()));
    QVERIFY(!session.connection());
}

void tst_ClusterSession::retryAfterServerComesBack()
{
    SandboxFixture fixture;
    QVERIFY2(fixture.error().isEmpty(), qPrintable(fixture.error()));
    fixture.sandbox().invoke([](SandboxServer &server) { server.stop(); });

    ConnectionOptions options;
    options.maxRetries = 0;
    options.requestTimeoutMs = 5000;
    ClusterSession session;
    session.setConnectionOptions(options);
    QVERIFY(session.loadKubeconfig(fixture.kubeconfig()).has_value());
    session.open(QStringLiteral("sandbox-admin"));
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ClusterSession::State::Failed, 10000);
    QVERIFY(session.lastError().has_value());
    QCOMPARE(session.lastError()->kind, Error::Kind::Network);

    Result<void> restarted;
    fixture.sandbox().invoke([&](SandboxServer &server) { restarted = server.restart(); });
    if (!restarted)
        QFAIL(qPrintable(restarted.error().toString()));
    session.retry();
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ClusterSession::State::Connected, 10000);
    QVERIFY(!session.lastError().has_value());
}

void tst_ClusterSession::demoClusterOpensLikeARealOne()
{
    DemoCluster demo;
    Result<QString> kubeconfig = demo.start();
    if (!kubeconfig)
        QFAIL(qPrintable(kubeconfig.error().toString()));
    QVERIFY(QFile::exists(*kubeconfig));
    QCOMPARE(QFile::permissions(*kubeconfig) & (QFile::ReadGroup | QFile::ReadOther),
        QFile::Permissions());
    ClusterSession session;
    QVERIFY(session.loadKubeconfig(*kubeconfig).has_value());
    session.open(session.kubeconfig().currentContext());
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ClusterSession::State::Connected, 10000);
    QCOMPARE(session.connection()->server().scheme(), QStringLiteral("https"));
    QVERIFY(!session.connection()->isInsecure());
    // The demo data set has several namespaces of its own, and opens on the one with workloads.
    QTRY_VERIFY_WITH_TIMEOUT(session.namespaces().size() >= 5, 10000);
    QCOMPARE(session.namespaceName(), DemoCluster::kDemoNamespace);
    QVERIFY(session.namespaces().contains(DemoCluster::kDemoNamespace));
}

QTEST_GUILESS_MAIN(tst_ClusterSession)
#include "tst_clustersession.moc"
