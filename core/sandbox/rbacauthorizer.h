// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "objectstore.h"

#include <QJsonArray>
#include <QString>
#include <QStringList>

namespace Qluster {

/// AccessAttributes is what a request asks to do, as RBAC sees it.
struct AccessAttributes
{
    QString user;
    QStringList groups;
    QString verb;          ///< get, list, watch, create, update, patch, delete, deletecollection
    QString apiGroup;
    QString resource;
    QString subresource;
    QString namespaceName;
    QString name;
    QString nonResourcePath; ///< set for non-resource requests such as /healthz
};

/// RbacAuthorizer answers authorization questions from the Role, ClusterRole, RoleBinding and
/// ClusterRoleBinding objects in an ObjectStore, with the semantics of the RBAC authorizer
/// (members of `system:masters` may do anything).
class RbacAuthorizer final
{
public:
    explicit RbacAuthorizer(const ObjectStore &store);

    /// RbacAuthorizer::allowed tells whether some bound rule permits the request.
    bool allowed(const AccessAttributes &attributes) const;

    /// RbacAuthorizer::resourceRules lists the rules (PolicyRule JSON) that apply to the user in
    /// `namespaceName` (cluster-wide rules included), for SelfSubjectRulesReview.
    QJsonArray resourceRules(const QString &user, const QStringList &groups,
                             const QString &namespaceName) const;
    /// RbacAuthorizer::nonResourceRules lists the non-resource rules that apply to the user.
    QJsonArray nonResourceRules(const QString &user, const QStringList &groups) const;

    static Gvr rolesGvr();
    static Gvr roleBindingsGvr();
    static Gvr clusterRolesGvr();
    static Gvr clusterRoleBindingsGvr();

private:
    QJsonArray rulesFor(const QString &user, const QStringList &groups, const QString &namespaceName) const;
    static bool ruleAllows(const QJsonObject &rule, const AccessAttributes &a);

    const ObjectStore &m_store;
};

} // namespace Qluster
