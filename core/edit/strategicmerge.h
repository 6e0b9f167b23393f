// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// API note (core/edit, strategic merge patch):
//   OpenApiModel model; ...                           // core/schema/openapimodel.h
//   SchemaPatchMetaLookup meta(&model, gvk);          // or NoPatchMeta for schemaless objects
//   Result<QJsonValue> merged = applyStrategicMergePatch(live, patch, meta);
//   Result<QJsonValue> patch  = createStrategicMergePatch(original, modified, meta);  // client
// Semantics follow k8s.io/apimachinery/pkg/util/strategicpatch: lists whose field has
// x-kubernetes-patch-strategy "merge" merge element by element (by the merge key for lists of
// objects, as a set for primitives); other lists are replaced; maps merge; null deletes.
// Directives: {"$patch": "replace"|"delete"} in maps and list elements, "$retainKeys",
// "$deleteFromPrimitiveList/<field>", "$setElementOrder/<field>". A bad directive fails with
// Error::Kind::Invalid (the sandbox answers 400/422 like kube-apiserver).

#include "schema/patchmeta.h"
#include "util/result.h"

#include <QJsonValue>

namespace Qluster {

/// applyStrategicMergePatch applies a strategic merge patch (a JSON object) to original using
/// the field metadata of meta and returns the merged object.
Result<QJsonValue> applyStrategicMergePatch(const QJsonValue &original, const QJsonValue &patch,
                                            const PatchMetaLookup &meta);

/// createStrategicMergePatch returns the two-way strategic merge patch turning original into
/// modified (what kubectl edit/patch sends): changed fields, null for removed fields, merge-list
/// elements by merge key with "$patch: delete" for removed ones, "$setElementOrder/<field>" for
/// changed merge lists, "$deleteFromPrimitiveList/<field>" for primitive merge lists and
/// "$retainKeys" for retainKeys fields. An empty object means no change.
Result<QJsonValue> createStrategicMergePatch(const QJsonValue &original, const QJsonValue &modified,
                                             const PatchMetaLookup &meta);

} // namespace Qluster
