// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace Qluster {

/// OwnerReference is one entry of metadata.ownerReferences.
struct OwnerReference
{
    QString apiVersion;
    QString kind;
    QString name;
    QString uid;
    bool controller = false;

    friend bool operator==(const OwnerReference &, const OwnerReference &) = default;
};

/// ObjectMeta is the part of metadata the explorer keeps for every cached object (managedFields
/// and annotations are left out to keep large caches small; the full object is fetched on demand).
struct ObjectMeta
{
    QString name;
    QString namespaceName;
    QString uid;
    QString resourceVersion;
    QDateTime creationTimestamp;
    QDateTime deletionTimestamp;
    qint64 generation = 0;
    QMap<QString, QString> labels;
    QList<OwnerReference> ownerReferences;

    /// ObjectMeta::fromJson reads an object's "metadata" value.
    static ObjectMeta fromJson(const QJsonObject &metadata);
    /// ObjectMeta::key is "namespace/name" (just "name" for cluster-scoped objects), as client-go's
    /// MetaNamespaceKeyFunc.
    QString key() const;

    friend bool operator==(const ObjectMeta &, const ObjectMeta &) = default;
};

/// parseTimestamp reads an RFC 3339 timestamp as the API writes it; invalid gives a null QDateTime.
QDateTime parseTimestamp(const QString &text);

} // namespace Qluster
