// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "sandboxfixture.h"

#include "session/clustersession.h"
#include "session/democluster.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qluster;

class tst_ClusterSession final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void connectsAndListsNamespaces();
    void namespaceSwitchWritesBackLikeKubectl();
    void contextSwitchWritesBackLikeKubectl();
    void namespaceOverrideIsNotWritten();
    void unknownContextNamesKnownOnes();
    void retryAfterServerComesBack();
    void demoClusterOpensLikeARealOne();
};

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

void tst_ClusterSession::namespaceSwitchWritesBackLikeKubectl()
{
    SandboxFixture fixture;
    QVERIFY2(fixture.error().isEmpty(), qPrintable(fixture.error()));
    ClusterSession session;
    QVERIFY(session.loadKubeconfig(fixture.kubeconfig()).has_value());
    session.open(QStringLiteral("sandbox-admin"));
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ClusterSession::State::Connected, 10000);

    QSignalSpy changed(&session, &ClusterSession::namespaceChanged);
    if (auto switched = session.switchNamespace(QStringLiteral("kube-system")); !switched)
        QFAIL(qPrintable(switched.error().toString()));
    QCOMPARE(changed.count(), 1);
    const KubectlResult minified = fixture.kubectl(
        {QStringLiteral("config"), QStringLiteral("view"), QStringLiteral("--minify"),
            QStringLiteral("-o"), QStringLiteral("jsonpath={.contexts[0].context.namespace}")});
    QCOMPARE(minified.exitCode, 0);
    QCOMPARE(minified.out, QStringLiteral("kube-system"));

    // "All namespaces" is a view: it leaves the kubeconfig as it was.
    QVERIFY(session.switchNamespace(QString()).has_value());
    QCOMPARE(session.namespaceName(), QString());
    QCOMPARE(
        fixture
            .kubectl({QStringLiteral("config"), QStringLiteral("view"), QStringLiteral("--minify"),
                QStringLiteral("-o"), QStringLiteral("jsonpath={.contexts[0].context.namespace}")})
            .out,
        QStringLiteral("kube-system"));
}

void tst_ClusterSession::contextSwitchWritesBackLikeKubectl()
{
    SandboxFixture fixture;
    QVERIFY2(fixture.error().isEmpty(), qPrintable(fixture.error()));
    ClusterSession session;
    QVERIFY(session.loadKubeconfig(fixture.kubeconfig()).has_value());
    session.open(QStringLiteral("sandbox-admin"));
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ClusterSession::State::Connected, 10000);

    QSignalSpy connections(&session, &ClusterSession::connectionChanged);
    if (auto switched = session.switchContext(QStringLiteral("sandbox-viewer")); !switched)
        QFAIL(qPrintable(switched.error().toString()));
    QCOMPARE(session.contextName(), QStringLiteral("sandbox-viewer"));
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ClusterSession::State::Connected, 10000);
    QCOMPARE(connections.count(), 2); // the old one gone, the new one ready
    QCOMPARE(connections.at(0).at(0).value<Connection *>(), nullptr);

    const KubectlResult current
        = fixture.kubectl({QStringLiteral("config"), QStringLiteral("current-context")});
    QCOMPARE(current.exitCode, 0);
    QCOMPARE(current.out.trimmed(), QStringLiteral("sandbox-viewer"));
}

void tst_ClusterSession::namespaceOverrideIsNotWritten()
{
    SandboxFixture fixture;
    QVERIFY2(fixture.error().isEmpty(), qPrintable(fixture.error()));
    ClusterSession session;
    QVERIFY(session.loadKubeconfig(fixture.kubeconfig()).has_value());
    session.open(QStringLiteral("sandbox-token"), QStringLiteral("web"));
    QCOMPARE(session.namespaceName(), QStringLiteral("web"));
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ClusterSession::State::Connected, 10000);
    const KubectlResult current
        = fixture.kubectl({QStringLiteral("config"), QStringLiteral("current-context")});
    QCOMPARE(current.out.trimmed(), QStringLiteral("sandbox-admin"));
    const KubectlResult ns = fixture.kubectl({QStringLiteral("config"), QStringLiteral("view"),
        QStringLiteral("-o"),
        QStringLiteral("jsonpath={.contexts[?(@.name==\"sandbox-token\")].context.namespace}")});
    QVERIFY2(!ns.out.contains(QStringLiteral("web")), qPrintable(ns.out));
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
    // The demo data set has several namespaces of its own.
    QTRY_VERIFY_WITH_TIMEOUT(session.namespaces().size() >= 5, 10000);
}

QTEST_GUILESS_MAIN(tst_ClusterSession)
#include "tst_clustersession.moc"
