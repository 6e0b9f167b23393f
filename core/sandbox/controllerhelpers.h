// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// The small helpers the sandbox's controllers share (pod phases, labels, node fit, job state,
// cron times, rollout bounds), inline so that every controller file can use them.

#include "cronschedule.h"
#include "sandboxobjects.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Qluster::ControllerHelpers {

using namespace SandboxObjects;

inline const QString podNameLabel = QStringLiteral("statefulset.kubernetes.io/pod-name");
inline const QString podIndexLabel = QStringLiteral("apps.kubernetes.io/pod-index");
inline const QString revisionLabel = QStringLiteral("controller-revision-hash");
inline const QString scheduledTimestampAnnotation = QStringLiteral("batch.kubernetes.io/cronjob-scheduled-timestamp");

inline QString phaseOf(const QJsonObject &pod)
{
    return pod.value(kStatus).toObject().value(QLatin1String("phase")).toString();
}

inline bool podHealthy(const QJsonObject &pod)
{
    return phaseOf(pod) == QLatin1String("Running") && conditionTrue(pod, QLatin1String("Ready"));
}

inline bool podFinished(const QJsonObject &pod)
{
    return phaseOf(pod) == QLatin1String("Succeeded") || phaseOf(pod) == QLatin1String("Failed");
}

inline QString labelOf(const QJsonObject &o, const QString &label)
{
    return metaOf(o).value(QLatin1String("labels")).toObject().value(label).toString();
}

inline QJsonObject withLabels(QJsonObject meta, const QJsonObject &extra)
{
    QJsonObject labels = meta.value(QLatin1String("labels")).toObject();
    for (auto it = extra.begin(); it != extra.end(); ++it)
        labels.insert(it.key(), it.value());
    meta.insert(QStringLiteral("labels"), labels);
    return meta;
}

// The ordinal of a StatefulSet pod named "<set>-<ordinal>", or -1.
inline int ordinalOf(const QString &podName, const QString &setName)
{
    if (!podName.startsWith(setName + QLatin1Char('-')))
        return -1;
    bool ok = false;
    const int ordinal = podName.mid(setName.size() + 1).toInt(&ok);
    return ok && ordinal >= 0 && QString::number(ordinal) == podName.mid(setName.size() + 1) ? ordinal : -1;
}

// A taint with effect NoSchedule or NoExecute keeps pods away unless they tolerate it.
inline bool toleratesTaints(const QJsonObject &podSpec, const QJsonArray &taints)
{
    for (const QJsonValue &tv : taints) {
        const QJsonObject taint = tv.toObject();
        const QString effect = taint.value(QLatin1String("effect")).toString();
        if (effect != QLatin1String("NoSchedule") && effect != QLatin1String("NoExecute"))
            continue;
        const QString key = taint.value(QLatin1String("key")).toString();
        bool tolerated = false;
        for (const QJsonValue &v : podSpec.value(QLatin1String("tolerations")).toArray()) {
            const QJsonObject t = v.toObject();
            const QString tEffect = t.value(QLatin1String("effect")).toString();
            if (!tEffect.isEmpty() && tEffect != effect)
                continue;
            const QString tKey = t.value(QLatin1String("key")).toString();
            if (t.value(QLatin1String("operator")).toString() == QLatin1String("Exists"))
                tolerated = tKey.isEmpty() || tKey == key;
            else
                tolerated = tKey == key && t.value(QLatin1String("value")).toString() == taint.value(QLatin1String("value")).toString();
            if (tolerated)
                break;
        }
        if (!tolerated)
            return false;
    }
    return true;
}

// Whether a pod with `podSpec` may run on `node`: nodeSelector and NoSchedule/NoExecute taints.
inline bool nodeFits(const QJsonObject &podSpec, const QJsonObject &node)
{
    const QJsonObject labels = metaOf(node).value(QLatin1String("labels")).toObject();
    const QJsonObject selector = podSpec.value(QLatin1String("nodeSelector")).toObject();
    for (auto it = selector.begin(); it != selector.end(); ++it) {
        if (labels.value(it.key()) != it.value())
            return false;
    }
    return toleratesTaints(podSpec, node.value(kSpec).toObject().value(QLatin1String("taints")).toArray());
}

// The node names a pod's required node affinity allows by `metadata.name` (what DaemonSet pods
// carry), empty when it names none.
inline QStringList affinityNodeNames(const QJsonObject &podSpec)
{
    QStringList names;
    const QJsonArray terms = podSpec.value(QLatin1String("affinity")).toObject().value(QLatin1String("nodeAffinity")).toObject()
                                 .value(QLatin1String("requiredDuringSchedulingIgnoredDuringExecution")).toObject()
                                 .value(QLatin1String("nodeSelectorTerms")).toArray();
    for (const QJsonValue &term : terms) {
        for (const QJsonValue &f : term.toObject().value(QLatin1String("matchFields")).toArray()) {
            const QJsonObject field = f.toObject();
            if (field.value(QLatin1String("key")).toString() == QLatin1String("metadata.name")
                && field.value(QLatin1String("operator")).toString() == QLatin1String("In")) {
                for (const QJsonValue &v : field.value(QLatin1String("values")).toArray())
                    names << v.toString();
            }
        }
    }
    return names;
}

// Finished Jobs have a Complete or Failed condition that is True.
inline bool jobFinished(const QJsonObject &job, bool *succeeded = nullptr)
{
    const bool complete = conditionTrue(job, QLatin1String("Complete"));
    if (succeeded)
        *succeeded = complete;
    return complete || conditionTrue(job, QLatin1String("Failed"));
}

inline QJsonObject objectReference(const QJsonObject &o)
{
    return QJsonObject{{QStringLiteral("apiVersion"), o.value(QLatin1String("apiVersion"))},
                       {QStringLiteral("kind"), o.value(QLatin1String("kind"))},
                       {QStringLiteral("namespace"), metaOf(o).value(kNamespace)},
                       {QStringLiteral("name"), metaOf(o).value(kName)},
                       {QStringLiteral("uid"), metaOf(o).value(QLatin1String("uid"))},
                       {QStringLiteral("resourceVersion"), metaOf(o).value(QLatin1String("resourceVersion"))}};
}

inline QDateTime parseTime(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

// The latest scheduled time in (earliest, now], looked for in windows growing back from `now`, so
// that a CronJob created long ago (or a clock set far ahead) costs little.
inline QDateTime mostRecentScheduleTime(const CronSchedule &schedule, const QDateTime &earliest, const QDateTime &now)
{
    static const qint64 windows[] = {3600, 86400, 31 * 86400, 366 * 86400, 5 * 366 * 86400};
    for (qint64 window : windows) {
        const QDateTime from = std::max(earliest, now.addSecs(-window));
        QDateTime last;
        for (QDateTime t = schedule.next(from); t.isValid() && t <= now; t = schedule.next(t))
            last = t;
        if (last.isValid() || from == earliest)
            return last;
    }
    return {};
}

// spec.updateStrategy.rollingUpdate.maxUnavailable of a DaemonSet: a number or a percentage of
// `desired` (rounded up), at least 1.
inline int maxUnavailable(const QJsonValue &value, int desired)
{
    int result = 1;
    if (value.isDouble()) {
        result = value.toInt();
    } else if (value.isString() && value.toString().endsWith(QLatin1Char('%'))) {
        const int percent = value.toString().chopped(1).toInt();
        result = (desired * percent + 99) / 100;
    }
    return std::max(result, 1);
}

} // namespace Qluster::ControllerHelpers
