// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// API note (core/sandbox, ResourceQuota accounting):
//   auto q = ResourceQuantity::parse(QStringLiteral("1.5Gi"));    // exact, keeps its format
//   q->toString();                                                // "1536Mi", as the apiserver
//   QuotaAccounting::usage(pod, podsGroupResource, names);        // what one object counts for
//   QuotaAccounting::missingRequests(pod, names);                 // "must specify ..." or ""
//   QuotaAccounting::exceeded(hard, used, requested);             // names over the limit
// The SandboxServer sums usage over a namespace's objects (sandboxpolicies.cpp); everything
// here is a pure function of JSON objects.

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <compare>
#include <optional>

namespace Qluster {

/// ResourceQuantity is an exact resource.Quantity ("500m", "128Mi", "2", "1e3"): its value in
/// nano units and the format it was written in, added, compared and printed as
/// k8s.io/apimachinery/pkg/api/resource does (canonical form, the first term's format).
class ResourceQuantity final
{
public:
    enum class Format { DecimalSI, BinarySI, DecimalExponent };

    ResourceQuantity() = default;

    /// ResourceQuantity::parse reads the text form; nullopt when it is not a quantity. Digits
    /// finer than nano units round up, as upstream does.
    static std::optional<ResourceQuantity> parse(const QString &text);
    /// ResourceQuantity::fromCount is an integer in the decimal SI format (object counts).
    static ResourceQuantity fromCount(qint64 count);

    /// ResourceQuantity::toString is the canonical text: "1536Mi", "500m", "2k", "0".
    QString toString() const;
    Format format() const { return m_format; }
    bool isZero() const { return m_nano == 0; }

    /// ResourceQuantity::add adds `other`; the sum keeps this quantity's format unless this is
    /// a zero that was never written (then it takes the other's).
    void add(const ResourceQuantity &other);

    friend bool operator==(const ResourceQuantity &a, const ResourceQuantity &b) { return a.m_nano == b.m_nano; }
    friend std::strong_ordering operator<=>(const ResourceQuantity &a, const ResourceQuantity &b)
    {
        return a.m_nano <=> b.m_nano;
    }

private:
    __int128 m_nano = 0;
    Format m_format = Format::DecimalSI;
    bool m_written = false; ///< parsed or added to: the format is meaningful
};

/// ResourceList is a map of resource names to quantities ({"pods": 2, "requests.cpu": 500m}).
using ResourceList = QMap<QString, ResourceQuantity>;

/// QuotaAccounting holds what a ResourceQuota counts, as the quota evaluators of
/// k8s.io/kubernetes/pkg/quota/v1/evaluator/core do: object counts (pods, services,
/// services.loadbalancers, services.nodeports, secrets, configmaps, persistentvolumeclaims,
/// replicationcontrollers, resourcequotas, count/<resource>[.<group>]), pod compute resources
/// (cpu, memory, requests.<name>, limits.<name>) and claim storage (requests.storage,
/// <class>.storageclass.storage.k8s.io/requests.storage and /persistentvolumeclaims).
namespace QuotaAccounting {

/// GroupResource names the collection whose objects a quota resource name counts.
struct GroupResource
{
    QString group;
    QString resource;
    friend bool operator==(const GroupResource &, const GroupResource &) = default;
};

/// QuotaAccounting::countedResource is the collection `name` counts objects of ("pods" and
/// "requests.cpu" -> pods, "count/deployments.apps" -> apps/deployments); nullopt when no
/// built-in evaluator knows the name.
std::optional<GroupResource> countedResource(const QString &name);

/// QuotaAccounting::countsTowardQuota says whether an object uses quota at all: pods in a
/// terminal phase (Succeeded, Failed) or being deleted do not.
bool countsTowardQuota(const GroupResource &resource, const QJsonObject &object);

/// QuotaAccounting::matchesScopes says whether a quota with `quotaSpec` tracks the object: a
/// quota without scopes tracks everything; scopes (Terminating, NotTerminating, BestEffort,
/// NotBestEffort, PriorityClass) and scopeSelector requirements only match pods.
bool matchesScopes(const QJsonObject &quotaSpec, const GroupResource &resource, const QJsonObject &object);

/// QuotaAccounting::usage is what one object of `resource` uses of each of `names` (absent
/// names: nothing).
ResourceList usage(const QJsonObject &object, const GroupResource &resource, const QStringList &names);

/// QuotaAccounting::missingRequests is, for a pod and a quota tracking cpu or memory, the
/// upstream complaint "must specify limits.cpu for: app; requests.memory for: app,sidecar"
/// naming what each container lacks; empty when nothing is missing.
QString missingRequests(const QJsonObject &pod, const QStringList &names);

/// QuotaAccounting::exceeded lists the names whose used + requested passes hard.
QStringList exceeded(const ResourceList &hard, const ResourceList &used, const ResourceList &requested);

/// QuotaAccounting::prettyPrint is "pods=1,requests.cpu=500m" for `names` of `list`, sorted.
QString prettyPrint(const ResourceList &list, const QStringList &names);

/// QuotaAccounting::toJson and fromJson convert between a ResourceList and its JSON object
/// (fromJson skips values that are not quantities).
QJsonObject toJson(const ResourceList &list);
ResourceList fromJson(const QJsonObject &object);

} // namespace QuotaAccounting

} // namespace Qluster
