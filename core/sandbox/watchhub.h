// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sandboxrequest.h"

#include <QHash>
#include <QObject>

namespace Qluster {

struct SandboxContext;

/// WatchHub serves watch requests: it streams the store's events that match a watch's
/// selectors (as JSON or Table rows), sends BOOKMARKs, ends watches at their timeout and
/// closes them all on demand.
class WatchHub final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WatchHub)

public:
    explicit WatchHub(SandboxContext &context, QObject *parent = nullptr);
    ~WatchHub() override;

    void handleWatch(SandboxRequest &r, const SandboxResourcePath &p);
    /// WatchHub::connectionClosed retires the watch of a connection that closed, if any.
    void connectionClosed(HttpConnection *connection);
    /// WatchHub::dropWatches closes every open watch connection.
    void dropWatches();
    /// WatchHub::stallWatches silences every open watch: its connection stays open but nothing
    /// (event, bookmark or end) is written to it again. Later watches are served normally.
    void stallWatches();

private:
    struct WatchSession;
    void retireWatch(WatchSession *w);

    SandboxContext &m_ctx;
    QHash<HttpConnection *, WatchSession *> m_watches; // sessions owned
};

} // namespace Qluster
