// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/gvr.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1String>
#include <QString>

#include <optional>

namespace Qluster {

/// SandboxObjects holds the small helpers for the JSON objects the sandbox stores (metadata
/// access, owner references, conditions) that the server and its controllers share.
namespace SandboxObjects {

inline constexpr QLatin1String kMetadata("metadata");
inline constexpr QLatin1String kName("name");
inline constexpr QLatin1String kNamespace("namespace");
inline constexpr QLatin1String kStatus("status");
inline constexpr QLatin1String kSpec("spec");
/// The annotation that scripts a pod's life (crashloop, complete, fail, pending).
extern const QString behaviorAnnotation;

extern const Gvr podsGvr;
extern const Gvr secretsGvr;
extern const Gvr namespacesGvr;
extern const Gvr nodesGvr;
extern const Gvr eventsGvr;
extern const Gvr serviceAccountsGvr;
extern const Gvr deploymentsGvr;
extern const Gvr replicaSetsGvr;
extern const Gvr jobsGvr;
extern const Gvr statefulSetsGvr;
extern const Gvr daemonSetsGvr;
extern const Gvr cronJobsGvr;
extern const Gvr persistentVolumeClaimsGvr;

/// nowTimestamp is the current UTC time as the API writes it (RFC 3339, seconds).
QString nowTimestamp();
QJsonObject metaOf(const QJsonObject &o);
QString metaString(const QJsonObject &o, QLatin1String field);
void setMeta(QJsonObject &o, const QString &field, const QJsonValue &value);
QByteArray compact(const QJsonObject &o);
/// randomSuffix is `length` characters of the apiserver's generateName alphabet.
QString randomSuffix(int length);
QString podKeyString(const QString &ns, const QString &name);
/// condition is a status condition {type, status "True"/"False", lastTransitionTime[, reason]}.
QJsonObject condition(const QString &type, bool status, const QString &time, const QString &reason = {});
/// ownerReference points at `owner` as its controller (controller and blockOwnerDeletion true).
QJsonObject ownerReference(const QJsonObject &owner);
/// ownedBy says whether one of `o`'s ownerReferences has `uid`.
bool ownedBy(const QJsonObject &o, const QString &uid);
/// conditionTrue says whether `o`'s status has the condition `type` with status "True".
bool conditionTrue(const QJsonObject &o, QLatin1String type);
/// fieldAt is the value at a dotted field path such as ".spec.replicas" (as a CRD's scale
/// subresource names one); undefined when a step is missing or not an object.
QJsonValue fieldAt(const QJsonObject &o, const QString &path);
/// withFieldAt is `o` with `value` at a dotted field path, the objects on the way created; nullopt
/// when a step exists but is not an object (unstructured.SetNestedField fails there too).
std::optional<QJsonObject> withFieldAt(QJsonObject o, const QString &path, const QJsonValue &value);
/// isTrue says whether a query parameter is set ("true" or "1").
bool isTrue(const QString &v);
/// templateHash is a stable 10-character hash of a pod template (pod-template-hash).
QString templateHash(const QJsonObject &podTemplate);

} // namespace SandboxObjects

} // namespace Qluster
