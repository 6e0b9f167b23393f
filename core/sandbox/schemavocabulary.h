// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Internal to core/sandbox: the small vocabulary the built-in schemas (builtinschemas*.cpp) are
// written in. Callers want builtinschemas.h.

#include "builtinschemas.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <initializer_list>
#include <utility>

namespace Qluster {

/// SchemaVocabulary builds OpenAPI v3 schema objects the way upstream documents write them
/// (properties with descriptions, $ref wrapped in allOf, patch and list-type extensions).
namespace SchemaVocabulary {

/// Prop is one property of a schema: its name and its schema.
using Prop = std::pair<QString, QJsonObject>;

/// ListOpts are the patch and list-type extensions of an array property (unset ones are left out).
struct ListOpts
{
    const char *strategy = nullptr;
    const char *mergeKey = nullptr;
    const char *listType = nullptr;
    std::initializer_list<const char *> mapKeys = {};
};

/// SchemaVocabulary::meta is the upstream schema name of a meta/v1 type ("io.k8s.apimachinery.pkg.apis.meta.v1.<t>").
QString meta(const char *t);
/// SchemaVocabulary::core is the upstream schema name of a core/v1 type.
QString core(const char *t);
/// SchemaVocabulary::apps is the upstream schema name of an apps/v1 type.
QString apps(const char *t);
/// SchemaVocabulary::batch is the upstream schema name of a batch/v1 type.
QString batch(const char *t);
/// SchemaVocabulary::net is the upstream schema name of a networking.k8s.io/v1 type.
QString net(const char *t);
/// SchemaVocabulary::rbac is the upstream schema name of a rbac.authorization.k8s.io/v1 type.
QString rbac(const char *t);
/// SchemaVocabulary::apiext is the upstream schema name of an apiextensions.k8s.io/v1 type.
QString apiext(const char *t);
/// SchemaVocabulary::policy is the upstream schema name of a policy/v1 type.
QString policy(const char *t);
/// SchemaVocabulary::hpa is the upstream schema name of an autoscaling/v2 type.
QString hpa(const char *t);
/// SchemaVocabulary::storage is the upstream schema name of a storage.k8s.io/v1 type.
QString storage(const char *t);
/// SchemaVocabulary::coordination is the upstream schema name of a coordination.k8s.io/v1 type.
QString coordination(const char *t);
/// SchemaVocabulary::scheduling is the upstream schema name of a scheduling.k8s.io/v1 type.
QString scheduling(const char *t);
/// SchemaVocabulary::apireg is the upstream schema name of an apiregistration.k8s.io/v1 type.
QString apireg(const char *t);

/// SchemaVocabulary::kQuantity is the schema name of resource.Quantity.
extern const QString kQuantity;
/// SchemaVocabulary::kIntOrString is the schema name of intstr.IntOrString.
extern const QString kIntOrString;
/// SchemaVocabulary::kRawExtension is the schema name of runtime.RawExtension.
extern const QString kRawExtension;

/// SchemaVocabulary::scalar is a property of a JSON type (string, integer, boolean) and optional format.
Prop scalar(const char *name, const char *type, const char *description, const char *format = nullptr);
/// SchemaVocabulary::str is a string property.
Prop str(const char *name, const char *description);
/// SchemaVocabulary::i32 is an int32 integer property.
Prop i32(const char *name, const char *description);
/// SchemaVocabulary::i64 is an int64 integer property.
Prop i64(const char *name, const char *description);
/// SchemaVocabulary::flag is a boolean property.
Prop flag(const char *name, const char *description);

/// SchemaVocabulary::ref is a property of a named schema type (no default for IntOrString and Quantity).
Prop ref(const char *name, const QString &type, const char *description);

/// SchemaVocabulary::strings is an array-of-strings property.
Prop strings(const char *name, const char *description, ListOpts opts = {});
/// SchemaVocabulary::list is an array property whose items are a named schema type.
Prop list(const char *name, const QString &type, const char *description, ListOpts opts = {});
/// SchemaVocabulary::stringMap is a string-to-string map property (atomic: x-kubernetes-map-type atomic).
Prop stringMap(const char *name, const char *description, bool atomic = false, const char *format = nullptr);
/// SchemaVocabulary::quantityMap is a map property whose values are Quantities.
Prop quantityMap(const char *name, const char *description);
/// SchemaVocabulary::timeMap is a map property whose values are meta/v1 Times.
Prop timeMap(const char *name, const char *description);

/// SchemaVocabulary::type is an object schema with these properties and required fields.
QJsonObject type(const char *description, std::initializer_list<Prop> props,
                 std::initializer_list<const char *> required = {});
/// SchemaVocabulary::atomicType marks an object schema x-kubernetes-map-type atomic.
QJsonObject atomicType(QJsonObject o);
/// SchemaVocabulary::withGvk adds the x-kubernetes-group-version-kind of one kind.
QJsonObject withGvk(QJsonObject o, const QString &group, const QString &version, const QString &kind);
/// SchemaVocabulary::withSharedGvks registers a kind (DeleteOptions, WatchEvent) in every served
/// group-version, as upstream does.
QJsonObject withSharedGvks(const QString &kind, QJsonObject o);

/// SchemaVocabulary::apiVersionProp is the apiVersion property every kind has.
Prop apiVersionProp();
/// SchemaVocabulary::kindProp is the kind property every kind has.
Prop kindProp();

/// Builder collects the schemas and resources as the builtinschemas*.cpp parts add them.
struct Builder
{
    QMap<QString, QJsonObject> schemas;
    QList<BuiltinResource> resources;

    /// Builder::add stores a schema under its name (replacing one of that name).
    void add(const QString &name, const QJsonObject &schema);

    /// Builder::resource adds a top-level kind with spec/status (either may be empty), plus its
    /// List kind and its BuiltinResource.
    void resource(const char *group, const char *version, const char *kind, const char *plural,
                  const QString &name, const char *description, std::initializer_list<Prop> body,
                  bool namespaced, bool hasStatus = false, bool hasScale = false);

    /// Builder::require sets the required fields of a stored schema to just `field`.
    void require(const QString &name, const char *field);
};

} // namespace SchemaVocabulary

} // namespace Qluster
