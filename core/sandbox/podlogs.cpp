// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "podlogs.h"

#include <QJsonArray>

namespace Qluster {

namespace {

QJsonObject containerStatus(const QJsonObject &pod, const QString &container)
{
    for (const QJsonValue &v : pod.value(QLatin1String("status")).toObject().value(QLatin1String("containerStatuses")).toArray()) {
        if (v.toObject().value(QLatin1String("name")).toString() == container)
            return v.toObject();
    }
    return {};
}

QString image(const QJsonObject &pod, const QString &container)
{
    for (const QJsonValue &v : pod.value(QLatin1String("spec")).toObject().value(QLatin1String("containers")).toArray()) {
        if (v.toObject().value(QLatin1String("name")).toString() == container)
            return v.toObject().value(QLatin1String("image")).toString();
    }
    return {};
}

// Whether the log shown is the one of the last terminated instance: asked for (--previous), or
// the current instance waits to restart after one terminated (kubelet's
// validateContainerLogStatus serves lastState.terminated's container then).
bool showsLastState(const QJsonObject &cs, bool previous)
{
    const QJsonObject state = cs.value(QLatin1String("state")).toObject();
    return previous || (state.contains(QLatin1String("waiting")) && cs.value(QLatin1String("lastState")).toObject().contains(QLatin1String("terminated")));
}

} // namespace

QDateTime PodLogs::startTime(const QJsonObject &pod, const QString &container, bool previous)
{
    const QJsonObject cs = containerStatus(pod, container);
    const bool last = showsLastState(cs, previous);
    const QJsonObject state = cs.value(last ? QLatin1String("lastState") : QLatin1String("state")).toObject();
    for (const char *key : {"running", "terminated"}) {
        const QString started = state.value(QLatin1String(key)).toObject().value(QLatin1String("startedAt")).toString();
        if (!started.isEmpty())
            return QDateTime::fromString(started, Qt::ISODate);
    }
    if (last)
        return {};
    const QString podStart = pod.value(QLatin1String("status")).toObject().value(QLatin1String("startTime")).toString();
    return QDateTime::fromString(podStart, Qt::ISODate);
}

QList<PodLogs::Line> PodLogs::lines(const QJsonObject &pod, const QString &container, bool previous,
                                    const QDateTime &after, const QDateTime &until)
{
    QList<Line> out;
    bool known = false;
    for (const QJsonValue &v : pod.value(QLatin1String("spec")).toObject().value(QLatin1String("containers")).toArray())
        known = known || v.toObject().value(QLatin1String("name")).toString() == container;
    if (!known)
        return out;
    const QDateTime start = startTime(pod, container, previous);
    if (!start.isValid())
        return out;
    QDateTime end = until;
    const QJsonObject cs = containerStatus(pod, container);
    const QJsonObject state = cs.value(showsLastState(cs, previous) ? QLatin1String("lastState") : QLatin1String("state")).toObject();
    const QJsonObject terminated = state.value(QLatin1String("terminated")).toObject();
    const QDateTime finished = QDateTime::fromString(terminated.value(QLatin1String("finishedAt")).toString(), Qt::ISODate);
    if (finished.isValid() && finished < end)
        end = finished;
    const QString podName = pod.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString();
    const qint64 total = qMax<qint64>(0, start.secsTo(end) / intervalSeconds);
    qint64 first = 0;
    if (after.isValid() && after >= start)
        first = start.secsTo(after) / intervalSeconds + 1;
    for (qint64 i = first; i <= total; ++i) {
        const QDateTime t = start.addSecs(i * intervalSeconds);
        if (after.isValid() && t <= after)
            continue;
        if (t > end)
            break;
        QString text;
        if (i == 0)
            text = QStringLiteral("Starting %1 (image %2) in pod %3").arg(container, image(pod, container), podName);
        else if (i % 7 == 0)
            text = QStringLiteral("WARN %1: slow request /api/items took %2ms").arg(container).arg(200 + (i * 37) % 800);
        else
            text = QStringLiteral("INFO %1: GET /healthz 200 (request %2, %3ms)").arg(container).arg(i).arg(1 + (i * 13) % 20);
        out.append(Line{t, text});
    }
    if (finished.isValid() && finished <= until) {
        const int code = terminated.value(QLatin1String("exitCode")).toInt();
        out.append(Line{finished, code == 0 ? QStringLiteral("%1: work finished, exiting").arg(container)
                                            : QStringLiteral("FATAL %1: unrecoverable error, exit code %2").arg(container).arg(code)});
    }
    return out;
}

QByteArray PodLogs::format(const Line &line, bool timestamps)
{
    QByteArray out;
    if (timestamps)
        out += line.time.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'000000Z'")).toUtf8() + ' ';
    return out + line.text.toUtf8() + '\n';
}

} // namespace Qluster
