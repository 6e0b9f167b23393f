// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "builtinschemasparts.h"

// The built-in schemas of rbac.authorization.k8s.io/v1: Role, ClusterRole, RoleBinding, ClusterRoleBinding.

namespace Qluster::BuiltinSchemaParts {

using namespace SchemaVocabulary;

void addRbac(Builder &b)
{
    b.add(rbac("PolicyRule"), type("Verbs allowed on some resources or URLs.", {
        strings("verbs", "Allowed verbs, e.g. get, list, watch; \"*\" for all.", {nullptr, nullptr, "atomic"}),
        strings("apiGroups", "API groups of the resources; \"\" is the core group.", {nullptr, nullptr, "atomic"}),
        strings("resources", "Resources, e.g. pods or pods/log; \"*\" for all.", {nullptr, nullptr, "atomic"}),
        strings("resourceNames", "Object names the rule is limited to.", {nullptr, nullptr, "atomic"}),
        strings("nonResourceURLs", "URLs such as /healthz, for cluster roles.", {nullptr, nullptr, "atomic"}),
    }, {"verbs"}));
    b.add(rbac("Subject"), atomicType(type("A user, group or service account a binding applies to.", {
        str("kind", "User, Group or ServiceAccount."),
        str("apiGroup", "rbac.authorization.k8s.io for users and groups, \"\" for service accounts."),
        str("name", "Name of the subject."),
        str("namespace", "Namespace of a service account."),
    }, {"kind", "name"})));
    b.add(rbac("RoleRef"), atomicType(type("The role a binding grants.", {
        str("apiGroup", "Always rbac.authorization.k8s.io."),
        str("kind", "Role or ClusterRole."),
        str("name", "Name of the role."),
    }, {"apiGroup", "kind", "name"})));
    b.add(rbac("AggregationRule"), type("Builds a cluster role from others by label.", {
        list("clusterRoleSelectors", meta("LabelSelector"), "Selects the cluster roles to aggregate.", {nullptr, nullptr, "atomic"}),
    }));
    b.resource("rbac.authorization.k8s.io", "v1", "Role", "roles", rbac("Role"), "Permissions inside one namespace.", {
        list("rules", rbac("PolicyRule"), "The permissions.", {nullptr, nullptr, "atomic"}),
    }, true);
    b.resource("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", rbac("ClusterRole"),
               "Permissions across the cluster or for cluster-scoped resources.", {
        list("rules", rbac("PolicyRule"), "The permissions.", {nullptr, nullptr, "atomic"}),
        ref("aggregationRule", rbac("AggregationRule"), "Makes this role the union of selected roles."),
    }, false);
    b.resource("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", rbac("RoleBinding"),
               "Grants a role to subjects inside one namespace.", {
        list("subjects", rbac("Subject"), "Who gets the role.", {nullptr, nullptr, "atomic"}),
        ref("roleRef", rbac("RoleRef"), "The role granted; cannot be changed."),
    }, true);
    b.resource("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", rbac("ClusterRoleBinding"),
               "Grants a cluster role to subjects across the cluster.", {
        list("subjects", rbac("Subject"), "Who gets the role.", {nullptr, nullptr, "atomic"}),
        ref("roleRef", rbac("RoleRef"), "The cluster role granted; cannot be changed."),
    }, false);
    // Bindings require roleRef (schemas list it as required).
    for (const char *kind : {"RoleBinding", "ClusterRoleBinding"})
        b.require(rbac(kind), "roleRef");
}

} // namespace Qluster::BuiltinSchemaParts
