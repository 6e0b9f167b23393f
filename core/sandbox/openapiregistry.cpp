// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "openapiregistry.h"

#include "sandbox/builtinschemas.h"
#include "sandbox/openapidocuments.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace Qluster {

struct OpenApiRegistry::GroupVersionEntry
{
    QString path;                       // "api/v1", "apis/apps/v1"
    QList<BuiltinResource> resources;   // for the paths (built-in and CRD resources)
    QMap<QString, QJsonObject> schemas; // components.schemas of the document
    QByteArray upstreamBody;            // served verbatim when loaded from a directory
    QJsonObject upstreamSchemas;        // components.schemas of the upstream document
    QMap<QString, QStringList> crdSchemas; // CRD name -> schema names it added here
};

namespace {

QString pathOf(const QString &group, const QString &version)
{
    return group.isEmpty() ? QString(QStringLiteral("api/") + version)
                           : QString(QStringLiteral("apis/") + group + QLatin1Char('/') + version);
}

QString hashOf(const QByteArray &body)
{
    return QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Sha512).toHex().toUpper());
}

// Shared schemas every group-version document carries, as kube-apiserver's do.
QStringList commonSeeds()
{
    return {QStringLiteral("io.k8s.apimachinery.pkg.apis.meta.v1.Status"),
            QStringLiteral("io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
            QStringLiteral("io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
            QStringLiteral("io.k8s.apimachinery.pkg.apis.meta.v1.Patch"),
            QStringLiteral("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"),
            QStringLiteral("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta")};
}

} // namespace

OpenApiRegistry::OpenApiRegistry()
{
    const QMap<QString, QJsonObject> &pool = builtinSchemas();
    for (const BuiltinResource &r : builtinResources()) {
        const QString path = pathOf(r.group, r.version);
        auto &entry = m_groupVersions[path];
        if (!entry) {
            entry = std::make_shared<GroupVersionEntry>();
            entry->path = path;
        }
        entry->resources.append(r);
    }
    for (auto &entry : m_groupVersions) {
        QStringList seeds = commonSeeds();
        for (const BuiltinResource &r : entry->resources) {
            seeds << r.schemaName << r.listSchemaName;
            if (r.hasScale)
                seeds << QStringLiteral("io.k8s.api.autoscaling.v1.Scale");
        }
        for (const QString &name : openApiSchemaClosure(seeds, pool))
            entry->schemas.insert(name, pool.value(name));
    }
    rebuildModel();
}

OpenApiRegistry::~OpenApiRegistry() = default;

void OpenApiRegistry::setServerVersion(const QString &version)
{
    m_serverVersion = version;
    m_cache.clear();
    m_swaggerCache.reset();
}

QString OpenApiRegistry::crdSchemaName(const QString &group, const QString &version, const QString &kind)
{
    QStringList parts = group.split(QLatin1Char('.'), Qt::SkipEmptyParts);
    std::reverse(parts.begin(), parts.end());
    parts << version << kind;
    return parts.join(QLatin1Char('.'));
}

void OpenApiRegistry::rebuildModel()
{
    OpenApiModel model;
    for (const auto &entry : std::as_const(m_groupVersions)) {
        for (auto it = entry->schemas.constBegin(); it != entry->schemas.constEnd(); ++it)
            model.addSchema(it.key(), it.value());
    }
    // Upstream documents win over the built-in definitions of the same names.
    for (const auto &entry : std::as_const(m_groupVersions)) {
        for (auto it = entry->upstreamSchemas.constBegin(); it != entry->upstreamSchemas.constEnd(); ++it)
            model.addSchema(it.key(), it.value().toObject());
    }
    m_model = model;
}

void OpenApiRegistry::invalidate(const QString &path) const
{
    m_cache.remove(path);
    m_swaggerCache.reset();
}

Result<int> OpenApiRegistry::loadUpstreamDirectory(const QString &dir)
{
    const QDir directory(dir);
    if (!directory.exists())
        return fail(Error::io(dir, QStringLiteral("no such directory")));
    const QStringList files = directory.entryList({QStringLiteral("*_openapi.json")}, QDir::Files, QDir::Name);
    int loaded = 0;
    for (const QString &fileName : files) {
        QFile file(directory.filePath(fileName));
        if (!file.open(QIODevice::ReadOnly))
            return fail(Error::io(file.fileName(), file.errorString()));
        const QByteArray body = file.readAll();
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return fail(Error::parse(file.fileName(), 0, 0, error.errorString()));
        QString path = fileName;
        path.chop(int(qstrlen("_openapi.json")));
        path.replace(QStringLiteral("__"), QStringLiteral("/"));
        const QJsonObject schemas = doc.object().value(QLatin1String("components")).toObject()
                                        .value(QLatin1String("schemas")).toObject();
        if (schemas.isEmpty())
            return fail(Error::parse(file.fileName(), 0, 0, QStringLiteral("no components.schemas")));
        auto &entry = m_groupVersions[path];
        if (!entry) {
            entry = std::make_shared<GroupVersionEntry>();
            entry->path = path;
        }
        entry->upstreamBody = body;
        entry->upstreamSchemas = schemas;
        invalidate(path);
        ++loaded;
    }
    rebuildModel();
    return loaded;
}

Result<void> OpenApiRegistry::addCustomResourceDefinition(const QJsonObject &crd)
{
    const QString name = crd.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString();
    const QJsonObject spec = crd.value(QLatin1String("spec")).toObject();
    const QString group = spec.value(QLatin1String("group")).toString();
    const QJsonObject names = spec.value(QLatin1String("names")).toObject();
    const QString kind = names.value(QLatin1String("kind")).toString();
    const QString plural = names.value(QLatin1String("plural")).toString();
    if (name.isEmpty() || group.isEmpty() || kind.isEmpty() || plural.isEmpty())
        return fail(Error::invalid(QStringLiteral(
            "a CustomResourceDefinition needs metadata.name, spec.group, spec.names.kind and spec.names.plural")));
    const QString listKind = names.value(QLatin1String("listKind")).toString(kind + QStringLiteral("List"));
    const bool namespaced = spec.value(QLatin1String("scope")).toString() != QLatin1String("Cluster");

    removeCustomResourceDefinition(name);
    const QMap<QString, QJsonObject> &pool = builtinSchemas();
    QStringList paths;
    for (const QJsonValue &v : spec.value(QLatin1String("versions")).toArray()) {
        const QJsonObject version = v.toObject();
        if (!version.value(QLatin1String("served")).toBool())
            continue;
        const QString versionName = version.value(QLatin1String("name")).toString();
        const QString path = pathOf(group, versionName);
        const QString schemaName = crdSchemaName(group, versionName, kind);
        const QString listName = crdSchemaName(group, versionName, listKind);
        const QJsonObject subresources = version.value(QLatin1String("subresources")).toObject();

        QJsonObject schema = version.value(QLatin1String("schema")).toObject()
                                 .value(QLatin1String("openAPIV3Schema")).toObject();
        if (schema.isEmpty())
            schema = QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                                 {QStringLiteral("x-kubernetes-preserve-unknown-fields"), true}};
        QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        properties.insert(QStringLiteral("apiVersion"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
            {QStringLiteral("description"), QStringLiteral("The versioned schema of this object.")}});
        properties.insert(QStringLiteral("kind"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
            {QStringLiteral("description"), QStringLiteral("The type of this object.")}});
        properties.insert(QStringLiteral("metadata"), QJsonObject{
            {QStringLiteral("allOf"), QJsonArray{QJsonObject{{QStringLiteral("$ref"),
                QStringLiteral("#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta")}}}},
            {QStringLiteral("description"), QStringLiteral("Standard object metadata.")}});
        schema.insert(QStringLiteral("properties"), properties);
        schema.insert(QStringLiteral("type"), QStringLiteral("object"));
        const auto gvk = [&](const QString &k) {
            return QJsonArray{QJsonObject{{QStringLiteral("group"), group}, {QStringLiteral("version"), versionName},
                                          {QStringLiteral("kind"), k}}};
        };
        schema.insert(QStringLiteral("x-kubernetes-group-version-kind"), gvk(kind));
        const QJsonObject list{
            {QStringLiteral("description"), QStringLiteral("%1 is a list of %2 objects.").arg(listKind, kind)},
            {QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("required"), QJsonArray{QStringLiteral("items")}},
            {QStringLiteral("properties"), QJsonObject{
                {QStringLiteral("apiVersion"), properties.value(QLatin1String("apiVersion"))},
                {QStringLiteral("kind"), properties.value(QLatin1String("kind"))},
                {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("allOf"), QJsonArray{QJsonObject{{QStringLiteral("$ref"),
                    QStringLiteral("#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta")}}}}}},
                {QStringLiteral("items"), QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                    {QStringLiteral("items"), QJsonObject{{QStringLiteral("$ref"), QString(QStringLiteral("#/components/schemas/") + schemaName)}}}}}}},
            {QStringLiteral("x-kubernetes-group-version-kind"), gvk(listKind)}};

        auto &entry = m_groupVersions[path];
        if (!entry) {
            entry = std::make_shared<GroupVersionEntry>();
            entry->path = path;
        }
        BuiltinResource resource{group, versionName, kind, plural, namespaced,
                                 subresources.contains(QLatin1String("status")),
                                 subresources.contains(QLatin1String("scale")), schemaName, listName};
        entry->resources.append(resource);
        QStringList added{schemaName, listName};
        entry->schemas.insert(schemaName, schema);
        entry->schemas.insert(listName, list);
        QStringList seeds = commonSeeds();
        if (resource.hasScale)
            seeds << QStringLiteral("io.k8s.api.autoscaling.v1.Scale");
        for (const QString &shared : openApiSchemaClosure(seeds, pool)) {
            if (!entry->schemas.contains(shared)) {
                entry->schemas.insert(shared, pool.value(shared));
                added << shared;
            }
        }
        entry->crdSchemas.insert(name, added);
        invalidate(path);
        paths << path;
    }
    m_crdPaths.insert(name, paths);
    rebuildModel();
    return {};
}

void OpenApiRegistry::removeCustomResourceDefinition(const QString &crdName)
{
    const QStringList paths = m_crdPaths.take(crdName);
    if (paths.isEmpty())
        return;
    for (const QString &path : paths) {
        auto it = m_groupVersions.find(path);
        if (it == m_groupVersions.end())
            continue;
        GroupVersionEntry &entry = **it;
        const QStringList added = entry.crdSchemas.take(crdName);
        if (!added.isEmpty()) {
            const QString kindSchema = added.first();
            entry.resources.removeIf([&](const BuiltinResource &r) { return r.schemaName == kindSchema; });
        }
        for (const QString &name : added)
            entry.schemas.remove(name);
        if (entry.resources.isEmpty() && entry.upstreamBody.isEmpty())
            m_groupVersions.erase(it);
        invalidate(path);
    }
    rebuildModel();
}

QStringList OpenApiRegistry::groupVersionPaths() const
{
    return m_groupVersions.keys();
}

QByteArray OpenApiRegistry::renderV3(const GroupVersionEntry &entry) const
{
    if (!entry.upstreamBody.isEmpty() && entry.crdSchemas.isEmpty())
        return entry.upstreamBody;
    QJsonObject schemas = entry.upstreamSchemas;
    for (auto it = entry.schemas.constBegin(); it != entry.schemas.constEnd(); ++it) {
        if (!schemas.contains(it.key()))
            schemas.insert(it.key(), it.value());
    }
    QJsonObject paths = openApiPathsV3(entry.resources);
    if (!entry.upstreamBody.isEmpty()) {
        // Upstream paths first; the CRD's own paths are added to them.
        const QJsonObject upstreamPaths = QJsonDocument::fromJson(entry.upstreamBody).object()
                                              .value(QLatin1String("paths")).toObject();
        for (auto it = upstreamPaths.constBegin(); it != upstreamPaths.constEnd(); ++it)
            paths.insert(it.key(), it.value());
    }
    const QJsonObject doc{
        {QStringLiteral("openapi"), QStringLiteral("3.0.0")},
        {QStringLiteral("info"), QJsonObject{{QStringLiteral("title"), QStringLiteral("Kubernetes")},
                                             {QStringLiteral("version"), m_serverVersion}}},
        {QStringLiteral("paths"), paths},
        {QStringLiteral("components"), QJsonObject{
            {QStringLiteral("schemas"), schemas},
            {QStringLiteral("securitySchemes"), QJsonObject{{QStringLiteral("BearerToken"), QJsonObject{
                {QStringLiteral("type"), QStringLiteral("apiKey")},
                {QStringLiteral("name"), QStringLiteral("authorization")},
                {QStringLiteral("in"), QStringLiteral("header")},
                {QStringLiteral("description"), QStringLiteral("Bearer Token authentication")}}}}}}},
        {QStringLiteral("security"), QJsonArray{QJsonObject{{QStringLiteral("BearerToken"), QJsonArray()}}}},
    };
    return QJsonDocument(doc).toJson(QJsonDocument::Compact);
}

std::optional<OpenApiRegistry::Document> OpenApiRegistry::groupVersion(const QString &path) const
{
    QString key = path;
    while (key.startsWith(QLatin1Char('/')))
        key.remove(0, 1);
    const auto it = m_groupVersions.constFind(key);
    if (it == m_groupVersions.constEnd())
        return std::nullopt;
    auto cached = m_cache.constFind(key);
    if (cached == m_cache.constEnd()) {
        Document doc;
        doc.body = renderV3(**it);
        doc.hash = hashOf(doc.body);
        cached = m_cache.insert(key, doc);
    }
    return cached.value();
}

OpenApiRegistry::Document OpenApiRegistry::index() const
{
    QJsonObject paths;
    for (const QString &path : groupVersionPaths()) {
        const auto doc = groupVersion(path);
        paths.insert(path, QJsonObject{{QStringLiteral("serverRelativeURL"),
                                        QString(QStringLiteral("/openapi/v3/") + path + QStringLiteral("?hash=") + doc->hash)}});
    }
    Document doc;
    doc.body = QJsonDocument(QJsonObject{{QStringLiteral("paths"), paths}}).toJson(QJsonDocument::Compact);
    doc.hash = hashOf(doc.body);
    return doc;
}

OpenApiRegistry::Document OpenApiRegistry::swagger() const
{
    if (m_swaggerCache)
        return *m_swaggerCache;
    QJsonObject definitions;
    QList<BuiltinResource> resources;
    for (const auto &entry : std::as_const(m_groupVersions)) {
        for (auto it = entry->schemas.constBegin(); it != entry->schemas.constEnd(); ++it)
            definitions.insert(it.key(), openApiSchemaToV2(it.value()));
        resources += entry->resources;
    }
    for (const auto &entry : std::as_const(m_groupVersions)) {
        for (auto it = entry->upstreamSchemas.constBegin(); it != entry->upstreamSchemas.constEnd(); ++it)
            definitions.insert(it.key(), openApiSchemaToV2(it.value().toObject()));
    }
    const QJsonObject doc{
        {QStringLiteral("swagger"), QStringLiteral("2.0")},
        {QStringLiteral("info"), QJsonObject{{QStringLiteral("title"), QStringLiteral("Kubernetes")},
                                             {QStringLiteral("version"), m_serverVersion}}},
        {QStringLiteral("paths"), openApiPathsV2(resources)},
        {QStringLiteral("definitions"), definitions},
        {QStringLiteral("securityDefinitions"), QJsonObject{{QStringLiteral("BearerToken"), QJsonObject{
            {QStringLiteral("type"), QStringLiteral("apiKey")},
            {QStringLiteral("name"), QStringLiteral("authorization")},
            {QStringLiteral("in"), QStringLiteral("header")},
            {QStringLiteral("description"), QStringLiteral("Bearer Token authentication")}}}}},
        {QStringLiteral("security"), QJsonArray{QJsonObject{{QStringLiteral("BearerToken"), QJsonArray()}}}},
    };
    Document out;
    out.body = QJsonDocument(doc).toJson(QJsonDocument::Compact);
    out.hash = hashOf(out.body);
    m_swaggerCache = out;
    return out;
}

PatchMeta OpenApiRegistry::patchMeta(const Gvk &gvk, const QStringList &path) const
{
    return m_model.patchMeta(gvk, path);
}

std::unique_ptr<PatchMetaLookup> OpenApiRegistry::patchMetaLookup(const Gvk &gvk) const
{
    return std::make_unique<SchemaPatchMetaLookup>(&m_model, gvk);
}

} // namespace Qluster
