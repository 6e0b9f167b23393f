// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QString>

namespace Qluster {

struct SandboxContext;

/// StatefulSetController keeps a StatefulSet's ordered pods and their PersistentVolumeClaims
/// in step with its spec (scaling, rolling updates by revision) and reports its status.
class StatefulSetController final
{
    Q_DISABLE_COPY_MOVE(StatefulSetController)

public:
    explicit StatefulSetController(SandboxContext &context);

    void reconcileStatefulSet(const QString &namespaceName, const QString &name);

private:
    void createStatefulSetPod(const QJsonObject &set, int ordinal, const QString &revision);
    void deleteStatefulSetPod(const QJsonObject &set, const QJsonObject &pod, bool scaledDown);

    SandboxContext &m_ctx;
};

} // namespace Qluster
