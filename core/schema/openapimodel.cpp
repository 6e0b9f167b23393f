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
    m_nodeCache.clear();
    m_metaCache.clear();
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
    m_nodeCache.clear();
    m_metaCache.clear();
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

QJsonObject OpenApiModel::child(const QJsonObject &resolvedNode, const QString &field) const
{
    QJsonObject node = resolvedNode;
    for (int guard = 0; guard < 8 && node.value(QLatin1String("type")).toString() == QLatin1String("array")
                        && node.contains(QLatin1String("items"));
         ++guard)
        node = resolve(node.value(QLatin1String("items")).toObject());
    const QJsonObject properties = node.value(QLatin1String("properties")).toObject();
    const auto prop = properties.constFind(field);
    if (prop != properties.constEnd())
        return resolve(prop.value().toObject());
    const QJsonValue additional = node.value(QLatin1String("additionalProperties"));
    if (additional.isObject())
        return resolve(additional.toObject());
    return {};
}

QJsonObject OpenApiModel::schemaAtPath(const QString &rootName, const QStringList &path) const
{
    QString key = rootName;
    for (const QString &field : path)
        key += QChar(0x1f) + field;
    const auto cached = m_nodeCache.constFind(key);
    if (cached != m_nodeCache.constEnd())
        return cached.value();
    QJsonObject node;
    if (path.isEmpty()) {
        const auto it = m_schemas.constFind(rootName);
        if (it != m_schemas.constEnd())
            node = resolve(it.value());
    } else {
        const QJsonObject parent = schemaAtPath(rootName, path.mid(0, path.size() - 1));
        if (!parent.isEmpty())
            node = child(parent, path.last());
    }
    if (m_nodeCache.size() > 20000)
        m_nodeCache.clear();
    m_nodeCache.insert(key, node);
    return node;
}

QJsonObject OpenApiModel::schemaAtPath(const QJsonObject &root, const QStringList &path) const
{
    QJsonObject node = resolve(root);
    for (const QString &field : path) {
        node = child(node, field);
        if (node.isEmpty())
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
    return patchMetaAtPath(name, path);
}

PatchMeta OpenApiModel::patchMetaAtPath(const QString &rootName, const QStringList &path) const
{
    QString key = rootName;
    for (const QString &field : path)
        key += QChar(0x1f) + field;
    const auto cached = m_metaCache.constFind(key);
    if (cached != m_metaCache.constEnd())
        return cached.value();
    const PatchMeta meta = patchMetaOf(schemaAtPath(rootName, path));
    if (m_metaCache.size() > 20000)
        m_metaCache.clear();
    m_metaCache.insert(key, meta);
    return meta;
}

QString OpenApiModel::typeName(const QJsonObject &schema) const
{
    QString ref;
    if (schema.contains(QLatin1String("$ref")))
        ref = schema.value(QLatin1String("$ref")).toString();
    else if (schema.value(QLatin1String("allOf")).toArray().size() == 1)
        ref = schema.value(QLatin1String("allOf")).toArray().at(0).toObject().value(QLatin1String("$ref")).toString();
    if (!ref.isEmpty())
        return refName(ref).section(QLatin1Char('.'), -1);
    if (schema.value(QLatin1String("x-kubernetes-int-or-string")).toBool()
        || schema.value(QLatin1String("format")).toString() == QLatin1String("int-or-string"))
        return QStringLiteral("IntOrString");
    const QString type = schema.value(QLatin1String("type")).toString();
    if (type == QLatin1String("array"))
        return QStringLiteral("[]") + typeName(schema.value(QLatin1String("items")).toObject());
    if (type == QLatin1String("object") || type.isEmpty()) {
        const QJsonValue additional = schema.value(QLatin1String("additionalProperties"));
        if (additional.isObject() && !schema.contains(QLatin1String("properties")))
            return QStringLiteral("map[string]") + typeName(additional.toObject());
        return QStringLiteral("Object");
    }
    return type;
}

QList<SchemaField> OpenApiModel::fields(const QJsonObject &schema) const
{
    QJsonObject node = resolve(schema);
    for (int guard = 0; guard < 8; ++guard) {
        if (node.value(QLatin1String("type")).toString() == QLatin1String("array"))
            node = resolve(node.value(QLatin1String("items")).toObject());
        else if (!node.contains(QLatin1String("properties")) && node.value(QLatin1String("additionalProperties")).isObject())
            node = resolve(node.value(QLatin1String("additionalProperties")).toObject());
        else
            break;
    }
    const QJsonArray required = node.value(QLatin1String("required")).toArray();
    const QJsonObject properties = node.value(QLatin1String("properties")).toObject();
    QList<SchemaField> out;
    for (auto it = properties.constBegin(); it != properties.constEnd(); ++it) {
        const QJsonObject property = it.value().toObject();
        QString description = property.value(QLatin1String("description")).toString();
        if (description.isEmpty())
            description = resolve(property).value(QLatin1String("description")).toString();
        out.append(SchemaField{it.key(), typeName(property), description, required.contains(it.key())});
    }
    return out;
}

namespace {

void findUnknown(const OpenApiModel &model, const QJsonObject &schemaIn, const QJsonValue &value,
                 const QString &path, QStringList &out, int depth)
{
    if (depth > 100)
        return;
    const QJsonObject schema = model.resolve(schemaIn);
    if (schema.isEmpty() || schema.value(QLatin1String("x-kubernetes-preserve-unknown-fields")).toBool())
        return;
    if (value.isArray()) {
        const QJsonObject items = schema.value(QLatin1String("items")).toObject();
        if (items.isEmpty())
            return;
        const QJsonArray list = value.toArray();
        for (qsizetype i = 0; i < list.size(); ++i)
            findUnknown(model, items, list.at(i), path + QStringLiteral("[%1]").arg(i), out, depth + 1);
        return;
    }
    if (!value.isObject())
        return;
    const QJsonObject object = value.toObject();
    const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
    const QJsonValue additional = schema.value(QLatin1String("additionalProperties"));
    if (properties.isEmpty() && !additional.isObject())
        return; // no declared shape: anything goes
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QString childPath = path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key();
        const auto property = properties.constFind(it.key());
        if (property != properties.constEnd())
            findUnknown(model, property.value().toObject(), it.value(), childPath, out, depth + 1);
        else if (additional.isObject())
            findUnknown(model, additional.toObject(), it.value(), childPath, out, depth + 1);
        else if (!(path.isEmpty() && (it.key() == QLatin1String("apiVersion") || it.key() == QLatin1String("kind"))))
            out.append(childPath);
    }
}

} // namespace

QStringList OpenApiModel::unknownFields(const Gvk &gvk, const QJsonValue &object) const
{
    QStringList out;
    const QString name = schemaNameForGvk(gvk);
    if (!name.isEmpty())
        findUnknown(*this, m_schemas.value(name), object, QString(), out, 0);
    return out;
}

SchemaPatchMetaLookup::SchemaPatchMetaLookup(const OpenApiModel *model, const Gvk &gvk)
    : m_model(model), m_rootName(model ? model->schemaNameForGvk(gvk) : QString())
{
}

PatchMeta SchemaPatchMetaLookup::patchMeta(const QStringList &path) const
{
    if (!m_model || m_rootName.isEmpty())
        return {};
    return m_model->patchMetaAtPath(m_rootName, path);
}

} // namespace Qluster
