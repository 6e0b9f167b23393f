// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cachekey.h"
#include "changebatch.h"
#include "listwatcher.h"
#include "resourcestore.h"

#include "api/watchdecoder.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <deque>
#include <optional>
#include <functional>
#include <memory>

template<typename T>
class QFutureWatcher;

namespace Qluster {

/// ResourceCache is the informer of one CacheKey: it lists in pages (limit + continue; each next
/// page is requested as soon as the head of the page before it names it, and pages are applied in
/// order as one snapshot: into an empty store page by page, as batches of additions, otherwise
/// reconciled with the store once the list is complete), then watches from the list's resourceVersion with bookmarks, renews
/// the watch when the server ends it, relists and reconciles on 410 Gone, and reconnects with
/// jittered exponential backoff. Changes are delivered in batches through objectsChanged. Large
/// pages are decoded off the GUI thread.
class ResourceCache final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResourceCache)
public:
    enum class SyncState {
        Stopped,  ///< not started, or stopped because no view uses it
        Listing,  ///< the (re)list is in progress
        Watching, ///< in sync, the watch is open
        Backoff,  ///< the last request failed; retrying after a delay (see lastError)
        /// The server refuses this user the list (403, see lastError): retrying would not change
        /// that, so the cache waits to be started again.
        Forbidden,
    };
    Q_ENUM(SyncState)

    ResourceCache(CacheKey key, std::unique_ptr<ListWatcher> listWatcher, QObject *parent = nullptr);
    ~ResourceCache() override;

    const CacheKey &key() const { return m_key; }
    /// ResourceCache::start lists and then watches; it does nothing when already started.
    void start();
    /// ResourceCache::stop cancels every request and timer; the objects stay in the store.
    void stop();

    SyncState syncState() const { return m_state; }
    /// ResourceCache::hasSynced is true once a complete list has been applied.
    bool hasSynced() const { return m_hasSynced; }
    /// ResourceCache::retryInMs is how long until the next attempt while in Backoff, else -1.
    int retryInMs() const { return m_retryTimer.isActive() ? m_retryTimer.remainingTime() : -1; }
    /// ResourceCache::lastError is the failure behind the current Backoff or Forbidden state.
    const Error &lastError() const { return m_lastError; }
    const ResourceStore &store() const { return m_store; }
    /// ResourceCache::listCount counts the lists started (the first one and every relist).
    int listCount() const { return m_listCount; }

    void setPageSize(int limit) { m_pageSize = limit; }
    /// ResourceCache::setBatchInterval sets how long watch changes are collected before one
    /// objectsChanged (default 50 ms).
    void setBatchInterval(int milliseconds);
    /// ResourceCache::setBackoff sets the first retry delay and its cap (defaults 800 ms and 30 s,
    /// as client-go's reflector); each failure doubles the delay, plus up to 100 % random jitter.
    void setBackoff(int initialMilliseconds, int maxMilliseconds);
    /// ResourceCache::setWatchTimeout sets the base timeoutSeconds asked of the server; each watch
    /// asks a random value between it and twice it, so many caches do not renew at once.
    void setWatchTimeout(int seconds) { m_watchTimeoutSeconds = seconds; }
    /// ResourceCache::setWatchIdleTimeout sets how long a watch may stay silent (no event, no
    /// bookmark: the server sends one at least every minute) before it is taken for a dead
    /// connection and re-established from its resourceVersion, without a relist (default 120 s;
    /// client-go pings a silent HTTP/2 connection after 30 s, which Qt cannot).
    void setWatchIdleTimeout(int milliseconds);
    /// ResourceCache::setClock replaces the monotonic clock (milliseconds) that tells a watch the
    /// server ended at once from one that lived a while (tests drive it instead of sleeping).
    void setClock(std::function<qint64()> monotonicMilliseconds) { m_clock = std::move(monotonicMilliseconds); }

Q_SIGNALS:
    /// objectsChanged delivers the changes applied since the last batch (for a list into an empty
    /// store, one batch per page; hasSynced turns true before the batch of the last page).
    void objectsChanged(const Qluster::ChangeBatch &batch);
    void syncStateChanged(Qluster::ResourceCache::SyncState state);

private:
    void setState(SyncState state);
    void startList();
    struct PageRequest;
    PageRequest *findPage(quint64 number);
    void requestPage(const QString &continueToken);
    void requestKnownNextPage();
    void pageHead(quint64 number, const QByteArray &head);
    void pageReceived(quint64 number, Result<QByteArray> body);
    void abandonPages();
    void decodeNextPage();
    void pageDecoded(Result<ListPage> page);
    void startWatch();
    void watchData(const QByteArray &chunk);
    void decodeWatchData();
    void watchDecoded(WatchDecoder::Output out);
    void abandonWatchDecoding();
    void watchEnded(Result<void> result);
    void watchIdle();
    void handleWatchError(const Error &error);
    void retryAfterBackoff(const Error &error, bool relist);
    void flush();

    CacheKey m_key;
    std::unique_ptr<ListWatcher> m_listWatcher;
    ResourceStore m_store;
    // The watch stream: chunks wait in m_undecodedWatch while one is decoded on a worker thread.
    std::shared_ptr<WatchDecoder> m_decoder = std::make_shared<WatchDecoder>();
    QByteArray m_undecodedWatch;
    QFutureWatcher<WatchDecoder::Output> *m_watchDecoding = nullptr; // owned (child)
    bool m_watchDecodeBusy = false;
    quint64 m_watchGeneration = 0;         // bumped when a stream is abandoned
    quint64 m_watchDecodingGeneration = 0; // m_watchGeneration of the chunk being decoded
    std::optional<Result<void>> m_watchEnd; // the stream ended while chunks were still decoding
    ListWatcher::Handle m_request; // the watch in flight
    QFutureWatcher<Result<ListPage>> *m_decoding = nullptr; // owned (child)
    quint64 m_decodingGeneration = 0;   // m_generation when the page being decoded was started
    bool m_decodingNextRequested = false; // its next page was requested before it was decoded
    bool m_decodeBusy = false;          // a page is being decoded (its finished not yet handled)

    // The pages of the current list that were requested and not yet handed to the decoder, in
    // list order: several travel at once (each is requested as soon as its predecessor's
    // continue token is seen, in the head of its body), and a body that arrives before its
    // predecessor's waits here. Destroying an entry cancels its request.
    struct PageRequest
    {
        quint64 number = 0;
        ListWatcher::Handle request;
        std::optional<QByteArray> body;   // arrived
        std::optional<QString> nextToken; // its continue token once seen ("" on the last page)
        bool nextRequested = false;       // the page after it has been requested
    };
    std::deque<PageRequest> m_pages;
    quint64 m_nextPageNumber = 0;
    // At most this many page requests wait for their bodies at once: over HTTP/1.1 Qt opens at
    // most 6 connections per host and manager, and ordinary requests (GETs of the selected object,
    // discovery) must still get through.
    static constexpr int kMaxPagesInFlight = 4;

    // Pages received and waiting to be decoded (one is decoded at a time, in order).
    struct UndecodedPage
    {
        QByteArray body;
        bool nextRequested = false; // the next page (if any) has been requested already
    };
    std::deque<UndecodedPage> m_undecoded;

    // The list being assembled across pages.
    std::vector<ResourceObject> m_pending;
    QList<TableColumn> m_pendingColumns;
    bool m_pendingIsTable = false;
    QString m_pendingResourceVersion;
    int m_pagesDecoded = 0;
    bool m_listIntoEmptyStore = false; // pages go into the store (and out as batches) as they come

    ChangeBatch m_batch;
    QTimer m_flushTimer;
    QTimer m_retryTimer;
    QTimer m_idleTimer; // restarted by every chunk of the watch
    std::function<qint64()> m_clock; // monotonic milliseconds
    qint64 m_watchStartedMs = 0;
    SyncState m_state = SyncState::Stopped;
    Error m_lastError;
    bool m_hasSynced = false;
    bool m_retryRelist = false;
    int m_pageSize = 500;
    int m_failures = 0;
    int m_backoffInitialMs = 800;
    int m_backoffMaxMs = 30000;
    int m_watchTimeoutSeconds = 300;
    int m_listCount = 0;
    quint64 m_generation = 0; // bumped when a list is abandoned so late decoder results are ignored
};

} // namespace Qluster

Q_DECLARE_METATYPE(Qluster::ResourceCache::SyncState)
