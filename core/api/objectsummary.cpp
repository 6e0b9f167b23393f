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

bool isSecret(const QJsonObject &object)
{
    return object.value(QLatin1String("kind")).toString() == QLatin1String("Secret")
        && object.value(QLatin1String("apiVersion")).toString() == QLatin1String("v1");
}

QJsonObject withSecretValuesHidden(QJsonObject object)
{
    if (!isSecret(object))
        return object;
    const auto hide = [&object](const QString &field, bool base64) {
        QJsonObject values = object.value(field).toObject();
        for (auto it = values.begin(); it != values.end(); ++it) {
            const QByteArray text = it.value().toString().toUtf8();
            const qsizetype bytes = base64 ? QByteArray::fromBase64(text).size() : text.size();
            *it = QStringLiteral("(%1 bytes, hidden)").arg(bytes);
        }
        if (!values.isEmpty())
            object.insert(field, values);
    };
    hide(QStringLiteral("data"), true);
    hide(QStringLiteral("stringData"), false);
    QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    QJsonObject annotations = metadata.value(QLatin1String("annotations")).toObject();
    const QString lastApplied = QStringLiteral("kubectl.kubernetes.io/last-applied-configuration");
    if (annotations.contains(lastApplied)) {
        annotations.insert(lastApplied, QStringLiteral("(hidden, a copy of the Secret with its data)"));
        metadata.insert(QStringLiteral("annotations"), annotations);
        object.insert(QStringLiteral("metadata"), metadata);
    }
    return object;
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
