// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "resourcecacheregistry.h"

namespace Qluster {

ResourceCacheRegistry::ResourceCacheRegistry(Factory factory, QObject *parent)
    : QObject(parent)
    , m_factory(std::move(factory))
{
}

ResourceCacheRegistry::~ResourceCacheRegistry() = default;

std::shared_ptr<ResourceCache> ResourceCacheRegistry::acquire(const CacheKey &key)
{
    if (auto existing = m_caches.value(key).lock()) {
        existing->start(); // a Forbidden one asks again: the user may have been granted access
        return existing;
    }
    // The deleter stops the watch at once but deletes later: the last holder may be releasing it
    // from inside one of the cache's own signals.
    std::shared_ptr<ResourceCache> cache(new ResourceCache(key, m_factory(key)),
                                         [](ResourceCache *c) {
                                             c->stop();
                                             c->deleteLater();
                                         });
    m_caches.insert(key, cache);
    Q_EMIT cacheCreated(key);
    cache->start();
    return cache;
}

qsizetype ResourceCacheRegistry::activeCount() const
{
    qsizetype n = 0;
    for (const auto &weak : m_caches) {
        if (!weak.expired())
            ++n;
    }
    return n;
}

} // namespace Qluster
