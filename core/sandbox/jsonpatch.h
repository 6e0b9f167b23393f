// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// API note (core/sandbox, applying JSON Patch and JSON Merge Patch as kube-apiserver does):
//   Result<QJsonValue> r = applyJsonPatch(liveObject, patchDocument);   // RFC 6902
//   Result<QJsonValue> r = applyMergePatch(liveObject, patchDocument);  // RFC 7386
// Clients build merge patches with createMergePatch (core/edit/mergepatch.h).
// Errors are Error::Kind::Invalid with messages such as "test operation failed at /spec/replicas";
// the sandbox maps them to a 422 (or 400 for a patch that is not a JSON array) Status.

#include "util/result.h"

#include <QJsonArray>
#include <QJsonValue>

namespace Qluster {

/// applyJsonPatch applies an RFC 6902 JSON Patch (an array of add/remove/replace/move/copy/test
/// operations) to document and returns the result; the first failing operation stops it and its
/// error names the operation index, op and path.
Result<QJsonValue> applyJsonPatch(const QJsonValue &document, const QJsonValue &patch);

/// applyMergePatch applies an RFC 7386 JSON Merge Patch: objects merge recursively, null deletes
/// a member, anything else (arrays included) replaces. Kubernetes requires the patch to be an
/// object, so any other patch is an error.
Result<QJsonValue> applyMergePatch(const QJsonValue &document, const QJsonValue &patch);

} // namespace Qluster
