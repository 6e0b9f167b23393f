// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "autoscalingconversion.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Qluster {

namespace AutoscalingConversion {

namespace {

const QString kMetrics = QStringLiteral("autoscaling.alpha.kubernetes.io/metrics");
const QString kCurrentMetrics = QStringLiteral("autoscaling.alpha.kubernetes.io/current-metrics");
const QString kConditions = QStringLiteral("autoscaling.alpha.kubernetes.io/conditions");
const QString kBehavior = QStringLiteral("autoscaling.alpha.kubernetes.io/behavior");

QString toText(const QJsonValue &v)
{
    const QJsonDocument doc = v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject());
    return QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
}

QJsonValue fromText(const QString &text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    if (doc.isArray())
        return doc.array();
    if (doc.isObject())
        return doc.object();
    return QJsonValue::Undefined;
}

bool isCpuUtilization(const QJsonObject &metric)
{
    const QJsonObject resource = metric.value(QLatin1String("resource")).toObject();
    return metric.value(QLatin1String("type")).toString() == QLatin1String("Resource")
           && resource.value(QLatin1String("name")).toString() == QLatin1String("cpu")
           && resource.value(QLatin1String("target")).toObject().value(QLatin1String("type")).toString() == QLatin1String("Utilization");
}

void copy(QJsonObject &to, const QJsonObject &from, std::initializer_list<const char *> fields)
{
    for (const char *f : fields) {
        if (from.contains(QLatin1String(f)))
            to.insert(QLatin1String(f), from.value(QLatin1String(f)));
    }
}

} // namespace

QJsonObject toV1(const QJsonObject &v2)
{
    QJsonObject v1 = v2;
    v1.insert(QStringLiteral("apiVersion"), QStringLiteral("autoscaling/v1"));
    QJsonObject meta = v2.value(QLatin1String("metadata")).toObject();
    QJsonObject annotations = meta.value(QLatin1String("annotations")).toObject();

    const QJsonObject spec2 = v2.value(QLatin1String("spec")).toObject();
    QJsonObject spec;
    copy(spec, spec2, {"scaleTargetRef", "minReplicas", "maxReplicas"});
    QJsonArray otherMetrics;
    for (const QJsonValue &m : spec2.value(QLatin1String("metrics")).toArray()) {
        if (isCpuUtilization(m.toObject()) && !spec.contains(QLatin1String("targetCPUUtilizationPercentage"))) {
            spec.insert(QStringLiteral("targetCPUUtilizationPercentage"),
                        m.toObject()[QLatin1String("resource")][QLatin1String("target")][QLatin1String("averageUtilization")]);
        } else {
            otherMetrics.append(m);
        }
    }
    if (!otherMetrics.isEmpty())
        annotations.insert(kMetrics, toText(otherMetrics));
    if (spec2.contains(QLatin1String("behavior")))
        annotations.insert(kBehavior, toText(spec2.value(QLatin1String("behavior"))));
    if (v2.contains(QLatin1String("spec")))
        v1.insert(QStringLiteral("spec"), spec);

    if (v2.contains(QLatin1String("status"))) {
        const QJsonObject status2 = v2.value(QLatin1String("status")).toObject();
        QJsonObject status;
        copy(status, status2, {"observedGeneration", "lastScaleTime", "currentReplicas", "desiredReplicas"});
        QJsonArray otherCurrent;
        for (const QJsonValue &m : status2.value(QLatin1String("currentMetrics")).toArray()) {
            const QJsonObject resource = m.toObject().value(QLatin1String("resource")).toObject();
            const QJsonObject current = resource.value(QLatin1String("current")).toObject();
            if (resource.value(QLatin1String("name")).toString() == QLatin1String("cpu") && current.contains(QLatin1String("averageUtilization")))
                status.insert(QStringLiteral("currentCPUUtilizationPercentage"), current.value(QLatin1String("averageUtilization")));
            else
                otherCurrent.append(m);
        }
        if (!otherCurrent.isEmpty())
            annotations.insert(kCurrentMetrics, toText(otherCurrent));
        if (status2.contains(QLatin1String("conditions")))
            annotations.insert(kConditions, toText(status2.value(QLatin1String("conditions"))));
        v1.insert(QStringLiteral("status"), status);
    }
    if (!annotations.isEmpty()) {
        meta.insert(QStringLiteral("annotations"), annotations);
        v1.insert(QStringLiteral("metadata"), meta);
    }
    return v1;
}

QJsonObject toV2(const QJsonObject &v1)
{
    QJsonObject v2 = v1;
    v2.insert(QStringLiteral("apiVersion"), QStringLiteral("autoscaling/v2"));
    QJsonObject meta = v1.value(QLatin1String("metadata")).toObject();
    QJsonObject annotations = meta.value(QLatin1String("annotations")).toObject();
    auto takeAnnotation = [&annotations](const QString &key) {
        const QJsonValue v = annotations.contains(key) ? fromText(annotations.value(key).toString()) : QJsonValue(QJsonValue::Undefined);
        annotations.remove(key);
        return v;
    };

    if (v1.contains(QLatin1String("spec"))) {
        const QJsonObject spec1 = v1.value(QLatin1String("spec")).toObject();
        QJsonObject spec;
        copy(spec, spec1, {"scaleTargetRef", "minReplicas", "maxReplicas"});
        QJsonArray metrics;
        if (spec1.contains(QLatin1String("targetCPUUtilizationPercentage"))) {
            metrics.append(QJsonObject{
                {QStringLiteral("type"), QStringLiteral("Resource")},
                {QStringLiteral("resource"),
                 QJsonObject{{QStringLiteral("name"), QStringLiteral("cpu")},
                             {QStringLiteral("target"), QJsonObject{{QStringLiteral("type"), QStringLiteral("Utilization")},
                                                                    {QStringLiteral("averageUtilization"),
                                                                     spec1.value(QLatin1String("targetCPUUtilizationPercentage"))}}}}}});
        }
        for (const QJsonValue &m : takeAnnotation(kMetrics).toArray())
            metrics.append(m);
        if (!metrics.isEmpty())
            spec.insert(QStringLiteral("metrics"), metrics);
        if (const QJsonValue behavior = takeAnnotation(kBehavior); behavior.isObject())
            spec.insert(QStringLiteral("behavior"), behavior);
        v2.insert(QStringLiteral("spec"), spec);
    } else {
        takeAnnotation(kMetrics);
        takeAnnotation(kBehavior);
    }

    const QJsonValue current = takeAnnotation(kCurrentMetrics);
    const QJsonValue conditions = takeAnnotation(kConditions);
    if (v1.contains(QLatin1String("status"))) {
        const QJsonObject status1 = v1.value(QLatin1String("status")).toObject();
        QJsonObject status;
        copy(status, status1, {"observedGeneration", "lastScaleTime", "currentReplicas", "desiredReplicas", "currentMetrics", "conditions"});
        QJsonArray metrics = status.value(QLatin1String("currentMetrics")).toArray();
        if (status1.contains(QLatin1String("currentCPUUtilizationPercentage"))) {
            metrics.prepend(QJsonObject{
                {QStringLiteral("type"), QStringLiteral("Resource")},
                {QStringLiteral("resource"),
                 QJsonObject{{QStringLiteral("name"), QStringLiteral("cpu")},
                             {QStringLiteral("current"), QJsonObject{{QStringLiteral("averageUtilization"),
                                                                      status1.value(QLatin1String("currentCPUUtilizationPercentage"))}}}}}});
        }
        for (const QJsonValue &m : current.toArray())
            metrics.append(m);
        if (!metrics.isEmpty())
            status.insert(QStringLiteral("currentMetrics"), metrics);
        if (conditions.isArray() && !status.contains(QLatin1String("conditions")))
            status.insert(QStringLiteral("conditions"), conditions);
        v2.insert(QStringLiteral("status"), status);
    }
    if (annotations.isEmpty())
        meta.remove(QStringLiteral("annotations"));
    else
        meta.insert(QStringLiteral("annotations"), annotations);
    if (v1.contains(QLatin1String("metadata")))
        v2.insert(QStringLiteral("metadata"), meta);
    return v2;
}

} // namespace AutoscalingConversion

} // namespace Qluster
