// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// API note (core/edit, building a strategic merge patch; the sandbox applies them with
// applyStrategicMergePatch in core/sandbox/strategicpatch.h):
//   OpenApiModel model; ...                           // core/schema/openapimodel.h
//   SchemaPatchMetaLookup meta(&model, gvk);          // or NoPatchMeta for schemaless objects
//   Result<QJsonValue> patch = createStrategicMergePatch(original, modified, meta);
// Semantics follow k8s.io/apimachinery/pkg/util/strategicpatch: lists whose field has
// x-kubernetes-patch-strategy "merge" merge element by element (by the merge key for lists of
// objects, as a set for primitives); other lists are replaced; maps merge; null deletes.
// Directives: {"$patch": "replace"|"delete"} in maps and list elements, "$retainKeys",
// "$deleteFromPrimitiveList/<field>", "$setElementOrder/<field>". A bad directive fails with
// Error::Kind::Invalid (the sandbox answers 400/422 like kube-apiserver).

#include "schema/patchmeta.h"
#include "util/result.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QLatin1String>

namespace Qluster {

/// StrategicMerge holds what creating and applying strategic merge patches share: the directive
/// names and how list elements are identified.
namespace StrategicMerge {
inline const QLatin1String kPatch("$patch");
inline const QLatin1String kRetainKeys("$retainKeys");
inline const QLatin1String kDeletePrefix("$deleteFromPrimitiveList/");
inline const QLatin1String kOrderPrefix("$setElementOrder/");

/// StrategicMerge::identity is a list element's identity: its merge-key value for lists of
/// objects, the element itself for lists of primitives (mergeKey empty).
QJsonValue identity(const QJsonValue &element, const QString &mergeKey);
/// StrategicMerge::indexOf finds the element of list with identity id, or -1.
qsizetype indexOf(const QJsonArray &list, const QJsonValue &id, const QString &mergeKey);
/// StrategicMerge::invalid is an Error::Kind::Invalid naming the field path ("<root>" for none).
Error invalid(const QStringList &path, const QString &message);
/// StrategicMerge::compact renders a value for an error message (strings bare, others as JSON).
QString compact(const QJsonValue &v);
/// StrategicMerge::asValue turns a Result of an object or array into a Result<QJsonValue>.
template<typename T>
Result<QJsonValue> asValue(const Result<T> &result)
{
    if (!result)
        return fail(result.error());
    return QJsonValue(*result);
}
} // namespace StrategicMerge

/// createStrategicMergePatch returns the two-way strategic merge patch turning original into
/// modified (what kubectl edit/patch sends): changed fields, null for removed fields, merge-list
/// elements by merge key with "$patch: delete" for removed ones, "$setElementOrder/<field>" for
/// changed merge lists, "$deleteFromPrimitiveList/<field>" for primitive merge lists and
/// "$retainKeys" for retainKeys fields. An empty object means no change.
Result<QJsonValue> createStrategicMergePatch(const QJsonValue &original, const QJsonValue &modified,
                                             const PatchMetaLookup &meta);

} // namespace Qluster
