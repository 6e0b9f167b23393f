// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "discoveryendpoints.h"
#include "openapiendpoints.h"
#include "resourcehandlers.h"
#include "sandboxrequest.h"
#include "subresourcehandlers.h"

namespace Qluster {

struct SandboxContext;
class WatchHub;

/// SandboxRouter takes a request from its connection to the handler that answers it:
/// authentication, injected faults, unavailable APIServices, non-resource paths, discovery,
/// OpenAPI, then the resource verbs and subresources (after RBAC).
class SandboxRouter final
{
    Q_DISABLE_COPY_MOVE(SandboxRouter)

public:
    SandboxRouter(SandboxContext &context, WatchHub &watches);

    void dispatch(HttpConnection *connection, const HttpRequest &request);

private:
    bool handleNonResource(SandboxRequest &r);
    void handleResource(SandboxRequest &r, const SandboxResourcePath &p);

    SandboxContext &m_ctx;
    WatchHub &m_watches; // not owned
    DiscoveryEndpoints m_discovery;
    OpenApiEndpoints m_openApi;
    ResourceHandlers m_resources;
    SubresourceHandlers m_subresources;
};

} // namespace Qluster
