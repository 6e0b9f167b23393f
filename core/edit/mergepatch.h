// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"

#include <QJsonValue>

namespace Qluster {

/// createMergePatch returns the RFC 7386 merge patch turning original into modified (an empty
/// object when they are equal); removed members become null, changed arrays are sent whole.
QJsonValue createMergePatch(const QJsonValue &original, const QJsonValue &modified);

} // namespace Qluster
