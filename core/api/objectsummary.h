// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/objectmeta.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace Qluster {

/// ObjectCondition is one entry of status.conditions.
struct ObjectCondition
{
    QString type;
    QString status;
    QString reason;
    QString message;
    QString lastTransitionTime;
    friend bool operator==(const ObjectCondition &, const ObjectCondition &) = default;
};

/// ObjectSummary is what an overview shows of one full object: its identity, metadata as the
/// API wrote it, labels, annotations, owner references and status conditions.
struct ObjectSummary
{
    QString apiVersion;
    QString kind;
    ObjectMeta meta;
    bool namespaced = false;    ///< metadata.namespace is set
    QString creationTimestamp;  ///< RFC 3339, as the server wrote it
    QString deletionTimestamp;  ///< empty unless the object is being deleted
    /// metadata.annotations without kubectl.kubernetes.io/last-applied-configuration, which
    /// repeats the whole object (the YAML view shows it).
    QMap<QString, QString> annotations;
    QList<ObjectCondition> conditions;

    /// ObjectSummary::fromObject reads a full object as GET returns it.
    static ObjectSummary fromObject(const QJsonObject &object);
};

/// isSecret is true for a core v1 Secret.
bool isSecret(const QJsonObject &object);

/// withSecretValuesHidden is object with what a Secret keeps secret replaced by a note of its size:
/// every data and stringData value, and the last-applied-configuration annotation (kubectl apply
/// copies the whole Secret, data included, into it). Other objects are returned unchanged.
QJsonObject withSecretValuesHidden(QJsonObject object);

/// withoutManagedFields is object without metadata.managedFields, as `kubectl get -o yaml` shows
/// it (unless --show-managed-fields).
QJsonObject withoutManagedFields(QJsonObject object);

} // namespace Qluster
