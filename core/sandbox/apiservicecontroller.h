// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "discoverydocuments.h"
#include "sandboxrequest.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

namespace Qluster {

struct SandboxContext;

/// ApiServiceController keeps APIServices as kube-apiserver does: the local ones of every
/// served group-version, the Available condition, and the group-versions of unreachable
/// aggregated API servers (listed by discovery, answered with 503).
class ApiServiceController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiServiceController)

public:
    explicit ApiServiceController(SandboxContext &context, QObject *parent = nullptr);

    void syncApiServices(bool atStart);
    void scheduleApiServiceChecks(const QString &serviceNamespace, const QString &serviceName);
    void scheduleApiServiceCheck(const QString &name);
    QList<DiscoveryDocuments::UnavailableGroupVersion> unavailableGroupVersions() const;
    /// Answers 503 for a path under an unavailable APIService's group-version; false otherwise.
    bool handleUnavailableGroupVersion(SandboxRequest &r);

private:
    void checkApiServiceAvailability(const QString &name);

    SandboxContext &m_ctx;
    QSet<QString> m_pendingApiServiceChecks; ///< names of APIServices whose availability to check
    bool m_apiServiceCheckQueued = false;
};

} // namespace Qluster
