// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <optional>

namespace Qluster {

/// parseQuantity reads a Kubernetes resource.Quantity ("500Mi", "2", "100m", "1.5Gi", "1e3",
/// "12k") into its numeric value; nullopt when text is not a quantity.
std::optional<double> parseQuantity(const QString &text);

} // namespace Qluster
