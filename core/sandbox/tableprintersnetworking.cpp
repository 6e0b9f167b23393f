// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "tableprinterparts.h"

#include <QStringList>

// The Table printers of networking.k8s.io/v1: ingresses, ingress classes, network policies.

namespace Qluster::TablePrinterParts {

using namespace TableFormat;

QJsonArray networkingColumns(const ResourceType &type)
{
    const QString &g = type.group;
    const QString &r = type.plural;
    if (g == QLatin1String("networking.k8s.io") && r == QLatin1String("ingresses"))
        return columns({nameCol, {"Class", "string", "The name of the IngressClass resource.", 0, ""},
                        {"Hosts", "string", "Hosts that incoming requests are matched against.", 0, ""},
                        {"Address", "string", "Address is a list containing ingress points for the load-balancer", 0, ""},
                        {"Ports", "string", "Ports of TLS configurations that open", 0, ""}, ageCol});
    if (g == QLatin1String("networking.k8s.io") && r == QLatin1String("networkpolicies"))
        return columns({nameCol, {"Pod-Selector", "string", "The pods the policy applies to.", 0, ""}, ageCol});
    if (g == QLatin1String("networking.k8s.io") && r == QLatin1String("ingressclasses"))
        return columns({nameCol, {"Controller", "string", "Controller that is responsible for handling this class", 0, ""},
                        {"Parameters", "string", "A reference to a resource with additional parameters", 0, ""}, ageCol});
    return {};
}

std::optional<QJsonArray> networkingCells(const ResourceType &type, const QJsonObject &o, const QDateTime &now)
{
    const QString &g = type.group;
    const QString &r = type.plural;
    const QString name = str(o, {"metadata", "name"});
    QJsonArray cells;
    if (g == QLatin1String("networking.k8s.io") && r == QLatin1String("ingresses")) {
        QStringList hosts;
        for (const QJsonValue &v : at(o, {"spec", "rules"}).toArray())
            hosts << v.toObject().value(QLatin1String("host")).toString(QStringLiteral("*"));
        QStringList addresses;
        for (const QJsonValue &v : at(o, {"status", "loadBalancer", "ingress"}).toArray())
            addresses << v.toObject().value(QLatin1String("ip")).toString();
        const bool tls = !at(o, {"spec", "tls"}).toArray().isEmpty();
        cells << name << orNone(str(o, {"spec", "ingressClassName"}))
              << (hosts.isEmpty() ? QStringLiteral("*") : hosts.join(QLatin1Char(',')))
              << addresses.join(QLatin1Char(',')) << (tls ? QStringLiteral("80, 443") : QStringLiteral("80"))
              << age(o, now);
    } else if (g == QLatin1String("networking.k8s.io") && r == QLatin1String("networkpolicies")) {
        cells << name << selectorText(at(o, {"spec", "podSelector"}).toObject()) << age(o, now);
    } else if (g == QLatin1String("networking.k8s.io") && r == QLatin1String("ingressclasses")) {
        const QJsonObject parameters = at(o, {"spec", "parameters"}).toObject();
        QString text = QStringLiteral("<none>");
        if (!parameters.isEmpty()) {
            text = parameters.value(QLatin1String("kind")).toString();
            if (parameters.contains(QLatin1String("apiGroup")))
                text += QLatin1Char('.') + parameters.value(QLatin1String("apiGroup")).toString();
            text += QLatin1Char('/') + parameters.value(QLatin1String("name")).toString();
        }
        cells << name << str(o, {"spec", "controller"}) << text << age(o, now);
    } else {
        return std::nullopt;
    }
    return cells;
}

} // namespace Qluster::TablePrinterParts
