// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/gvr.h"

namespace Qluster {

/// CacheKey names one shared list/watch: the kubeconfig context, the resource, the namespace
/// (empty for all namespaces or cluster-scoped resources) and the label and field selectors.
struct CacheKey
{
    QString context;
    Gvr gvr;
    QString namespaceName;
    QString labelSelector;
    QString fieldSelector;

    /// CacheKey::toString is a readable form for logs and the status bar, e.g.
    /// "kind-dev pods.v1 -n demo -l app=web".
    QString toString() const;

    friend bool operator==(const CacheKey &, const CacheKey &) = default;
};

inline size_t qHash(const CacheKey &key, size_t seed = 0)
{
    return qHashMulti(seed, key.context, key.gvr, key.namespaceName, key.labelSelector,
                      key.fieldSelector);
}

} // namespace Qluster
