// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "schemavocabulary.h"

#include <QJsonArray>

namespace Qluster::SchemaVocabulary {

namespace {

QString l1(const char *text)
{
    return QString::fromLatin1(text);
}

QJsonObject refObject(const QString &name)
{
    return QJsonObject{{QStringLiteral("$ref"), QString(QStringLiteral("#/components/schemas/") + name)}};
}

// A reference as upstream v3 documents write it: wrapped in allOf so siblings may describe it.
QJsonObject wrapped(const QString &name, bool withDefault = true)
{
    QJsonObject o{{QStringLiteral("allOf"), QJsonArray{refObject(name)}}};
    if (withDefault)
        o.insert(QStringLiteral("default"), QJsonObject());
    return o;
}

void applyListOpts(QJsonObject &o, const ListOpts &opts)
{
    if (opts.strategy)
        o.insert(QStringLiteral("x-kubernetes-patch-strategy"), l1(opts.strategy));
    if (opts.mergeKey)
        o.insert(QStringLiteral("x-kubernetes-patch-merge-key"), l1(opts.mergeKey));
    if (opts.listType)
        o.insert(QStringLiteral("x-kubernetes-list-type"), l1(opts.listType));
    if (opts.mapKeys.size() > 0) {
        QJsonArray keys;
        for (const char *k : opts.mapKeys)
            keys.append(l1(k));
        o.insert(QStringLiteral("x-kubernetes-list-map-keys"), keys);
    }
}

} // namespace

QString meta(const char *t) { return QStringLiteral("io.k8s.apimachinery.pkg.apis.meta.v1.") + l1(t); }
QString core(const char *t) { return QStringLiteral("io.k8s.api.core.v1.") + l1(t); }
QString apps(const char *t) { return QStringLiteral("io.k8s.api.apps.v1.") + l1(t); }
QString batch(const char *t) { return QStringLiteral("io.k8s.api.batch.v1.") + l1(t); }
QString net(const char *t) { return QStringLiteral("io.k8s.api.networking.v1.") + l1(t); }
QString rbac(const char *t) { return QStringLiteral("io.k8s.api.rbac.v1.") + l1(t); }
QString apiext(const char *t) { return QStringLiteral("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.") + l1(t); }
QString policy(const char *t) { return QStringLiteral("io.k8s.api.policy.v1.") + l1(t); }
QString hpa(const char *t) { return QStringLiteral("io.k8s.api.autoscaling.v2.") + l1(t); }
QString storage(const char *t) { return QStringLiteral("io.k8s.api.storage.v1.") + l1(t); }
QString coordination(const char *t) { return QStringLiteral("io.k8s.api.coordination.v1.") + l1(t); }
QString scheduling(const char *t) { return QStringLiteral("io.k8s.api.scheduling.v1.") + l1(t); }
QString apireg(const char *t) { return QStringLiteral("io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.") + l1(t); }
const QString kQuantity = QStringLiteral("io.k8s.apimachinery.pkg.api.resource.Quantity");
const QString kIntOrString = QStringLiteral("io.k8s.apimachinery.pkg.util.intstr.IntOrString");
const QString kRawExtension = QStringLiteral("io.k8s.apimachinery.pkg.runtime.RawExtension");

Prop scalar(const char *name, const char *type, const char *description, const char *format)
{
    QJsonObject o{{QStringLiteral("type"), l1(type)}, {QStringLiteral("description"), l1(description)}};
    if (format)
        o.insert(QStringLiteral("format"), l1(format));
    return {l1(name), o};
}

Prop str(const char *name, const char *description) { return scalar(name, "string", description); }
Prop i32(const char *name, const char *description) { return scalar(name, "integer", description, "int32"); }
Prop i64(const char *name, const char *description) { return scalar(name, "integer", description, "int64"); }
Prop flag(const char *name, const char *description) { return scalar(name, "boolean", description); }

Prop ref(const char *name, const QString &type, const char *description)
{
    QJsonObject o = wrapped(type, type != kIntOrString && type != kQuantity);
    o.insert(QStringLiteral("description"), l1(description));
    return {l1(name), o};
}

Prop strings(const char *name, const char *description, ListOpts opts)
{
    QJsonObject o{{QStringLiteral("type"), QStringLiteral("array")},
                  {QStringLiteral("description"), l1(description)},
                  {QStringLiteral("items"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                                        {QStringLiteral("default"), QString()}}}};
    applyListOpts(o, opts);
    return {l1(name), o};
}

Prop list(const char *name, const QString &type, const char *description, ListOpts opts)
{
    QJsonObject o{{QStringLiteral("type"), QStringLiteral("array")},
                  {QStringLiteral("description"), l1(description)},
                  {QStringLiteral("items"), wrapped(type)}};
    applyListOpts(o, opts);
    return {l1(name), o};
}

Prop stringMap(const char *name, const char *description, bool atomic, const char *format)
{
    QJsonObject value{{QStringLiteral("type"), QStringLiteral("string")}};
    if (format)
        value.insert(QStringLiteral("format"), l1(format));
    else
        value.insert(QStringLiteral("default"), QString());
    QJsonObject o{{QStringLiteral("type"), QStringLiteral("object")},
                  {QStringLiteral("description"), l1(description)},
                  {QStringLiteral("additionalProperties"), value}};
    if (atomic)
        o.insert(QStringLiteral("x-kubernetes-map-type"), QStringLiteral("atomic"));
    return {l1(name), o};
}

Prop quantityMap(const char *name, const char *description)
{
    return {l1(name), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                                  {QStringLiteral("description"), l1(description)},
                                  {QStringLiteral("additionalProperties"), refObject(kQuantity)}}};
}

Prop timeMap(const char *name, const char *description)
{
    return {l1(name), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                                  {QStringLiteral("description"), l1(description)},
                                  {QStringLiteral("additionalProperties"), wrapped(meta("Time"))}}};
}

QJsonObject type(const char *description, std::initializer_list<Prop> props,
                 std::initializer_list<const char *> required)
{
    QJsonObject properties;
    for (const Prop &p : props)
        properties.insert(p.first, p.second);
    QJsonObject o{{QStringLiteral("type"), QStringLiteral("object")},
                  {QStringLiteral("description"), l1(description)},
                  {QStringLiteral("properties"), properties}};
    if (required.size() > 0) {
        QJsonArray r;
        for (const char *name : required)
            r.append(l1(name));
        o.insert(QStringLiteral("required"), r);
    }
    return o;
}

QJsonObject atomicType(QJsonObject o)
{
    o.insert(QStringLiteral("x-kubernetes-map-type"), QStringLiteral("atomic"));
    return o;
}

QJsonObject withGvk(QJsonObject o, const QString &group, const QString &version, const QString &kind)
{
    o.insert(QStringLiteral("x-kubernetes-group-version-kind"),
             QJsonArray{QJsonObject{{QStringLiteral("group"), group},
                                    {QStringLiteral("version"), version},
                                    {QStringLiteral("kind"), kind}}});
    return o;
}

QJsonObject withSharedGvks(const QString &kind, QJsonObject o)
{
    QJsonArray gvks;
    const std::pair<const char *, const char *> groupVersions[] = {
        {"", "v1"}, {"apiextensions.k8s.io", "v1"}, {"apiregistration.k8s.io", "v1"}, {"apps", "v1"}, {"autoscaling", "v1"}, {"autoscaling", "v2"},
        {"batch", "v1"}, {"coordination.k8s.io", "v1"}, {"networking.k8s.io", "v1"}, {"policy", "v1"},
        {"rbac.authorization.k8s.io", "v1"}, {"scheduling.k8s.io", "v1"}, {"storage.k8s.io", "v1"}};
    for (const auto &[group, version] : groupVersions) {
        gvks.append(QJsonObject{{QStringLiteral("group"), l1(group)}, {QStringLiteral("version"), l1(version)},
                                {QStringLiteral("kind"), kind}});
    }
    o.insert(QStringLiteral("x-kubernetes-group-version-kind"), gvks);
    return o;
}

Prop apiVersionProp() { return str("apiVersion", "The versioned schema of this object, e.g. \"apps/v1\"."); }
Prop kindProp() { return str("kind", "The type of this object, in CamelCase, e.g. \"Deployment\"."); }

void Builder::add(const QString &name, const QJsonObject &schema)
{
    schemas.insert(name, schema);
}

void Builder::resource(const char *group, const char *version, const char *kind, const char *plural,
                       const QString &name, const char *description, std::initializer_list<Prop> body,
                       bool namespaced, bool hasStatus, bool hasScale)
{
    QJsonObject o = type(description, body);
    QJsonObject properties = o.value(QStringLiteral("properties")).toObject();
    properties.insert(QStringLiteral("apiVersion"), apiVersionProp().second);
    properties.insert(QStringLiteral("kind"), kindProp().second);
    properties.insert(QStringLiteral("metadata"),
                      ref("metadata", meta("ObjectMeta"), "Standard object metadata: name, namespace, labels, annotations and the fields the server fills in.").second);
    o.insert(QStringLiteral("properties"), properties);
    add(name, withGvk(o, l1(group), l1(version), l1(kind)));

    const QString listName = name + QStringLiteral("List");
    const QString listKind = l1(kind) + QStringLiteral("List");
    QJsonObject listType = type("A list of objects of one kind.",
                                {apiVersionProp(), kindProp(),
                                 ref("metadata", meta("ListMeta"), "Standard list metadata: resourceVersion and the continue token."),
                                 list("items", name, "The objects.")},
                                {"items"});
    listType.insert(QStringLiteral("description"), QStringLiteral("%1 is a list of %2 objects.").arg(listKind, l1(kind)));
    add(listName, withGvk(listType, l1(group), l1(version), listKind));

    resources.append(BuiltinResource{l1(group), l1(version), l1(kind), l1(plural), namespaced,
                                     hasStatus, hasScale, name, listName});
}

void Builder::require(const QString &name, const char *field)
{
    QJsonObject o = schemas.value(name);
    o.insert(QStringLiteral("required"), QJsonArray{l1(field)});
    schemas.insert(name, o);
}

} // namespace Qluster::SchemaVocabulary
