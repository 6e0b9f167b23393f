// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sandboxrequest.h"

#include <QString>

namespace Qluster {

struct SandboxContext;

/// OpenApiEndpoints answers /openapi/v2 and /openapi/v3[/...] from the OpenApiRegistry.
class OpenApiEndpoints final
{
    Q_DISABLE_COPY_MOVE(OpenApiEndpoints)

public:
    explicit OpenApiEndpoints(SandboxContext &context);

    void handleOpenApi(SandboxRequest &r, const QString &path);

private:
    SandboxContext &m_ctx;
};

} // namespace Qluster
