// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "api/listpage.h"
#include "testenv.h"
#include "api/watchdecoder.h"
#include "cache/resourcestore.h"
#include "models/resourcetablemodel.h"
#include "models/resourcetableproxymodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

QLUSTER_TEST_NEEDS(Qluster::Test::NeedsCorpus)

using namespace Qluster;
using namespace Qluster::Ui;

namespace {

QByteArray response(const char *name)
{
    QFile file(Qluster::Test::corpus(QStringLiteral("/real-1.22/responses/")) + QString::fromLatin1(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return file.readAll();
}

QStringList headers(const QAbstractItemModel &model)
{
    QStringList out;
    for (int c = 0; c < model.columnCount(); ++c)
        out.append(model.headerData(c, Qt::Horizontal).toString());
    return out;
}

QStringList column(const QAbstractItemModel &model, int c)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r)
        out.append(model.index(r, c).data().toString());
    return out;
}

ResourceObject row(const QString &name, const QString &rv, const QJsonArray &cells,
                   const QDateTime &created = QDateTime())
{
    ResourceObject o;
    o.metadata.name = name;
    o.metadata.namespaceName = QStringLiteral("demo");
    o.metadata.uid = QStringLiteral("uid-") + name;
    o.metadata.resourceVersion = rv;
    o.metadata.creationTimestamp = created;
    for (const QJsonValue &cell : cells)
        o.cells.append(tableCell(cell));
    return o;
}

QList<TableColumn> columns(std::initializer_list<std::pair<const char *, const char *>> defs)
{
    QList<TableColumn> out;
    for (const auto &[name, type] : defs) {
        TableColumn c;
        c.name = QString::fromLatin1(name);
        c.type = QString::fromLatin1(type);
        c.format = out.isEmpty() ? QStringLiteral("name") : QString();
        out.append(c);
    }
    return out;
}

} // namespace

class tst_ResourceTableModel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tableColumns();
    void namespaceColumnAndFallback();
    void oneInsertPerBatch();
    void watchUpdatesAndDeletes();
    void scatteredChangesSendFewSignals();
    void listPagesAreShownAsTheyCome();
    void rankedSortsFollowChanges();
    void ageTicks();
    void changedRowsFlash();
    void statusTone_data();
    void statusTone();
    void statusCellsColoured();
    void sortByValue_data();
    void sortByValue();
    void freeTextFilter();
    void sortByAgeAndTies();
    void filterFollowsUpdates();
};

void tst_ResourceTableModel::tableColumns()
{
    auto page = decodeListPage(response("table_deployments_includeObject_Metadata.json"), QStringLiteral("t"));
    if (!page)
        QFAIL(qPrintable(page.error().toString()));
    ResourceStore store;
    ResourceTableModel model(nullptr, false);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.applyBatch(store.replace(page->items, page->resourceVersion, page->columns, true));
    QCOMPARE(headers(model),
             (QStringList{QStringLiteral("Name"), QStringLiteral("Ready"), QStringLiteral("Up-to-date"),
                          QStringLiteral("Available"), QStringLiteral("Age"), QStringLiteral("Containers"),
                          QStringLiteral("Images"), QStringLiteral("Selector")}));
    QCOMPARE(model.headerData(5, Qt::Horizontal, ResourceTableModel::ColumnPriorityRole).toInt(), 1);
    QCOMPARE(model.headerData(1, Qt::Horizontal, ResourceTableModel::ColumnPriorityRole).toInt(), 0);
    QCOMPARE(model.rowCount(), 2);
    const int api = model.rowOf(QStringLiteral("demo/api"));
    QVERIFY(api >= 0);
    QCOMPARE(model.index(api, 0).data().toString(), QStringLiteral("api"));
    QCOMPARE(model.index(api, 1).data().toString(), QStringLiteral("0/1"));
    QCOMPARE(model.index(api, 2).data().toInt(), 0);
    QCOMPARE(model.index(api, 6).data().toString(), QStringLiteral("ghcr.io/example/api:2.1"));
    QCOMPARE(model.index(api, 0).data(ResourceTableModel::LabelsRole).toString(), QStringLiteral("app=api"));
    QCOMPARE(model.ageColumn(), 4);
    QVERIFY(!model.index(api, 0).data(ResourceTableModel::RecentlyChangedRole).toBool()); // first list
}

void tst_ResourceTableModel::namespaceColumnAndFallback()
{
    auto page = decodeListPage(response("list_configmaps_limit2_continue.json"), QStringLiteral("l"));
    if (!page)
        QFAIL(qPrintable(page.error().toString()));
    ResourceStore store;
    ResourceTableModel model(nullptr, true);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.applyBatch(store.replace(page->items, page->resourceVersion, page->columns, page->isTable));
    QCOMPARE(headers(model),
             (QStringList{QStringLiteral("Namespace"), QStringLiteral("Name"), QStringLiteral("Age")}));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(column(model, 0), (QStringList{QStringLiteral("demo"), QStringLiteral("demo")}));
    QStringList names = column(model, 1);
    names.sort();
    QCOMPARE(names, (QStringList{QStringLiteral("cfg-1"), QStringLiteral("cfg-2")}));
}

void tst_ResourceTableModel::oneInsertPerBatch()
{
    ResourceStore store;
    ResourceTableModel model(nullptr, false);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QList<TableColumn> cols = columns({{"Name", "string"}, {"Status", "string"}});
    model.applyBatch(store.replace({}, QStringLiteral("1"), cols, true));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    ChangeBatch batch;
    for (int i = 0; i < 200; ++i) {
        WatchStreamEvent e;
        e.type = WatchStreamEvent::Type::Added;
        e.objects.push_back(row(QStringLiteral("p%1").arg(i), QString::number(10 + i),
                                QJsonArray{QStringLiteral("p%1").arg(i), QStringLiteral("Running")}));
        store.apply(e, &batch);
    }
    model.applyBatch(batch);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.rowCount(), 200);
}

void tst_ResourceTableModel::watchUpdatesAndDeletes()
{
    WatchDecoder decoder;
    auto out = decoder.feed(response("watch_configmaps_table_events.jsonl"));
    QVERIFY(!out.error);
    ResourceStore store;
    ResourceTableModel model(nullptr, false);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // One batch per event, as a slow stream delivers them.
    for (const WatchStreamEvent &e : out.events) {
        ChangeBatch batch;
        store.apply(e, &batch);
        model.applyBatch(batch);
    }
    QCOMPARE(headers(model), (QStringList{QStringLiteral("Name"), QStringLiteral("Data"), QStringLiteral("Age")}));
    QStringList names = column(model, 0);
    names.sort();
    QCOMPARE(names, (QStringList{QStringLiteral("cfg-1"), QStringLiteral("cfg-2"), QStringLiteral("cfg-3")}));
    QCOMPARE(model.rowOf(QStringLiteral("demo/live")), -1);

    // Delete two non-adjacent rows and one adjacent pair in one batch, modify one, add one.
    ResourceStore big;
    ResourceTableModel many(nullptr, false);
    QAbstractItemModelTester tester2(&many, QAbstractItemModelTester::FailureReportingMode::QtTest);
    std::vector<ResourceObject> items;
    for (int i = 0; i < 10; ++i)
        items.push_back(row(QStringLiteral("o%1").arg(i), QStringLiteral("1"), QJsonArray{QStringLiteral("o%1").arg(i)}));
    many.applyBatch(big.replace(items, QStringLiteral("1"), columns({{"Name", "string"}}), true));
    QSignalSpy removed(&many, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&many, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&many, &QAbstractItemModel::dataChanged);
    std::vector<ResourceObject> next;
    for (int i = 0; i < 10; ++i) {
        if (i == 2 || i == 5 || i == 6)
            continue;
        next.push_back(row(QStringLiteral("o%1").arg(i), i == 8 ? QStringLiteral("2") : QStringLiteral("1"),
                           QJsonArray{QStringLiteral("o%1").arg(i)}));
    }
    next.push_back(row(QStringLiteral("new"), QStringLiteral("3"), QJsonArray{QStringLiteral("new")}));
    many.applyBatch(big.replace(next, QStringLiteral("3"), columns({{"Name", "string"}}), true));
    QCOMPARE(removed.size(), 2); // rows 5-6 together, then row 2
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(many.rowCount(), 8);
    for (int r = 0; r < many.rowCount(); ++r)
        QCOMPARE(many.rowOf(many.index(r, 0).data(ResourceTableModel::KeyRole).toString()), r);
    QVERIFY(many.index(many.rowOf(QStringLiteral("demo/o8")), 0).data(ResourceTableModel::RecentlyChangedRole).toBool());
    QVERIFY(!many.index(many.rowOf(QStringLiteral("demo/o7")), 0).data(ResourceTableModel::RecentlyChangedRole).toBool());

    // Changes come as one dataChanged per contiguous run of rows: rows 0-1 and row 5 give two.
    ChangeBatch updates;
    for (const char *name : {"o0", "o1", "o8"})
        updates.changes.push_back({ObjectChange::Type::Modified,
                                   row(QString::fromLatin1(name), QStringLiteral("4"), QJsonArray{QString::fromLatin1(name)})});
    QCOMPARE(many.rowOf(QStringLiteral("demo/o8")), 5);
    changed.clear();
    many.applyBatch(updates);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 0);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 1);
    QCOMPARE(changed.at(1).at(0).value<QModelIndex>().row(), 5);
    QCOMPARE(changed.at(1).at(1).value<QModelIndex>().row(), 5);
}

void tst_ResourceTableModel::scatteredChangesSendFewSignals()
{
    ResourceStore store;
    ResourceTableModel model(nullptr, false);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ResourceTableProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.sort(0, Qt::DescendingOrder);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QList<TableColumn> cols = columns({{"Name", "string"}, {"Status", "string"}});
    const auto name = [](int i) { return QStringLiteral("o%1").arg(i, 4, 10, QLatin1Char('0')); };
    std::vector<ResourceObject> items;
    for (int i = 0; i < 1000; ++i)
        items.push_back(row(name(i), QStringLiteral("1"), QJsonArray{name(i), QStringLiteral("Pending")}));
    model.applyBatch(store.replace(items, QStringLiteral("1"), cols, true));
    QCOMPARE(proxy.rowCount(), 1000);

    // 100 scattered updates: a bounded number of dataChanged ranges that cover every change.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    ChangeBatch updates;
    for (int i = 0; i < 1000; i += 10) {
        updates.changes.push_back({ObjectChange::Type::Modified,
                                   row(name(i), QStringLiteral("2"), QJsonArray{name(i), QStringLiteral("Running")})});
    }
    model.applyBatch(updates);
    QVERIFY2(changed.size() <= 32, qPrintable(QString::number(changed.size())));
    QVERIFY(changed.size() > 1); // not one range over the whole table
    for (int i = 0; i < 1000; i += 10) {
        const int r = model.rowOf(QStringLiteral("demo/") + name(i));
        QCOMPARE(model.index(r, 1).data().toString(), QStringLiteral("Running"));
        const bool covered = std::any_of(changed.cbegin(), changed.cend(), [r](const QList<QVariant> &args) {
            return args.at(0).value<QModelIndex>().row() <= r && r <= args.at(1).value<QModelIndex>().row();
        });
        QVERIFY2(covered, qPrintable(name(i)));
    }

    // 500 scattered deletions: one layout change, not 500 removals; what the user had selected
    // stays selected when it survives, and goes when it was deleted.
    const QPersistentModelIndex survivor = model.index(model.rowOf(QStringLiteral("demo/o0501")), 1);
    const QPersistentModelIndex deleted = model.index(model.rowOf(QStringLiteral("demo/o0500")), 0);
    const QPersistentModelIndex survivorInProxy = proxy.mapFromSource(survivor);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
    ChangeBatch deletions;
    for (int i = 0; i < 1000; i += 2)
        deletions.changes.push_back({ObjectChange::Type::Deleted, row(name(i), QStringLiteral("3"), QJsonArray{name(i)})});
    model.applyBatch(deletions);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(layout.size(), 1);
    QCOMPARE(model.rowCount(), 500);
    QCOMPARE(proxy.rowCount(), 500);
    QVERIFY(!deleted.isValid());
    QVERIFY(survivor.isValid());
    QCOMPARE(survivor.column(), 1);
    QCOMPARE(QModelIndex(survivor).siblingAtColumn(0).data().toString(), QStringLiteral("o0501"));
    QVERIFY(survivorInProxy.isValid());
    QCOMPARE(QModelIndex(survivorInProxy).siblingAtColumn(0).data().toString(), QStringLiteral("o0501"));
    for (int r = 0; r < model.rowCount(); ++r)
        QCOMPARE(model.rowOf(model.index(r, 0).data(ResourceTableModel::KeyRole).toString()), r);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("o0999"));
    QCOMPARE(proxy.index(499, 0).data().toString(), QStringLiteral("o0001"));
}

void tst_ResourceTableModel::listPagesAreShownAsTheyCome()
{
    // A list into an empty store arrives a page at a time: each page is one insert, and what the
    // list found is not highlighted as changed; a later addition is.
    ResourceStore store;
    ResourceTableModel model(nullptr, false);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    const QList<TableColumn> cols = columns({{"Name", "string"}, {"Status", "string"}});
    const auto page = [&](std::vector<ResourceObject> items) {
        ChangeBatch batch = store.add(std::move(items), cols, true);
        batch.isListPage = true;
        model.applyBatch(batch);
    };
    page({row(QStringLiteral("a"), QStringLiteral("1"), QJsonArray{QStringLiteral("a"), QStringLiteral("Pending")}),
          row(QStringLiteral("b"), QStringLiteral("1"), QJsonArray{QStringLiteral("b"), QStringLiteral("Running")})});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), 2);
    QCOMPARE(reset.size(), 1); // the first page brings the columns
    page({row(QStringLiteral("c"), QStringLiteral("1"), QJsonArray{QStringLiteral("c"), QStringLiteral("Running")})});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(inserted.size(), 1);
    for (int r = 0; r < model.rowCount(); ++r)
        QVERIFY(!model.index(r, 0).data(ResourceTableModel::RecentlyChangedRole).toBool());
    QCOMPARE(model.index(model.rowOf(QStringLiteral("demo/c")), 1).data().toString(), QStringLiteral("Running"));

    WatchStreamEvent added;
    added.type = WatchStreamEvent::Type::Added;
    added.objects = {row(QStringLiteral("d"), QStringLiteral("2"), QJsonArray{QStringLiteral("d"), QStringLiteral("Pending")})};
    ChangeBatch later;
    store.apply(added, &later);
    model.applyBatch(later);
    QCOMPARE(model.rowCount(), 4);
    QVERIFY(model.index(model.rowOf(QStringLiteral("demo/d")), 0).data(ResourceTableModel::RecentlyChangedRole).toBool());
}

void tst_ResourceTableModel::rankedSortsFollowChanges()
{
    // The proxy sorts through ranks the model computes for the column; they must give the order
    // compareRows gives, and a change of rows must not leave the old order behind.
    ResourceStore store;
    ResourceTableModel model(nullptr, false);
    ResourceTableProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QList<TableColumn> cols = columns({{"Name", "string"}, {"Restarts", "integer"}, {"Node", "string"}});
    std::vector<ResourceObject> items;
    for (int i = 0; i < 300; ++i) {
        const QString name = QStringLiteral("p%1").arg((i * 37) % 300, 3, 10, QLatin1Char('0'));
        items.push_back(row(name, QStringLiteral("1"),
                            QJsonArray{name, (i * 7) % 11, QStringLiteral("node-%1").arg(i % 3)}));
    }
    model.applyBatch(store.replace(items, QStringLiteral("1"), cols, true));
    const auto proxyIsOrdered = [&](int column, Qt::SortOrder order) {
        for (int r = 1; r < proxy.rowCount(); ++r) {
            const int a = proxy.mapToSource(proxy.index(r - 1, 0)).row();
            const int b = proxy.mapToSource(proxy.index(r, 0)).row();
            const int c = model.compareRows(a, b, column);
            if (order == Qt::AscendingOrder ? c >= 0 : c <= 0)
                return false;
        }
        return true;
    };
    for (int column = 0; column < 3; ++column) {
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            proxy.sort(column, order);
            QVERIFY2(proxyIsOrdered(column, order), qPrintable(QStringLiteral("column %1").arg(column)));
        }
    }
    // Sorted by Restarts ascending; then p000's restarts become the largest: it moves to the end.
    proxy.sort(1, Qt::AscendingOrder);
    ChangeBatch batch;
    batch.changes.push_back({ObjectChange::Type::Modified,
                             row(QStringLiteral("p000"), QStringLiteral("2"),
                                 QJsonArray{QStringLiteral("p000"), 99, QStringLiteral("node-0")})});
    model.applyBatch(batch);
    QVERIFY(proxyIsOrdered(1, Qt::AscendingOrder));
    QCOMPARE(proxy.index(proxy.rowCount() - 1, 0).data().toString(), QStringLiteral("p000"));
    // And a filter typed afterwards sorts what it keeps the same way.
    proxy.setFilterText(QStringLiteral("node-1"));
    QCOMPARE(proxy.rowCount(), 100);
    QVERIFY(proxyIsOrdered(1, Qt::AscendingOrder));
}

void tst_ResourceTableModel::ageTicks()
{
    const QDateTime created = QDateTime::fromString(QStringLiteral("2026-11-23T00:00:00Z"), Qt::ISODate);
    QDateTime now = created.addSecs(5);
    ResourceStore store;
    ResourceTableModel model(nullptr, false);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClock([&now] { return now; });
    model.applyBatch(store.replace({row(QStringLiteral("a"), QStringLiteral("1"),
                                        QJsonArray{QStringLiteral("a"), QStringLiteral("0s")}, created)},
                                   QStringLiteral("1"), columns({{"Name", "string"}, {"Age", "string"}}), true));
    QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("5s"));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    now = created.addSecs(5 * 86400 + 3 * 3600);
    model.tick();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().column(), 1);
    QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("5d3h"));
    QCOMPARE(model.index(0, 1).data(ResourceTableModel::SortRole).toDouble(), double(5 * 86400 + 3 * 3600));
}

void tst_ResourceTableModel::changedRowsFlash()
{
    QDateTime now = QDateTime::fromString(QStringLiteral("2026-11-23T00:00:00Z"), Qt::ISODate);
    ResourceStore store;
    ResourceTableModel model(nullptr, false);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClock([&now] { return now; });
    model.setHighlightDuration(1500);
    const QList<TableColumn> cols = columns({{"Name", "string"}});
    model.applyBatch(store.replace({row(QStringLiteral("a"), QStringLiteral("1"), QJsonArray{QStringLiteral("a")})},
                                   QStringLiteral("1"), cols, true));
    QVERIFY(!model.index(0, 0).data(ResourceTableModel::RecentlyChangedRole).toBool());
    ChangeBatch batch;
    WatchStreamEvent e;
    e.type = WatchStreamEvent::Type::Modified;
    e.objects.push_back(row(QStringLiteral("a"), QStringLiteral("2"), QJsonArray{QStringLiteral("a")}));
    store.apply(e, &batch);
    model.applyBatch(batch);
    QVERIFY(model.index(0, 0).data(ResourceTableModel::RecentlyChangedRole).toBool());
    QVERIFY(model.index(0, 0).data(Qt::BackgroundRole).value<QColor>().isValid());
    now = now.addMSecs(2000);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.tick();
    QVERIFY(!changed.isEmpty()); // the view is told to repaint the highlight away
    QVERIFY(!model.index(0, 0).data(ResourceTableModel::RecentlyChangedRole).toBool());
    QVERIFY(!model.index(0, 0).data(Qt::BackgroundRole).isValid());
    changed.clear();
    model.tick(); // nothing left to repaint: no signal (no AGE column here)
    QVERIFY(changed.isEmpty());
}

void tst_ResourceTableModel::statusTone_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<ResourceTableModel::StatusTone>("tone");
    using T = ResourceTableModel::StatusTone;
    QTest::newRow("Running") << "Running" << T::Ok;
    QTest::newRow("Completed") << "Completed" << T::Ok;
    QTest::newRow("Bound") << "Bound" << T::Ok;
    QTest::newRow("Pending") << "Pending" << T::Warning;
    QTest::newRow("ContainerCreating") << "ContainerCreating" << T::Warning;
    QTest::newRow("Terminating") << "Terminating" << T::Warning;
    QTest::newRow("Init:0/1") << "Init:0/1" << T::Warning;
    QTest::newRow("Failed") << "Failed" << T::Error;
    QTest::newRow("CrashLoopBackOff") << "CrashLoopBackOff" << T::Error;
    QTest::newRow("ImagePullBackOff") << "ImagePullBackOff" << T::Error;
    QTest::newRow("ErrImagePull") << "ErrImagePull" << T::Error;
    QTest::newRow("Init:CrashLoopBackOff") << "Init:CrashLoopBackOff" << T::Error;
    QTest::newRow("OOMKilled") << "OOMKilled" << T::Error;
    QTest::newRow("NotReady") << "NotReady" << T::Error;
    QTest::newRow("empty") << "" << T::None;
}

void tst_ResourceTableModel::statusTone()
{
    QFETCH(QString, status);
    QFETCH(ResourceTableModel::StatusTone, tone);
    QCOMPARE(ResourceTableModel::statusTone(status), tone);
}

void tst_ResourceTableModel::statusCellsColoured()
{
    ResourceStore store;
    ResourceTableModel model(nullptr, false);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.applyBatch(store.replace(
        {row(QStringLiteral("ok"), QStringLiteral("1"), QJsonArray{QStringLiteral("ok"), QStringLiteral("Running")}),
         row(QStringLiteral("bad"), QStringLiteral("1"), QJsonArray{QStringLiteral("bad"), QStringLiteral("CrashLoopBackOff")})},
        QStringLiteral("1"), columns({{"Name", "string"}, {"Status", "string"}}), true));
    const QModelIndex ok = model.index(model.rowOf(QStringLiteral("demo/ok")), 1);
    const QModelIndex bad = model.index(model.rowOf(QStringLiteral("demo/bad")), 1);
    QCOMPARE(ok.data(ResourceTableModel::StatusToneRole).value<ResourceTableModel::StatusTone>(),
             ResourceTableModel::StatusTone::Ok);
    QCOMPARE(bad.data(ResourceTableModel::StatusToneRole).value<ResourceTableModel::StatusTone>(),
             ResourceTableModel::StatusTone::Error);
    QVERIFY(ok.data(Qt::ForegroundRole).value<QColor>() != bad.data(Qt::ForegroundRole).value<QColor>());
    QVERIFY(!model.index(0, 0).data(Qt::ForegroundRole).isValid()); // name cells are not coloured
}

void tst_ResourceTableModel::sortByValue_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<QStringList>("ascending");
    QTest::newRow("durations") << "Duration"
                               << QStringList{QStringLiteral("5d3h"), QStringLiteral("10m"), QStringLiteral("45s"),
                                              QStringLiteral("2y"), QStringLiteral("3h10m"), QStringLiteral("5m")}
                               << QStringList{QStringLiteral("45s"), QStringLiteral("5m"), QStringLiteral("10m"),
                                              QStringLiteral("3h10m"), QStringLiteral("5d3h"), QStringLiteral("2y")};
    QTest::newRow("memory") << "Memory"
                            << QStringList{QStringLiteral("500Mi"), QStringLiteral("2Gi"), QStringLiteral("100Ki"),
                                           QStringLiteral("1G"), QStringLiteral("900M")}
                            << QStringList{QStringLiteral("100Ki"), QStringLiteral("500Mi"), QStringLiteral("900M"),
                                           QStringLiteral("1G"), QStringLiteral("2Gi")};
    QTest::newRow("cpu") << "CPU"
                         << QStringList{QStringLiteral("2"), QStringLiteral("100m"), QStringLiteral("1500m"),
                                        QStringLiteral("250m")}
                         << QStringList{QStringLiteral("100m"), QStringLiteral("250m"), QStringLiteral("1500m"),
                                        QStringLiteral("2")};
    QTest::newRow("restarts") << "Restarts"
                              << QStringList{QStringLiteral("10"), QStringLiteral("3 (5m ago)"), QStringLiteral("0"),
                                             QStringLiteral("2")}
                              << QStringList{QStringLiteral("0"), QStringLiteral("2"), QStringLiteral("3 (5m ago)"),
                                             QStringLiteral("10")};
    QTest::newRow("text") << "Node"
                          << QStringList{QStringLiteral("worker-b"), QStringLiteral("Worker-a"), QStringLiteral("control")}
                          << QStringList{QStringLiteral("control"), QStringLiteral("Worker-a"), QStringLiteral("worker-b")};
}

void tst_ResourceTableModel::sortByValue()
{
    QFETCH(QString, title);
    QFETCH(QStringList, values);
    QFETCH(QStringList, ascending);
    ResourceStore store;
    ResourceTableModel model(nullptr, false);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    std::vector<ResourceObject> items;
    for (int i = 0; i < values.size(); ++i)
        items.push_back(row(QStringLiteral("r%1").arg(i), QStringLiteral("1"),
                            QJsonArray{QStringLiteral("r%1").arg(i), values.at(i)}));
    QList<TableColumn> cols = columns({{"Name", "string"}, {"X", "string"}});
    cols[1].name = title;
    model.applyBatch(store.replace(items, QStringLiteral("1"), cols, true));
    ResourceTableProxyModel proxy;
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.sort(1, Qt::AscendingOrder);
    QCOMPARE(column(proxy, 1), ascending);
    proxy.sort(1, Qt::DescendingOrder);
    QStringList descending = ascending;
    std::reverse(descending.begin(), descending.end());
    QCOMPARE(column(proxy, 1), descending);
}

void tst_ResourceTableModel::freeTextFilter()
{
    auto page = decodeListPage(response("table_deployments_includeObject_Metadata.json"), QStringLiteral("t"));
    if (!page)
        QFAIL(qPrintable(page.error().toString()));
    ResourceStore store;
    ResourceTableModel model(nullptr, false);
    model.applyBatch(store.replace(page->items, page->resourceVersion, page->columns, true));
    ResourceTableProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setFilterText(QStringLiteral("NGINX"));
    QCOMPARE(column(proxy, 0), QStringList{QStringLiteral("web")});
    proxy.setFilterText(QStringLiteral("app=api"));
    QCOMPARE(column(proxy, 0), QStringList{QStringLiteral("api")});
    proxy.setFilterText(QStringLiteral("demo ghcr"));
    QCOMPARE(column(proxy, 0), QStringList{QStringLiteral("api")});
    proxy.setFilterText(QStringLiteral("nothing-like-this"));
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setFilterText(QString());
    QCOMPARE(proxy.rowCount(), 2);
}

void tst_ResourceTableModel::sortByAgeAndTies()
{
    const QDateTime t0 = QDateTime::fromString(QStringLiteral("2026-11-23T00:00:00Z"), Qt::ISODate);
    QDateTime now = t0.addSecs(3600);
    ResourceStore store;
    ResourceTableModel model(nullptr, false);
    model.setClock([&now] { return now; });
    const QList<TableColumn> cols = columns({{"Name", "string"}, {"Status", "string"}, {"Age", "string"}});
    std::vector<ResourceObject> items{
        row(QStringLiteral("old"), QStringLiteral("1"), QJsonArray{QStringLiteral("old"), QStringLiteral("Running"), QStringLiteral("1h")}, t0),
        row(QStringLiteral("young"), QStringLiteral("1"), QJsonArray{QStringLiteral("young"), QStringLiteral("running"), QStringLiteral("1m")}, t0.addSecs(3540)),
        row(QStringLiteral("mid"), QStringLiteral("1"), QJsonArray{QStringLiteral("mid"), QStringLiteral("Pending"), QStringLiteral("30m")}, t0.addSecs(1800)),
    };
    items[1].metadata.namespaceName = QStringLiteral("apps"); // ties on Status break by namespace first
    model.applyBatch(store.replace(items, QStringLiteral("1"), cols, true));
    ResourceTableProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.sort(2, Qt::AscendingOrder);
    QCOMPARE(column(proxy, 0), (QStringList{QStringLiteral("young"), QStringLiteral("mid"), QStringLiteral("old")}));
    QCOMPARE(column(proxy, 2), (QStringList{QStringLiteral("60s"), QStringLiteral("30m"), QStringLiteral("60m")}));
    // Time passes: ages change, their order does not.
    now = now.addDays(2);
    model.tick();
    QCOMPARE(column(proxy, 0), (QStringList{QStringLiteral("young"), QStringLiteral("mid"), QStringLiteral("old")}));
    QCOMPARE(column(proxy, 2), (QStringList{QStringLiteral("2d"), QStringLiteral("2d"), QStringLiteral("2d1h")}));
    // Case-insensitive text, ties by namespace then name: apps/young before demo/old.
    proxy.sort(1, Qt::AscendingOrder);
    QCOMPARE(column(proxy, 0), (QStringList{QStringLiteral("mid"), QStringLiteral("young"), QStringLiteral("old")}));
}

void tst_ResourceTableModel::filterFollowsUpdates()
{
    const QDateTime t0 = QDateTime::fromString(QStringLiteral("2026-11-23T00:00:00Z"), Qt::ISODate);
    QDateTime now = t0.addSecs(5);
    ResourceStore store;
    ResourceTableModel model(nullptr, false);
    model.setClock([&now] { return now; });
    const QList<TableColumn> cols = columns({{"Name", "string"}, {"Status", "string"}, {"Age", "string"}});
    auto pod = [&](const char *name, const char *rv, const char *status) {
        ResourceObject o = row(QString::fromLatin1(name), QString::fromLatin1(rv),
                               QJsonArray{QString::fromLatin1(name), QString::fromLatin1(status), QStringLiteral("0s")}, t0);
        o.metadata.labels.insert(QStringLiteral("App"), QStringLiteral("Straße"));
        return o;
    };
    model.applyBatch(store.replace({pod("a", "1", "Pending"), pod("b", "1", "Running")}, QStringLiteral("1"), cols, true));
    ResourceTableProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.sort(0, Qt::AscendingOrder);
    proxy.setFilterText(QStringLiteral("RUNNING"));
    QCOMPARE(column(proxy, 0), QStringList{QStringLiteral("b")});
    proxy.setFilterText(QStringLiteral("APP=STRAẞE"));
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setFilterText(QStringLiteral("app=straße b"));
    QCOMPARE(column(proxy, 0), QStringList{QStringLiteral("b")});
    proxy.setFilterText(QStringLiteral("5s")); // AGE is not searched: it changes every second
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setFilterText(QStringLiteral("running"));
    // A watch update changes what the row matches.
    ChangeBatch batch;
    batch.changes.push_back({ObjectChange::Type::Modified, pod("a", "2", "Running")});
    model.applyBatch(batch);
    QCOMPARE(column(proxy, 0), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    batch.changes.front() = {ObjectChange::Type::Modified, pod("b", "3", "Failed")};
    model.applyBatch(batch);
    QCOMPARE(column(proxy, 0), QStringList{QStringLiteral("a")});
}

QTEST_MAIN(tst_ResourceTableModel)
#include "tst_resourcetablemodel.moc"
