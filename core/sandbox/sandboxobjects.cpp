// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "sandboxobjects.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>
#include <QRandomGenerator>

namespace Qluster::SandboxObjects {

const QString behaviorAnnotation = QStringLiteral("sandbox.qluster.dev/behavior");

const Gvr podsGvr{QString(), QStringLiteral("v1"), QStringLiteral("pods")};
const Gvr secretsGvr{QString(), QStringLiteral("v1"), QStringLiteral("secrets")};
const Gvr namespacesGvr{QString(), QStringLiteral("v1"), QStringLiteral("namespaces")};
const Gvr nodesGvr{QString(), QStringLiteral("v1"), QStringLiteral("nodes")};
const Gvr eventsGvr{QString(), QStringLiteral("v1"), QStringLiteral("events")};
const Gvr serviceAccountsGvr{QString(), QStringLiteral("v1"), QStringLiteral("serviceaccounts")};
const Gvr deploymentsGvr{QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("deployments")};
const Gvr replicaSetsGvr{QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("replicasets")};
const Gvr jobsGvr{QStringLiteral("batch"), QStringLiteral("v1"), QStringLiteral("jobs")};
const Gvr statefulSetsGvr{QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("statefulsets")};
const Gvr daemonSetsGvr{QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("daemonsets")};
const Gvr cronJobsGvr{QStringLiteral("batch"), QStringLiteral("v1"), QStringLiteral("cronjobs")};
const Gvr persistentVolumeClaimsGvr{QString(), QStringLiteral("v1"), QStringLiteral("persistentvolumeclaims")};

QString nowTimestamp()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

QJsonObject metaOf(const QJsonObject &o)
{
    return o.value(kMetadata).toObject();
}

QString metaString(const QJsonObject &o, QLatin1String field)
{
    return o.value(kMetadata).toObject().value(field).toString();
}

void setMeta(QJsonObject &o, const QString &field, const QJsonValue &value)
{
    QJsonObject m = metaOf(o);
    m.insert(field, value);
    o.insert(kMetadata, m);
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString randomSuffix(int length)
{
    static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    QString s;
    for (int i = 0; i < length; ++i)
        s += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(int(sizeof alphabet - 1))]);
    return s;
}

QString podKeyString(const QString &ns, const QString &name)
{
    return ns + QLatin1Char('/') + name;
}

QJsonObject condition(const QString &type, bool status, const QString &time, const QString &reason)
{
    QJsonObject c{{QStringLiteral("type"), type},
                  {QStringLiteral("status"), status ? QStringLiteral("True") : QStringLiteral("False")},
                  {QStringLiteral("lastTransitionTime"), time}};
    if (!reason.isEmpty())
        c.insert(QStringLiteral("reason"), reason);
    return c;
}

QJsonObject ownerReference(const QJsonObject &owner)
{
    return QJsonObject{{QStringLiteral("apiVersion"), owner.value(QLatin1String("apiVersion"))},
                       {QStringLiteral("kind"), owner.value(QLatin1String("kind"))},
                       {QStringLiteral("name"), metaOf(owner).value(QLatin1String("name"))},
                       {QStringLiteral("uid"), metaOf(owner).value(QLatin1String("uid"))},
                       {QStringLiteral("controller"), true},
                       {QStringLiteral("blockOwnerDeletion"), true}};
}

bool ownedBy(const QJsonObject &o, const QString &uid)
{
    for (const QJsonValue &ref : metaOf(o).value(QLatin1String("ownerReferences")).toArray()) {
        if (ref.toObject().value(QLatin1String("uid")).toString() == uid)
            return true;
    }
    return false;
}

bool conditionTrue(const QJsonObject &o, QLatin1String type)
{
    for (const QJsonValue &c : o.value(kStatus).toObject().value(QLatin1String("conditions")).toArray()) {
        if (c.toObject().value(QLatin1String("type")).toString() == type
            && c.toObject().value(QLatin1String("status")).toString() == QLatin1String("True"))
            return true;
    }
    return false;
}

QString templateHash(const QJsonObject &podTemplate)
{
    const QByteArray h = QCryptographicHash::hash(compact(podTemplate), QCryptographicHash::Sha1);
    static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    QString s;
    for (int i = 0; i < 10; ++i)
        s += QLatin1Char(alphabet[uchar(h.at(i)) % (sizeof alphabet - 1)]);
    return s;
}

namespace {

QStringList pathSteps(const QString &path)
{
    return (path.startsWith(QLatin1Char('.')) ? path.mid(1) : path).split(QLatin1Char('.'));
}

std::optional<QJsonObject> setAt(QJsonObject o, const QStringList &steps, qsizetype i, const QJsonValue &value)
{
    const QString &key = steps.at(i);
    if (i == steps.size() - 1) {
        o.insert(key, value);
        return o;
    }
    const QJsonValue next = o.value(key);
    if (!next.isUndefined() && !next.isNull() && !next.isObject())
        return std::nullopt;
    auto inner = setAt(next.toObject(), steps, i + 1, value);
    if (!inner)
        return std::nullopt;
    o.insert(key, *inner);
    return o;
}

} // namespace

QJsonValue fieldAt(const QJsonObject &o, const QString &path)
{
    QJsonValue v = o;
    for (const QString &step : pathSteps(path)) {
        if (!v.isObject())
            return QJsonValue(QJsonValue::Undefined);
        v = v.toObject().value(step);
    }
    return v;
}

std::optional<QJsonObject> withFieldAt(QJsonObject o, const QString &path, const QJsonValue &value)
{
    return setAt(std::move(o), pathSteps(path), 0, value);
}

bool isTrue(const QString &v)
{
    return v == QLatin1String("true") || v == QLatin1String("1");
}

} // namespace Qluster::SandboxObjects
