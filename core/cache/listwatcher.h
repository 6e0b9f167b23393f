// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QObject>

#include <functional>
#include <memory>

namespace Qluster {

/// ListOptions are the query of one list page.
struct ListOptions
{
    int limit = 500;
    QString continueToken;
    QString resourceVersion; ///< "" asks for the most recent state (a quorum read)
};

/// WatchOptions are the query of one watch request.
struct WatchOptions
{
    QString resourceVersion;
    bool allowWatchBookmarks = true;
    int timeoutSeconds = 0; ///< 0 leaves the server's default
};

/// ListWatcher is the transport side of a ResourceCache, as client-go's ListerWatcher: it issues
/// the list and watch requests of one CacheKey (asking for Tables when the server serves them)
/// and hands back raw bodies; decoding stays in the cache. Deleting a returned handle cancels the
/// call, and no callback runs after that.
class ListWatcher
{
public:
    using Handle = std::unique_ptr<QObject>;
    using ListDone = std::function<void(Result<QByteArray> body)>;
    using ListHead = std::function<void(const QByteArray &head)>;
    using WatchData = std::function<void(const QByteArray &chunk)>;
    using WatchDone = std::function<void(Result<void> result)>;

    /// kListHeadBytes bounds the head shown to ListHead: real apiservers write metadata (with
    /// continue) right after kind and apiVersion; the sandbox sorts keys and writes a Table's
    /// columnDefinitions first, which stay well below this.
    static constexpr int kListHeadBytes = 16384;

    virtual ~ListWatcher() = default;
    /// ListWatcher::list requests one page; done runs once with the body or the error. head,
    /// when set, may run before done with the beginning of a successful body while the rest still
    /// arrives (again as more of it comes, up to kListHeadBytes), so the continue token can be
    /// found early; a transport that cannot tell may never call it.
    virtual Handle list(const ListOptions &options, ListDone done, ListHead head) = 0;
    /// ListWatcher::watch opens a watch; data runs for each chunk received, done once when the
    /// stream ends (success when the server closed it normally, e.g. on timeoutSeconds).
    virtual Handle watch(const WatchOptions &options, WatchData data, WatchDone done) = 0;
};

} // namespace Qluster
