// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QString>

namespace Qluster {

struct SandboxContext;

/// DaemonSetController keeps one pod of a DaemonSet on every node it fits (selectors,
/// affinity, taints), replaces outdated ones and reports its status.
class DaemonSetController final
{
    Q_DISABLE_COPY_MOVE(DaemonSetController)

public:
    explicit DaemonSetController(SandboxContext &context);

    void reconcileDaemonSet(const QString &namespaceName, const QString &name);

private:
    void createDaemonSetPod(const QJsonObject &daemonSet, const QString &nodeName, const QString &hash);

    SandboxContext &m_ctx;
};

} // namespace Qluster
