// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "objectsummary.h"

#include <QJsonArray>

namespace Qluster {

ObjectSummary ObjectSummary::fromObject(const QJsonObject &object)
{
    ObjectSummary summary;
    const QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    summary.apiVersion = object.value(QLatin1String("apiVersion")).toString();
    summary.kind = object.value(QLatin1String("kind")).toString();
    summary.meta = ObjectMeta::fromJson(metadata);
    summary.namespaced = metadata.contains(QLatin1String("namespace"));
    summary.creationTimestamp = metadata.value(QLatin1String("creationTimestamp")).toString();
    summary.deletionTimestamp = metadata.value(QLatin1String("deletionTimestamp")).toString();
    const QJsonObject annotations = metadata.value(QLatin1String("annotations")).toObject();
    for (auto it = annotations.constBegin(); it != annotations.constEnd(); ++it) {
        if (it.key() != QLatin1String("kubectl.kubernetes.io/last-applied-configuration"))
            summary.annotations.insert(it.key(), it.value().toString());
    }
    const QJsonArray conditions = object.value(QLatin1String("status")).toObject()
                                      .value(QLatin1String("conditions")).toArray();
    for (const QJsonValue &value : conditions) {
        const QJsonObject c = value.toObject();
        summary.conditions.append({c.value(QLatin1String("type")).toString(),
                                   c.value(QLatin1String("status")).toString(),
                                   c.value(QLatin1String("reason")).toString(),
                                   c.value(QLatin1String("message")).toString(),
                                   c.value(QLatin1String("lastTransitionTime")).toString()});
    }
    return summary;
}

QJsonObject withoutManagedFields(QJsonObject object)
{
    QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    if (!metadata.contains(QLatin1String("managedFields")))
        return object;
    metadata.remove(QStringLiteral("managedFields"));
    object.insert(QStringLiteral("metadata"), metadata);
    return object;
}

} // namespace Qluster
