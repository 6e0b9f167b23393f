// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <optional>

namespace Qluster {

/// humanDuration formats seconds the way kubectl prints AGE ("45s", "5m3s", "3h", "5d3h", "2y10d"),
/// following k8s.io/apimachinery/pkg/util/duration.HumanDuration.
QString humanDuration(qint64 seconds);

/// parseDuration reads a kubectl-style duration ("5d3h", "10m", "45s", "2y10d", "1h30m") into
/// seconds; nullopt when text is not such a duration.
std::optional<qint64> parseDuration(const QString &text);

} // namespace Qluster
