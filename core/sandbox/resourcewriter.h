// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "resourcetypes.h"
#include "sandboxserver.h"

#include <QJsonObject>
#include <QString>

namespace Qluster {

struct SandboxContext;

/// ResourceWriter writes objects as kube-apiserver does (validation, metadata, defaults,
/// admission, storage version, dry run), rebuilds the served types when CRDs change, tells the
/// controllers and APIServices about each write, and makes the system's own writes (status,
/// Events).
class ResourceWriter final
{
    Q_DISABLE_COPY_MOVE(ResourceWriter)

public:
    explicit ResourceWriter(SandboxContext &context);

    /// ResourceWriter::createObject stores a new object as the system would (names, uid, defaults).
    Result<QJsonObject> createObject(const QJsonObject &object);
    /// Writes `object` as the system: validates, fills metadata, stores (unless dry run).
    StatusOr createInternal(const ResourceType &type, const QString &namespaceName,
                            QJsonObject object, const QString &fieldManager, bool dryRun);
    StatusOr updateInternal(const ResourceType &type, const QString &namespaceName,
                            const QString &name, QJsonObject object,
                            const QString &subresource, bool dryRun,
                            const QString &fieldManager = QString());
    StatusOr deleteInternal(const ResourceType &type, const QString &namespaceName,
                            const QString &name, bool dryRun);
    /// Writes `status` into `object` unless it is already there (no event for a no-op).
    void putStatus(const Gvr &gvr, const QJsonObject &object, const QJsonObject &status);
    void updateSystem(const Gvr &gvr, QJsonObject object);
    /// Records an Event about `involved`.
    void emitEvent(const QJsonObject &involved, const QString &type, const QString &reason,
                   const QString &message);
    /// What follows a write: served types (CRDs), APIServices, controllers.
    void afterWrite(const ResourceType &type, const QJsonObject &object, bool deleted);

private:
    void applyDefaults(const ResourceType &type, QJsonObject &object);
    void rebuildCustomTypes();

    SandboxContext &m_ctx;
    int m_nextServiceIp = 10;
};

} // namespace Qluster
