// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "openapimodel.h"

#include <QJsonArray>

namespace Qluster {

namespace {

QList<Gvk> declaredGvks(const QJsonObject &schema)
{
    QList<Gvk> out;
    const QJsonArray list = schema.value(QLatin1String("x-kubernetes-group-version-kind")).toArray();
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        out.append(Gvk{o.value(QLatin1String("group")).toString(),
                       o.value(QLatin1String("version")).toString(),
                       o.value(QLatin1String("kind")).toString()});
    }
    return out;
}

} // namespace

QString OpenApiModel::refName(const QString &ref)
{
    const qsizetype slash = ref.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? ref : ref.mid(slash + 1);
}

Result<void> OpenApiModel::addDocument(const QJsonObject &document)
{
    QJsonObject schemas;
    if (document.contains(QLatin1String("components")))
        schemas = document.value(QLatin1String("components")).toObject().value(QLatin1String("schemas")).toObject();
    else if (document.contains(QLatin1String("definitions")))
        schemas = document.value(QLatin1String("definitions")).toObject();
    else
        return fail(Error::invalid(QStringLiteral(
            "not an OpenAPI document: neither components.schemas nor definitions found")));
    for (auto it = schemas.constBegin(); it != schemas.constEnd(); ++it)
        addSchema(it.key(), it.value().toObject());
    return {};
}

void OpenApiModel::addSchema(const QString &name, const QJsonObject &schema)
{
    removeSchema(name);
    m_schemas.insert(name, schema);
    for (const Gvk &gvk : declaredGvks(schema)) {
        // Shared option types (DeleteOptions, WatchEvent) declare many Gvks; a kind's own
        // schema must win, so the first one to claim a Gvk keeps it unless it is replaced.
        if (!m_gvkIndex.contains(gvk))
            m_gvkIndex.insert(gvk, name);
    }
}

void OpenApiModel::removeSchema(const QString &name)
{
    if (!m_schemas.remove(name))
        return;
    for (auto it = m_gvkIndex.begin(); it != m_gvkIndex.end();) {
        if (it.value() == name)
            it = m_gvkIndex.erase(it);
        else
            ++it;
    }
}

QString OpenApiModel::schemaNameForGvk(const Gvk &gvk) const
{
    return m_gvkIndex.value(gvk);
}

QJsonObject OpenApiModel::resolve(const QJsonObject &schema) const
{
    QJsonObject current = schema;
    for (int guard = 0; guard < 32; ++guard) {
        QJsonObject target;
        if (current.contains(QLatin1String("$ref"))) {
            target = m_schemas.value(refName(current.value(QLatin1String("$ref")).toString()));
            current.remove(QLatin1String("$ref"));
        } else {
            const QJsonArray allOf = current.value(QLatin1String("allOf")).toArray();
            if (allOf.size() != 1)
                return current;
            target = allOf.at(0).toObject();
            current.remove(QLatin1String("allOf"));
        }
        for (auto it = current.constBegin(); it != current.constEnd(); ++it)
            target.insert(it.key(), it.value());
        current = target;
    }
    return current;
}

QJsonObject OpenApiModel::schemaAtPath(const QString &rootName, const QStringList &path) const
{
    const auto it = m_schemas.constFind(rootName);
    if (it == m_schemas.constEnd())
        return {};
    return schemaAtPath(it.value(), path);
}

QJsonObject OpenApiModel::schemaAtPath(const QJsonObject &root, const QStringList &path) const
{
    QJsonObject node = resolve(root);
    for (const QString &field : path) {
        while (node.value(QLatin1String("type")).toString() == QLatin1String("array")
               && node.contains(QLatin1String("items")))
            node = resolve(node.value(QLatin1String("items")).toObject());
        const QJsonObject properties = node.value(QLatin1String("properties")).toObject();
        const auto prop = properties.constFind(field);
        if (prop != properties.constEnd()) {
            node = resolve(prop.value().toObject());
            continue;
        }
        const QJsonValue additional = node.value(QLatin1String("additionalProperties"));
        if (additional.isObject()) {
            node = resolve(additional.toObject());
            continue;
        }
        return {};
    }
    return node;
}

PatchMeta OpenApiModel::patchMetaOf(const QJsonObject &node) const
{
    PatchMeta meta = PatchMeta::fromSchema(node);
    QJsonObject element = node;
    for (int guard = 0; guard < 8 && element.value(QLatin1String("type")).toString() == QLatin1String("array"); ++guard)
        element = resolve(element.value(QLatin1String("items")).toObject());
    meta.structural = !element.value(QLatin1String("properties")).toObject().isEmpty();
    return meta;
}

PatchMeta OpenApiModel::patchMeta(const Gvk &gvk, const QStringList &path) const
{
    const QString name = schemaNameForGvk(gvk);
    if (name.isEmpty())
        return {};
    return patchMetaOf(schemaAtPath(name, path));
}

SchemaPatchMetaLookup::SchemaPatchMetaLookup(const OpenApiModel *model, const Gvk &gvk)
    : m_model(model), m_rootName(model ? model->schemaNameForGvk(gvk) : QString())
{
}

PatchMeta SchemaPatchMetaLookup::patchMeta(const QStringList &path) const
{
    if (!m_model || m_rootName.isEmpty())
        return {};
    return m_model->patchMetaOf(m_model->schemaAtPath(m_rootName, path));
}

} // namespace Qluster
