// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
// MainWindow driven by ResourceBrowser against the SandboxServer: pick a kind, see its rows, pick
// a row, see the object's Overview.

#include "../integration/sandboxfixture.h"
#include "testenv.h"

#include "api/resourceclient.h"
#include "cache/connectionlistwatcher.h"
#include "cache/resourcecacheregistry.h"
#include "config/kubeconfig.h"
#include "discovery/discovery.h"
#include "cache/resourcecache.h"
#include "editor/yamleditor.h"
#include "views/emptystate.h"
#include "models/resourcetablemodel.h"
#include "models/resourcetreemodel.h"
#include "net/connection.h"
#include "views/mainwindow.h"
#include "views/objectoverview.h"
#include "views/resourcebrowser.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QSettings>
#include <QStringListModel>
#include <QPushButton>
#include <QStackedWidget>
#include <QLabel>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

QLUSTER_TEST_NEEDS(Qluster::Test::NeedsKubectl)

using namespace Qluster;
using namespace Qluster::Ui;

namespace {

/// Browser is MainWindow + ResourceBrowser connected to a sandbox as its admin, in "default".
struct Browser
{
    explicit Browser(const SandboxFixture &fixture, const QString &contextName = QString())
    {
        auto config = Kubeconfig::load(fixture.kubeconfig());
        if (!config) {
            error = config.error().toString();
            return;
        }
        auto context = config->resolve(contextName.isEmpty() ? config->currentContext() : contextName);
        if (!context) {
            error = context.error().toString();
            return;
        }
        auto created = Connection::create(*context);
        if (!created) {
            error = created.error().toString();
            return;
        }
        connection = std::move(*created);
        discovery = std::make_unique<Discovery>(connection.get(), dir.filePath(QStringLiteral("discovery")));
        QSignalSpy refreshed(discovery.get(), &Discovery::refreshed);
        discovery->refresh();
        if (!refreshed.wait(10000)) {
            error = QStringLiteral("no discovery");
            return;
        }
        Connection *raw = connection.get();
        registry = std::make_unique<ResourceCacheRegistry>([raw](const CacheKey &key) {
            return std::make_unique<ConnectionListWatcher>(raw, key);
        });
        settings = std::make_unique<QSettings>(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        window = std::make_unique<MainWindow>(settings.get());
        window->setContextModel(&contexts);
        window->setCurrentContext(QStringLiteral("sandbox-admin"));
        window->setNamespaces({QStringLiteral("default"), QStringLiteral("kube-system")});
        window->setCurrentNamespace(QStringLiteral("default"));
        client = std::make_unique<ResourceClient>(connection.get());
        browser = std::make_unique<ResourceBrowser>(window.get(), client.get(), discovery.get(),
                                                    registry.get(), QStringLiteral("sandbox-admin"));
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            error = QStringLiteral("the window was not shown");
    }

    QTemporaryDir dir;
    QString error;
    QStringListModel contexts{QStringList{QStringLiteral("sandbox-admin")}};
    std::unique_ptr<Connection> connection;
    std::unique_ptr<ResourceClient> client;
    std::unique_ptr<Discovery> discovery;
    std::unique_ptr<ResourceCacheRegistry> registry;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<ResourceBrowser> browser;
};

const Gvr kPods{QString(), QStringLiteral("v1"), QStringLiteral("pods")};

} // namespace

class tst_ResourceBrowser final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void selectKindShowsRowsAndOverview();
    void ownerLinksOpenTheOwner();
    void backoffIsShownInTheStatusBar();
    void secretValuesStayHiddenUntilAsked();
    void forbiddenListIsExplained();
};

void tst_ResourceBrowser::selectKindShowsRowsAndOverview()
{
    SandboxFixture fixture;
    QVERIFY2(fixture.error().isEmpty(), qPrintable(fixture.error()));
    QJsonObject pod = makePod(QStringLiteral("default"), QStringLiteral("web-1"));
    QJsonObject meta = pod.value(QStringLiteral("metadata")).toObject();
    meta.insert(QStringLiteral("labels"), QJsonObject{{QStringLiteral("app"), QStringLiteral("web")}});
    pod.insert(QStringLiteral("metadata"), meta);
    QVERIFY(!fixture.create(pod).isEmpty());
    QVERIFY(!fixture.create(makePod(QStringLiteral("default"), QStringLiteral("web-2"))).isEmpty());

    Browser b(fixture);
    QVERIFY2(b.error.isEmpty(), qPrintable(b.error));
    MainWindow &window = *b.window;
    ResourceBrowser &browser = *b.browser;

    // The tree lists the kinds; typing filters it.
    QTreeView *tree = window.resourceTree();
    QAbstractItemModelTester treeTester(tree->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(tree->model()->rowCount(), 6);
    auto *filter = window.findChild<QLineEdit *>(QStringLiteral("resourceFilter"));
    QVERIFY(filter);
    QTest::keyClicks(filter, QStringLiteral("po"));
    const QModelIndex source = browser.treeModel()->indexOf(kPods);
    QVERIFY(source.isValid());
    const auto *proxy = qobject_cast<const QSortFilterProxyModel *>(tree->model());
    QVERIFY(proxy);
    const QModelIndex podNode = proxy->mapFromSource(source);
    QVERIFY(podNode.isValid()); // "po" is the short name of pods

    // Select Pods: the table shows the pods of "default".
    tree->setCurrentIndex(podNode);
    QCOMPARE(browser.currentGvr(), kPods);
    QTableView *table = window.resourceTable();
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 2, 10000);
    QAbstractItemModelTester tableTester(table->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QStringList headers;
    for (int c = 0; c < table->model()->columnCount(); ++c)
        headers.append(table->model()->headerData(c, Qt::Horizontal).toString());
    QVERIFY2(headers.contains(QStringLiteral("Name")), qPrintable(headers.join(QLatin1Char(','))));
    QVERIFY2(headers.contains(QStringLiteral("Status")), qPrintable(headers.join(QLatin1Char(','))));
    QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("web-1")); // sorted by name
    // The Status column has room for long statuses that come later, not only for the first rows'.
    const int status = int(headers.indexOf(QStringLiteral("Status")));
    QVERIFY(table->columnWidth(status) > table->fontMetrics().horizontalAdvance(QStringLiteral("CrashLoopBackOff")));

    // A pod created now appears live.
    QVERIFY(!fixture.create(makePod(QStringLiteral("default"), QStringLiteral("web-3"))).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 3, 5000);

    // Select a row: the Overview shows the full object.
    QSignalSpy loaded(&browser, &ResourceBrowser::objectLoaded);
    table->setCurrentIndex(table->model()->index(0, 0));
    QVERIFY(loaded.wait(10000));
    ObjectOverview *overview = browser.overview();
    QCOMPARE(window.detailTabs()->widget(0), overview);
    const QString text = overview->text();
    QVERIFY2(text.contains(QLatin1String("Pod web-1")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("app")) && text.contains(QLatin1String("web")), qPrintable(text));
    QVERIFY(text.contains(QLatin1String("Labels")));
    QVERIFY(text.contains(QLatin1String("Owner references")));
    QVERIFY(text.contains(QLatin1String("Conditions")));
    QCOMPARE(overview->object().meta.name, QStringLiteral("web-1"));
    // The YAML view shows the full object (its spec) without managedFields, as kubectl get -o yaml.
    const QString yaml = browser.yamlView()->toPlainText();
    QVERIFY2(yaml.contains(QLatin1String("containers:")), qPrintable(yaml));
    QVERIFY2(!yaml.contains(QLatin1String("managedFields")), qPrintable(yaml));

    // A label selector narrows the rows; a malformed one is refused with a reason, rows unchanged.
    auto bad = browser.setLabelSelector(QStringLiteral("app in (web"));
    QVERIFY(!bad);
    QVERIFY(!bad.error().message.isEmpty());
    QCOMPARE(table->model()->rowCount(), 3);
    auto good = browser.setLabelSelector(QStringLiteral("app=web"));
    if (!good)
        QFAIL(qPrintable(good.error().toString()));
    QCOMPARE(browser.tableModel()->cache()->key().labelSelector, QStringLiteral("app=web"));
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 1, 10000);
    QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("web-1"));
    QVERIFY(browser.setLabelSelector(QString()).has_value());
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 3, 10000);

    // Another namespace: the table follows.
    QVERIFY(window.setCurrentNamespace(QStringLiteral("kube-system")));
    QCOMPARE(browser.tableModel()->cache()->key().namespaceName, QStringLiteral("kube-system"));
    QTRY_VERIFY_WITH_TIMEOUT(browser.tableModel()->cache()->hasSynced(), 10000);
    QCOMPARE(browser.tableModel()->rowOf(QStringLiteral("default/web-1")), -1);
}

void tst_ResourceBrowser::ownerLinksOpenTheOwner()
{
    SandboxFixture fixture;
    QVERIFY2(fixture.error().isEmpty(), qPrintable(fixture.error()));
    // The sandbox's controllers make Deployment -> ReplicaSet -> Pod, each owning the next.
    const KubectlResult created = fixture.kubectl({QStringLiteral("create"), QStringLiteral("deployment"),
        QStringLiteral("web"), QStringLiteral("--image=example/web:1.0"), QStringLiteral("-n"), QStringLiteral("default")});
    QVERIFY2(created.exitCode == 0, qPrintable(created.err));
    Browser b(fixture);
    QVERIFY2(b.error.isEmpty(), qPrintable(b.error));
    QCOMPARE(b.browser->currentGvr(), kPods);
    QTableView *table = b.window->resourceTable();
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 1, 10000);
    QSignalSpy loaded(b.browser.get(), &ResourceBrowser::objectLoaded);
    table->setCurrentIndex(table->model()->index(0, 0));
    QVERIFY(loaded.wait(10000));
    ObjectOverview *overview = b.browser->overview();
    QCOMPARE(overview->object().kind, QStringLiteral("Pod"));

    // Follow the owner link as a keyboard user does: Tab to the link, Enter.
    auto *text = overview->findChild<QTextBrowser *>(QStringLiteral("overviewBrowser"));
    QVERIFY(text);
    const auto followOwner = [text] {
        QTest::keyClick(text, Qt::Key_Tab);
        QTest::keyClick(text, Qt::Key_Return);
    };
    const auto current = [overview](const QString &field) {
        const ObjectMeta &meta = overview->object().meta;
        return field == QLatin1String("namespace") ? meta.namespaceName : meta.name;
    };
    followOwner();
    const Gvr replicaSets{QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("replicasets")};
    QCOMPARE(b.browser->currentGvr(), replicaSets);
    QCOMPARE(b.window->resourceTree()->currentIndex().data(ResourceTreeModel::GvrRole).value<Gvr>(), replicaSets);
    QVERIFY(loaded.wait(10000)); // the owner's row was selected and its Overview loaded
    QCOMPARE(overview->object().kind, QStringLiteral("ReplicaSet"));
    QVERIFY2(current(QStringLiteral("name")).startsWith(QLatin1String("web-")), qPrintable(current(QStringLiteral("name"))));
    QCOMPARE(table->currentIndex().data(ResourceTableModel::NameRole).toString(), current(QStringLiteral("name")));

    followOwner();
    const Gvr deployments{QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("deployments")};
    QCOMPARE(b.browser->currentGvr(), deployments);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(overview->object().kind, QStringLiteral("Deployment"));
    QCOMPARE(current(QStringLiteral("name")), QStringLiteral("web"));
    QCOMPARE(current(QStringLiteral("namespace")), QStringLiteral("default"));

    // An owner of a kind the server does not serve: a reason, and the table stays.
    const Result<void> refused
        = b.browser->openOwner(QStringLiteral("example.com/v1"), QStringLiteral("Widget"), QStringLiteral("w"));
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(QLatin1String("Widget")), qPrintable(refused.error().message));
    QCOMPARE(b.browser->currentGvr(), deployments);
}

void tst_ResourceBrowser::backoffIsShownInTheStatusBar()
{
    SandboxFixture fixture;
    QVERIFY2(fixture.error().isEmpty(), qPrintable(fixture.error()));
    Browser b(fixture);
    QVERIFY2(b.error.isEmpty(), qPrintable(b.error));
    QTRY_COMPARE_WITH_TIMEOUT(b.browser->tableModel()->cache()->syncState(), ResourceCache::SyncState::Watching, 10000);
    // The watch drops and the server fails what follows: the status bar says the table is
    // reconnecting and why; once the server answers again the message goes.
    fixture.sandbox().invoke([](SandboxServer &s) {
        s.failNextRequests(2, 500);
        s.dropWatches();
    });
    QStatusBar *status = b.window->statusBar();
    QTRY_VERIFY_WITH_TIMEOUT(status->currentMessage().startsWith(QLatin1String("Reconnecting to pods")), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(status->currentMessage().contains(QLatin1String("500")), 10000);
    QTRY_VERIFY2_WITH_TIMEOUT(b.browser->tableModel()->cache()->syncState() == ResourceCache::SyncState::Watching,
        qPrintable(b.browser->tableModel()->cache()->lastError().toString()), 30000);
    QVERIFY2(status->currentMessage().isEmpty(), qPrintable(status->currentMessage()));
}

void tst_ResourceBrowser::secretValuesStayHiddenUntilAsked()
{
    SandboxFixture fixture;
    QVERIFY2(fixture.error().isEmpty(), qPrintable(fixture.error()));
    // kubectl apply copies the whole Secret into an annotation: that copy is secret too.
    const QByteArray secret = "apiVersion: v1\nkind: Secret\nmetadata: {name: db, namespace: default}\n"
                              "stringData: {password: hunter2-correct-horse}\n";
    const KubectlResult applied = fixture.kubectl({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")}, secret);
    QVERIFY2(applied.exitCode == 0, qPrintable(applied.err));
    const QString encoded = QString::fromLatin1(QByteArray("hunter2-correct-horse").toBase64());

    Browser b(fixture);
    QVERIFY2(b.error.isEmpty(), qPrintable(b.error));
    const Gvr secrets{QString(), QStringLiteral("v1"), QStringLiteral("secrets")};
    b.browser->open(secrets);
    QTableView *table = b.window->resourceTable();
    QTRY_VERIFY_WITH_TIMEOUT(b.browser->tableModel()->rowOf(QStringLiteral("default/db")) >= 0, 10000);
    QSignalSpy loaded(b.browser.get(), &ResourceBrowser::objectLoaded);
    const int row = b.browser->tableModel()->rowOf(QStringLiteral("default/db"));
    table->setCurrentIndex(qobject_cast<QSortFilterProxyModel *>(table->model())
                               ->mapFromSource(b.browser->tableModel()->index(row, 0)));
    QVERIFY(loaded.wait(10000));

    auto *reveal = b.window->findChild<QPushButton *>(QStringLiteral("revealSecretValues"));
    QVERIFY(reveal);
    QVERIFY(!reveal->isHidden());
    const QString hidden = b.browser->yamlView()->toPlainText();
    QVERIFY2(hidden.contains(QLatin1String("password: (21 bytes, hidden)")), qPrintable(hidden));
    QVERIFY2(!hidden.contains(encoded) && !hidden.contains(QLatin1String("hunter2")), qPrintable(hidden));
    QVERIFY2(!b.browser->overview()->text().contains(QLatin1String("hunter2")), qPrintable(b.browser->overview()->text()));

    reveal->click();
    QVERIFY2(b.browser->yamlView()->toPlainText().contains(encoded), qPrintable(b.browser->yamlView()->toPlainText()));
    reveal->click();
    QVERIFY(!b.browser->yamlView()->toPlainText().contains(encoded));

    // Another object: no button; back to a Secret: hidden again.
    reveal->click();
    b.browser->open(kPods);
    QVERIFY(reveal->isHidden());
}

void tst_ResourceBrowser::forbiddenListIsExplained()
{
    SandboxFixture fixture;
    QVERIFY2(fixture.error().isEmpty(), qPrintable(fixture.error()));
    Browser b(fixture, QStringLiteral("sandbox-viewer")); // the "view" ClusterRole: no Secrets
    QVERIFY2(b.error.isEmpty(), qPrintable(b.error));
    const Gvr secrets{QString(), QStringLiteral("v1"), QStringLiteral("secrets")};
    b.browser->open(secrets);
    auto *message = b.window->findChild<EmptyState *>(QStringLiteral("tableMessage"));
    QVERIFY(message);
    auto *stack = b.window->findChild<QStackedWidget *>(QStringLiteral("tableStack"));
    QTRY_COMPARE_WITH_TIMEOUT(stack->currentWidget(), static_cast<QWidget *>(message), 10000);
    QCOMPARE(b.browser->tableModel()->cache()->syncState(), ResourceCache::SyncState::Forbidden);
    auto *hint = message->findChild<QLabel *>(QStringLiteral("emptyStateHint"));
    QVERIFY(hint);
    const QString text = hint->text();
    QVERIFY2(text.contains(QLatin1String("You may not list secrets in default")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("forbidden")), qPrintable(text));
    // Another kind brings the table back.
    b.browser->open(kPods);
    QVERIFY(stack->currentWidget() != message);
}

QTEST_MAIN(tst_ResourceBrowser)
#include "tst_resourcebrowser.moc"
