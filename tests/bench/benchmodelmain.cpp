// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0

// qluster-bench-model: the table part of qluster-bench, run as its child on the offscreen
// platform. It loads every pod of the sandbox through ResourceCache into a ResourceTableModel (as
// the explorer does), then either
//   --mode rows:  prints the rows marker line once every row is in the model, keeps the watch on
//                 for --hold-ms and reports (the timed Qluster client of qluster-bench);
//   --mode load:  times sort by every column and the free-text filter on ResourceTableProxyModel,
//                 keeps the watch open for --hold-ms and reports the peak RSS;
//   --mode watch: counts the watch events applied to the model (behind a proxy sorted by name,
//                 shown in a 1440x900 QTableView on the offscreen platform, which repaints as the
//                 explorer's does) for --seconds while a 1 ms timer on the same (GUI) thread
//                 records the largest event-loop stall.
// It prints one JSON line with the measurements.

#include "benchprobe.h"

#include "models/resourcetablemodel.h"
#include "models/resourcetableproxymodel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QHeaderView>
#include <QJsonArray>
#include <QTableView>

using namespace Qluster;

namespace {

double elapsedMs(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

struct Run
{
    QString mode;
    int holdMs = 2000;
    int seconds = 10;
    bool fewSorts = false; // only ascending Name, Status, Restarts, Age (large N: sorts are slow)
    Bench::SandboxClient client;
    std::unique_ptr<Ui::ResourceTableModel> model;
    std::unique_ptr<Ui::ResourceTableProxyModel> watchProxy; // the table view's proxy during the watch window
    std::unique_ptr<QTableView> watchView;
    Bench::StallProbe probe;
    QElapsedTimer clock;
    bool loaded = false;
    QJsonObject result;

    // watch window
    qint64 events = 0;
    qint64 batches = 0;
    qint64 firstResourceVersion = -1;
    int firstListCount = 0;
    QElapsedTimer window;

    void loadedAll()
    {
        result.insert(QStringLiteral("loadMs"), elapsedMs(clock));
        result.insert(QStringLiteral("rows"), model->rowCount());
        result.insert(QStringLiteral("storeRows"), qint64(client.cache->store().size()));
        result.insert(QStringLiteral("loadStallMs"), probe.maxStallMs());
        Bench::printRowsMarker();
        // Continue from the event loop, not from inside the cache's signal.
        QTimer::singleShot(0, [this] {
            if (mode == QLatin1String("watch"))
                startWatchWindow();
            else if (mode == QLatin1String("rows"))
                holdAndReport();
            else
                measureSortAndFilter();
        });
    }

    // Keeps the watch on for holdMs, then prints the result with the peak RSS and exits.
    void holdAndReport()
    {
        QEventLoop hold;
        QTimer::singleShot(holdMs, &hold, &QEventLoop::quit);
        hold.exec();
        result.insert(QStringLiteral("syncState"), int(client.cache->syncState()));
        result.insert(QStringLiteral("peakRssKiB"), Bench::peakRssKiB());
        Bench::printResult(result);
        QCoreApplication::exit(0);
    }

    void measureSortAndFilter()
    {
        Ui::ResourceTableProxyModel proxy;
        proxy.setSourceModel(model.get());
        QJsonArray sorts;
        double worstSort = 0;
        QString worstColumn;
        for (int c = 0; c < model->columnCount(); ++c) {
            const QString title = model->headerData(c, Qt::Horizontal).toString();
            if (fewSorts && !QStringList{QStringLiteral("Name"), QStringLiteral("Status"), QStringLiteral("Restarts"),
                                         QStringLiteral("Age")}.contains(title))
                continue;
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                if (fewSorts && order == Qt::DescendingOrder)
                    continue;
                QElapsedTimer t;
                t.start();
                proxy.sort(c, order);
                const double ms = elapsedMs(t);
                sorts.append(QJsonObject{{QStringLiteral("column"), title},
                                         {QStringLiteral("descending"), order == Qt::DescendingOrder},
                                         {QStringLiteral("ms"), ms}});
                if (ms > worstSort) {
                    worstSort = ms;
                    worstColumn = title;
                }
            }
        }
        result.insert(QStringLiteral("sorts"), sorts);
        result.insert(QStringLiteral("sortMaxMs"), worstSort);
        result.insert(QStringLiteral("sortMaxColumn"), worstColumn);

        // Filters typed into the box: a name fragment, two words, a label, then clearing it. Each
        // is timed with the proxy sorted by name, as a user would have it.
        proxy.sort(0, Qt::AscendingOrder);
        QJsonArray filters;
        double worstFilter = 0;
        for (const QString &text : {QStringLiteral("load-0042"), QStringLiteral("running 10.100"),
                                    QStringLiteral("shard=7"), QString()}) {
            QElapsedTimer t;
            t.start();
            proxy.setFilterText(text);
            const int rows = proxy.rowCount(); // forces the proxy's mapping to be complete
            const double ms = elapsedMs(t);
            filters.append(QJsonObject{{QStringLiteral("text"), text},
                                       {QStringLiteral("rows"), rows},
                                       {QStringLiteral("ms"), ms}});
            worstFilter = qMax(worstFilter, ms);
        }
        result.insert(QStringLiteral("filters"), filters);
        result.insert(QStringLiteral("filterMaxMs"), worstFilter);

        // Keep the watch (and the proxy) alive for a while, then read the peak RSS.
        holdAndReport();
    }

    void startWatchWindow()
    {
        // As in the explorer: the model behind a proxy sorted by name, which re-sorts changed rows.
        watchProxy = std::make_unique<Ui::ResourceTableProxyModel>();
        watchProxy->setSourceModel(model.get());
        watchProxy->sort(0, Qt::AscendingOrder);
        // And shown, so that repainting the changed rows is part of the measured GUI thread work.
        watchView = std::make_unique<QTableView>();
        watchView->setModel(watchProxy.get());
        watchView->setSortingEnabled(true);
        watchView->sortByColumn(0, Qt::AscendingOrder);
        watchView->resize(1440, 900);
        watchView->show();
        probe.start();
        events = 0;
        batches = 0;
        firstResourceVersion = Bench::resourceVersionNumber(client.cache->store().resourceVersion());
        firstListCount = client.cache->listCount();
        window.start();
        QTimer::singleShot(seconds * 1000, [this] { endWatchWindow(); });
    }

    void endWatchWindow()
    {
        probe.stop();
        const double s = double(window.nsecsElapsed()) / 1e9;
        const qint64 lastResourceVersion = Bench::resourceVersionNumber(client.cache->store().resourceVersion());
        result.insert(QStringLiteral("seconds"), s);
        result.insert(QStringLiteral("events"), events);
        result.insert(QStringLiteral("batches"), batches);
        result.insert(QStringLiteral("eventsPerSecond"), double(events) / s);
        if (firstResourceVersion >= 0 && lastResourceVersion >= 0)
            result.insert(QStringLiteral("serverEventsPerSecond"),
                          double(lastResourceVersion - firstResourceVersion) / s);
        result.insert(QStringLiteral("maxStallMs"), probe.maxStallMs());
        result.insert(QStringLiteral("relists"), client.cache->listCount() - firstListCount);
        result.insert(QStringLiteral("probeTicks"), probe.ticks());
        result.insert(QStringLiteral("rowsAtEnd"), model->rowCount());
        result.insert(QStringLiteral("syncState"), int(client.cache->syncState()));
        result.insert(QStringLiteral("peakRssKiB"), Bench::peakRssKiB());
        Bench::printResult(result);
        QCoreApplication::exit(0);
    }
};

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption kubeconfig(QStringLiteral("kubeconfig"), QStringLiteral("Sandbox kubeconfig."), QStringLiteral("path"));
    const QCommandLineOption mode(QStringLiteral("mode"), QStringLiteral("rows, load or watch."), QStringLiteral("mode"), QStringLiteral("load"));
    const QCommandLineOption hold(QStringLiteral("hold-ms"), QStringLiteral("Watch-on time before reading the peak RSS."), QStringLiteral("ms"), QStringLiteral("2000"));
    const QCommandLineOption seconds(QStringLiteral("seconds"), QStringLiteral("Watch window."), QStringLiteral("s"), QStringLiteral("10"));
    const QCommandLineOption fewSorts(QStringLiteral("few-sorts"), QStringLiteral("Sort only Name, Status, Restarts, Age ascending."));
    parser.addOptions({kubeconfig, mode, hold, seconds, fewSorts});
    parser.addHelpOption();
    parser.process(app);

    Run run;
    run.mode = parser.value(mode);
    run.holdMs = parser.value(hold).toInt();
    run.seconds = qMax(1, parser.value(seconds).toInt());
    run.fewSorts = parser.isSet(fewSorts);
    run.result.insert(QStringLiteral("mode"), run.mode);

    run.probe.start();
    run.clock.start();
    auto client = Bench::connectPods(parser.value(kubeconfig));
    if (!client) {
        run.result.insert(QStringLiteral("error"), client.error().toString());
        Bench::printResult(run.result);
        return 1;
    }
    run.client = std::move(*client);
    ResourceCache *cache = run.client.cache.get();
    // Connected before the model's own connection: the moment the store holds the whole list.
    QObject::connect(cache, &ResourceCache::objectsChanged, cache, [&run, cache] {
        if (!run.loaded && cache->hasSynced() && !run.result.contains(QStringLiteral("storeMs")))
            run.result.insert(QStringLiteral("storeMs"), elapsedMs(run.clock));
    });
    run.model = std::make_unique<Ui::ResourceTableModel>(run.client.cache, true);
    // Connected after the model's own connection, so this runs once the model applied the batch.
    QObject::connect(cache, &ResourceCache::objectsChanged, cache, [&run, cache](const ChangeBatch &batch) {
        if (!run.loaded) {
            if (cache->hasSynced() && run.model->rowCount() == cache->store().size()) {
                run.loaded = true;
                run.loadedAll();
            }
            return;
        }
        run.events += qint64(batch.changes.size());
        ++run.batches;
    });
    QObject::connect(cache, &ResourceCache::syncStateChanged, cache, [&run, cache](ResourceCache::SyncState state) {
        if (state == ResourceCache::SyncState::Backoff) {
            run.result.insert(QStringLiteral("error"), cache->lastError().toString());
            Bench::printResult(run.result);
            QCoreApplication::exit(1);
        }
    });
    cache->start();
    return app.exec();
}
