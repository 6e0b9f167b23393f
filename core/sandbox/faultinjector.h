// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sandboxrequest.h"

namespace Qluster {

struct SandboxContext;

/// FaultInjector holds the faults tests ask for (failed, slow and truncated answers, expired
/// continue tokens) and serves POST /sandbox/v1/faults, which sets them and the load knobs.
class FaultInjector final
{
    Q_DISABLE_COPY_MOVE(FaultInjector)

public:
    explicit FaultInjector(SandboxContext &context);

    void failNextRequests(int count, int status, int retryAfterSeconds);
    void setLatency(int milliseconds);
    int latency() const { return m_latency; }
    void truncateNextResponses(int count);
    void expireContinueTokens(int count);

    /// FaultInjector::answerInjectedFailure answers `r` with the next injected failure, if any.
    bool answerInjectedFailure(SandboxRequest &r);
    /// FaultInjector::takeTruncation says whether to send only half of this answer's body.
    bool takeTruncation(int status);
    /// FaultInjector::truncationPending says whether the next answer's body is cut in half.
    bool truncationPending() const { return m_truncateCount > 0; }
    /// FaultInjector::continueExpiryPending says whether the next continue token has expired;
    /// consumeContinueExpiry counts one as answered.
    bool continueExpiryPending() const { return m_expireContinues > 0; }
    void consumeContinueExpiry() { --m_expireContinues; }
    /// FaultInjector::handleFaults serves POST /sandbox/v1/faults (admins only).
    void handleFaults(SandboxRequest &r);

private:
    SandboxContext &m_ctx;
    int m_failCount = 0;
    int m_failStatus = 500;
    int m_failRetryAfter = 1;
    int m_latency = 0;
    int m_truncateCount = 0;
    int m_expireContinues = 0;
};

} // namespace Qluster
