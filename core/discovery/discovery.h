// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "discoverysnapshot.h"

#include "api/gvr.h"
#include "util/result.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>


namespace Qluster {

class Connection;
class ResourceCache;
struct ApiResponse;

/// Discovery finds out what one server serves: aggregated discovery first (apidiscovery.k8s.io
/// v2, then v2beta1), falling back to the unaggregated /api, /apis and per group-version documents
/// fetched in parallel. Documents are kept on disk per server with their ETag, so a warm start
/// shows the last known tree at once and revalidates in the background; watching CRDs and
/// APIServices triggers a refresh when the served API changes.
class Discovery final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Discovery)
public:
    /// Discovery uses connection (not owned) and keeps its documents under cacheDirectory
    /// (empty: <QStandardPaths::CacheLocation>/discovery), in a file named after the server.
    explicit Discovery(Connection *connection, const QString &cacheDirectory = QString(),
                       QObject *parent = nullptr);
    ~Discovery() override;

    /// Discovery::loadCache reads the documents cached for this server; true (and snapshotChanged)
    /// when a usable snapshot was found.
    bool loadCache();
    /// Discovery::refresh fetches discovery again (conditional on the cached ETags).
    void refresh();
    /// Discovery::setWatchChanges starts (or stops) watching CustomResourceDefinitions and
    /// APIServices, each as soon as the snapshot shows the server serves it with list and watch;
    /// any change after their first list refreshes discovery shortly after. A watch the server
    /// refuses (403, 404) is given up rather than retried.
    void setWatchChanges(bool enabled);
    /// Discovery::isWatchRefused is true when the server refused the watch of gvr and it was given
    /// up (until setWatchChanges is called again).
    bool isWatchRefused(const Gvr &gvr) const;
    /// Discovery::isWatching is true while the watch of gvr (CRDs or APIServices) is listed and
    /// open.
    bool isWatching(const Gvr &gvr) const;

    const DiscoverySnapshot &snapshot() const { return m_snapshot; }
    /// Discovery::isAggregated is true when the last snapshot came from aggregated discovery.
    bool isAggregated() const { return m_aggregated; }
    bool isRefreshing() const { return m_pending > 0; }
    /// Discovery::cacheFile is where this server's documents are kept.
    QString cacheFile() const { return m_cacheFile; }
    /// Discovery::notModifiedCount counts documents revalidated by a 304 answer.
    int notModifiedCount() const { return m_notModified; }

    /// Discovery::aggregatedAccept is the Accept header asking for aggregated discovery.
    static QByteArray aggregatedAccept();

Q_SIGNALS:
    /// snapshotChanged is emitted when snapshot() changed (warm start, refresh, CRD change).
    void snapshotChanged();
    /// refreshed is emitted when a refresh completed (changed or not).
    void refreshed();
    void refreshFailed(const Qluster::Error &error);

private:
    struct Document
    {
        QByteArray etag;
        QByteArray body;
    };

    void fetch(const QString &path, bool aggregated, std::function<void(Result<QByteArray>)> done);
    void rootsFetched();
    void fetchGroupVersions();
    void finishUnaggregated();
    void publish(QList<ApiGroup> groups, bool aggregated);
    void saveCache() const;
    bool buildFromDocuments(const QHash<QString, Document> &documents, bool aggregated,
                            const QSet<QString> &stale = {});
    void updateChangeWatches();

    QPointer<Connection> m_connection;
    QString m_cacheFile;
    DiscoverySnapshot m_snapshot;
    bool m_aggregated = false;
    QHash<QString, Document> m_documents; // path -> last good document
    QHash<QString, Document> m_fetched;   // this refresh
    QHash<QString, Error> m_failed;       // this refresh: group-version documents that failed
    int m_pending = 0;
    quint64 m_generation = 0;
    int m_notModified = 0;
    QTimer m_changeTimer;
    bool m_watchChanges = false;
    QHash<Gvr, ResourceCache *> m_changeWatches; // owned (children)
    QSet<Gvr> m_refusedWatches;                  // the server said no: not retried
};

} // namespace Qluster
