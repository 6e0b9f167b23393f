// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sandboxrequest.h"

#include <QJsonObject>
#include <QString>

namespace Qluster {

struct SandboxContext;

/// DiscoveryEndpoints answers /api, /apis and the group and group-version documents, in the
/// aggregated form (v2, v2beta1, with ETags) when the Accept header asks for it.
class DiscoveryEndpoints final
{
    Q_DISABLE_COPY_MOVE(DiscoveryEndpoints)

public:
    explicit DiscoveryEndpoints(SandboxContext &context);

    /// DiscoveryEndpoints::handle answers `clean` (a path without its trailing slash) if it
    /// is a discovery path; false otherwise.
    bool handle(SandboxRequest &r, const QString &clean);

private:
    void handleDiscovery(SandboxRequest &r, const QJsonObject &unaggregated, bool legacy);

    SandboxContext &m_ctx;
};

} // namespace Qluster
