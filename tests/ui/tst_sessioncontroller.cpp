// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "../integration/sandboxfixture.h"

#include "session/clustersession.h"
#include "views/emptystate.h"
#include "views/mainwindow.h"
#include "views/sessioncontroller.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QTest>

using namespace Qluster;
using namespace Qluster::Ui;

class tst_SessionController final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void opensCurrentContextAndListsNamespaces();
    void switchingInToolbarWritesKubeconfig();
    void kubeconfigErrorShownWithRetry();
    void noContextsSaysWhatToDo();

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
    QTRY_COMPARE_WITH_TIMEOUT(
        window.connectionState(), MainWindow::ConnectionState::Connected, 10000);
    auto *label = window.findChild<QLabel *>(QStringLiteral("connectionState"));
    QVERIFY(label->text().contains(QStringLiteral("sandbox-admin")));
    auto *namespaces = window.findChild<QComboBox *>(QStringLiteral("namespaceSelector"));
    QTRY_VERIFY_WITH_TIMEOUT(namespaces->findText(QStringLiteral("kube-system")) > 0, 10000);
    QCOMPARE(window.currentNamespace(), QStringLiteral("default"));
    QVERIFY(!window.hasInsecureWarning());
}

void tst_SessionController::switchingInToolbarWritesKubeconfig()
{
    SandboxFixture fixture;
    QVERIFY2(fixture.error().isEmpty(), qPrintable(fixture.error()));
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
    const int viewer = contexts->findText(QStringLiteral("sandbox-viewer"));
    contexts->setCurrentIndex(viewer);
    Q_EMIT contexts->activated(viewer);
    QCOMPARE(session.contextName(), QStringLiteral("sandbox-viewer"));
    QTRY_COMPARE_WITH_TIMEOUT(
        window.connectionState(), MainWindow::ConnectionState::Connected, 10000);

    // What the toolbar shows is what kubectl now sees.
    QCOMPARE(fixture.kubectl({QStringLiteral("config"), QStringLiteral("current-context")})
                 .out.trimmed(),
        QStringLiteral("sandbox-viewer"));
    QCOMPARE(fixture
                 .kubectl({QStringLiteral("config"), QStringLiteral("view"), QStringLiteral("-o"),
                     QStringLiteral("jsonpath={.contexts[?(@.name==\"sandbox-admin\")]."
                                    "context.namespace}")})
                 .out,
        QStringLiteral("kube-system"));
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

QTEST_MAIN(tst_SessionController)
#include "tst_sessioncontroller.moc"
