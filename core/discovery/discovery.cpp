// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "discovery.h"

#include "discoveryparser.h"

#include "cache/connectionlistwatcher.h"
#include "cache/resourcecache.h"
#include "net/connection.h"
#include "util/logging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace Qluster {

namespace {

const QString kApi = QStringLiteral("/api");
const QString kApis = QStringLiteral("/apis");

bool isAggregatedBody(const QByteArray &body)
{
    // Cheap check before a full parse: aggregated documents say so in their kind.
    return body.contains("APIGroupDiscoveryList");
}

QString groupVersionPath(const QString &group, const QString &version)
{
    if (group.isEmpty())
        return kApi + QLatin1Char('/') + version;
    return kApis + QLatin1Char('/') + group + QLatin1Char('/') + version;
}

} // namespace

Discovery::Discovery(Connection *connection, const QString &cacheDirectory, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{
    QString dir = cacheDirectory;
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/discovery");
    const QByteArray server = connection ? connection->server().toString().toUtf8() : QByteArray();
    m_cacheFile = dir + QLatin1Char('/')
                  + QString::fromLatin1(QCryptographicHash::hash(server, QCryptographicHash::Sha256).toHex().left(24))
                  + QStringLiteral(".json");
    m_changeTimer.setSingleShot(true);
    m_changeTimer.setInterval(500);
    connect(&m_changeTimer, &QTimer::timeout, this, &Discovery::refresh);
}

Discovery::~Discovery()
{
    // Before the connection they use can go away with the members.
    qDeleteAll(std::exchange(m_changeWatches, {}));
}

QByteArray Discovery::aggregatedAccept()
{
    return QByteArrayLiteral("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
                             "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,"
                             "application/json");
}

bool Discovery::loadCache()
{
    QFile file(m_cacheFile);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject docs = root.value(QLatin1String("documents")).toObject();
    QHash<QString, Document> documents;
    for (auto it = docs.begin(); it != docs.end(); ++it) {
        const QJsonObject d = it.value().toObject();
        documents.insert(it.key(), Document{d.value(QLatin1String("etag")).toString().toLatin1(),
                                            d.value(QLatin1String("body")).toString().toUtf8()});
    }
    const bool aggregated = root.value(QLatin1String("aggregated")).toBool();
    if (!buildFromDocuments(documents, aggregated)) {
        qCInfo(lcDiscovery) << "ignoring unusable discovery cache" << m_cacheFile;
        return false;
    }
    m_documents = documents;
    return true;
}

bool Discovery::buildFromDocuments(const QHash<QString, Document> &documents, bool aggregated,
                                   const QSet<QString> &stale)
{
    QList<ApiGroup> groups;
    if (aggregated) {
        for (const QString &path : {kApi, kApis}) {
            auto parsed = DiscoveryParser::parseAggregated(documents.value(path).body, path);
            if (!parsed)
                return false;
            groups.append(*parsed);
        }
    } else {
        auto versions = DiscoveryParser::parseApiVersions(documents.value(kApi).body, kApi);
        auto list = DiscoveryParser::parseApiGroupList(documents.value(kApis).body, kApis);
        if (!versions || !list)
            return false;
        ApiGroup core;
        for (const QString &v : *versions)
            core.versions.append(ApiGroupVersion{v, false, {}});
        core.preferredVersion = versions->isEmpty() ? QString() : versions->first();
        groups.append(core);
        groups.append(*list);
        for (ApiGroup &g : groups) {
            for (ApiGroupVersion &v : g.versions) {
                const QString path = groupVersionPath(g.name, v.version);
                if (!documents.contains(path)) {
                    v.stale = true;
                    continue;
                }
                auto parsed = DiscoveryParser::parseApiResourceList(documents.value(path).body, path);
                if (!parsed) {
                    v.stale = true;
                    continue;
                }
                v.resources = parsed->resources;
                v.stale = stale.contains(path);
            }
        }
    }
    publish(groups, aggregated);
    return true;
}

void Discovery::fetch(const QString &path, bool aggregated, std::function<void(Result<QByteArray>)> done)
{
    if (!m_connection) {
        Error e;
        e.kind = Error::Kind::Cancelled;
        e.message = QStringLiteral("the connection was closed");
        done(fail(e));
        return;
    }
    ApiRequest request = ApiRequest::raw(path);
    request.accept = aggregated ? aggregatedAccept() : QByteArrayLiteral("application/json");
    const Document cached = m_documents.value(path);
    if (!cached.etag.isEmpty())
        request.headers.append({QByteArrayLiteral("If-None-Match"), cached.etag});
    const quint64 generation = m_generation;
    m_connection->send(request, this, [this, path, cached, generation, done = std::move(done)](
                                          const Result<ApiResponse> &result) {
        if (generation != m_generation)
            return;
        if (!result) {
            // 304 Not Modified: what we have is still current (KEP-3352 ETag revalidation).
            if (result.error().httpStatus == 304 && !cached.body.isEmpty()) {
                ++m_notModified;
                m_fetched.insert(path, cached);
                done(cached.body);
                return;
            }
            done(fail(result.error()));
            return;
        }
        Document doc{result->header("ETag"), result->body};
        m_fetched.insert(path, doc);
        done(result->body);
    });
}

void Discovery::refresh()
{
    ++m_generation;
    m_fetched.clear();
    m_failed.clear();
    m_pending = 2;
    auto rootDone = [this](const QString &path) {
        return [this, path](Result<QByteArray> body) {
            if (!body)
                m_failed.insert(path, body.error());
            if (--m_pending == 0)
                rootsFetched();
        };
    };
    fetch(kApi, true, rootDone(kApi));
    fetch(kApis, true, rootDone(kApis));
}

void Discovery::rootsFetched()
{
    for (const QString &path : {kApi, kApis}) {
        if (m_failed.contains(path)) {
            const Error error = m_failed.value(path);
            qCWarning(lcDiscovery) << "discovery failed:" << error.toString();
            Q_EMIT refreshFailed(error);
            return;
        }
    }
    const bool aggregated = isAggregatedBody(m_fetched.value(kApi).body)
                            && isAggregatedBody(m_fetched.value(kApis).body);
    if (aggregated) {
        QList<ApiGroup> groups;
        for (const QString &path : {kApi, kApis}) {
            auto parsed = DiscoveryParser::parseAggregated(m_fetched.value(path).body, path);
            if (!parsed) {
                Q_EMIT refreshFailed(parsed.error());
                return;
            }
            groups.append(*parsed);
        }
        m_documents = m_fetched;
        publish(groups, true);
        saveCache();
        Q_EMIT refreshed();
        return;
    }
    fetchGroupVersions();
}

void Discovery::fetchGroupVersions()
{
    // A server without aggregated discovery (or one that answered plain JSON): read /api and /apis
    // as APIVersions and APIGroupList and fetch every group-version document in parallel.
    auto versions = DiscoveryParser::parseApiVersions(m_fetched.value(kApi).body, kApi);
    auto list = DiscoveryParser::parseApiGroupList(m_fetched.value(kApis).body, kApis);
    if (!versions || !list) {
        Q_EMIT refreshFailed(!versions ? versions.error() : list.error());
        return;
    }
    QStringList paths;
    for (const QString &v : *versions)
        paths.append(groupVersionPath(QString(), v));
    for (const ApiGroup &g : *list) {
        for (const ApiGroupVersion &v : g.versions)
            paths.append(groupVersionPath(g.name, v.version));
    }
    if (paths.isEmpty()) {
        finishUnaggregated();
        return;
    }
    m_pending = int(paths.size());
    for (const QString &path : std::as_const(paths)) {
        fetch(path, false, [this, path](Result<QByteArray> body) {
            if (!body) {
                // One failing group-version (an unreachable aggregated APIService) must not hide
                // the others: it is marked stale, as aggregated discovery would.
                qCInfo(lcDiscovery) << "group-version unavailable:" << path << body.error().toString();
                m_failed.insert(path, body.error());
            }
            if (--m_pending == 0)
                finishUnaggregated();
        });
    }
}

void Discovery::finishUnaggregated()
{
    QHash<QString, Document> documents = m_fetched;
    // A group-version that failed this time keeps its last good document (its kinds stay in the
    // tree, marked stale, as aggregated discovery's freshness: Stale does); one never fetched
    // successfully is stale and empty.
    QSet<QString> stale;
    for (auto it = m_failed.cbegin(); it != m_failed.cend(); ++it) {
        stale.insert(it.key());
        documents.remove(it.key());
        if (m_documents.contains(it.key()))
            documents.insert(it.key(), m_documents.value(it.key()));
    }
    if (!buildFromDocuments(documents, false, stale)) {
        Q_EMIT refreshFailed(Error::invalid(QStringLiteral("unusable discovery documents")));
        return;
    }
    m_documents = documents;
    saveCache();
    Q_EMIT refreshed();
}

void Discovery::publish(QList<ApiGroup> groups, bool aggregated)
{
    DiscoverySnapshot next(std::move(groups));
    m_aggregated = aggregated;
    if (next == m_snapshot)
        return;
    m_snapshot = std::move(next);
    updateChangeWatches();
    Q_EMIT snapshotChanged();
}

void Discovery::saveCache() const
{
    QDir().mkpath(QFileInfo(m_cacheFile).absolutePath());
    QJsonObject docs;
    for (auto it = m_documents.cbegin(); it != m_documents.cend(); ++it) {
        docs.insert(it.key(), QJsonObject{{QStringLiteral("etag"), QString::fromLatin1(it->etag)},
                                          {QStringLiteral("body"), QString::fromUtf8(it->body)}});
    }
    const QJsonObject root{{QStringLiteral("aggregated"), m_aggregated},
                           {QStringLiteral("documents"), docs}};
    QSaveFile file(m_cacheFile);
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcDiscovery) << "cannot write discovery cache" << m_cacheFile;
        return;
    }
    file.write(QJsonDocument(root).toJson(QJsonDocument::Compact));
    if (!file.commit())
        qCWarning(lcDiscovery) << "cannot write discovery cache" << m_cacheFile;
}

void Discovery::setWatchChanges(bool enabled)
{
    m_watchChanges = enabled;
    m_refusedWatches.clear();
    updateChangeWatches();
}

bool Discovery::isWatchRefused(const Gvr &gvr) const
{
    return m_refusedWatches.contains(gvr);
}

bool Discovery::isWatching(const Gvr &gvr) const
{
    const ResourceCache *cache = m_changeWatches.value(gvr);
    return cache && cache->syncState() == ResourceCache::SyncState::Watching;
}

void Discovery::updateChangeWatches()
{
    static const Gvr kWatched[] = {
        {QStringLiteral("apiextensions.k8s.io"), QStringLiteral("v1"),
         QStringLiteral("customresourcedefinitions")},
        {QStringLiteral("apiregistration.k8s.io"), QStringLiteral("v1"), QStringLiteral("apiservices")},
    };
    for (const Gvr &gvr : kWatched) {
        const ApiResource *served = m_snapshot.resource(gvr);
        const bool wanted = m_watchChanges && m_connection && served && served->isListable()
                            && served->supports(QStringLiteral("watch"))
                            && !m_refusedWatches.contains(gvr);
        if (!wanted) {
            delete m_changeWatches.take(gvr);
            continue;
        }
        if (m_changeWatches.contains(gvr))
            continue;
        const CacheKey key{QStringLiteral("discovery"), gvr, QString(), QString(), QString()};
        auto *cache = new ResourceCache(
            key, std::make_unique<ConnectionListWatcher>(m_connection.data(), key, false), this);
        m_changeWatches.insert(gvr, cache);
        auto firstList = std::make_shared<bool>(true);
        connect(cache, &ResourceCache::objectsChanged, this,
                [this, firstList](const ChangeBatch &batch) {
                    // The first list is the state discovery already reflects; later changes are
                    // news. A relist after 410 reconciles, so its batch only holds real changes.
                    if (std::exchange(*firstList, false))
                        return;
                    if (!batch.changes.empty())
                        m_changeTimer.start();
                });
        connect(cache, &ResourceCache::syncStateChanged, this,
                [this, cache, gvr](ResourceCache::SyncState state) {
                    // A user who may not list CRDs or APIServices (RBAC) gets the tree without
                    // live refresh, not a request every 30 s that can never succeed. A 401 is
                    // retried: credentials get refreshed (exec plugin, token file, OIDC).
                    const int status = cache->lastError().httpStatus;
                    const bool refused = state == ResourceCache::SyncState::Forbidden
                        || (state == ResourceCache::SyncState::Backoff && status == 404);
                    if (!refused)
                        return;
                    qCInfo(lcDiscovery) << "not watching" << gvr.resource << "for changes:"
                                        << cache->lastError().toString();
                    m_refusedWatches.insert(gvr);
                    m_changeWatches.remove(gvr);
                    cache->stop();
                    cache->deleteLater(); // it is emitting this signal
                });
        cache->start();
    }
}

} // namespace Qluster
