// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonValue>

namespace Qluster {

/// jsonEquals compares two JSON values deeply; numbers compare by value (1 == 1.0), as RFC 6902's
/// "test" operation requires.
bool jsonEquals(const QJsonValue &a, const QJsonValue &b);

} // namespace Qluster
