// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sandboxrequest.h"
#include "util/result.h"

#include <QJsonObject>

namespace Qluster {

struct SandboxContext;

/// SubresourceHandlers answers the subresources and reviews that are not plain reads or
/// writes: scale, pods/log, serviceaccounts/token, SelfSubjectAccessReview,
/// SelfSubjectRulesReview and SelfSubjectReview.
class SubresourceHandlers final
{
    Q_DISABLE_COPY_MOVE(SubresourceHandlers)

public:
    explicit SubresourceHandlers(SandboxContext &context);

    void handleScale(SandboxRequest &r, const SandboxResourcePath &p);
    void handleLog(SandboxRequest &r, const SandboxResourcePath &p);
    void handleTokenRequest(SandboxRequest &r, const SandboxResourcePath &p);
    void handleReview(SandboxRequest &r, const QString &kind);
    void handleSelfSubjectReview(SandboxRequest &r);

    /// Picks the container a log or exec request means, or says why none can be picked.
    static Result<QString> chooseContainer(const QJsonObject &pod, const QString &requested);

private:
    SandboxContext &m_ctx;
};

} // namespace Qluster
