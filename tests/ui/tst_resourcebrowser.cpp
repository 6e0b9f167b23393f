// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
// MainWindow driven by ResourceBrowser against the SandboxServer: pick a kind, see its rows, pick
// a row, see the object's Overview.

#include "../integration/sandboxfixture.h"

#include "cache/connectionlistwatcher.h"
#include "cache/resourcecacheregistry.h"
#include "config/kubeconfig.h"
#include "discovery/discovery.h"
#include "cache/resourcecache.h"
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
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using namespace Qluster;
using namespace Qluster::Ui;

class tst_ResourceBrowser final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void selectKindShowsRowsAndOverview();
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

    auto config = Kubeconfig::load(fixture.kubeconfig());
    if (!config)
        QFAIL(qPrintable(config.error().toString()));
    auto context = config->resolve(config->currentContext());
    if (!context)
        QFAIL(qPrintable(context.error().toString()));
    auto created = Connection::create(*context);
    if (!created)
        QFAIL(qPrintable(created.error().toString()));
    std::unique_ptr<Connection> connection = std::move(*created);

    QTemporaryDir dir;
    Discovery discovery(connection.get(), dir.filePath(QStringLiteral("discovery")));
    QSignalSpy refreshed(&discovery, &Discovery::refreshed);
    discovery.refresh();
    QVERIFY(refreshed.wait(10000));

    Connection *raw = connection.get();
    ResourceCacheRegistry registry([raw](const CacheKey &key) {
        return std::make_unique<ConnectionListWatcher>(raw, key);
    });
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    MainWindow window(&settings);
    QStringListModel contexts({QStringLiteral("sandbox-admin")});
    window.setContextModel(&contexts);
    window.setCurrentContext(QStringLiteral("sandbox-admin"));
    window.setNamespaces({QStringLiteral("default"), QStringLiteral("kube-system")});
    QVERIFY(window.setCurrentNamespace(QStringLiteral("default")));
    ResourceBrowser browser(&window, connection.get(), &discovery, &registry, QStringLiteral("sandbox-admin"));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // The tree lists the kinds; typing filters it.
    QTreeView *tree = window.resourceTree();
    QAbstractItemModelTester treeTester(tree->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(tree->model()->rowCount(), 6);
    auto *filter = window.findChild<QLineEdit *>(QStringLiteral("resourceFilter"));
    QVERIFY(filter);
    QTest::keyClicks(filter, QStringLiteral("po"));
    const Gvr pods{QString(), QStringLiteral("v1"), QStringLiteral("pods")};
    const QModelIndex source = browser.treeModel()->indexOf(pods);
    QVERIFY(source.isValid());
    const auto *proxy = qobject_cast<const QSortFilterProxyModel *>(tree->model());
    QVERIFY(proxy);
    const QModelIndex podNode = proxy->mapFromSource(source);
    QVERIFY(podNode.isValid()); // "po" is the short name of pods

    // Select Pods: the table shows the pods of "default".
    tree->setCurrentIndex(podNode);
    QCOMPARE(browser.currentGvr(), pods);
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
    QCOMPARE(overview->object().value(QStringLiteral("spec")).toObject().value(QStringLiteral("containers")).toArray().size(), 1);

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

QTEST_MAIN(tst_ResourceBrowser)
#include "tst_resourcebrowser.moc"
