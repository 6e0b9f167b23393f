// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// API note (core/schema):
//   OpenApiModel model;
//   model.addDocument(jsonObjectOfV3DocOrV2Swagger);           // components.schemas or definitions
//   QString name = model.schemaNameForGvk({"apps", "v1", "Deployment"});
//   QJsonObject s = model.schemaAtPath(name, {"spec", "template", "spec", "containers"});
//   PatchMeta m = model.patchMeta(gvk, {"spec", "template", "spec", "containers"}); // mergeKey "name"
//   SchemaPatchMetaLookup lookup(&model, gvk);   // a PatchMetaLookup for the strategic merge / SSA
// $ref ("#/components/schemas/X", "#/definitions/X") and single-element allOf wrappers are
// resolved lazily; every x-kubernetes-* extension stays in the returned JSON.

#include "api/gvr.h"
#include "schema/patchmeta.h"
#include "util/result.h"

#include <QHash>
#include <QJsonObject>
#include <QMap>

namespace Qluster {

/// SchemaField is one field of an object schema as kubectl explain lists it.
struct SchemaField
{
    QString name;
    QString typeName;    ///< "string", "[]Container", "map[string]string", "IntOrString", "Object"
    QString description;
    bool required = false;
};

/// OpenApiModel holds named OpenAPI schemas (from v3 group-version documents and/or a v2
/// swagger document), finds the schema of a Gvk and walks field paths through it. Not
/// thread-safe (walks are memoized): use one model per thread.
class OpenApiModel final
{
public:
    /// OpenApiModel::addDocument adds every schema of an OpenAPI v3 document (components.schemas)
    /// or a v2 swagger document (definitions); schemas with the same name are replaced.
    Result<void> addDocument(const QJsonObject &document);
    /// OpenApiModel::addSchema adds or replaces one named schema (e.g. a CRD's openAPIV3Schema).
    void addSchema(const QString &name, const QJsonObject &schema);
    /// OpenApiModel::removeSchema drops a schema and the Gvks it declared.
    void removeSchema(const QString &name);

    /// OpenApiModel::contains is true when a schema of that name is known.
    bool contains(const QString &name) const { return m_schemas.contains(name); }
    /// OpenApiModel::schema returns a named schema as stored (references unresolved).
    QJsonObject schema(const QString &name) const { return m_schemas.value(name); }
    /// OpenApiModel::schemaNames lists every schema name, sorted.
    QStringList schemaNames() const { return m_schemas.keys(); }

    /// OpenApiModel::schemaNameForGvk returns the schema declaring the Gvk in its
    /// x-kubernetes-group-version-kind extension, or an empty string.
    QString schemaNameForGvk(const Gvk &gvk) const;
    /// OpenApiModel::gvks lists every Gvk some schema declares.
    QList<Gvk> gvks() const { return m_gvkIndex.keys(); }

    /// OpenApiModel::resolve follows $ref and single-element allOf wrappers; the wrapper's own
    /// keys (description, default, x-kubernetes-*) win over the target's.
    QJsonObject resolve(const QJsonObject &schema) const;

    /// OpenApiModel::schemaAtPath walks field names (list items transparent, map values through
    /// additionalProperties) from a named schema; empty object when the path is unknown.
    QJsonObject schemaAtPath(const QString &rootName, const QStringList &path) const;
    /// OpenApiModel::schemaAtPath walks from an inline root schema (e.g. a CRD's schema).
    QJsonObject schemaAtPath(const QJsonObject &root, const QStringList &path) const;

    /// OpenApiModel::patchMeta returns the patch metadata of the field at path in a Gvk's schema.
    PatchMeta patchMeta(const Gvk &gvk, const QStringList &path) const;

    /// OpenApiModel::patchMetaAtPath is patchMeta for a named root schema.
    PatchMeta patchMetaAtPath(const QString &rootName, const QStringList &path) const;
    /// OpenApiModel::patchMetaOf reads the patch metadata of a resolved schema node, with
    /// PatchMeta::structural looked up through list items.
    PatchMeta patchMetaOf(const QJsonObject &node) const;

    /// OpenApiModel::typeName names the type of an (unresolved) schema the way kubectl explain
    /// does: "integer", "[]Container", "map[string]Quantity", "ObjectMeta", "Object".
    QString typeName(const QJsonObject &schema) const;
    /// OpenApiModel::fields lists the properties of a schema (looking through lists and maps to
    /// the element type), sorted by name, with their type names and required flags.
    QList<SchemaField> fields(const QJsonObject &schema) const;

    /// OpenApiModel::unknownFields lists the fields of object its Gvk's schema does not declare,
    /// named like kube-apiserver's strict field validation: "spec.foo",
    /// "spec.containers[0].bar". Free-form maps and x-kubernetes-preserve-unknown-fields
    /// subtrees accept anything; an unknown Gvk gives an empty list.
    QStringList unknownFields(const Gvk &gvk, const QJsonValue &object) const;

    /// OpenApiModel::refName returns "X" for "#/components/schemas/X" and "#/definitions/X".
    static QString refName(const QString &ref);

private:
    QJsonObject child(const QJsonObject &node, const QString &field) const;

    QMap<QString, QJsonObject> m_schemas;
    QMap<Gvk, QString> m_gvkIndex;
    // Memoized walks ("<root>\x1f<field>\x1f<field>..."), cleared when schemas change. Patch
    // handlers ask for the same paths over and over.
    mutable QHash<QString, QJsonObject> m_nodeCache;
    mutable QHash<QString, PatchMeta> m_metaCache;
};

/// SchemaPatchMetaLookup answers PatchMetaLookup from one OpenApiModel for one Gvk (the model
/// must outlive it).
class SchemaPatchMetaLookup final : public PatchMetaLookup
{
public:
    SchemaPatchMetaLookup(const OpenApiModel *model, const Gvk &gvk); // model not owned
    PatchMeta patchMeta(const QStringList &path) const override;
    /// SchemaPatchMetaLookup::isKnown is true when the model has a schema for the Gvk.
    bool isKnown() const { return !m_rootName.isEmpty(); }

private:
    const OpenApiModel *m_model; // not owned
    QString m_rootName;
};

} // namespace Qluster
