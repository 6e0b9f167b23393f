// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"

#include <QTemporaryDir>

#include <memory>

namespace Qluster {

class SandboxThread;

/// DemoCluster runs the built-in sandbox cluster (demo data, HTTPS with client certificates) on its
/// own thread and writes a private kubeconfig for it, which the application then opens through the
/// same code path as a real cluster. Everything is removed when it is destroyed.
class DemoCluster final
{
    Q_DISABLE_COPY_MOVE(DemoCluster)
public:
    DemoCluster();
    ~DemoCluster();

    /// DemoCluster::kDemoNamespace is where the demo data set's workloads run; the kubeconfig's
    /// current context points there.
    static inline const QString kDemoNamespace = QStringLiteral("shop");

    /// DemoCluster::start starts the sandbox and returns the path of its kubeconfig.
    Result<QString> start();
    QString kubeconfigPath() const;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SandboxThread> m_sandbox;
};

} // namespace Qluster
