// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QString>

class QTimer;

namespace Qluster {

struct SandboxContext;

/// DemoData creates the objects every sandbox starts with (namespaces, nodes, RBAC, the
/// kubernetes Service...), the demo data set (--demo) and the load knobs' pods and events.
class DemoData final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoData)

public:
    explicit DemoData(SandboxContext &context, QObject *parent = nullptr);

    void loadBaseObjects();
    void loadDemoObjects();
    /// DemoData::loadPods creates `count` running pods in `namespaceName`.
    void loadPods(int count, const QString &namespaceName);
    /// DemoData::setEventsPerSecond modifies that many pods per second (0: stop).
    void setEventsPerSecond(int eventsPerSecond);

private:
    /// The demo data set's storage classes, volumes, quota, budget, autoscaler and policies.
    void loadDemoPolicies();

    SandboxContext &m_ctx;
    int m_eventsPerSecond = 0;
    QTimer *m_loadTimer = nullptr; // owned (child)
    quint64 m_loadCursor = 0;
};

} // namespace Qluster
