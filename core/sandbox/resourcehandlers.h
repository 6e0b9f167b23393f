// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sandboxrequest.h"
#include "sandboxserver.h"

namespace Qluster {

struct SandboxContext;

/// ResourceHandlers answers the verbs on a resource itself: get, list (selectors, pages,
/// Tables, streamed), create, update, patch (JSON, merge, strategic merge, apply), delete and
/// deletecollection.
class ResourceHandlers final
{
    Q_DISABLE_COPY_MOVE(ResourceHandlers)

public:
    explicit ResourceHandlers(SandboxContext &context);

    void handleGet(SandboxRequest &r, const SandboxResourcePath &p);
    void handleList(SandboxRequest &r, const SandboxResourcePath &p);
    void handleCreate(SandboxRequest &r, const SandboxResourcePath &p);
    void handleUpdate(SandboxRequest &r, const SandboxResourcePath &p);
    void handlePatch(SandboxRequest &r, const SandboxResourcePath &p);
    void handleDelete(SandboxRequest &r, const SandboxResourcePath &p);
    void handleDeleteCollection(SandboxRequest &r, const SandboxResourcePath &p);

private:
    StatusOr applyPatch(const ResourceType &type, const QJsonObject &current,
                        const QByteArray &contentType, const QByteArray &patch) const;

    SandboxContext &m_ctx;
};

} // namespace Qluster
