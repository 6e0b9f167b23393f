// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QDateTime>

#include <optional>

namespace Qluster {

/// retryAfterMs reads a Retry-After header (RFC 9110 section 10.2.3): delay-seconds, or an
/// HTTP-date (IMF-fixdate, obsolete RFC 850 or asctime form) counted from `now`; a date in the
/// past is no wait. Nothing for an empty or unreadable value.
std::optional<qint64> retryAfterMs(const QByteArray &value, const QDateTime &now);

} // namespace Qluster
