// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "error.h"

#include <expected>

namespace Qluster {

/// Result holds either the value of a fallible operation or the Error that stopped it.
/// No exceptions cross the event loop: third-party exceptions are caught at their edge.
template<typename T> using Result = std::expected<T, Error>;

/// fail wraps an Error for returning from a function that returns Result<T>.
inline std::unexpected<Error> fail(Error error)
{
    return std::unexpected<Error>(std::move(error));
}

} // namespace Qluster
