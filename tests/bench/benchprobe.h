// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Shared by qluster-bench and qluster-bench-model: peak RSS of this process, an event-loop stall
// probe, the connection to the sandbox and the one-line JSON result a child prints.

#include "api/gvr.h"
#include "api/resourceclient.h"
#include "cache/connectionlistwatcher.h"
#include "cache/resourcecache.h"
#include "config/kubeconfig.h"
#include "net/connection.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QTextStream>
#include <QTimer>

#include <memory>

namespace Qluster::Bench {

/// kRowsMarker is the line a measuring child prints the moment every row is present (in the
/// store for qluster-bench --child-load, in the ResourceTableModel for qluster-bench-model).
constexpr QByteArrayView kRowsMarker = "QLUSTER-BENCH-ROWS-PRESENT";

/// printRowsMarker writes kRowsMarker on stdout at once.
inline void printRowsMarker()
{
    QTextStream(stdout) << QLatin1String(kRowsMarker.data(), kRowsMarker.size()) << Qt::endl;
}

/// peakRssKiB reads VmHWM (the peak resident set size) of this process from /proc/self/status.
inline qint64 peakRssKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

/// StallProbe fires a 1 ms precise timer on the current thread and records the largest gap
/// between two ticks beyond the 1 ms period: how long the event loop was blocked.
class StallProbe final : public QObject
{
public:
    StallProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_maxGapNs = qMax(m_maxGapNs, now - m_lastNs);
            m_lastNs = now;
            ++m_ticks;
        });
    }
    void start()
    {
        m_clock.start();
        m_lastNs = 0;
        m_maxGapNs = 0;
        m_ticks = 0;
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    /// StallProbe::maxStallMs is the largest gap between ticks minus the 1 ms period.
    double maxStallMs() const { return qMax(0.0, double(m_maxGapNs) / 1e6 - 1.0); }
    qint64 ticks() const { return m_ticks; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    qint64 m_maxGapNs = 0;
    qint64 m_ticks = 0;
};

/// SandboxClient is the real client path: kubeconfig → Connection → ResourceCache of all pods
/// (ConnectionListWatcher: Table, includeObject=Metadata, pages of 500, then the watch).
struct SandboxClient
{
    std::unique_ptr<Connection> connection;
    std::shared_ptr<ResourceCache> cache;
};

inline Result<SandboxClient> connectPods(const QString &kubeconfigPath)
{
    auto kubeconfig = Kubeconfig::load(kubeconfigPath);
    if (!kubeconfig)
        return fail(kubeconfig.error());
    auto context = kubeconfig->resolve(kubeconfig->currentContext());
    if (!context)
        return fail(context.error());
    auto connection = Connection::create(*context);
    if (!connection)
        return fail(connection.error());
    SandboxClient client;
    client.connection = std::move(*connection);
    CacheKey key;
    key.context = context->contextName;
    key.gvr = Gvr{QString(), QStringLiteral("v1"), QStringLiteral("pods")};
    client.cache = std::make_shared<ResourceCache>(
        key, std::make_unique<ConnectionListWatcher>(client.connection.get(), key));
    return client;
}

/// printResult writes one compact JSON line on stdout for the parent to read.
inline void printResult(const QJsonObject &result)
{
    QTextStream(stdout) << QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Compact))
                        << Qt::endl;
}

/// resourceVersionNumber reads a resourceVersion as an integer (-1 when it is opaque).
inline qint64 resourceVersionNumber(const QString &resourceVersion)
{
    bool ok = false;
    const qint64 n = resourceVersion.toLongLong(&ok);
    return ok ? n : -1;
}

} // namespace Qluster::Bench
