// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// The controllers: SandboxControllers (this file: what a write sets off, Deployment ->
// ReplicaSet -> Pods, Job -> Pods, the default ServiceAccount of a namespace),
// StatefulSetController, DaemonSetController, CronJobController, PodLifecycle (pods starting
// and living by their scripted behaviour).

#include "resourcetypes.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <optional>

namespace Qluster {

struct SandboxContext;

/// SandboxControllers reacts to writes as kube-controller-manager would: it queues the
/// reconciles of the affected workloads (once per burst), runs the Deployment, ReplicaSet and
/// Job controllers itself and hands StatefulSets, DaemonSets and CronJobs to theirs.
class SandboxControllers final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxControllers)

public:
    explicit SandboxControllers(SandboxContext &context, QObject *parent = nullptr);

    void notifyControllers(const ResourceType &type, const QJsonObject &object, bool deleted);
    void scheduleReconcile(const QString &kind, const QString &namespaceName, const QString &name);
    void scheduleOwnerReconciles(const QString &namespaceName, const QJsonObject &object);
    void scheduleAll(const Gvr &gvr, const QString &kind);
    QList<QJsonObject> ownedObjects(const Gvr &gvr, const QString &namespaceName, const QString &uid) const;
    QString firstNodeName() const;
    /// Status (422) of a workload spec the apiserver would reject (CronJob schedule, time zone...).
    std::optional<QJsonObject> validateWorkload(const ResourceType &type, const QJsonObject &object) const;

private:
    void reconcile(const QString &kind, const QString &namespaceName, const QString &name);
    void reconcileDeployment(const QString &namespaceName, const QString &name);
    void reconcileReplicaSet(const QString &namespaceName, const QString &name);
    void reconcileJob(const QString &namespaceName, const QString &name);

    SandboxContext &m_ctx;
    QSet<QString> m_pendingReconciles; ///< "kind/ns/name" of controllers to run
};

} // namespace Qluster
