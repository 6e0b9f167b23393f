// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "resourcecache.h"

#include "util/logging.h"

#include <QFutureWatcher>
#include <QRandomGenerator>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace Qluster {

namespace {

bool isGone(const Error &error)
{
    // 410 Gone / reason Expired: the resourceVersion (or continue token) fell out of the server's
    // window; the only way on is a fresh list (client-go reflector, "relist with rv=\"\"").
    return error.kind == Error::Kind::Http
           && (error.httpStatus == 410 || error.reason == QLatin1String("Expired")
               || error.reason == QLatin1String("Gone"));
}

} // namespace

ResourceCache::ResourceCache(CacheKey key, std::unique_ptr<ListWatcher> listWatcher, QObject *parent)
    : QObject(parent)
    , m_key(std::move(key))
    , m_listWatcher(std::move(listWatcher))
{
    qRegisterMetaType<Qluster::ChangeBatch>();
    qRegisterMetaType<Qluster::ResourceCache::SyncState>();
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(50);
    connect(&m_flushTimer, &QTimer::timeout, this, &ResourceCache::flush);
    m_retryTimer.setSingleShot(true);
    m_clock = [timer = std::make_shared<QElapsedTimer>()] {
        if (!timer->isValid())
            timer->start();
        return timer->elapsed();
    };
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(120000);
    connect(&m_idleTimer, &QTimer::timeout, this, &ResourceCache::watchIdle);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        if (m_retryRelist || !m_hasSynced)
            startList();
        else
            startWatch();
    });
}

ResourceCache::~ResourceCache()
{
    // Cancel everything without telling anyone: receivers may already be half destroyed.
    const QSignalBlocker blocker(this);
    stop();
}

void ResourceCache::setBatchInterval(int milliseconds)
{
    m_flushTimer.setInterval(milliseconds);
}

void ResourceCache::setBackoff(int initialMilliseconds, int maxMilliseconds)
{
    m_backoffInitialMs = initialMilliseconds;
    m_backoffMaxMs = maxMilliseconds;
}

void ResourceCache::start()
{
    if (m_state != SyncState::Stopped && m_state != SyncState::Forbidden)
        return;
    startList();
}

void ResourceCache::stop()
{
    ++m_generation;
    m_request.reset();
    abandonPages();
    if (m_decoding) {
        m_decoding->disconnect(this);
        m_decoding->deleteLater();
        m_decoding = nullptr;
        m_decodeBusy = false;
    }
    m_retryTimer.stop();
    m_idleTimer.stop();
    abandonWatchDecoding();
    if (m_flushTimer.isActive()) {
        m_flushTimer.stop();
        flush();
    }
    m_pending.clear();
    m_undecoded.clear();
    setState(SyncState::Stopped);
}

void ResourceCache::setState(SyncState state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT syncStateChanged(state);
}

void ResourceCache::startList()
{
    m_request.reset();
    abandonPages();
    ++m_generation; // a page still being decoded belongs to the previous list
    m_undecoded.clear();
    m_pending.clear();
    m_pendingColumns.clear();
    m_pendingIsTable = false;
    m_pagesDecoded = 0;
    m_retryRelist = false;
    ++m_listCount;
    setState(SyncState::Listing);
    requestPage(QString());
}

void ResourceCache::abandonPages()
{
    // Destroying the handles cancels the requests; none of their callbacks runs after this.
    m_pages.clear();
}

ResourceCache::PageRequest *ResourceCache::findPage(quint64 number)
{
    const auto it = std::find_if(m_pages.begin(), m_pages.end(),
                                 [number](const PageRequest &p) { return p.number == number; });
    return it == m_pages.end() ? nullptr : &*it;
}

void ResourceCache::requestPage(const QString &continueToken)
{
    ListOptions options;
    options.limit = m_pageSize;
    options.continueToken = continueToken;
    const quint64 number = m_nextPageNumber++;
    m_pages.push_back(PageRequest{number, nullptr, std::nullopt, std::nullopt, false});
    ListWatcher::Handle request = m_listWatcher->list(
        options, [this, number](Result<QByteArray> body) { pageReceived(number, std::move(body)); },
        [this, number](const QByteArray &head) { pageHead(number, head); });
    if (PageRequest *page = findPage(number))
        page->request = std::move(request);
}

void ResourceCache::requestKnownNextPage()
{
    // Only the last page requested can name a page not yet requested.
    if (m_pages.empty())
        return;
    PageRequest &last = m_pages.back();
    if (last.nextRequested || !last.nextToken || last.nextToken->isEmpty())
        return;
    const auto inFlight = std::count_if(m_pages.begin(), m_pages.end(),
                                        [](const PageRequest &p) { return !p.body; });
    if (inFlight >= kMaxPagesInFlight)
        return; // asked for when one of them arrives
    last.nextRequested = true;
    const QString token = *last.nextToken;
    requestPage(token);
}

void ResourceCache::pageHead(quint64 number, const QByteArray &head)
{
    // Pipelining: metadata.continue comes near the start of a list body, so the next page is
    // requested (and produced by the server) while the rest of this one still downloads.
    PageRequest *page = findPage(number);
    if (!page || page->nextToken)
        return;
    page->nextToken = peekContinueToken(head);
    requestKnownNextPage();
}

void ResourceCache::pageReceived(quint64 number, Result<QByteArray> body)
{
    PageRequest *page = findPage(number);
    if (!page)
        return;
    if (!body) {
        // Any failed page ends this list and cancels the other pages in flight; an expired
        // continue token means the snapshot is gone, so the list starts over.
        retryAfterBackoff(body.error(), true);
        return;
    }
    // When the head did not tell, the whole body may; when it cannot, the decoded page will.
    if (!page->nextToken)
        page->nextToken = peekContinueToken(*body);
    page->body = std::move(*body);
    requestKnownNextPage();
    // Pages are decoded in list order: a body that arrived before its predecessor's waits.
    while (!m_pages.empty() && m_pages.front().body) {
        PageRequest &front = m_pages.front();
        m_undecoded.push_back(UndecodedPage{std::move(*front.body), front.nextRequested});
        m_pages.pop_front();
    }
    decodeNextPage();
}

void ResourceCache::decodeNextPage()
{
    if (m_undecoded.empty())
        return;
    if (!m_decoding) {
        m_decoding = new QFutureWatcher<Result<ListPage>>(this);
        connect(m_decoding, &QFutureWatcher<Result<ListPage>>::finished, this, [this] {
            m_decodeBusy = false;
            const bool current = m_decodingGeneration == m_generation;
            Result<ListPage> page = m_decoding->future().takeResult(); // moved, not copied
            if (current)
                pageDecoded(std::move(page));
            else
                decodeNextPage(); // a late page of an abandoned list: drop it
        });
    }
    // Pages are decoded one at a time, in order. (Not QFutureWatcher::isRunning(): it turns false
    // before the watcher's finished signal was delivered, and a new future must not replace the
    // old one before that.)
    if (m_decodeBusy)
        return;
    m_decodeBusy = true;
    UndecodedPage page = std::move(m_undecoded.front());
    m_undecoded.pop_front();
    m_decodingNextRequested = page.nextRequested;
    m_decodingGeneration = m_generation;
    const QString what = QStringLiteral("list ") + m_key.gvr.toString();
    m_decoding->setFuture(QtConcurrent::run([bytes = std::move(page.body), what] {
        return decodeListPage(bytes, what);
    }));
}

void ResourceCache::pageDecoded(Result<ListPage> page)
{
    if (!page) {
        retryAfterBackoff(page.error(), true);
        return;
    }
    if (m_pagesDecoded++ == 0) {
        // The first page's resourceVersion is where the watch resumes. A consistent server gives
        // every page the same one; if later pages were served from newer state, resuming from the
        // first only replays events the store then skips as not newer.
        m_pendingResourceVersion = page->resourceVersion;
        m_pendingColumns = page->columns;
        m_pendingIsTable = page->isTable;
        // A list into an empty store (the first list, or a relist of nothing) is delivered page
        // by page, so views show rows while the rest travels: nothing can have been deleted, so
        // each page is only additions. Any other list is reconciled with the store once complete.
        m_listIntoEmptyStore = m_store.size() == 0;
    }
    // Room for the whole list when the server says how much is left (not page by page: an exact
    // reserve per page reallocates and moves everything listed so far on every page). Bounded: the
    // count is the server's word, and a wrong one must not allocate gigabytes.
    const qsizetype remaining = qsizetype(std::clamp<qint64>(page->remainingItemCount, 0, 250000));
    const bool complete = page->continueToken.isEmpty();
    if (!complete) {
        if (!m_decodingNextRequested)
            requestPage(page->continueToken);
    } else {
        // Pending watch changes go first so that batches stay in order.
        abandonPages();
        m_undecoded.clear();
        if (m_flushTimer.isActive()) {
            m_flushTimer.stop();
            flush();
        }
    }
    ChangeBatch batch;
    if (m_listIntoEmptyStore) {
        if (remaining > 0)
            m_store.reserve(m_store.size() + qsizetype(page->items.size()) + remaining);
        batch = m_store.add(std::move(page->items), page->columns, page->isTable);
        batch.isListPage = true;
        if (complete)
            m_store.setResourceVersion(m_pendingResourceVersion);
    } else {
        std::move(page->items.begin(), page->items.end(), std::back_inserter(m_pending));
        if (remaining > 0)
            m_pending.reserve(m_pending.size() + size_t(remaining));
        if (complete) {
            // Only real adds, updates and deletes are emitted.
            batch = m_store.replace(std::exchange(m_pending, {}), m_pendingResourceVersion,
                                    m_pendingColumns, m_pendingIsTable);
        }
    }
    const bool firstSync = complete && !m_hasSynced;
    if (complete) {
        m_failures = 0;
        m_hasSynced = true;
        qCDebug(lcWatch) << "listed" << m_key.toString() << m_store.size() << "objects at"
                         << m_store.resourceVersion();
    }
    if (!batch.isEmpty() || firstSync) {
        // A view reacting to the batch may stop this cache: then nothing more is done with the list.
        const quint64 generation = m_generation;
        Q_EMIT objectsChanged(batch);
        if (generation != m_generation || m_state != SyncState::Listing)
            return;
    }
    if (complete)
        startWatch();
    else
        decodeNextPage();
}

void ResourceCache::startWatch()
{
    m_request.reset();
    abandonWatchDecoding();
    WatchOptions options;
    options.resourceVersion = m_store.resourceVersion();
    options.allowWatchBookmarks = true;
    if (m_watchTimeoutSeconds > 0) {
        options.timeoutSeconds = m_watchTimeoutSeconds
                                 + int(QRandomGenerator::global()->bounded(m_watchTimeoutSeconds + 1));
    }
    setState(SyncState::Watching);
    m_watchStartedMs = m_clock();
    m_idleTimer.start();
    m_request = m_listWatcher->watch(
        options, [this](const QByteArray &chunk) { watchData(chunk); },
        [this](Result<void> result) { watchEnded(std::move(result)); });
}

void ResourceCache::abandonWatchDecoding()
{
    // A fresh decoder for the next stream; a chunk of the old one still being decoded keeps the
    // old decoder alive and its result is dropped (the generation no longer matches).
    ++m_watchGeneration;
    m_decoder = std::make_shared<WatchDecoder>();
    m_undecodedWatch.clear();
    m_watchEnd.reset();
}

void ResourceCache::setWatchIdleTimeout(int milliseconds)
{
    m_idleTimer.setInterval(milliseconds);
}

void ResourceCache::watchData(const QByteArray &chunk)
{
    m_idleTimer.start();
    // Frames are decoded on a worker thread, one chunk at a time and in order, so thousands of
    // events a second do not stall the GUI thread; it only applies the decoded events.
    m_undecodedWatch += chunk;
    decodeWatchData();
}

void ResourceCache::decodeWatchData()
{
    if (m_watchDecodeBusy || m_undecodedWatch.isEmpty())
        return;
    if (!m_watchDecoding) {
        m_watchDecoding = new QFutureWatcher<WatchDecoder::Output>(this);
        connect(m_watchDecoding, &QFutureWatcher<WatchDecoder::Output>::finished, this, [this] {
            m_watchDecodeBusy = false;
            WatchDecoder::Output out = m_watchDecoding->future().takeResult();
            if (m_watchDecodingGeneration == m_watchGeneration)
                watchDecoded(std::move(out));
            else
                decodeWatchData(); // a chunk of an abandoned stream: go on with the current one
        });
    }
    m_watchDecodeBusy = true;
    m_watchDecodingGeneration = m_watchGeneration;
    m_watchDecoding->setFuture(QtConcurrent::run(
        [decoder = m_decoder, bytes = std::exchange(m_undecodedWatch, QByteArray())] {
            return decoder->feed(bytes);
        }));
}

void ResourceCache::watchDecoded(WatchDecoder::Output out)
{
    for (const WatchStreamEvent &event : out.events) {
        if (event.type == WatchStreamEvent::Type::Error) {
            handleWatchError(event.error);
            return;
        }
        m_store.apply(event, &m_batch);
        m_failures = 0;
    }
    if (out.error)
        qCWarning(lcWatch) << "undecodable watch event for" << m_key.toString() << out.error->message;
    if (!m_batch.isEmpty() && !m_flushTimer.isActive())
        m_flushTimer.start();
    if (!m_undecodedWatch.isEmpty()) {
        decodeWatchData();
    } else if (m_watchEnd) {
        // The stream ended while its last chunks were being decoded: handle the end now.
        Result<void> result = std::move(*m_watchEnd);
        m_watchEnd.reset();
        watchEnded(std::move(result));
    }
}

void ResourceCache::watchIdle()
{
    if (m_state != SyncState::Watching || !m_request)
        return;
    Error error;
    error.kind = Error::Kind::Timeout;
    error.message = tr("the watch was silent for %1 s (a lost connection?); watching again from "
                       "resourceVersion %2")
                        .arg(m_idleTimer.interval() / 1000)
                        .arg(m_store.resourceVersion());
    qCInfo(lcWatch) << m_key.toString() << error.message;
    handleWatchError(error); // not Gone: the watch resumes from where it was, no relist
}

void ResourceCache::watchEnded(Result<void> result)
{
    m_idleTimer.stop();
    m_request.reset();
    if (m_watchDecodeBusy || !m_undecodedWatch.isEmpty()) {
        m_watchEnd = std::move(result); // after the events still being decoded
        return;
    }
    if (!result) {
        handleWatchError(result.error());
        return;
    }
    // The server ended the watch (timeoutSeconds): renew it from where we are. A watch that ends
    // at once again and again is treated as a failure so we do not spin.
    if (m_clock() - m_watchStartedMs < 1000 && ++m_failures > 1) {
        retryAfterBackoff(Error::invalid(QStringLiteral("watch closed immediately")), false);
        return;
    }
    startWatch();
}

void ResourceCache::handleWatchError(const Error &error)
{
    m_idleTimer.stop();
    m_request.reset();
    abandonWatchDecoding();
    if (isGone(error)) {
        qCDebug(lcWatch) << "watch expired for" << m_key.toString() << "- relisting";
        startList();
        return;
    }
    retryAfterBackoff(error, false);
}

void ResourceCache::retryAfterBackoff(const Error &error, bool relist)
{
    m_request.reset();
    abandonPages();
    ++m_generation; // pages of the failed list still being decoded are dropped
    m_undecoded.clear();
    m_lastError = error;
    if (error.httpStatus == 403) {
        // RBAC says no: asking again every few seconds would only repeat it (and fill the log).
        qCInfo(lcWatch) << m_key.toString() << "forbidden:" << error.toString();
        setState(SyncState::Forbidden);
        return;
    }
    m_retryRelist = relist || !m_hasSynced;
    if (isGone(error))
        m_retryRelist = true;
    const int exponent = std::min(m_failures, 16);
    ++m_failures;
    const qint64 base = std::min<qint64>(qint64(m_backoffInitialMs) << exponent, m_backoffMaxMs);
    const qint64 jitter = base > 0 ? QRandomGenerator::global()->bounded(base + 1) : 0;
    const qint64 delay = std::min<qint64>(base + jitter, m_backoffMaxMs);
    qCInfo(lcWatch) << "retrying" << m_key.toString() << "in" << delay << "ms after"
                    << error.toString();
    setState(SyncState::Backoff);
    m_retryTimer.start(int(delay));
}

void ResourceCache::flush()
{
    if (m_batch.isEmpty())
        return;
    ChangeBatch batch = std::move(m_batch);
    m_batch = ChangeBatch();
    Q_EMIT objectsChanged(batch);
}

} // namespace Qluster
