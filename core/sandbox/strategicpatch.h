// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// API note (core/sandbox, applying a strategic merge patch as kube-apiserver does):
//   SchemaPatchMetaLookup meta(&model, gvk);          // or NoPatchMeta for schemaless objects
//   Result<QJsonValue> merged = applyStrategicMergePatch(live, patch, meta);
// Clients build the patch with createStrategicMergePatch (core/edit/strategicmerge.h), whose
// header describes the semantics and directives.

#include "schema/patchmeta.h"
#include "util/result.h"

#include <QJsonValue>

namespace Qluster {

/// applyStrategicMergePatch applies a strategic merge patch (a JSON object) to original using
/// the field metadata of meta and returns the merged object.
Result<QJsonValue> applyStrategicMergePatch(const QJsonValue &original, const QJsonValue &patch,
                                            const PatchMetaLookup &meta);

} // namespace Qluster
