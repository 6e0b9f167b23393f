// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "../integration/sandboxfixture.h"
#include "testenv.h"

#include "editor/yamleditor.h"
#include "session/clustersession.h"
#include "views/emptystate.h"
#include "views/mainwindow.h"
#include "views/resourcebrowser.h"
#include "views/sessioncontroller.h"

#include <QComboBox>
#include <QAction>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTreeView>

QLUSTER_TEST_NEEDS(Qluster::Test::NeedsKubectl)

using namespace Qluster;
using namespace Qluster::Ui;

class tst_SessionController final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void opensCurrentContextAndListsNamespaces();
    void switchingInToolbarLeavesKubeconfigAlone();
    void kubeconfigErrorShownWithRetry();
    void noContextsSaysWhatToDo();
    void browsesPodsOfTheConnectedContext();
    void insecureContextsShowPersistentWarning();
    void forbiddenNamespaceListLetsUserType();

private:
    QString writeFile(const QString &name, const QByteArray &contents) const;
    static EmptyState *treeState(const MainWindow &window);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
};

void tst_SessionController::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<QSettings>(
        m_dir->filePath(QStringLiteral("q.ini")), QSettings::IniFormat);
}

QString tst_SessionController::writeFile(const QString &name, const QByteArray &contents) const
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

EmptyState *tst_SessionController::treeState(const MainWindow &window)
{
    auto *treeStack = window.findChild<QStackedWidget *>(QStringLiteral("treeStack"));
    return treeStack ? qobject_cast<EmptyState *>(treeStack->currentWidget()) : nullptr;
}

void tst_SessionController::opensCurrentContextAndListsNamespaces()
{
    SandboxFixture fixture;
    QVERIFY2(fixture.error().isEmpty(), qPrintable(fixture.error()));
    MainWindow window(m_settings.get());
    ClusterSession session;
    SessionController controller(&session, &window);
    QVERIFY(session.loadKubeconfig(fixture.kubeconfig()).has_value());
    controller.start(AppOptions {});
    window.show();

    auto *contexts = window.findChild<QComboBox *>(QStringLiteral("contextSelector"));
    QCOMPARE(contexts->count(), 3);
    QCOMPARE(contexts->currentText(), QStringLiteral("sandbox-admin"));
    // The selector's tooltip names the cluster, user and namespace of each context.
    const QString tip
        = contexts->itemData(contexts->findText(QStringLiteral("sandbox-viewer")), Qt::ToolTipRole)
              .toString();
    QVERIFY2(tip.contains(QStringLiteral("viewer")) && tip.contains(QStringLiteral("default")),
        qPrintable(tip));
    QTRY_COMPARE_WITH_TIMEOUT(
        window.connectionState(), MainWindow::ConnectionState::Connected, 10000);
    auto *label = window.findChild<QLabel *>(QStringLiteral("connectionState"));
    QVERIFY(label->text().contains(QStringLiteral("sandbox-admin")));
    auto *namespaces = window.findChild<QComboBox *>(QStringLiteral("namespaceSelector"));
    QTRY_VERIFY_WITH_TIMEOUT(namespaces->findText(QStringLiteral("kube-system")) > 0, 10000);
    QCOMPARE(window.currentNamespace(), QStringLiteral("default"));
    QVERIFY(!window.hasInsecureWarning());
}

void tst_SessionController::switchingInToolbarLeavesKubeconfigAlone()
{
    SandboxFixture fixture;
    QVERIFY2(fixture.error().isEmpty(), qPrintable(fixture.error()));
    const auto kubeconfigBytes = [&fixture] {
        QFile file(fixture.kubeconfig());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    const QByteArray before = kubeconfigBytes();
    const auto kubectlContext = [&fixture] {
        return fixture.kubectl({QStringLiteral("config"), QStringLiteral("current-context")}).out.trimmed();
    };
    {
        MainWindow window(m_settings.get());
        ClusterSession session;
        SessionController controller(&session, &window);
        QVERIFY(session.loadKubeconfig(fixture.kubeconfig()).has_value());
        controller.start(AppOptions {});
        QTRY_COMPARE_WITH_TIMEOUT(
            window.connectionState(), MainWindow::ConnectionState::Connected, 10000);

        auto *namespaces = window.findChild<QComboBox *>(QStringLiteral("namespaceSelector"));
        QTRY_VERIFY_WITH_TIMEOUT(namespaces->findText(QStringLiteral("kube-system")) > 0, 10000);
        const int index = namespaces->findText(QStringLiteral("kube-system"));
        namespaces->setCurrentIndex(index);
        Q_EMIT namespaces->activated(index);
        QCOMPARE(session.namespaceName(), QStringLiteral("kube-system"));

        auto *contexts = window.findChild<QComboBox *>(QStringLiteral("contextSelector"));
        const auto pick = [&](const QString &name) {
            const int row = contexts->findText(name);
            contexts->setCurrentIndex(row);
            Q_EMIT contexts->activated(row);
        };
        pick(QStringLiteral("sandbox-viewer"));
        QCOMPARE(session.contextName(), QStringLiteral("sandbox-viewer"));
        QTRY_COMPARE_WITH_TIMEOUT(
            window.connectionState(), MainWindow::ConnectionState::Connected, 10000);
        // Browsing wrote nothing: kubectl still sees what it saw.
        QCOMPARE(kubeconfigBytes(), before);
        QCOMPARE(kubectlContext(), QStringLiteral("sandbox-admin"));

        // Back in the first context, Qluster shows the namespace it showed there.
        pick(QStringLiteral("sandbox-admin"));
        QCOMPARE(session.namespaceName(), QStringLiteral("kube-system"));
        QCOMPARE(window.currentNamespace(), QStringLiteral("kube-system"));
        pick(QStringLiteral("sandbox-viewer"));
        QTRY_COMPARE_WITH_TIMEOUT(
            window.connectionState(), MainWindow::ConnectionState::Connected, 10000);
        QCOMPARE(kubeconfigBytes(), before);
    }
    {
        // The next start opens the context Qluster showed last, not kubectl's current one.
        MainWindow window(m_settings.get());
        ClusterSession session;
        SessionController controller(&session, &window);
        QVERIFY(session.loadKubeconfig(fixture.kubeconfig()).has_value());
        controller.start(AppOptions {});
        QCOMPARE(session.contextName(), QStringLiteral("sandbox-viewer"));
        QTRY_COMPARE_WITH_TIMEOUT(
            window.connectionState(), MainWindow::ConnectionState::Connected, 10000);

        // The one explicit write: the Cluster menu's action, as kubectl config use-context.
        auto *makeCurrent = window.findChild<QAction *>(QStringLiteral("makeCurrentContextAction"));
        QVERIFY(makeCurrent);
        makeCurrent->trigger();
        QCOMPARE(kubectlContext(), QStringLiteral("sandbox-viewer"));
        QVERIFY2(window.statusBar()->currentMessage().contains(QLatin1String("sandbox-viewer")),
                 qPrintable(window.statusBar()->currentMessage()));
    }
}

void tst_SessionController::kubeconfigErrorShownWithRetry()
{
    const QString path = writeFile(QStringLiteral("broken.yaml"),
        "apiVersion: v1\nkind: Config\nclusters:\n- name: a\n  cluster: [unclosed\n");

    MainWindow window(m_settings.get());
    window.show();
    ClusterSession session;
    SessionController controller(&session, &window);
    auto loaded = session.loadKubeconfig(path);
    QVERIFY(!loaded);
    controller.showKubeconfigError(loaded.error().toString());
    QCOMPARE(window.connectionState(), MainWindow::ConnectionState::Failed);

    EmptyState *state = treeState(window);
    QVERIFY(state);
    QVERIFY2(state->hint().contains(path + QStringLiteral(":")), qPrintable(state->hint()));
    auto *retry = state->findChild<QPushButton *>(QStringLiteral("emptyStateAction"));
    QVERIFY(retry->isVisible());

    // Fixing the file and pressing Retry reads it again.
    SandboxFixture fixture;
    QVERIFY(QFile::remove(path));
    QVERIFY(QFile::copy(fixture.kubeconfig(), path));
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(
        window.connectionState(), MainWindow::ConnectionState::Connected, 10000);
    auto *contexts = window.findChild<QComboBox *>(QStringLiteral("contextSelector"));
    QCOMPARE(contexts->count(), 3);
}

void tst_SessionController::noContextsSaysWhatToDo()
{
    const QString path = writeFile(QStringLiteral("empty.yaml"), "apiVersion: v1\nkind: Config\n");

    MainWindow window(m_settings.get());
    window.show();
    ClusterSession session;
    SessionController controller(&session, &window);
    QVERIFY(session.loadKubeconfig(path).has_value());
    controller.start(AppOptions {});
    QCOMPARE(window.connectionState(), MainWindow::ConnectionState::Disconnected);
    EmptyState *state = treeState(window);
    QVERIFY(state);
    QVERIFY(state->hint().contains(path));
    QVERIFY(state->hint().contains(QStringLiteral("--demo")));
}

void tst_SessionController::browsesPodsOfTheConnectedContext()
{
    SandboxFixture fixture;
    QVERIFY2(fixture.error().isEmpty(), qPrintable(fixture.error()));
    QJsonObject web = makePod(QStringLiteral("default"), QStringLiteral("web-1"));
    QJsonObject labels {{QStringLiteral("app"), QStringLiteral("web")}};
    QJsonObject meta = web.value(QStringLiteral("metadata")).toObject();
    meta.insert(QStringLiteral("labels"), labels);
    web.insert(QStringLiteral("metadata"), meta);
    QVERIFY(!fixture.create(web).isEmpty());
    QVERIFY(!fixture.create(makePod(QStringLiteral("default"), QStringLiteral("db-1"))).isEmpty());

    MainWindow window(m_settings.get());
    ClusterSession session;
    SessionController controller(&session, &window);
    session.setDiscoveryCacheDirectory(m_dir->filePath(QStringLiteral("discovery")));
    QVERIFY(session.loadKubeconfig(fixture.kubeconfig()).has_value());
    controller.start(AppOptions {});
    window.show();

    // Once connected, the tree appears and Pods open by default, as in k9s.
    QTRY_VERIFY_WITH_TIMEOUT(controller.browser() != nullptr, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(window.resourceTree()->isVisible(), 10000);
    QTableView *table = window.resourceTable();
    QTRY_VERIFY_WITH_TIMEOUT(table->isVisible(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 2, 10000);
    QCOMPARE(controller.browser()->currentGvr().resource, QStringLiteral("pods"));

    // The row filter narrows the rows; an invalid label selector says why, a valid one applies.
    QTest::keyClicks(window.rowFilter(), QStringLiteral("web"));
    QTRY_COMPARE(table->model()->rowCount(), 1);
    window.rowFilter()->clear();
    QTRY_COMPARE(table->model()->rowCount(), 2);
    auto *error = window.findChild<QLabel *>(QStringLiteral("labelSelectorError"));
    QTest::keyClicks(window.labelSelector(), QStringLiteral("app in (web"));
    QTest::keyClick(window.labelSelector(), Qt::Key_Return);
    QVERIFY(error->isVisible());
    QVERIFY(!error->text().isEmpty());
    window.labelSelector()->clear();
    QTest::keyClicks(window.labelSelector(), QStringLiteral("app=web"));
    QTest::keyClick(window.labelSelector(), Qt::Key_Return);
    QVERIFY(!error->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 1, 10000);

    // Selecting the row shows the object as YAML, without managedFields (like kubectl -o yaml).
    table->setCurrentIndex(table->model()->index(0, 0));
    YamlEditor *yaml = controller.browser()->yamlView();
    QTRY_VERIFY_WITH_TIMEOUT(yaml->toPlainText().contains(QStringLiteral("name: web-1")), 10000);
    QVERIFY(yaml->toPlainText().contains(QStringLiteral("kind: Pod")));
    QVERIFY(yaml->isReadOnly());
    QVERIFY(!yaml->toPlainText().contains(QStringLiteral("managedFields")));

    // Switching the context drops this browser and builds one for the new connection.
    QPointer<ResourceBrowser> first = controller.browser();
    session.open(QStringLiteral("sandbox-token"));
    QVERIFY(first.isNull());
    QTRY_VERIFY_WITH_TIMEOUT(controller.browser() != nullptr, 10000);
}

void tst_SessionController::insecureContextsShowPersistentWarning()
{
    SandboxFixture https;
    QVERIFY2(https.error().isEmpty(), qPrintable(https.error()));
    SandboxOptions plainOptions;
    plainOptions.transport = SandboxOptions::Transport::Http;
    SandboxFixture plain(plainOptions);
    QVERIFY2(plain.error().isEmpty(), qPrintable(plain.error()));
    QByteArray token, httpsUrl, httpUrl;
    https.sandbox().invoke([&](SandboxServer &s) {
        token = s.token(QStringLiteral("developer")).toUtf8();
        httpsUrl = s.url().toString().toUtf8();
    });
    plain.sandbox().invoke([&](SandboxServer &s) { httpUrl = s.url().toString().toUtf8(); });
    const QString path = writeFile(QStringLiteral("insecure.yaml"),
        "apiVersion: v1\nkind: Config\ncurrent-context: skip-verify\nclusters:\n"
        "- name: skip\n  cluster:\n    server: " + httpsUrl + "\n    insecure-skip-tls-verify: true\n"
        "- name: plain\n  cluster:\n    server: " + httpUrl + "\n"
        "users:\n- name: developer\n  user:\n    token: " + token + "\n"
        "contexts:\n- name: skip-verify\n  context: {cluster: skip, user: developer}\n"
        "- name: plain-http\n  context: {cluster: plain}\n");

    MainWindow window(m_settings.get());
    ClusterSession session;
    SessionController controller(&session, &window);
    QVERIFY(session.loadKubeconfig(path).has_value());
    controller.start(AppOptions {});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE_WITH_TIMEOUT(
        window.connectionState(), MainWindow::ConnectionState::Connected, 10000);
    auto *warning = window.findChild<QLabel *>(QStringLiteral("insecureWarning"));
    QVERIFY(warning);
    QVERIFY(warning->isVisible());
    QVERIFY2(warning->text().contains(QStringLiteral("insecure-skip-tls-verify")),
        qPrintable(warning->text()));
    // Persistent: transient messages and the namespace list come and go, the warning stays.
    auto *namespaces = window.findChild<QComboBox *>(QStringLiteral("namespaceSelector"));
    QTRY_VERIFY_WITH_TIMEOUT(namespaces->findText(QStringLiteral("kube-system")) > 0, 10000);
    window.showMessage(QStringLiteral("something else happened"));
    QVERIFY(warning->isVisible());

    // Plain http: the warning says the connection is not encrypted, not a TLS setting.
    auto *contexts = window.findChild<QComboBox *>(QStringLiteral("contextSelector"));
    const int plainIndex = contexts->findText(QStringLiteral("plain-http"));
    QVERIFY(plainIndex >= 0);
    contexts->setCurrentIndex(plainIndex);
    Q_EMIT contexts->activated(plainIndex);
    QTRY_COMPARE_WITH_TIMEOUT(
        window.connectionState(), MainWindow::ConnectionState::Connected, 10000);
    QCOMPARE(session.contextName(), QStringLiteral("plain-http"));
    QVERIFY(warning->isVisible());
    QVERIFY2(warning->text().contains(QStringLiteral("not encrypted")), qPrintable(warning->text()));
    QVERIFY2(!warning->text().contains(QStringLiteral("insecure-skip-tls-verify")),
        qPrintable(warning->text()));
}

void tst_SessionController::forbiddenNamespaceListLetsUserType()
{
    SandboxFixture fixture;
    QVERIFY2(fixture.error().isEmpty(), qPrintable(fixture.error()));
    // A service account that may read pods in "default" but not list namespaces, set up with
    // kubectl as an administrator would.
    const QList<QStringList> setUp {
        {QStringLiteral("create"), QStringLiteral("serviceaccount"), QStringLiteral("limited")},
        {QStringLiteral("create"), QStringLiteral("role"), QStringLiteral("pod-reader"),
            QStringLiteral("--verb=get,list,watch"), QStringLiteral("--resource=pods")},
        {QStringLiteral("create"), QStringLiteral("rolebinding"), QStringLiteral("limited-pods"),
            QStringLiteral("--role=pod-reader"), QStringLiteral("--serviceaccount=default:limited")},
    };
    for (const QStringList &args : setUp) {
        const KubectlResult r = fixture.kubectl(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
    const KubectlResult minted = fixture.kubectl(
        {QStringLiteral("create"), QStringLiteral("token"), QStringLiteral("limited")});
    QVERIFY2(minted.exitCode == 0, qPrintable(minted.err));
    const QByteArray token = minted.out.trimmed().toUtf8();
    QVERIFY(!token.isEmpty());
    QByteArray server, ca;
    fixture.sandbox().invoke([&](SandboxServer &s) {
        server = s.url().toString().toUtf8();
        ca = s.caCertificatePem().toBase64();
    });
    const QString path = writeFile(QStringLiteral("limited.yaml"),
        "apiVersion: v1\nkind: Config\ncurrent-context: limited\nclusters:\n- name: sandbox\n"
        "  cluster:\n    server: " + server + "\n    certificate-authority-data: " + ca + "\n"
        "users:\n- name: limited\n  user:\n    token: " + token + "\n"
        "contexts:\n- name: limited\n  context: {cluster: sandbox, user: limited, namespace: default}\n");

    MainWindow window(m_settings.get());
    ClusterSession session;
    SessionController controller(&session, &window);
    QSignalSpy listed(&session, &ClusterSession::namespacesChanged);
    QSignalSpy messages(window.statusBar(), &QStatusBar::messageChanged);
    QVERIFY(session.loadKubeconfig(path).has_value());
    controller.start(AppOptions {});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE_WITH_TIMEOUT(
        window.connectionState(), MainWindow::ConnectionState::Connected, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(session.namespacesForbidden(), 10000);
    QVERIFY(!listed.isEmpty());
    // Told once in the status bar (later messages replace it) and for good in the tooltip.
    const bool told = std::any_of(messages.cbegin(), messages.cend(), [](const QList<QVariant> &m) {
        return m.value(0).toString().contains(QStringLiteral("type the one you want"));
    });
    QVERIFY(told);
    auto *namespaces = window.findChild<QComboBox *>(QStringLiteral("namespaceSelector"));
    QVERIFY2(namespaces->toolTip().contains(QStringLiteral("may not list namespaces")),
        qPrintable(namespaces->toolTip()));

    // Nothing listed, the context's namespace kept, and a typed name is taken.
    QVERIFY(namespaces->isEditable());
    QCOMPARE(namespaces->count(), 1); // "All namespaces" only
    QCOMPARE(namespaces->lineEdit()->text(), QStringLiteral("default"));
    namespaces->lineEdit()->selectAll();
    QTest::keyClicks(namespaces->lineEdit(), QStringLiteral("team-a"));
    QTest::keyClick(namespaces->lineEdit(), Qt::Key_Return);
    QCOMPARE(session.namespaceName(), QStringLiteral("team-a"));
    QCOMPARE(window.currentNamespace(), QStringLiteral("team-a"));
}

QTEST_MAIN(tst_SessionController)
#include "tst_sessioncontroller.moc"
