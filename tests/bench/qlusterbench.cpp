// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
// qluster-bench: how fast Qluster lists and watches N pods, side by side with kubectl and curl on
// the same qluster-sandbox. Not a test: it prints a Markdown table for BENCHMARKS.md.
//
//   qluster-bench --sandbox build/release/app/qluster-sandbox --pods 1000,10000 --events 5000

#include "api/listpage.h"
#include "cache/connectionlistwatcher.h"
#include "cache/resourcecache.h"
#include "config/kubeconfig.h"
#include "models/resourcetablemodel.h"
#include "models/resourcetableproxymodel.h"
#include "net/connection.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <memory>

using namespace Qluster;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

qint64 statusKb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

void spin(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
}

struct Sandbox
{
    std::unique_ptr<QProcess> process;
    QString kubeconfig;
    QUrl server;
};

std::optional<Sandbox> startSandbox(const QString &binary, int pods, int eventsPerSecond, const QString &dir)
{
    Sandbox s;
    s.process = std::make_unique<QProcess>();
    s.kubeconfig = dir + QStringLiteral("/kubeconfig-%1").arg(pods);
    QStringList args{QStringLiteral("--http"), QStringLiteral("--pods"), QString::number(pods),
                     QStringLiteral("--kubeconfig-out"), s.kubeconfig};
    if (eventsPerSecond > 0)
        args << QStringLiteral("--events-per-second") << QString::number(eventsPerSecond)
             << QStringLiteral("--event-window") << QString::number(std::max(1000, eventsPerSecond * 4));
    s.process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    s.process->start(binary, args);
    if (!s.process->waitForStarted(10000))
        return std::nullopt;
    QElapsedTimer t;
    t.start();
    while (!s.process->canReadLine() && t.elapsed() < 600000)
        s.process->waitForReadyRead(1000);
    if (!s.process->canReadLine())
        return std::nullopt;
    s.process->readLine();
    auto config = Kubeconfig::load(s.kubeconfig);
    if (!config)
        return std::nullopt;
    auto context = config->resolve(config->currentContext());
    if (!context)
        return std::nullopt;
    s.server = QUrl(context->cluster.server);
    return s;
}

qint64 timeProcess(const QString &program, const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.setStandardOutputFile(QProcess::nullDevice());
    p.setStandardErrorFile(QProcess::nullDevice());
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    if (!p.waitForFinished(600000) || p.exitCode() != 0)
        return -1;
    return t.elapsed();
}

struct ListResult
{
    qint64 listMs = -1;
    int rows = 0;
    qint64 sortMs = -1;
    qint64 filterMs = -1;
    qint64 peakRssKb = -1;
};

ListResult listIntoModel(Connection *connection)
{
    ListResult r;
    const CacheKey key{QStringLiteral("bench"), Gvr{QString(), QStringLiteral("v1"), QStringLiteral("pods")},
                       QString(), QString(), QString()};
    QElapsedTimer t;
    t.start();
    auto cache = std::make_shared<ResourceCache>(key, std::make_unique<ConnectionListWatcher>(connection, key));
    Ui::ResourceTableModel model(cache, true);
    Ui::ResourceTableProxyModel proxy;
    proxy.setSourceModel(&model);
    cache->start();
    while (!cache->hasSynced() && t.elapsed() < 600000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    r.listMs = t.elapsed();
    r.rows = model.rowCount();
    // The watch is on from here; let it settle, then sort and filter the proxy as a view would.
    spin(500);
    t.restart();
    proxy.sort(1, Qt::DescendingOrder); // by name
    r.sortMs = t.elapsed();
    t.restart();
    proxy.setFilterText(QStringLiteral("load-pod-1"));
    r.filterMs = t.elapsed();
    proxy.setFilterText(QString());
    r.peakRssKb = statusKb("VmHWM:");
    return r;
}

struct WatchResult
{
    double eventsPerSecond = 0;
    qint64 maxStallMs = 0;
};

WatchResult watchThroughput(Connection *connection, int seconds)
{
    WatchResult w;
    const CacheKey key{QStringLiteral("bench"), Gvr{QString(), QStringLiteral("v1"), QStringLiteral("pods")},
                       QStringLiteral("load"), QString(), QString()};
    auto cache = std::make_shared<ResourceCache>(key, std::make_unique<ConnectionListWatcher>(connection, key));
    Ui::ResourceTableModel model(cache, false);
    qint64 applied = 0;
    QObject::connect(cache.get(), &ResourceCache::objectsChanged, &model,
                     [&applied](const ChangeBatch &b) { applied += qint64(b.changes.size()); });
    cache->start();
    while (cache->syncState() != ResourceCache::SyncState::Watching)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    applied = 0;
    // GUI-thread stall: how late a 5 ms timer fires while events are applied.
    QElapsedTimer sinceTick;
    sinceTick.start();
    QTimer ticker;
    ticker.setInterval(5);
    QObject::connect(&ticker, &QTimer::timeout, &ticker, [&] {
        w.maxStallMs = std::max(w.maxStallMs, sinceTick.elapsed() - 5);
        sinceTick.restart();
    });
    ticker.start();
    QElapsedTimer t;
    t.start();
    spin(seconds * 1000);
    w.eventsPerSecond = double(applied) * 1000.0 / double(t.elapsed());
    return w;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Qluster list/watch benchmark against qluster-sandbox."));
    parser.addHelpOption();
    const QCommandLineOption sandboxOpt(QStringLiteral("sandbox"), QStringLiteral("qluster-sandbox binary."),
                                        QStringLiteral("path"));
    const QCommandLineOption podsOpt(QStringLiteral("pods"), QStringLiteral("Comma-separated pod counts."),
                                     QStringLiteral("list"), QStringLiteral("1000,10000,50000,100000"));
    const QCommandLineOption eventsOpt(QStringLiteral("events"), QStringLiteral("Watch events per second to drive (0: skip)."),
                                       QStringLiteral("M"), QStringLiteral("5000"));
    const QCommandLineOption kubectlOpt(QStringLiteral("kubectl"), QStringLiteral("kubectl binary."),
                                        QStringLiteral("path"), QStringLiteral("kubectl"));
    const QCommandLineOption curlOpt(QStringLiteral("curl"), QStringLiteral("curl binary."), QStringLiteral("path"),
                                     QStringLiteral("curl"));
    parser.addOptions({sandboxOpt, podsOpt, eventsOpt, kubectlOpt, curlOpt});
    parser.process(app);
    QString sandboxBinary = parser.value(sandboxOpt);
    if (sandboxBinary.isEmpty())
        sandboxBinary = QCoreApplication::applicationDirPath() + QStringLiteral("/../../app/qluster-sandbox");
    QTemporaryDir dir;

    const QList<QByteArray> counts = parser.value(podsOpt).toLatin1().split(',');
    const bool measureList = !counts.isEmpty() && counts.first().toInt() > 0;
    if (measureList) {
        out() << "| pods | curl (Table, 1 request) | kubectl get pods -A | qluster list→model | rows | peak RSS (watch on) | sort | filter |\n"
              << "|---:|---:|---:|---:|---:|---:|---:|---:|\n";
        out().flush();
    }
    for (const QByteArray &c : counts) {
        const int pods = c.toInt();
        if (pods <= 0)
            continue;
        auto sandbox = startSandbox(sandboxBinary, pods, 0, dir.path());
        if (!sandbox) {
            out() << "cannot start " << sandboxBinary << "\n";
            return 1;
        }
        QUrl url = sandbox->server;
        url.setPath(QStringLiteral("/api/v1/pods"));
        url.setQuery(QStringLiteral("includeObject=Metadata"));
        const qint64 curlMs = timeProcess(parser.value(curlOpt),
                                          {QStringLiteral("-sf"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                                           QStringLiteral("-H"),
                                           QStringLiteral("Accept: ") + QString::fromLatin1(ConnectionListWatcher::tableAccept()),
                                           url.toString()});
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KUBECONFIG"), sandbox->kubeconfig);
        env.insert(QStringLiteral("HOME"), dir.path());
        const qint64 kubectlMs = timeProcess(parser.value(kubectlOpt),
                                             {QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-A")}, env);
        auto config = Kubeconfig::load(sandbox->kubeconfig);
        auto context = config->resolve(config->currentContext());
        auto connection = Connection::create(*context);
        if (!connection) {
            out() << connection.error().toString() << "\n";
            return 1;
        }
        const ListResult r = listIntoModel(connection->get());
        out() << "| " << pods << " | " << curlMs << " ms | " << kubectlMs << " ms | " << r.listMs << " ms | "
              << r.rows << " | " << r.peakRssKb / 1024 << " MB | " << r.sortMs << " ms | " << r.filterMs
              << " ms |\n";
        out().flush();
        connection->reset();
        sandbox->process->terminate();
        sandbox->process->waitForFinished(10000);
    }

    const int events = parser.value(eventsOpt).toInt();
    if (events > 0) {
        auto sandbox = startSandbox(sandboxBinary, 2000, events, dir.path());
        if (!sandbox) {
            out() << "cannot start " << sandboxBinary << "\n";
            return 1;
        }
        auto config = Kubeconfig::load(sandbox->kubeconfig);
        auto context = config->resolve(config->currentContext());
        auto connection = Connection::create(*context);
        if (!connection)
            return 1;
        const WatchResult w = watchThroughput(connection->get(), 5);
        out() << "\n| watch: sandbox modifies/s | applied events/s | largest GUI-thread stall |\n|---:|---:|---:|\n"
              << "| " << events << " | " << qRound(w.eventsPerSecond) << " | " << w.maxStallMs << " ms |\n";
        out().flush();
        connection->reset();
        sandbox->process->terminate();
        sandbox->process->waitForFinished(10000);
    }
    return 0;
}
