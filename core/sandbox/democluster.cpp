// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "democluster.h"

#include "config/kubeconfig.h"
#include "sandboxserver.h"

namespace Qluster {

DemoCluster::DemoCluster() = default;

DemoCluster::~DemoCluster() = default;

QString DemoCluster::kubeconfigPath() const
{
    return m_dir.filePath(QStringLiteral("kubeconfig"));
}

Result<QString> DemoCluster::start()
{
    if (!m_dir.isValid())
        return fail(Error::io(m_dir.path(), m_dir.errorString()));
    SandboxOptions options;
    options.demoData = true;
    m_sandbox = std::make_unique<SandboxThread>(options);
    if (Result<void> started = m_sandbox->start(); !started)
        return fail(started.error());
    Result<void> written;
    const QString path = kubeconfigPath();
    m_sandbox->invoke([&](SandboxServer &server) { written = server.writeKubeconfig(path); });
    if (!written)
        return fail(written.error());
    // Open on the namespace where the demo data set lives, as `kubectl config set-context` would.
    Result<Kubeconfig> kubeconfig = Kubeconfig::load(path);
    if (!kubeconfig)
        return fail(kubeconfig.error());
    if (Result<void> set = kubeconfig->setContextNamespace(kubeconfig->currentContext(), kDemoNamespace);
        !set) {
        return fail(set.error());
    }
    return path;
}

} // namespace Qluster
