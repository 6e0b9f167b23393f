// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "objectmeta.h"

#include <QJsonArray>

namespace Qluster {

QDateTime parseTimestamp(const QString &text)
{
    if (text.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}

ObjectMeta ObjectMeta::fromJson(const QJsonObject &m)
{
    ObjectMeta meta;
    meta.name = m.value(QLatin1String("name")).toString();
    meta.namespaceName = m.value(QLatin1String("namespace")).toString();
    meta.uid = m.value(QLatin1String("uid")).toString();
    meta.resourceVersion = m.value(QLatin1String("resourceVersion")).toString();
    meta.creationTimestamp = parseTimestamp(m.value(QLatin1String("creationTimestamp")).toString());
    meta.deletionTimestamp = parseTimestamp(m.value(QLatin1String("deletionTimestamp")).toString());
    meta.generation = m.value(QLatin1String("generation")).toInteger();
    const QJsonObject labels = m.value(QLatin1String("labels")).toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it)
        meta.labels.insert(it.key(), it.value().toString());
    const QJsonArray owners = m.value(QLatin1String("ownerReferences")).toArray();
    for (const QJsonValue &ov : owners) {
        const QJsonObject o = ov.toObject();
        OwnerReference ref;
        ref.apiVersion = o.value(QLatin1String("apiVersion")).toString();
        ref.kind = o.value(QLatin1String("kind")).toString();
        ref.name = o.value(QLatin1String("name")).toString();
        ref.uid = o.value(QLatin1String("uid")).toString();
        ref.controller = o.value(QLatin1String("controller")).toBool();
        meta.ownerReferences.append(ref);
    }
    return meta;
}

QString ObjectMeta::key() const
{
    if (namespaceName.isEmpty())
        return name;
    return namespaceName + QLatin1Char('/') + name;
}

} // namespace Qluster
