// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "resourcetypes.h"

#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace Qluster {

class ResourceQuantity;
struct SandboxContext;

/// SandboxPolicies enforces and reports the cluster's policies: ResourceQuota usage and
/// admission, PodDisruptionBudget status, the HorizontalPodAutoscaler controller (no metrics),
/// PriorityClass admission, and the defaults, validation and storage version of these kinds.
class SandboxPolicies final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxPolicies)

public:
    explicit SandboxPolicies(SandboxContext &context, QObject *parent = nullptr);

    /// SandboxPolicies::startPolicies watches the store for what the policies depend on.
    void startPolicies();
    void applyPolicyDefaults(const ResourceType &type, QJsonObject &object) const;
    /// Status (422) of a quota, budget, autoscaler or priority class the apiserver would reject.
    std::optional<QJsonObject> validatePolicy(const ResourceType &type, const QJsonObject &object,
                                              const QJsonObject *current) const;
    /// Admission of a new object: pod priority from its PriorityClass, the one global default
    /// class, then ResourceQuota; the Status (403) when refused.
    std::optional<QJsonObject> admit(const ResourceType &type, const QString &namespaceName,
                                     QJsonObject &object) const;
    /// The stored form of an object written through `type` (autoscaling/v1 becomes v2).
    QJsonObject toStorageVersion(const ResourceType &type, QJsonObject object) const;

private:
    void schedulePolicyWork(const QString &what, const QString &namespaceName);
    void reconcileQuotas(const QString &namespaceName);
    void reconcileDisruptionBudgets(const QString &namespaceName);
    void reconcileAutoscalers(const QString &namespaceName);
    void reconcileAutoscaler(const QJsonObject &autoscaler);
    /// What the namespace uses of each of `names` (quota resource names), computed afresh, of
    /// the objects a quota with `quotaSpec` tracks (its scopes).
    QMap<QString, ResourceQuantity> namespaceUsage(const QString &namespaceName, const QStringList &names,
                                                   const QJsonObject &quotaSpec) const;

    SandboxContext &m_ctx;
    QSet<QString> m_pendingPolicyWork; ///< "what/namespace" of policy reconciles to run
};

} // namespace Qluster
