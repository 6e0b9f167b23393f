// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "resourcetypes.h"

namespace Qluster {

QStringList standardVerbs()
{
    return {QStringLiteral("create"), QStringLiteral("delete"), QStringLiteral("deletecollection"),
            QStringLiteral("get"),    QStringLiteral("list"),   QStringLiteral("patch"),
            QStringLiteral("update"), QStringLiteral("watch")};
}

namespace {

ResourceType make(const char *group, const char *version, const char *kind, const char *plural,
                  const char *singular, QStringList shortNames, bool namespaced,
                  QStringList categories = {}, bool status = false, bool scale = false)
{
    ResourceType t;
    t.group = QLatin1String(group);
    t.version = QLatin1String(version);
    t.kind = QLatin1String(kind);
    t.plural = QLatin1String(plural);
    t.singular = QLatin1String(singular);
    t.shortNames = std::move(shortNames);
    t.categories = std::move(categories);
    t.verbs = standardVerbs();
    t.namespaced = namespaced;
    t.hasStatus = status;
    t.hasScale = scale;
    return t;
}

QList<ResourceType> makeBuiltins()
{
    const QStringList all{QStringLiteral("all")};
    QList<ResourceType> types;
    auto nsType = make("", "v1", "Namespace", "namespaces", "namespace", {QStringLiteral("ns")},
                       false, {}, true);
    nsType.verbs = {QStringLiteral("create"), QStringLiteral("delete"), QStringLiteral("get"),
                    QStringLiteral("list"), QStringLiteral("patch"), QStringLiteral("update"),
                    QStringLiteral("watch")};
    types << nsType;
    types << make("", "v1", "Node", "nodes", "node", {QStringLiteral("no")}, false, {}, true);
    types << make("", "v1", "Pod", "pods", "pod", {QStringLiteral("po")}, true, all, true);
    types << make("", "v1", "Service", "services", "service", {QStringLiteral("svc")}, true, all,
                  true);
    types << make("", "v1", "Endpoints", "endpoints", "endpoints", {QStringLiteral("ep")}, true);
    types << make("", "v1", "ConfigMap", "configmaps", "configmap", {QStringLiteral("cm")}, true);
    types << make("", "v1", "Secret", "secrets", "secret", {}, true);
    types << make("", "v1", "ServiceAccount", "serviceaccounts", "serviceaccount",
                  {QStringLiteral("sa")}, true);
    types << make("", "v1", "Event", "events", "event", {QStringLiteral("ev")}, true);
    types << make("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims",
                  "persistentvolumeclaim", {QStringLiteral("pvc")}, true, {}, true);
    types << make("", "v1", "PersistentVolume", "persistentvolumes", "persistentvolume",
                  {QStringLiteral("pv")}, false, {}, true);
    types << make("", "v1", "ResourceQuota", "resourcequotas", "resourcequota",
                  {QStringLiteral("quota")}, true, {}, true);
    types << make("", "v1", "LimitRange", "limitranges", "limitrange", {QStringLiteral("limits")},
                  true);
    // apiregistration.k8s.io comes first of the named groups, as its group priority (17900) puts
    // it in a real server's discovery.
    types << make("apiregistration.k8s.io", "v1", "APIService", "apiservices", "apiservice", {}, false,
                  {QStringLiteral("api-extensions")}, true);
    types << make("apps", "v1", "Deployment", "deployments", "deployment",
                  {QStringLiteral("deploy")}, true, all, true, true);
    types << make("apps", "v1", "ReplicaSet", "replicasets", "replicaset", {QStringLiteral("rs")},
                  true, all, true, true);
    types << make("apps", "v1", "StatefulSet", "statefulsets", "statefulset",
                  {QStringLiteral("sts")}, true, all, true, true);
    types << make("apps", "v1", "DaemonSet", "daemonsets", "daemonset", {QStringLiteral("ds")},
                  true, all, true);
    types << make("batch", "v1", "Job", "jobs", "job", {}, true, all, true);
    types << make("batch", "v1", "CronJob", "cronjobs", "cronjob", {QStringLiteral("cj")}, true,
                  all, true);
    // autoscaling/v2 first: the preferred version. Both share one collection (stored as v2).
    types << make("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers",
                  "horizontalpodautoscaler", {QStringLiteral("hpa")}, true, all, true);
    types << make("autoscaling", "v1", "HorizontalPodAutoscaler", "horizontalpodautoscalers",
                  "horizontalpodautoscaler", {QStringLiteral("hpa")}, true, all, true);
    types << make("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets",
                  "poddisruptionbudget", {QStringLiteral("pdb")}, true, {}, true);
    types << make("networking.k8s.io", "v1", "Ingress", "ingresses", "ingress",
                  {QStringLiteral("ing")}, true, {}, true);
    types << make("networking.k8s.io", "v1", "IngressClass", "ingressclasses", "ingressclass", {},
                  false);
    types << make("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", "networkpolicy",
                  {QStringLiteral("netpol")}, true);
    types << make("rbac.authorization.k8s.io", "v1", "Role", "roles", "role", {}, true);
    types << make("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", "rolebinding",
                  {}, true);
    types << make("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", "clusterrole",
                  {}, false);
    types << make("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings",
                  "clusterrolebinding", {}, false);
    types << make("storage.k8s.io", "v1", "StorageClass", "storageclasses", "storageclass",
                  {QStringLiteral("sc")}, false);
    types << make("coordination.k8s.io", "v1", "Lease", "leases", "lease", {}, true);
    types << make("scheduling.k8s.io", "v1", "PriorityClass", "priorityclasses", "priorityclass",
                  {QStringLiteral("pc")}, false);
    types << make("apiextensions.k8s.io", "v1", "CustomResourceDefinition",
                  "customresourcedefinitions", "customresourcedefinition",
                  {QStringLiteral("crd"), QStringLiteral("crds")}, false,
                  {QStringLiteral("api-extensions")}, true);
    return types;
}

} // namespace

const QList<ResourceType> &builtinResourceTypes()
{
    static const QList<ResourceType> types = makeBuiltins();
    return types;
}

} // namespace Qluster
