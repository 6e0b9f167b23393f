// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "resourcecache.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <memory>

namespace Qluster {

/// ResourceCacheRegistry shares one ResourceCache per CacheKey among every view that asks for it;
/// a cache lives (and watches) while someone holds the shared pointer acquire() returned, and is
/// stopped and deleted when the last holder lets go.
class ResourceCacheRegistry final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResourceCacheRegistry)
public:
    using Factory = std::function<std::unique_ptr<ListWatcher>(const CacheKey &key)>;

    /// ResourceCacheRegistry takes the factory that builds the transport for a new key.
    explicit ResourceCacheRegistry(Factory factory, QObject *parent = nullptr);
    ~ResourceCacheRegistry() override;

    /// ResourceCacheRegistry::acquire returns the started cache for key, creating it if needed.
    std::shared_ptr<ResourceCache> acquire(const CacheKey &key);
    /// ResourceCacheRegistry::activeCount is the number of caches currently held by someone.
    qsizetype activeCount() const;

Q_SIGNALS:
    void cacheCreated(const Qluster::CacheKey &key);

private:
    Factory m_factory;
    QHash<CacheKey, std::weak_ptr<ResourceCache>> m_caches;
};

} // namespace Qluster
