// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// API note (core/sandbox, OpenAPI documents for the sandbox server):
//   OpenApiRegistry registry;                         // built-in schemas (builtinschemas.h)
//   registry.loadUpstreamDirectory(dir);               // optional: serve real v3 docs instead
//   registry.addCustomResourceDefinition(crdObject);   // on CRD create/update
//   registry.removeCustomResourceDefinition(crdName);  // on CRD delete
//   GET /openapi/v3            -> registry.index()                 (JSON, no hash)
//   GET /openapi/v3/<gvPath>   -> registry.groupVersion("apis/apps/v1")   (std::nullopt: 404)
//        when ?hash= equals doc.hash, answer with "Cache-Control: public, immutable"
//        (upstream: max-age=31536000), else "no-cache"; ETag: doc.etag(); 304 on If-None-Match.
//   GET /openapi/v2            -> registry.swagger()
//   PATCH / apply handlers     -> registry.patchMetaLookup(gvk) for strategic merge and SSA
//   fieldValidation=Strict/Warn -> registry.model().unknownFields(gvk, object)
//        (the built-in schemas omit rarer upstream fields: with them, prefer Warn semantics)
//   /openapi/v2 is JSON only: kubectl asks it as protobuf (only for fallbacks; v3 is preferred).
// Not thread-safe: use it from the sandbox's thread.

#include "api/gvr.h"
#include "schema/openapimodel.h"
#include "schema/patchmeta.h"
#include "util/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QString>

#include <memory>
#include <optional>

namespace Qluster {

struct BuiltinResource;

/// OpenApiRegistry holds the OpenAPI schemas the sandbox serves (built-in, upstream documents
/// from a directory, and CustomResourceDefinitions), renders the /openapi/v3 index, the
/// per-group-version v3 documents and the /openapi/v2 swagger, and answers patch metadata.
class OpenApiRegistry final
{
public:
    /// Document is the body of one OpenAPI URL and its content hash (upper-case SHA-512 hex,
    /// as kube-apiserver uses in "?hash=" URLs).
    struct Document
    {
        QByteArray body;
        QString hash;
        /// Document::etag is the quoted hash, for the ETag header.
        QString etag() const { return QLatin1Char('"') + hash + QLatin1Char('"'); }
    };

    OpenApiRegistry();
    ~OpenApiRegistry();
    Q_DISABLE_COPY_MOVE(OpenApiRegistry)

    /// OpenApiRegistry::loadUpstreamDirectory reads every "<path>_openapi.json" file of dir
    /// ("apis__apps__v1_openapi.json" is apis/apps/v1) and serves it verbatim instead of the
    /// built-in document of that group-version; its schemas become the active ones. Returns how
    /// many documents were loaded.
    Result<int> loadUpstreamDirectory(const QString &dir);

    /// OpenApiRegistry::addCustomResourceDefinition adds (or replaces) the schemas and paths of
    /// every served version of a CustomResourceDefinition object (apiextensions.k8s.io/v1).
    Result<void> addCustomResourceDefinition(const QJsonObject &crd);
    /// OpenApiRegistry::removeCustomResourceDefinition drops what addCustomResourceDefinition added.
    void removeCustomResourceDefinition(const QString &crdName);

    /// OpenApiRegistry::groupVersionPaths lists the served documents: "api/v1", "apis/apps/v1", ...
    QStringList groupVersionPaths() const;
    /// OpenApiRegistry::index is the /openapi/v3 discovery document:
    /// {"paths": {"apis/apps/v1": {"serverRelativeURL": "/openapi/v3/apis/apps/v1?hash=..."}}}.
    Document index() const;
    /// OpenApiRegistry::groupVersion is the v3 document of one group-version path.
    std::optional<Document> groupVersion(const QString &path) const;
    /// OpenApiRegistry::swagger is the /openapi/v2 document covering every group-version.
    Document swagger() const;

    /// OpenApiRegistry::model is the active schema set (upstream over built-in, plus CRDs).
    const OpenApiModel &model() const { return m_model; }
    /// OpenApiRegistry::patchMeta answers the patch metadata of a field of a Gvk.
    PatchMeta patchMeta(const Gvk &gvk, const QStringList &path) const;
    /// OpenApiRegistry::patchMetaLookup returns a lookup bound to one Gvk (valid while the
    /// registry lives and is not changed).
    std::unique_ptr<PatchMetaLookup> patchMetaLookup(const Gvk &gvk) const;

    /// OpenApiRegistry::setServerVersion sets info.version of the documents (e.g. "v1.32.0").
    void setServerVersion(const QString &version);

    /// OpenApiRegistry::crdSchemaName is the schema name kube-apiserver gives a custom kind:
    /// the group reversed, then version and kind ("example.com", "v1", "Widget" ->
    /// "com.example.v1.Widget").
    static QString crdSchemaName(const QString &group, const QString &version, const QString &kind);

private:
    struct GroupVersionEntry;
    void rebuildModel();
    void invalidate(const QString &path) const;
    QByteArray renderV3(const GroupVersionEntry &entry) const;

    QMap<QString, std::shared_ptr<GroupVersionEntry>> m_groupVersions;
    QMap<QString, QStringList> m_crdPaths; ///< CRD name -> group-version paths it contributes to
    OpenApiModel m_model;
    QString m_serverVersion = QStringLiteral("v1.32.0");
    mutable QMap<QString, Document> m_cache;
    mutable std::optional<Document> m_swaggerCache;
};

} // namespace Qluster
