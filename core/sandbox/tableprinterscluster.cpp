// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "tableprinterparts.h"

#include <QStringList>

// The Table printers of cluster-wide configuration: role bindings (rbac.authorization.k8s.io),
// storage classes, leases, API services and priority classes.

namespace Qluster::TablePrinterParts {

using namespace TableFormat;

namespace {

QString roleRefText(const QJsonObject &binding)
{
    return str(binding, {"roleRef", "kind"}) + QLatin1Char('/') + str(binding, {"roleRef", "name"});
}

bool isDefaultStorageClass(const QJsonObject &o)
{
    const QJsonObject annotations = at(o, {"metadata", "annotations"}).toObject();
    return annotations.value(QLatin1String("storageclass.kubernetes.io/is-default-class")).toString() == QLatin1String("true")
           || annotations.value(QLatin1String("storageclass.beta.kubernetes.io/is-default-class")).toString() == QLatin1String("true");
}

} // namespace

QJsonArray clusterColumns(const ResourceType &type)
{
    const QString &g = type.group;
    const QString &r = type.plural;
    if (g == QLatin1String("rbac.authorization.k8s.io")) {
        if (r == QLatin1String("rolebindings") || r == QLatin1String("clusterrolebindings"))
            return columns({nameCol, {"Role", "string", "RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace.", 0, ""}, ageCol,
                            {"Users", "string", "Users in the binding", 1, ""},
                            {"Groups", "string", "Groups in the binding", 1, ""},
                            {"ServiceAccounts", "string", "ServiceAccounts in the binding", 1, ""}});
    }
    if (g == QLatin1String("storage.k8s.io") && r == QLatin1String("storageclasses"))
        return columns({nameCol, {"Provisioner", "string", "The provisioner of volumes of this class.", 0, ""},
                        {"ReclaimPolicy", "string", "The reclaim policy of provisioned volumes.", 0, ""},
                        {"VolumeBindingMode", "string", "When claims are bound and volumes provisioned.", 0, ""},
                        {"AllowVolumeExpansion", "string", "Whether claims may grow.", 0, ""}, ageCol});
    if (g == QLatin1String("coordination.k8s.io") && r == QLatin1String("leases"))
        return columns({nameCol, {"Holder", "string", "The identity of the holder of the lease.", 0, ""}, ageCol});
    // kube-aggregator's own table convertor (pkg/registry/apiservice/etcd).
    if (g == QLatin1String("apiregistration.k8s.io") && r == QLatin1String("apiservices"))
        return columns({nameCol, {"Service", "string", "The reference to the service that hosts this API endpoint.", 0, ""},
                        {"Available", "string", "Whether this service is available.", 0, ""}, ageCol});
    if (g == QLatin1String("scheduling.k8s.io") && r == QLatin1String("priorityclasses"))
        return columns({nameCol, {"Value", "integer", "The priority of pods of this class.", 0, ""},
                        {"Global-Default", "boolean", "Whether pods without a priority class get this one.", 0, ""}, ageCol,
                        {"PreemptionPolicy", "string", "Whether pods of this class preempt lower ones.", 1, ""}});
    return {};
}

std::optional<QJsonArray> clusterCells(const ResourceType &type, const QJsonObject &o, const QDateTime &now)
{
    const QString &g = type.group;
    const QString &r = type.plural;
    const QString name = str(o, {"metadata", "name"});
    QJsonArray cells;
    if (g == QLatin1String("rbac.authorization.k8s.io")
        && (r == QLatin1String("rolebindings") || r == QLatin1String("clusterrolebindings"))) {
        QStringList users, groups, sas;
        for (const QJsonValue &v : o.value(QLatin1String("subjects")).toArray()) {
            const QJsonObject s = v.toObject();
            const QString kind = s.value(QLatin1String("kind")).toString();
            const QString sname = s.value(QLatin1String("name")).toString();
            if (kind == QLatin1String("User"))
                users << sname;
            else if (kind == QLatin1String("Group"))
                groups << sname;
            else
                sas << s.value(QLatin1String("namespace")).toString() + QLatin1Char('/') + sname;
        }
        cells << name << roleRefText(o) << age(o, now) << users.join(QStringLiteral(", "))
              << groups.join(QStringLiteral(", ")) << sas.join(QStringLiteral(", "));
    } else if (g == QLatin1String("storage.k8s.io") && r == QLatin1String("storageclasses")) {
        const QString reclaim = str(o, {"reclaimPolicy"});
        const QString binding = str(o, {"volumeBindingMode"});
        cells << (isDefaultStorageClass(o) ? name + QStringLiteral(" (default)") : name) << str(o, {"provisioner"})
              << (reclaim.isEmpty() ? QStringLiteral("Delete") : reclaim)
              << (binding.isEmpty() ? QStringLiteral("Immediate") : binding)
              << at(o, {"allowVolumeExpansion"}).toBool() << age(o, now);
    } else if (g == QLatin1String("coordination.k8s.io") && r == QLatin1String("leases")) {
        cells << name << str(o, {"spec", "holderIdentity"}) << age(o, now);
    } else if (g == QLatin1String("apiregistration.k8s.io") && r == QLatin1String("apiservices")) {
        const QJsonObject service = at(o, {"spec", "service"}).toObject();
        QString available = QStringLiteral("Unknown");
        for (const QJsonValue &c : at(o, {"status", "conditions"}).toArray()) {
            const QJsonObject condition = c.toObject();
            if (condition.value(QLatin1String("type")).toString() != QLatin1String("Available"))
                continue;
            const QString status = condition.value(QLatin1String("status")).toString();
            const QString reason = condition.value(QLatin1String("reason")).toString();
            available = status == QLatin1String("True") || reason.isEmpty() ? status
                                                                           : status + QStringLiteral(" (") + reason + QLatin1Char(')');
            break;
        }
        cells << name
              << (service.isEmpty() ? QStringLiteral("Local")
                                    : service.value(QLatin1String("namespace")).toString() + QLatin1Char('/')
                                          + service.value(QLatin1String("name")).toString())
              << available << age(o, now);
    } else if (g == QLatin1String("scheduling.k8s.io") && r == QLatin1String("priorityclasses")) {
        cells << name << num(o, {"value"}) << at(o, {"globalDefault"}).toBool() << age(o, now)
              << str(o, {"preemptionPolicy"});
    } else {
        return std::nullopt;
    }
    return cells;
}

} // namespace Qluster::TablePrinterParts
