// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/labelselector.h"
#include "fieldselector.h"
#include "httpconnection.h"
#include "objectstore.h"
#include "resourcetypes.h"
#include "sandboxrequest.h"
#include "sandboxserver.h"
#include "util/result.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPointer>

#include <memory>
#include <optional>

namespace Qluster {

class ApiServiceController;
class CronJobController;
class DaemonSetController;
class OpenApiRegistry;
class PodLifecycle;
class ResourceWriter;
class SandboxAuth;
class SandboxControllers;
class SandboxPolicies;
class StatefulSetController;
class FaultInjector;

/// SandboxContext is what every part of a SandboxServer shares: the options, the store, the
/// served types and how to find them, the clock, the answers a handler sends, and the parts
/// that others call (set by the SandboxServer, which owns them and this context).
struct SandboxContext final
{
    Q_DISABLE_COPY_MOVE(SandboxContext)

    SandboxContext(SandboxServer &server, SandboxOptions options);
    ~SandboxContext();

    SandboxServer &server; // not owned: emits requestHandled, serves the public API
    SandboxOptions options;
    ObjectStore store;
    std::unique_ptr<OpenApiRegistry> openApi;
    QList<ResourceType> types;        ///< built-ins, reviews, then CRDs (ResourceWriter rebuilds them)
    QHash<Gvr, qsizetype> typeIndex;  ///< gvr -> index in types
    quint16 port = 0;                 ///< the listening port (0 before the first start)
    qint64 clockOffsetMilliseconds = 0; ///< clock() minus the real UTC time
    QList<QPointer<HttpConnection>> connections; ///< open connections (children of the server)

    // The parts other parts call; all not owned (the SandboxServer owns them).
    SandboxAuth *auth = nullptr;                      // not owned
    FaultInjector *faults = nullptr;                  // not owned
    ResourceWriter *writer = nullptr;                 // not owned
    SandboxControllers *controllers = nullptr;        // not owned
    StatefulSetController *statefulSets = nullptr;    // not owned
    DaemonSetController *daemonSets = nullptr;        // not owned
    CronJobController *cronJobs = nullptr;            // not owned
    PodLifecycle *podLife = nullptr;                  // not owned
    SandboxPolicies *policies = nullptr;              // not owned
    ApiServiceController *apiServices = nullptr;      // not owned

    const ResourceType *findType(const QString &group, const QString &version, const QString &plural) const;
    const ResourceType *findTypeByKind(const QString &group, const QString &kind) const;
    /// The collection objects of `type` are stored in (HPAs as v2, every CRD version in one).
    Gvr storageGvr(const ResourceType &type) const;
    /// A stored object as a client reads it through `type` (apiVersion, kind, HPA v1 view).
    QJsonObject presentObject(const ResourceType &type, QJsonObject object) const;
    /// The resource a request path names (its type null when none is served there).
    std::optional<SandboxResourcePath> parseResourcePath(const QString &path) const;
    /// The request body as an object (JSON, YAML or protobuf), or the Status why not.
    Result<QJsonObject> parseBody(const SandboxRequest &r) const;
    /// SandboxContext::Selectors are a list's, watch's or delete-collection's label and field
    /// selectors.
    struct Selectors
    {
        LabelSelector labels;
        FieldSelector fields;
        bool isEmpty() const { return labels.isEmpty() && fields.isEmpty(); }
        bool matches(const QJsonObject &object) const;
    };
    /// SandboxContext::selectors reads labelSelector and fieldSelector for objects of type; a
    /// malformed one is answered with 400 (the parser's message) and nullopt returned.
    std::optional<Selectors> selectors(SandboxRequest &r, const ResourceType &type);
    /// The time the controllers go by: the real UTC time moved by clockOffsetMilliseconds.
    QDateTime clock() const;

    void sendBytes(SandboxRequest &r, int status, const QByteArray &contentType, const QByteArray &body,
                   HttpHeaders headers = {});
    void sendJson(SandboxRequest &r, int status, const QJsonObject &body, HttpHeaders headers = {});
    void sendStatus(SandboxRequest &r, const QJsonObject &status);
    void sendError(SandboxRequest &r, const Error &error);
};

} // namespace Qluster
