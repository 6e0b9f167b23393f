// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>

class QTimer;

namespace Qluster {

struct SandboxContext;

/// PodLifecycle plays the kubelet and scheduler: a new pod is bound to a node and starts after
/// a while, then lives by its scripted behaviour (crashloop, complete, fail, pending).
class PodLifecycle final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PodLifecycle)

public:
    explicit PodLifecycle(SandboxContext &context, QObject *parent = nullptr);

    /// PodLifecycle::start ticks the scripted behaviours once a second.
    void start();
    void schedulePodStart(const QString &namespaceName, const QString &name);
    /// PodLifecycle::forgetPod drops the scripted behaviour of a deleted pod.
    void forgetPod(const QString &namespaceName, const QString &name);

private:
    void startPod(const QString &namespaceName, const QString &name);
    void lifeTick();
    /// The node a pending pod goes to (node affinity on metadata.name, nodeSelector, taints).
    QString chooseNode(const QJsonObject &pod) const;

    struct PodLife
    {
        QString behavior;
        QDateTime next;
    };
    SandboxContext &m_ctx;
    QTimer *m_lifeTimer = nullptr;     // owned (child)
    QHash<QString, PodLife> m_podLife; ///< "ns/name" of pods with a scripted behaviour
    int m_nextPodIp = 10;
};

} // namespace Qluster
