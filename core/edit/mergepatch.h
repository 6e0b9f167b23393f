// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"

#include <QJsonValue>

namespace Qluster {

/// applyMergePatch applies an RFC 7386 JSON Merge Patch: objects merge recursively, null deletes
/// a member, anything else (arrays included) replaces. Kubernetes requires the patch to be an
/// object, so any other patch is an error.
Result<QJsonValue> applyMergePatch(const QJsonValue &document, const QJsonValue &patch);

/// createMergePatch returns the RFC 7386 merge patch turning original into modified (an empty
/// object when they are equal); removed members become null, changed arrays are sent whole.
QJsonValue createMergePatch(const QJsonValue &original, const QJsonValue &modified);

} // namespace Qluster
