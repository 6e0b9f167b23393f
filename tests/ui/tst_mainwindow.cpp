// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "translation.h"
#include "views/aboutdialog.h"
#include "views/emptystate.h"
#include "views/mainwindow.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStringListModel>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeView>

using namespace Qluster::Ui;

class tst_MainWindow final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void hasMainWidgets();
    void emptyStatesSayWhatToDo();
    void switchesContext();
    void switchesNamespaceFromList();
    void acceptsTypedNamespaceAndRejectsInvalid();
    void persistsSessionAndGeometry();
    void connectionStateInStatusBar();
    void failedConnectionOffersRetry();
    void insecureWarning();
    void aboutReportsVersions();
    void chineseTranslation();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
};

void tst_MainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(
        m_dir->filePath(QStringLiteral("qluster.ini")), QSettings::IniFormat);
}

void tst_MainWindow::hasMainWidgets()
{
    MainWindow window(m_settings.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QVERIFY(window.findChild<QComboBox *>(QStringLiteral("contextSelector")));
    QVERIFY(window.findChild<QComboBox *>(QStringLiteral("namespaceSelector")));
    QVERIFY(window.findChild<QLineEdit *>(QStringLiteral("resourceFilter")));
    QCOMPARE(window.findChild<QTreeView *>(QStringLiteral("resourceTree")), window.resourceTree());
    QCOMPARE(
        window.findChild<QTableView *>(QStringLiteral("resourceTable")), window.resourceTable());
    QTabWidget *tabs = window.findChild<QTabWidget *>(QStringLiteral("detailTabs"));
    QVERIFY(tabs);
    QStringList tabNames;
    for (int i = 0; i < tabs->count(); ++i)
        tabNames << tabs->tabText(i);
    QCOMPARE(tabNames, (QStringList {QStringLiteral("Overview"), QStringLiteral("YAML")}));
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("connectionState"))->isVisible());
    QVERIFY(tabs->isVisible());
    QVERIFY(!window.resourceTree()->isVisible());
    window.showResourceTree(true);
    QVERIFY(window.resourceTree()->isVisible());
}

void tst_MainWindow::emptyStatesSayWhatToDo()
{
    MainWindow window(m_settings.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto *treeStack = window.findChild<QStackedWidget *>(QStringLiteral("treeStack"));
    QVERIFY(treeStack);
    auto *treeEmpty = qobject_cast<EmptyState *>(treeStack->currentWidget());
    QVERIFY2(treeEmpty, "the tree pane starts on its empty state");
    QVERIFY(treeEmpty->hint().contains(QStringLiteral("context")));

    auto *stack = window.findChild<QStackedWidget *>(QStringLiteral("tableStack"));
    QVERIFY(stack);
    auto *empty = qobject_cast<EmptyState *>(stack->currentWidget());
    QVERIFY2(empty, "the centre pane starts on its empty state, not on a blank table");
    QVERIFY(empty->isVisible());
    QVERIFY(empty->hint().contains(QStringLiteral("--demo")));
    QVERIFY(!window.resourceTable()->isVisible());

    window.showResourceTable(true);
    QVERIFY(window.resourceTable()->isVisible());
    QVERIFY(!empty->isVisible());

    auto *overview = qobject_cast<EmptyState *>(window.detailTabs()->widget(0));
    QVERIFY(overview);
    QVERIFY(overview->hint().contains(QStringLiteral("Select an object")));
}

void tst_MainWindow::switchesContext()
{
    MainWindow window(m_settings.get());
    QStringListModel contexts({QStringLiteral("dev"), QStringLiteral("prod")});
    window.setContextModel(&contexts);
    QCOMPARE(window.currentContext(), QString());
    window.setCurrentContext(QStringLiteral("prod"));
    QCOMPARE(window.currentContext(), QStringLiteral("prod"));

    QSignalSpy changed(&window, &MainWindow::contextChanged);
    auto *box = window.findChild<QComboBox *>(QStringLiteral("contextSelector"));
    box->setCurrentIndex(0);
    Q_EMIT box->activated(0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), QStringLiteral("dev"));
    QCOMPARE(window.lastContext(), QStringLiteral("dev"));

    contexts.setStringList({});
    QCOMPARE(window.currentContext(), QString());
    QCOMPARE(box->placeholderText(), QStringLiteral("No kubeconfig contexts"));
}

void tst_MainWindow::switchesNamespaceFromList()
{
    MainWindow window(m_settings.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.setNamespaces({QStringLiteral("default"), QStringLiteral("kube-system")});
    QCOMPARE(window.currentNamespace(), QString());

    auto *box = window.findChild<QComboBox *>(QStringLiteral("namespaceSelector"));
    QCOMPARE(box->count(), 3);
    QCOMPARE(box->itemText(0), QStringLiteral("All namespaces"));

    QSignalSpy changed(&window, &MainWindow::namespaceChanged);
    box->setCurrentIndex(2);
    Q_EMIT box->activated(2);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), QStringLiteral("kube-system"));
    QCOMPARE(window.currentNamespace(), QStringLiteral("kube-system"));

    // Choosing the same namespace again is not a change.
    Q_EMIT box->activated(2);
    QCOMPARE(changed.count(), 1);

    // A refreshed list keeps the choice.
    window.setNamespaces({QStringLiteral("kube-system"), QStringLiteral("web")});
    QCOMPARE(box->currentText(), QStringLiteral("kube-system"));
    QCOMPARE(window.currentNamespace(), QStringLiteral("kube-system"));

    box->setCurrentIndex(0);
    Q_EMIT box->activated(0);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.at(1).at(0).toString(), QString());
}

void tst_MainWindow::acceptsTypedNamespaceAndRejectsInvalid()
{
    MainWindow window(m_settings.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *box = window.findChild<QComboBox *>(QStringLiteral("namespaceSelector"));
    QSignalSpy changed(&window, &MainWindow::namespaceChanged);

    box->lineEdit()->selectAll();
    QTest::keyClicks(box->lineEdit(), QStringLiteral("Not_Valid"));
    QTest::keyClick(box->lineEdit(), Qt::Key_Return);
    QCOMPARE(changed.count(), 0);
    QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("Not_Valid")));

    box->lineEdit()->selectAll();
    QTest::keyClicks(box->lineEdit(), QStringLiteral("team-a"));
    QTest::keyClick(box->lineEdit(), Qt::Key_Return);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(window.currentNamespace(), QStringLiteral("team-a"));
}

void tst_MainWindow::persistsSessionAndGeometry()
{
    {
        MainWindow window(m_settings.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(1000, 700);
        QStringListModel contexts({QStringLiteral("a"), QStringLiteral("b")});
        window.setContextModel(&contexts);
        window.setCurrentContext(QStringLiteral("a"));
        auto *box = window.findChild<QComboBox *>(QStringLiteral("contextSelector"));
        box->setCurrentIndex(1);
        Q_EMIT box->activated(1);
        QVERIFY(window.setCurrentNamespace(QStringLiteral("web")));
        window.close();
    }
    QSettings reread(m_settings->fileName(), QSettings::IniFormat);
    MainWindow again(&reread);
    QCOMPARE(again.lastContext(), QStringLiteral("b"));
    QCOMPARE(again.lastNamespace(QStringLiteral("b")), QStringLiteral("web"));
    QCOMPARE(again.lastNamespace(QStringLiteral("a")), std::nullopt);
    QCOMPARE(again.size(), QSize(1000, 700));
}

void tst_MainWindow::connectionStateInStatusBar()
{
    MainWindow window(m_settings.get());
    auto *label = window.findChild<QLabel *>(QStringLiteral("connectionState"));
    QCOMPARE(label->text(), QStringLiteral("Not connected"));
    window.setConnectionState(MainWindow::ConnectionState::Connecting, QStringLiteral("prod"));
    QVERIFY(label->text().contains(QStringLiteral("prod")));
    window.setConnectionState(
        MainWindow::ConnectionState::Failed, QStringLiteral("401 Unauthorized"));
    QVERIFY(label->text().contains(QStringLiteral("401 Unauthorized")));
    QCOMPARE(window.connectionState(), MainWindow::ConnectionState::Failed);
}

void tst_MainWindow::failedConnectionOffersRetry()
{
    MainWindow window(m_settings.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *treeStack = window.findChild<QStackedWidget *>(QStringLiteral("treeStack"));
    auto *state = qobject_cast<EmptyState *>(treeStack->widget(0));
    QVERIFY(state);

    window.setConnectionState(MainWindow::ConnectionState::Failed,
        QStringLiteral("GET https://h/version: 401 Unauthorized"));
    QCOMPARE(treeStack->currentWidget(), state);
    QVERIFY(state->hint().contains(QStringLiteral("401 Unauthorized")));
    auto *retry = state->findChild<QPushButton *>(QStringLiteral("emptyStateAction"));
    QVERIFY(retry && retry->isVisible());
    QSignalSpy retried(&window, &MainWindow::retryRequested);
    QTest::mouseClick(retry, Qt::LeftButton);
    QCOMPARE(retried.count(), 1);

    window.setConnectionState(MainWindow::ConnectionState::Connecting, QStringLiteral("prod"));
    QVERIFY(!retry->isVisible());
    QVERIFY(state->hint().contains(QStringLiteral("prod")));
}

void tst_MainWindow::insecureWarning()
{
    MainWindow window(m_settings.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *label = window.findChild<QLabel *>(QStringLiteral("insecureWarning"));
    QVERIFY(label && !label->isVisible());
    window.setInsecureWarning(MainWindow::Insecurity::TlsVerificationOff);
    QVERIFY(label->isVisible());
    QVERIFY(window.hasInsecureWarning());
    QVERIFY(label->text().contains(QStringLiteral("insecure-skip-tls-verify")));
    // Plain http is named as such, not as a TLS setting.
    window.setInsecureWarning(MainWindow::Insecurity::Unencrypted);
    QVERIFY(label->isVisible());
    QVERIFY2(label->text().contains(QStringLiteral("not encrypted")), qPrintable(label->text()));
    QVERIFY(!label->text().contains(QStringLiteral("TLS")));
    QCOMPARE(window.insecureWarningText(), label->text());
    window.setInsecureWarning(MainWindow::Insecurity::None);
    QVERIFY(!window.hasInsecureWarning());
    QVERIFY(window.insecureWarningText().isEmpty());
}

void tst_MainWindow::aboutReportsVersions()
{
    const QString report = AboutDialog::versionReport();
    QVERIFY(report.contains(QStringLiteral(QLUSTER_VERSION_STRING)));
    QVERIFY(report.contains(QString::fromLatin1(qVersion())));
    QVERIFY2(report.contains(QStringLiteral("OpenSSL")), qPrintable(report));
    QVERIFY(report.contains(QStringLiteral("built-in"))
        || report.contains(QStringLiteral("KSyntaxHighlighting")));
}

void tst_MainWindow::chineseTranslation()
{
    const QStringList installed = installTranslations(
        *QCoreApplication::instance(), QLocale(QLocale::Chinese, QLocale::China));
    QVERIFY2(!installed.isEmpty(), "the zh_CN catalogue is compiled into the binary");
    QVERIFY(installed.constFirst().endsWith(QStringLiteral("qluster_zh_CN.qm")));
    {
        MainWindow window(m_settings.get());
        QTabWidget *tabs = window.detailTabs();
        QCOMPARE(tabs->tabText(0), QStringLiteral("概览"));
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("connectionState"))->text(),
            QStringLiteral("未连接"));
    }
    const auto translators = QCoreApplication::instance()->findChildren<QTranslator *>();
    for (QTranslator *translator : translators) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
