// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "rbacauthorizer.h"

namespace Qluster {

namespace {

const QString rbacGroup = QStringLiteral("rbac.authorization.k8s.io");

bool containsOrStar(const QJsonArray &list, const QString &value)
{
    for (const QJsonValue &v : list) {
        const QString s = v.toString();
        if (s == QLatin1String("*") || s == value)
            return true;
    }
    return false;
}

bool subjectMatches(const QJsonArray &subjects, const QString &user, const QStringList &groups)
{
    for (const QJsonValue &v : subjects) {
        const QJsonObject s = v.toObject();
        const QString kind = s.value(QLatin1String("kind")).toString();
        const QString name = s.value(QLatin1String("name")).toString();
        if (kind == QLatin1String("User") && name == user)
            return true;
        if (kind == QLatin1String("Group") && groups.contains(name))
            return true;
        if (kind == QLatin1String("ServiceAccount")
            && user == QStringLiteral("system:serviceaccount:%1:%2")
                           .arg(s.value(QLatin1String("namespace")).toString(), name))
            return true;
    }
    return false;
}

} // namespace

RbacAuthorizer::RbacAuthorizer(const ObjectStore &store)
    : m_store(store)
{
}

Gvr RbacAuthorizer::rolesGvr() { return {rbacGroup, QStringLiteral("v1"), QStringLiteral("roles")}; }
Gvr RbacAuthorizer::roleBindingsGvr() { return {rbacGroup, QStringLiteral("v1"), QStringLiteral("rolebindings")}; }
Gvr RbacAuthorizer::clusterRolesGvr() { return {rbacGroup, QStringLiteral("v1"), QStringLiteral("clusterroles")}; }
Gvr RbacAuthorizer::clusterRoleBindingsGvr() { return {rbacGroup, QStringLiteral("v1"), QStringLiteral("clusterrolebindings")}; }

QJsonArray RbacAuthorizer::rulesFor(const QString &user, const QStringList &groups,
                                    const QString &namespaceName) const
{
    QJsonArray rules;
    auto addRoleRules = [&](const QJsonObject &roleRef, const QString &bindingNamespace) {
        const QString kind = roleRef.value(QLatin1String("kind")).toString();
        const QString name = roleRef.value(QLatin1String("name")).toString();
        const QJsonObject *role = kind == QLatin1String("ClusterRole")
                                      ? m_store.get(clusterRolesGvr(), QString(), name)
                                      : m_store.get(rolesGvr(), bindingNamespace, name);
        if (!role)
            return;
        for (const QJsonValue &r : role->value(QLatin1String("rules")).toArray())
            rules.append(r);
    };
    for (const auto &[key, binding] : m_store.objects(clusterRoleBindingsGvr())) {
        if (subjectMatches(binding.value(QLatin1String("subjects")).toArray(), user, groups))
            addRoleRules(binding.value(QLatin1String("roleRef")).toObject(), QString());
    }
    if (!namespaceName.isEmpty()) {
        const Gvr rb = roleBindingsGvr();
        const auto &bindings = m_store.objects(rb);
        const QString prefix = namespaceName + QLatin1Char('/');
        for (auto it = bindings.lower_bound(prefix); it != bindings.end() && it->first.startsWith(prefix); ++it) {
            if (subjectMatches(it->second.value(QLatin1String("subjects")).toArray(), user, groups))
                addRoleRules(it->second.value(QLatin1String("roleRef")).toObject(), namespaceName);
        }
    }
    return rules;
}

bool RbacAuthorizer::ruleAllows(const QJsonObject &rule, const AccessAttributes &a)
{
    if (!containsOrStar(rule.value(QLatin1String("verbs")).toArray(), a.verb))
        return false;
    if (!a.nonResourcePath.isEmpty()) {
        for (const QJsonValue &v : rule.value(QLatin1String("nonResourceURLs")).toArray()) {
            const QString url = v.toString();
            if (url == a.nonResourcePath || url == QLatin1String("*")
                || (url.endsWith(QLatin1Char('*')) && a.nonResourcePath.startsWith(url.chopped(1))))
                return true;
        }
        return false;
    }
    if (!containsOrStar(rule.value(QLatin1String("apiGroups")).toArray(), a.apiGroup))
        return false;
    const QString combined = a.subresource.isEmpty() ? a.resource : a.resource + QLatin1Char('/') + a.subresource;
    bool resourceOk = false;
    for (const QJsonValue &v : rule.value(QLatin1String("resources")).toArray()) {
        const QString r = v.toString();
        if (r == QLatin1String("*") || r == combined
            || (!a.subresource.isEmpty() && r == QLatin1String("*/") + a.subresource)) {
            resourceOk = true;
            break;
        }
    }
    if (!resourceOk)
        return false;
    const QJsonArray names = rule.value(QLatin1String("resourceNames")).toArray();
    return names.isEmpty() || (!a.name.isEmpty() && containsOrStar(names, a.name));
}

bool RbacAuthorizer::allowed(const AccessAttributes &a) const
{
    if (a.groups.contains(QLatin1String("system:masters")))
        return true;
    for (const QJsonValue &r : rulesFor(a.user, a.groups, a.namespaceName)) {
        if (ruleAllows(r.toObject(), a))
            return true;
    }
    return false;
}

QJsonArray RbacAuthorizer::resourceRules(const QString &user, const QStringList &groups,
                                         const QString &namespaceName) const
{
    if (groups.contains(QLatin1String("system:masters"))) {
        return QJsonArray{QJsonObject{{QStringLiteral("verbs"), QJsonArray{QStringLiteral("*")}},
                                      {QStringLiteral("apiGroups"), QJsonArray{QStringLiteral("*")}},
                                      {QStringLiteral("resources"), QJsonArray{QStringLiteral("*")}}}};
    }
    QJsonArray out;
    for (const QJsonValue &r : rulesFor(user, groups, namespaceName)) {
        QJsonObject rule = r.toObject();
        if (rule.contains(QLatin1String("nonResourceURLs")))
            continue;
        out.append(rule);
    }
    return out;
}

QJsonArray RbacAuthorizer::nonResourceRules(const QString &user, const QStringList &groups) const
{
    if (groups.contains(QLatin1String("system:masters"))) {
        return QJsonArray{QJsonObject{{QStringLiteral("verbs"), QJsonArray{QStringLiteral("*")}},
                                      {QStringLiteral("nonResourceURLs"), QJsonArray{QStringLiteral("*")}}}};
    }
    QJsonArray out;
    for (const QJsonValue &r : rulesFor(user, groups, QString())) {
        const QJsonObject rule = r.toObject();
        if (rule.contains(QLatin1String("nonResourceURLs")))
            out.append(QJsonObject{{QStringLiteral("verbs"), rule.value(QLatin1String("verbs"))},
                                   {QStringLiteral("nonResourceURLs"), rule.value(QLatin1String("nonResourceURLs"))}});
    }
    return out;
}

} // namespace Qluster
