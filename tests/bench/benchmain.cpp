// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0

// qluster-bench: Qluster against kubectl and curl, side by side on one qluster-sandbox per pod
// count. For each N it starts the sandbox with N pods, then (repeated, order rotated):
//   curl     one GET of the pods Table (as=Table, includeObject=Metadata): the transfer floor;
//   kubectl  `kubectl get pods -A` (discovery cache warmed first), output to /dev/null;
//   Qluster  a child `qluster-bench-model --mode rows` (offscreen): Kubeconfig → Connection →
//            ResourceCache (ConnectionListWatcher, pages of 500, then the watch) →
//            ResourceTableModel, until every row is in the model (what the targets are about);
//   core     a child `qluster-bench --child-load`: the same without the model, until every row is
//            in the store.
// Both keep the watch on for --hold-ms and report their VmHWM. A qluster-bench-model child in
// load mode then times sort and filter (ResourceTableProxyModel); a second sandbox with
// --events-per-second M measures the watch events applied per second and the largest stall of the
// thread that applies them. Markdown tables with the issue's targets go to stdout, progress to
// stderr. Not a test: never registered with CTest.

#include "benchprobe.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QUrl>

#include <algorithm>
#include <optional>

using namespace Qluster;

namespace {

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2);
}

double median(std::vector<double> v)
{
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

QString ms(double v)
{
    return v < 0 ? QStringLiteral("n/a") : QString::number(v, 'f', v < 10 ? 1 : 0) + QStringLiteral(" ms");
}

QString mib(qint64 kib)
{
    return kib < 0 ? QStringLiteral("n/a") : QString::number(double(kib) / 1024.0, 'f', 0) + QStringLiteral(" MiB");
}

QString thousands(qint64 n)
{
    QString s = QString::number(n);
    for (int i = int(s.size()) - 3; i > 0; i -= 3)
        s.insert(i, QLatin1Char(','));
    return s;
}

/// ChildRun is one finished child process: wall time, exit code and its output.
struct ChildRun
{
    bool ok = false;
    double wallMs = -1;
    double markMs = -1; ///< when the child printed kRowsMarker (from process start)
    QByteArray out;
    QByteArray err;
    QString failure;
};

ChildRun runChild(const QString &program, const QStringList &args, const QProcessEnvironment &env,
                  bool discardStdout, int timeoutMs)
{
    QProcess p;
    p.setProcessEnvironment(env);
    if (discardStdout)
        p.setStandardOutputFile(QProcess::nullDevice());
    ChildRun r;
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    if (!p.waitForStarted(30000)) {
        r.failure = program + QStringLiteral(" did not start: ") + p.errorString();
        return r;
    }
    // Read stdout as it comes so the moment the child prints the "rows" marker line is known:
    // that is the child's wall time from process start to every row present.
    QDeadlineTimer deadline(timeoutMs);
    while (p.state() != QProcess::NotRunning && !deadline.hasExpired()) {
        p.waitForReadyRead(20);
        if (!discardStdout) {
            r.out += p.readAllStandardOutput();
            if (r.markMs < 0 && r.out.contains(Bench::kRowsMarker))
                r.markMs = double(t.nsecsElapsed()) / 1e6;
        }
    }
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished(5000);
        r.failure = program + QStringLiteral(" timed out");
        return r;
    }
    r.wallMs = double(t.nsecsElapsed()) / 1e6;
    if (!discardStdout) {
        r.out += p.readAllStandardOutput();
        if (r.markMs < 0 && r.out.contains(Bench::kRowsMarker))
            r.markMs = r.wallMs;
    }
    r.err = p.readAllStandardError();
    r.ok = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (!r.ok)
        r.failure = program + QStringLiteral(" exited with ") + QString::number(p.exitCode()) + QStringLiteral(": ")
                    + QString::fromUtf8(r.err.left(400)).trimmed();
    return r;
}

/// lastJsonLine parses the last line of a child's stdout that is a JSON object.
QJsonObject lastJsonLine(const QByteArray &out)
{
    const QList<QByteArray> lines = out.trimmed().split('\n');
    for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
        const QJsonDocument d = QJsonDocument::fromJson(it->trimmed());
        if (d.isObject())
            return d.object();
    }
    return {};
}

/// Sandbox is one qluster-sandbox child with its kubeconfig and the files curl needs.
class Sandbox
{
public:
    Sandbox(const QString &program, int pods, int eventsPerSecond, int eventWindow, bool http)
    {
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        QStringList args{QStringLiteral("--pods"), QString::number(pods), QStringLiteral("--kubeconfig-out"),
                         m_dir.filePath(QStringLiteral("kubeconfig"))};
        if (eventsPerSecond > 0)
            args << QStringLiteral("--events-per-second") << QString::number(eventsPerSecond)
                 << QStringLiteral("--event-window") << QString::number(eventWindow);
        args << (http ? QStringLiteral("--http") : QStringLiteral("--https"));
        QElapsedTimer t;
        t.start();
        m_process.start(program, args);
        if (!m_process.waitForStarted(30000)) {
            m_error = QStringLiteral("qluster-sandbox did not start: ") + m_process.errorString();
            return;
        }
        QDeadlineTimer deadline(900000);
        while (!m_process.canReadLine() && !deadline.hasExpired()) {
            if (!m_process.waitForReadyRead(int(qMin<qint64>(deadline.remainingTime(), 60000)))
                && m_process.state() != QProcess::Running)
                break;
        }
        if (!m_process.canReadLine()) {
            m_error = QStringLiteral("qluster-sandbox printed no kubeconfig: ")
                      + QString::fromUtf8(m_process.readAllStandardError().left(400));
            return;
        }
        m_kubeconfig = QString::fromUtf8(m_process.readLine()).trimmed();
        m_startMs = double(t.nsecsElapsed()) / 1e6;
        prepareCurl();
    }
    ~Sandbox()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(20000)) {
                m_process.kill();
                m_process.waitForFinished(5000);
            }
        }
    }

    QString error() const { return m_error; }
    QString kubeconfig() const { return m_kubeconfig; }
    double startMs() const { return m_startMs; }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    /// Sandbox::curlArguments are curl's TLS/credential options (files in a private temp dir).
    QStringList curlArguments() const { return m_curlArgs; }
    QString podsTableUrl() const { return m_podsTableUrl; }

private:
    void prepareCurl()
    {
        auto kubeconfig = Kubeconfig::load(m_kubeconfig);
        if (!kubeconfig) {
            m_error = kubeconfig.error().toString();
            return;
        }
        auto context = kubeconfig->resolve(kubeconfig->currentContext());
        if (!context) {
            m_error = context.error().toString();
            return;
        }
        auto write = [this](const QString &name, const QByteArray &data) {
            QFile f(m_dir.filePath(name));
            if (f.open(QIODevice::WriteOnly)) {
                f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
                f.write(data);
            }
            return f.fileName();
        };
        if (!context->cluster.certificateAuthorityData.isEmpty())
            m_curlArgs << QStringLiteral("--cacert") << write(QStringLiteral("ca.pem"), context->cluster.certificateAuthorityData);
        if (!context->user.clientCertificateData.isEmpty())
            m_curlArgs << QStringLiteral("--cert") << write(QStringLiteral("cert.pem"), context->user.clientCertificateData)
                       << QStringLiteral("--key") << write(QStringLiteral("key.pem"), context->user.clientKeyData);
        if (!context->user.token.isEmpty()) // passed through a file so it never shows in `ps`
            m_curlArgs << QStringLiteral("-H")
                       << QLatin1Char('@') + write(QStringLiteral("auth.header"), "Authorization: Bearer " + context->user.token.toUtf8() + '\n');
        QString server = context->cluster.server;
        while (server.endsWith(QLatin1Char('/')))
            server.chop(1);
        m_podsTableUrl = server + QStringLiteral("/api/v1/pods?includeObject=Metadata");
    }

    QTemporaryDir m_dir;
    QProcess m_process;
    QString m_kubeconfig;
    QString m_error;
    QString m_podsTableUrl;
    QStringList m_curlArgs;
    double m_startMs = -1;
};

struct Options
{
    QList<int> pods;
    int eventsPerSecond = 6000;
    int eventWindow = 200000;
    int watchSeconds = 10;
    int repeat = 3;
    int holdMs = 2000;
    int allSortsUpTo = 10000;
    bool http = false;
    QString sandbox;
    QString model;
    QString kubectl;
    QString curl;
};

/// Verdict renders a target check.
QString verdict(bool met)
{
    return met ? QStringLiteral("**met**") : QStringLiteral("**missed**");
}

int runChildLoad(const QString &kubeconfigPath, int holdMs)
{
    QJsonObject result;
    Bench::StallProbe probe;
    probe.start();
    QElapsedTimer clock;
    clock.start();
    auto client = Bench::connectPods(kubeconfigPath);
    if (!client) {
        result.insert(QStringLiteral("error"), client.error().toString());
        Bench::printResult(result);
        return 1;
    }
    ResourceCache *cache = client->cache.get();
    bool loaded = false;
    QObject::connect(cache, &ResourceCache::objectsChanged, cache, [&](const ChangeBatch &) {
        if (loaded || !cache->hasSynced())
            return;
        loaded = true;
        result.insert(QStringLiteral("loadMs"), double(clock.nsecsElapsed()) / 1e6);
        result.insert(QStringLiteral("rows"), qint64(cache->store().size()));
        result.insert(QStringLiteral("loadStallMs"), probe.maxStallMs());
        Bench::printRowsMarker();
        QTimer::singleShot(holdMs, Qt::PreciseTimer, cache, [&] {
            result.insert(QStringLiteral("syncState"), int(cache->syncState()));
            result.insert(QStringLiteral("peakRssKiB"), Bench::peakRssKiB());
            Bench::printResult(result);
            QCoreApplication::exit(0);
        });
    });
    QObject::connect(cache, &ResourceCache::syncStateChanged, cache, [&](ResourceCache::SyncState state) {
        if (state == ResourceCache::SyncState::Backoff) {
            result.insert(QStringLiteral("error"), cache->lastError().toString());
            Bench::printResult(result);
            QCoreApplication::exit(1);
        }
    });
    cache->start();
    return QCoreApplication::exec();
}

/// benchPods runs every measurement for one pod count and prints its Markdown section.
void benchPods(const Options &o, int pods, QTextStream &out)
{
    const QString loadAtStart = loadAverage();
    err() << "== " << pods << " pods: starting qluster-sandbox (load average " << loadAtStart << ")" << Qt::endl;
    std::optional<Sandbox> sandbox;
    sandbox.emplace(o.sandbox, pods, 0, 0, o.http);
    out << "\n### " << thousands(pods) << " pods\n\n";
    if (!sandbox->error().isEmpty()) {
        out << "qluster-sandbox failed: " << sandbox->error() << "\n";
        return;
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), sandbox->path(QStringLiteral("home")));
    env.insert(QStringLiteral("KUBECONFIG"), sandbox->kubeconfig());
    env.remove(QStringLiteral("HTTPS_PROXY"));
    env.remove(QStringLiteral("HTTP_PROXY"));
    env.remove(QStringLiteral("https_proxy"));
    env.remove(QStringLiteral("http_proxy"));
    QDir().mkpath(sandbox->path(QStringLiteral("home")));
    const QStringList kubectlArgs{QStringLiteral("--cache-dir"), sandbox->path(QStringLiteral("kube-cache")),
                                  QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-A")};
    // Warm kubectl's discovery cache, as on a developer's machine.
    runChild(o.kubectl, {QStringLiteral("--cache-dir"), sandbox->path(QStringLiteral("kube-cache")),
                         QStringLiteral("get"), QStringLiteral("namespaces")}, env, true, 120000);

    const QStringList curlArgs = sandbox->curlArguments()
        + QStringList{QStringLiteral("-sS"), QStringLiteral("-f"), QStringLiteral("-o"), QProcess::nullDevice(),
                      QStringLiteral("-w"), QStringLiteral("%{size_download}"),
                      QStringLiteral("-H"), QStringLiteral("Accept: ") + QString::fromLatin1(ResourceClient::tableAccept()),
                      sandbox->podsTableUrl()};

    QProcessEnvironment modelEnv = env;
    modelEnv.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    std::vector<double> kubectlMs, curlMs, qlusterWallMs, qlusterLoadMs, qlusterStallMs;
    std::vector<double> modelWallMs, modelLoadMs;
    qint64 curlBytes = -1, qlusterRss = -1, qlusterRows = -1, modelRows = -1;
    QStringList failures;
    for (int r = 0; r < o.repeat; ++r) {
        for (int k = 0; k < 4; ++k) {
            switch ((k + r) % 4) {
            case 0: {
                const ChildRun c = runChild(o.curl, curlArgs, env, false, 600000);
                if (c.ok) {
                    curlMs.push_back(c.wallMs);
                    curlBytes = c.out.trimmed().toLongLong();
                } else
                    failures << c.failure;
                break;
            }
            case 1: {
                const ChildRun c = runChild(o.kubectl, kubectlArgs, env, true, 600000);
                if (c.ok)
                    kubectlMs.push_back(c.wallMs);
                else
                    failures << c.failure;
                break;
            }
            case 2: {
                const ChildRun c = runChild(o.model,
                                            {QStringLiteral("--kubeconfig"), sandbox->kubeconfig(),
                                             QStringLiteral("--mode"), QStringLiteral("rows"),
                                             QStringLiteral("--hold-ms"), QStringLiteral("0")},
                                            modelEnv, false, 600000);
                const QJsonObject j = lastJsonLine(c.out);
                if (c.ok && c.markMs > 0 && j.contains(QStringLiteral("loadMs"))) {
                    // From starting the child process to its "rows present" line.
                    modelWallMs.push_back(c.markMs);
                    modelLoadMs.push_back(j.value(QStringLiteral("loadMs")).toDouble());
                    modelRows = qint64(j.value(QStringLiteral("rows")).toDouble());
                } else
                    failures << (c.failure.isEmpty() ? j.value(QStringLiteral("error")).toString() : c.failure);
                break;
            }
            default: {
                const ChildRun c = runChild(QCoreApplication::applicationFilePath(),
                                            {QStringLiteral("--child-load"), sandbox->kubeconfig(),
                                             QStringLiteral("--hold-ms"), QString::number(o.holdMs)},
                                            env, false, 600000);
                const QJsonObject j = lastJsonLine(c.out);
                if (c.ok && j.contains(QStringLiteral("loadMs"))) {
                    // From starting the child process to its "rows present" line.
                    qlusterWallMs.push_back(c.markMs);
                    qlusterLoadMs.push_back(j.value(QStringLiteral("loadMs")).toDouble());
                    qlusterStallMs.push_back(j.value(QStringLiteral("loadStallMs")).toDouble());
                    qlusterRss = qMax(qlusterRss, qint64(j.value(QStringLiteral("peakRssKiB")).toDouble()));
                    qlusterRows = qint64(j.value(QStringLiteral("rows")).toDouble());
                } else
                    failures << (c.failure.isEmpty() ? j.value(QStringLiteral("error")).toString() : c.failure);
                break;
            }
            }
        }
        err() << "   run " << (r + 1) << "/" << o.repeat << " done" << Qt::endl;
    }

    // The table model: load, sort, filter and peak RSS with the watch on.
    err() << "   model load/sort/filter" << Qt::endl;
    QStringList modelArgs{QStringLiteral("--kubeconfig"), sandbox->kubeconfig(), QStringLiteral("--mode"),
                          QStringLiteral("load"), QStringLiteral("--hold-ms"), QString::number(o.holdMs)};
    if (pods > o.allSortsUpTo)
        modelArgs << QStringLiteral("--few-sorts");
    const ChildRun modelRun = runChild(o.model, modelArgs, modelEnv, false, 1800000);
    const QJsonObject model = lastJsonLine(modelRun.out);
    if (!modelRun.ok)
        failures << modelRun.failure;
    const double sandboxStartMs = sandbox->startMs();
    sandbox.reset();

    // Watch throughput on a sandbox that modifies M pods per second.
    QJsonObject watch;
    if (o.eventsPerSecond > 0) {
        err() << "   watch at " << o.eventsPerSecond << " events/s for " << o.watchSeconds << " s" << Qt::endl;
        sandbox.emplace(o.sandbox, pods, o.eventsPerSecond, o.eventWindow, o.http);
        if (sandbox->error().isEmpty()) {
            const ChildRun w = runChild(o.model, {QStringLiteral("--kubeconfig"), sandbox->kubeconfig(),
                                                  QStringLiteral("--mode"), QStringLiteral("watch"),
                                                  QStringLiteral("--seconds"), QString::number(o.watchSeconds)},
                                        modelEnv, false, 900000);
            watch = lastJsonLine(w.out);
            if (!w.ok)
                failures << w.failure;
        } else
            failures << sandbox->error();
        sandbox.reset();
    }

    const double kubectl = median(kubectlMs);
    const double curl = median(curlMs);
    const double qluster = median(modelWallMs);
    const double core = median(qlusterWallMs);
    const double qlusterInProcess = median(qlusterLoadMs);
    out << "Load average when this N started: " << loadAtStart << " (" << QThread::idealThreadCount() << " cores; the load of anything else running counts in it). "
        << "Sandbox start with " << thousands(pods) << " pods: " << ms(sandboxStartMs) << ". Times are medians of "
        << o.repeat << " runs (order rotated); rows: Qluster's table model " << modelRows << ", its store "
        << qlusterRows << ".\n\n";
    out << "| Measurement | Value | Target | Verdict |\n|---|---|---|---|\n";
    out << "| kubectl get pods -A (wall, output to /dev/null) | " << ms(kubectl) << " | | |\n";
    out << "| curl, the same Table in one response (wall) | " << ms(curl) << " (" << thousands(curlBytes)
        << " bytes) | | |\n";
    const bool timeTarget = pods == 10000;
    out << "| Qluster → all rows in the ResourceTableModel (child process wall: start-up, TLS, every page, "
           "the model; watch opened) | " << ms(qluster) << " = "
        << QString::number(kubectl > 0 ? qluster / kubectl : 0, 'f', 2) << "× kubectl, "
        << QString::number(curl > 0 ? qluster / curl : 0, 'f', 2) << "× curl | "
        << (timeTarget ? QStringLiteral("≤ 0.5× kubectl and ≤ 1.5× curl") : QStringLiteral("(target set for 10,000)"))
        << " | ";
    if (timeTarget && kubectl > 0 && curl > 0 && qluster > 0)
        out << "0.5× kubectl " << verdict(qluster <= 0.5 * kubectl) << ", 1.5× curl " << verdict(qluster <= 1.5 * curl);
    out << " |\n";
    out << "| Qluster core → all rows in the store (child process wall, no model) | " << ms(core) << " = "
        << QString::number(curl > 0 ? core / curl : 0, 'f', 2) << "× curl | | |\n";
    out << "| Qluster request → rows in process (store / ResourceTableModel) | " << ms(qlusterInProcess) << " / "
        << ms(median(modelLoadMs)) << " | | |\n";
    out << "| Largest event-loop stall while loading (store / model) | " << ms(median(qlusterStallMs)) << " / "
        << ms(model.value(QStringLiteral("loadStallMs")).toDouble(-1)) << " | | |\n";
    const qint64 modelRss = qint64(model.value(QStringLiteral("peakRssKiB")).toDouble(-1));
    const qint64 rssLimitMiB = pods == 50000 ? 250 : pods == 100000 ? 400 : -1;
    auto rssRow = [&](const char *what, qint64 kib) {
        out << "| " << what << " | " << mib(kib) << " | "
            << (rssLimitMiB > 0 ? QStringLiteral("≤ %1 MB").arg(rssLimitMiB) : QStringLiteral("(targets for 50,000 / 100,000)"))
            << " | " << (rssLimitMiB > 0 && kib > 0 ? verdict(double(kib) * 1024 <= double(rssLimitMiB) * 1e6) : QString())
            << " |\n";
    };
    rssRow("Peak RSS, core: store, watch on", qlusterRss);
    rssRow("Peak RSS, core + ResourceTableModel + proxy sorted, watch on", modelRss);
    const double sortMax = model.value(QStringLiteral("sortMaxMs")).toDouble(-1);
    const double filterMax = model.value(QStringLiteral("filterMaxMs")).toDouble(-1);
    out << "| Sort, worst column of " << model.value(QStringLiteral("sorts")).toArray().size()
        << (pods > o.allSortsUpTo ? " ascending sorts by Name/Status/Restarts/Age (" : " sorts, every column both ways (")
        << model.value(QStringLiteral("sortMaxColumn")).toString() << ") | " << ms(sortMax) << " | < 100 ms | "
        << (sortMax >= 0 ? verdict(sortMax < 100) : QString()) << " |\n";
    out << "| Filter, worst of 4 texts typed | " << ms(filterMax) << " | < 100 ms | "
        << (filterMax >= 0 ? verdict(filterMax < 100) : QString()) << " |\n";
    if (!watch.isEmpty()) {
        const double applied = watch.value(QStringLiteral("eventsPerSecond")).toDouble(-1);
        const double produced = watch.value(QStringLiteral("serverEventsPerSecond")).toDouble(-1);
        const double stall = watch.value(QStringLiteral("maxStallMs")).toDouble(-1);
        out << "| Watch events applied to the model per second (sandbox asked for " << o.eventsPerSecond
            << "/s; it produced " << QString::number(produced, 'f', 0) << "/s) | " << QString::number(applied, 'f', 0)
            << " | ≥ 5,000 | " << (applied >= 0 ? verdict(applied >= 5000) : QString()) << " |\n";
        out << "| Relists during the watch window (410 Gone when the list outlasts the sandbox's --event-window "
            << o.eventWindow << ") | " << qint64(watch.value(QStringLiteral("relists")).toDouble(-1))
            << " | 0 | " << verdict(qint64(watch.value(QStringLiteral("relists")).toDouble(-1)) == 0) << " |\n";
        out << "| Largest GUI-thread stall during the watch (" << watch.value(QStringLiteral("seconds")).toDouble()
            << " s, " << qint64(watch.value(QStringLiteral("batches")).toDouble()) << " batches) | " << ms(stall)
            << " | < 50 ms | " << (stall >= 0 ? verdict(stall < 50) : QString()) << " |\n";
    }
    if (!failures.isEmpty()) {
        out << "\nFailures:\n";
        for (const QString &f : failures)
            out << "- " << f << "\n";
    }
    out << "\n<details><summary>Raw model results</summary>\n\n```\n"
        << QString::fromUtf8(QJsonDocument(model).toJson(QJsonDocument::Compact)) << "\n"
        << QString::fromUtf8(QJsonDocument(watch).toJson(QJsonDocument::Compact)) << "\n```\n</details>\n\n";
    out.flush();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Qluster vs kubectl vs curl on qluster-sandbox (see BENCHMARKS.md)."));
    parser.addHelpOption();
    const QCommandLineOption pods(QStringLiteral("pods"), QStringLiteral("Comma-separated pod counts."), QStringLiteral("list"), QStringLiteral("1000,10000,50000,100000"));
    const QCommandLineOption eps(QStringLiteral("events-per-second"), QStringLiteral("Watch load (0 skips the watch measurement)."), QStringLiteral("M"), QStringLiteral("6000"));
    const QCommandLineOption window(QStringLiteral("event-window"), QStringLiteral("The watch sandbox's --event-window: watch events it keeps for resuming (must cover the list time × M, else every watch gets 410 Gone and relists)."), QStringLiteral("N"), QStringLiteral("200000"));
    const QCommandLineOption watchSeconds(QStringLiteral("watch-seconds"), QStringLiteral("Watch window."), QStringLiteral("s"), QStringLiteral("10"));
    const QCommandLineOption repeat(QStringLiteral("repeat"), QStringLiteral("Runs of curl/kubectl/Qluster per N (median)."), QStringLiteral("R"), QStringLiteral("3"));
    const QCommandLineOption hold(QStringLiteral("hold-ms"), QStringLiteral("Watch-on time before reading peak RSS."), QStringLiteral("ms"), QStringLiteral("2000"));
    const QCommandLineOption http(QStringLiteral("http"), QStringLiteral("Plain HTTP sandbox (default HTTPS with client certificates)."));
    const QCommandLineOption sandbox(QStringLiteral("sandbox"), QStringLiteral("qluster-sandbox binary."), QStringLiteral("path"), QStringLiteral(QLUSTER_BENCH_SANDBOX));
    const QCommandLineOption model(QStringLiteral("model"), QStringLiteral("qluster-bench-model binary."), QStringLiteral("path"), QStringLiteral(QLUSTER_BENCH_MODEL));
    const QCommandLineOption kubectl(QStringLiteral("kubectl"), QStringLiteral("kubectl binary."), QStringLiteral("path"), QStringLiteral(QLUSTER_KUBECTL));
    const QCommandLineOption curl(QStringLiteral("curl"), QStringLiteral("curl binary."), QStringLiteral("path"), QStringLiteral("curl"));
    const QCommandLineOption childLoad(QStringLiteral("child-load"), QStringLiteral("(internal) load all pods from kubeconfig and report."), QStringLiteral("kubeconfig"));
    const QCommandLineOption allSorts(QStringLiteral("all-sorts-up-to"), QStringLiteral("Above this N only Name, Status, Restarts and Age are sorted (ascending)."), QStringLiteral("N"), QStringLiteral("10000"));
    parser.addOptions({pods, eps, window, watchSeconds, repeat, hold, http, sandbox, model, kubectl, curl, childLoad, allSorts});
    parser.process(app);

    if (parser.isSet(childLoad))
        return runChildLoad(parser.value(childLoad), parser.value(hold).toInt());

    Options o;
    for (const QString &n : parser.value(pods).split(QLatin1Char(','), Qt::SkipEmptyParts))
        o.pods.append(n.trimmed().toInt());
    o.eventsPerSecond = parser.value(eps).toInt();
    o.watchSeconds = qMax(1, parser.value(watchSeconds).toInt());
    o.eventWindow = qMax(1, parser.value(window).toInt());
    o.repeat = qMax(1, parser.value(repeat).toInt());
    o.holdMs = qMax(0, parser.value(hold).toInt());
    o.allSortsUpTo = parser.value(allSorts).toInt();
    o.http = parser.isSet(http);
    o.sandbox = parser.value(sandbox);
    o.model = parser.value(model);
    o.kubectl = parser.value(kubectl);
    o.curl = parser.value(curl);

    QTextStream out(stdout);
    out << "## qluster-bench results\n\nTransport: " << (o.http ? "HTTP" : "HTTPS with client certificates")
        << ". Qluster path: Kubeconfig → Connection → ResourceCache (ConnectionListWatcher: "
           "Table + includeObject=Metadata, pages of 500, then watch). kubectl pages by 500 too "
           "(--chunk-size default); curl fetches the whole Table in one response.\n";
    for (int n : o.pods) {
        if (n > 0)
            benchPods(o, n, out);
    }
    return 0;
}
