// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "resourcehandlers.h"

#include "apistatus.h"
#include "faultinjector.h"
#include "fieldselector.h"
#include "jsonpatch.h"
#include "listoptions.h"
#include "openapiregistry.h"
#include "podlogs.h"
#include "resourcewriter.h"
#include "sandboxcontext.h"
#include "sandboxobjects.h"
#include "serversideapply.h"
#include "strategicpatch.h"
#include "tableprinter.h"
#include "api/labelselector.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace Qluster {

using namespace SandboxObjects;

namespace {

// The manager recorded for a write: ?fieldManager=, else the User-Agent's program name, as the
// apiserver defaults it ("kubectl/v1.32.4 (linux/amd64) ..." -> "kubectl").
QString fieldManagerOf(const HttpRequest &request)
{
    const QString explicitManager = request.queryValue("fieldManager");
    if (!explicitManager.isEmpty())
        return explicitManager;
    const QString agent = QString::fromUtf8(request.header("user-agent")).section(QLatin1Char('/'), 0, 0).trimmed();
    return agent.isEmpty() ? QStringLiteral("unknown") : agent;
}

} // namespace

ResourceHandlers::ResourceHandlers(SandboxContext &context)
    : m_ctx(context)
{
}

void ResourceHandlers::handleGet(SandboxRequest &r, const SandboxResourcePath &p)
{
    const ResourceType &type = *p.type;
    const QJsonObject *object = m_ctx.store.get(m_ctx.storageGvr(type), type.namespaced ? p.namespaceName : QString(), p.name);
    if (!object) {
        m_ctx.sendStatus(r, ApiStatus::notFound(type.plural, p.name, type.group));
        return;
    }
    const QJsonObject o = m_ctx.presentObject(type, *object);
    if (wantsTable(r.http)) {
        const auto include = TablePrinter::parseIncludeObject(r.http.queryValue("includeObject"));
        const QJsonArray rows{TablePrinter::row(type, o, include, QDateTime::currentDateTimeUtc())};
        m_ctx.sendJson(r, 200, TablePrinter::table(type, rows,
                                                   QJsonObject{{QStringLiteral("resourceVersion"),
                                                                metaString(o, QLatin1String("resourceVersion"))}}));
        return;
    }
    m_ctx.sendJson(r, 200, o);
}

void ResourceHandlers::handleList(SandboxRequest &r, const SandboxResourcePath &p)
{
    const ResourceType &type = *p.type;
    const auto selectors = m_ctx.selectors(r, type);
    if (!selectors)
        return;
    bool limitOk = false;
    qint64 limit = r.http.queryValue("limit").toLongLong(&limitOk);
    if (!limitOk || limit <= 0)
        limit = 0;
    const auto read = ListRead::parse(r.http.queryValue("resourceVersion"),
                                      r.http.queryValue("resourceVersionMatch"),
                                      r.http.queryValue("continue"), limit);
    if (!read) {
        m_ctx.sendStatus(r, read.error());
        return;
    }
    if (read->fromWatchCache)
        limit = 0;

    // Every page of one list is served from the same snapshot of the collection: the version of
    // the first page, as etcd serves continue pages at the first page's revision.
    const Gvr gvr = m_ctx.storageGvr(type);
    const QString prefix = type.namespaced && !p.namespaceName.isEmpty() ? p.namespaceName + QLatin1Char('/') : QString();
    const qint64 current = m_ctx.store.resourceVersion();
    ObjectStore::Snapshot snapshot;
    bool retained = false;
    QString startKey;
    qint64 offset = 0;
    switch (read->source) {
    case ListRead::Source::Latest:
        if (read->minimumResourceVersion > current) {
            m_ctx.sendStatus(r, ListStatus::tooLarge(read->minimumResourceVersion, current, read->fromWatchCache ? 1 : 0));
            return;
        }
        snapshot = m_ctx.store.snapshot(gvr);
        break;
    case ListRead::Source::Exact: {
        if (read->resourceVersion > current) {
            m_ctx.sendStatus(r, ListStatus::futureRevision());
            return;
        }
        auto at = m_ctx.store.snapshotAt(gvr, read->resourceVersion);
        if (!at) {
            m_ctx.sendStatus(r, ListStatus::tooOld());
            return;
        }
        snapshot = std::move(*at);
        break;
    }
    case ListRead::Source::Continue: {
        const ContinueToken &token = read->token;
        startKey = prefix + token.start;
        if (token.resourceVersion < 0) {
            // After a 410 the client may go on at the latest version (an inconsistent list).
            snapshot = m_ctx.store.snapshot(gvr);
            const auto &objects = *snapshot.objects;
            offset = std::distance(prefix.isEmpty() ? objects.begin() : objects.lower_bound(prefix),
                                   objects.lower_bound(startKey));
            break;
        }
        if (token.resourceVersion > current) {
            m_ctx.sendStatus(r, ListStatus::futureRevision());
            return;
        }
        // The fault knob expires the next continue tokens as a compaction would.
        const bool injected = m_ctx.faults->continueExpiryPending();
        auto at = injected ? Result<ObjectStore::Snapshot>(fail(Error::http(410, QStringLiteral("Expired"), QString())))
                           : m_ctx.store.snapshotAt(gvr, token.resourceVersion);
        if (!at) {
            if (injected)
                m_ctx.faults->consumeContinueExpiry();
            m_ctx.store.releaseSnapshot(gvr, token.resourceVersion);
            m_ctx.sendStatus(r, ListStatus::inconsistentContinue(token));
            return;
        }
        snapshot = std::move(*at);
        retained = m_ctx.store.isSnapshotRetained(gvr, token.resourceVersion);
        offset = qMax<qint64>(0, token.offset);
        break;
    }
    }

    const auto &objects = *snapshot.objects;
    auto it = !startKey.isEmpty() ? objects.lower_bound(startKey)
                                  : prefix.isEmpty() ? objects.begin() : objects.lower_bound(prefix);
    const bool filtered = !selectors->isEmpty();
    // The page is chosen first, its items printed after: the envelope (with the continue token)
    // can then be sent before the rows are built.
    std::vector<const QJsonObject *> selected;
    qint64 scanned = 0;
    QString lastKey;
    bool more = false;
    for (; it != objects.end(); ++it) {
        if (!prefix.isEmpty() && !it->first.startsWith(prefix))
            break;
        if (limit > 0 && qint64(selected.size()) >= limit) {
            // Like etcd: any further key in the range means another page, even if the selector
            // will drop it (that page may then be empty).
            more = true;
            break;
        }
        ++scanned;
        const QJsonObject &o = it->second;
        if (filtered) {
            if (!selectors->matches(o))
                continue;
        }
        selected.push_back(&o);
        lastKey = it->first;
    }
    QJsonObject listMeta{{QStringLiteral("resourceVersion"), QString::number(snapshot.resourceVersion)}};
    if (more) {
        ContinueToken next;
        next.resourceVersion = snapshot.resourceVersion;
        next.start = lastKey.mid(prefix.size()) + QChar(0);
        next.offset = offset + scanned;
        listMeta.insert(QStringLiteral("continue"), next.encode());
        if (!filtered) {
            // Counted, not scanned: the size of the listed range minus what pages returned.
            const qsizetype total = snapshot.count(prefix.isEmpty() ? QString() : p.namespaceName);
            listMeta.insert(QStringLiteral("remainingItemCount"), qMax<qint64>(0, total - next.offset));
        }
        if (!retained)
            m_ctx.store.retainSnapshot(snapshot);
    } else if (read->source == ListRead::Source::Continue && read->token.resourceVersion > 0) {
        // The last page of a list: its snapshot is no longer needed.
        m_ctx.store.releaseSnapshot(gvr, snapshot.resourceVersion);
    }
    const bool table = wantsTable(r.http);
    // Items are serialized one by one between the envelope's two halves: with 100,000 objects
    // this avoids building (and copying) one huge QJsonArray. The envelope is written in the real
    // server's order (kind, apiVersion, metadata, then the items), not QJsonObject's sorted one,
    // so that the continue token comes before the items.
    QByteArray head;
    if (table) {
        // QJsonObject writes its keys sorted, so "rows" comes last: the head is all but "]}".
        const QByteArray empty = compact(TablePrinter::table(type, QJsonArray{}, listMeta));
        Q_ASSERT(empty.endsWith("\"rows\":[]}"));
        head = empty.chopped(2);
    } else {
        const auto jsonString = [](const QString &text) {
            return QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
        };
        head = "{\"kind\":" + jsonString(type.listKind()) + ",\"apiVersion\":" + jsonString(type.groupVersion())
               + ",\"metadata\":" + compact(listMeta) + ",\"items\":[";
    }
    const QByteArray tail = "]}";
    const auto include = TablePrinter::parseIncludeObject(r.http.queryValue("includeObject"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto appendItem = [&](QByteArray &out, const QJsonObject &o) {
        if (table) {
            out += compact(TablePrinter::row(type, m_ctx.presentObject(type, o), include, now));
        } else if (type.isCustom) {
            out += compact(o);
        } else {
            QJsonObject item = type.group == QLatin1String("autoscaling") ? m_ctx.presentObject(type, o) : o;
            item.remove(QStringLiteral("kind"));
            item.remove(QStringLiteral("apiVersion"));
            out += compact(item);
        }
    };
    // Large lists are streamed, envelope first, as an apiserver's response is written while it is
    // encoded: a client learns the continue token (and asks for the next page) while the rows are
    // still being printed, instead of after the whole page. (Not when a fault cuts the body.)
    constexpr size_t kStreamFrom = 100;
    constexpr qsizetype kChunkBytes = 256 * 1024;
    if (selected.size() < kStreamFrom || m_ctx.faults->truncationPending() || !r.connection) {
        QByteArray out = head;
        for (size_t i = 0; i < selected.size(); ++i) {
            if (i > 0)
                out += ',';
            appendItem(out, *selected[i]);
        }
        m_ctx.sendBytes(r, 200, "application/json", out + tail);
        return;
    }
    r.status = 200;
    r.connection->beginStream(200, {{"Content-Type", "application/json"},
                                    {"Cache-Control", "no-cache, private"},
                                    {"Audit-Id", QUuid::createUuid().toByteArray(QUuid::WithoutBraces)}});
    r.connection->writeChunk(head);
    QByteArray chunk;
    for (size_t i = 0; i < selected.size(); ++i) {
        if (i > 0)
            chunk += ',';
        appendItem(chunk, *selected[i]);
        if (chunk.size() >= kChunkBytes) {
            r.connection->writeChunk(chunk);
            chunk.clear();
        }
    }
    r.connection->writeChunk(chunk + tail);
    r.connection->endStream();
    Q_EMIT m_ctx.server.requestHandled(QString::fromLatin1(r.http.method), r.http.path, 200);
}

void ResourceHandlers::handleCreate(SandboxRequest &r, const SandboxResourcePath &p)
{
    auto body = m_ctx.parseBody(r);
    if (!body) {
        m_ctx.sendError(r, body.error());
        return;
    }
    const bool dryRun = r.http.queryValue("dryRun") == QLatin1String("All");
    auto created = m_ctx.writer->createInternal(*p.type, p.namespaceName, *body, fieldManagerOf(r.http), dryRun);
    if (!created) {
        m_ctx.sendStatus(r, created.error());
        return;
    }
    m_ctx.sendJson(r, 201, *created);
}

void ResourceHandlers::handleUpdate(SandboxRequest &r, const SandboxResourcePath &p)
{
    auto body = m_ctx.parseBody(r);
    if (!body) {
        m_ctx.sendError(r, body.error());
        return;
    }
    const bool dryRun = r.http.queryValue("dryRun") == QLatin1String("All");
    auto updated = m_ctx.writer->updateInternal(*p.type, p.namespaceName, p.name, *body, p.subresource, dryRun, fieldManagerOf(r.http));
    if (!updated) {
        m_ctx.sendStatus(r, updated.error());
        return;
    }
    m_ctx.sendJson(r, 200, *updated);
}

void ResourceHandlers::handleDelete(SandboxRequest &r, const SandboxResourcePath &p)
{
    bool dryRun = r.http.queryValue("dryRun") == QLatin1String("All");
    if (!r.http.body.trimmed().isEmpty()) {
        const QJsonObject options = QJsonDocument::fromJson(r.http.body).object();
        for (const QJsonValue &v : options.value(QLatin1String("dryRun")).toArray())
            dryRun = dryRun || v.toString() == QLatin1String("All");
        const QJsonObject pre = options.value(QLatin1String("preconditions")).toObject();
        if (!pre.isEmpty()) {
            const QJsonObject *current = m_ctx.store.get(m_ctx.storageGvr(*p.type), p.type->namespaced ? p.namespaceName : QString(), p.name);
            if (current && ((pre.contains(QLatin1String("uid")) && pre.value(QLatin1String("uid")) != metaOf(*current).value(QLatin1String("uid")))
                            || (pre.contains(QLatin1String("resourceVersion"))
                                && pre.value(QLatin1String("resourceVersion")) != metaOf(*current).value(QLatin1String("resourceVersion"))))) {
                m_ctx.sendStatus(r, ApiStatus::conflict(p.type->plural, p.name, p.type->group));
                return;
            }
        }
    }
    auto deleted = m_ctx.writer->deleteInternal(*p.type, p.namespaceName, p.name, dryRun);
    if (!deleted) {
        m_ctx.sendStatus(r, deleted.error());
        return;
    }
    m_ctx.sendJson(r, 200, *deleted);
}

void ResourceHandlers::handleDeleteCollection(SandboxRequest &r, const SandboxResourcePath &p)
{
    const ResourceType type = *p.type;
    const auto selectors = m_ctx.selectors(r, type);
    if (!selectors)
        return;
    const bool dryRun = r.http.queryValue("dryRun") == QLatin1String("All");
    const auto &objects = m_ctx.store.objects(m_ctx.storageGvr(type));
    const QString prefix = type.namespaced && !p.namespaceName.isEmpty() ? p.namespaceName + QLatin1Char('/') : QString();
    QList<QPair<QString, QString>> targets;
    for (auto it = prefix.isEmpty() ? objects.begin() : objects.lower_bound(prefix); it != objects.end(); ++it) {
        if (!prefix.isEmpty() && !it->first.startsWith(prefix))
            break;
        if (selectors->matches(it->second))
            targets.append({metaString(it->second, kNamespace), metaString(it->second, kName)});
    }
    QJsonArray items;
    for (const auto &[ns, name] : targets) {
        auto deleted = m_ctx.writer->deleteInternal(type, ns, name, dryRun);
        if (deleted)
            items.append(*deleted);
    }
    m_ctx.sendJson(r, 200, QJsonObject{{QStringLiteral("kind"), type.listKind()},
                                       {QStringLiteral("apiVersion"), type.groupVersion()},
                                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("resourceVersion"), QString::number(m_ctx.store.resourceVersion())}}},
                                       {QStringLiteral("items"), items}});
}

StatusOr ResourceHandlers::applyPatch(const ResourceType &type, const QJsonObject &current,
                                              const QByteArray &contentType, const QByteArray &patchBody) const
{
    auto badPatch = [](const QString &why) {
        return std::unexpected(ApiStatus::badRequest(why));
    };
    if (contentType == "application/json-patch+json") {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(patchBody, &error);
        if (error.error != QJsonParseError::NoError || !doc.isArray())
            return badPatch(QStringLiteral("the JSON patch is not a JSON array: %1").arg(error.errorString()));
        auto result = applyJsonPatch(current, doc.array());
        if (!result)
            return std::unexpected(ApiStatus::failure(422, QStringLiteral("Invalid"), result.error().message));
        return result->toObject();
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(patchBody, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        // Valid JSON that is not an object (kubectl sends a YAML scalar such as `-p 'x'` as a
        // JSON string): the apiserver's decoder into a map says what it got.
        const QJsonDocument wrapped = QJsonDocument::fromJson("[" + patchBody + "]");
        if (error.error == QJsonParseError::NoError || (wrapped.isArray() && wrapped.array().size() == 1)) {
            const QJsonValue v = doc.isArray() ? QJsonValue(doc.array()) : wrapped.array().at(0);
            const QString got = v.isString() ? QStringLiteral("string") : v.isDouble() ? QStringLiteral("number")
                              : v.isBool() ? QStringLiteral("bool") : v.isArray() ? QStringLiteral("array") : QString();
            if (!got.isEmpty())
                return badPatch(QStringLiteral("json: cannot unmarshal %1 into Go value of type map[string]interface {}").arg(got));
        }
        return badPatch(QStringLiteral("the patch is not a JSON object: %1").arg(error.errorString()));
    }
    const QJsonObject patch = doc.object();
    if (contentType == "application/merge-patch+json") {
        auto result = applyMergePatch(current, patch);
        if (!result)
            return badPatch(result.error().message);
        return result->toObject();
    }
    // Strategic merge, with the patch metadata of the schema (merge keys, strategies).
    const auto lookup = m_ctx.openApi->patchMetaLookup(type.gvk());
    const NoPatchMeta none;
    auto result = applyStrategicMergePatch(current, patch, lookup ? *lookup : static_cast<const PatchMetaLookup &>(none));
    if (!result)
        return badPatch(result.error().message);
    return result->toObject();
}

void ResourceHandlers::handlePatch(SandboxRequest &r, const SandboxResourcePath &p)
{
    const ResourceType &type = *p.type;
    const QByteArray contentType = r.http.header("content-type").split(';').value(0).trimmed().toLower();
    const bool apply = contentType == "application/apply-patch+yaml";
    const bool supported = contentType == "application/json-patch+json" || contentType == "application/merge-patch+json"
                           || (contentType == "application/strategic-merge-patch+json" && !type.isCustom) || apply;
    if (!supported) {
        // Built-in resources are routed by go-restful, which refuses a content type no PATCH route
        // consumes with its own terse text; custom resources are served by the apiextensions
        // handler, whose patch handler names the accepted types (strategic merge is not one).
        const QString message = type.isCustom
                                    ? QStringLiteral("the body of the request was in an unknown format - accepted media types include: "
                                                     "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml")
                                    : QStringLiteral("415: Unsupported Media Type");
        m_ctx.sendStatus(r, ApiStatus::failure(415, QStringLiteral("UnsupportedMediaType"), message));
        return;
    }
    const QString fieldManager = apply ? r.http.queryValue("fieldManager") : fieldManagerOf(r.http);
    if (apply && fieldManager.isEmpty()) {
        m_ctx.sendStatus(r, ApiStatus::badRequest(QStringLiteral("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch")));
        return;
    }
    const bool dryRun = r.http.queryValue("dryRun") == QLatin1String("All");
    const QString ns = type.namespaced ? p.namespaceName : QString();
    const QJsonObject *current = m_ctx.store.get(m_ctx.storageGvr(type), ns, p.name);
    if (apply) {
        auto applied = m_ctx.parseBody(r);
        if (!applied) {
            m_ctx.sendError(r, applied.error());
            return;
        }
        if (!current && !p.subresource.isEmpty()) {
            m_ctx.sendStatus(r, ApiStatus::notFound(type.plural, p.name, type.group));
            return;
        }
        const auto lookup = m_ctx.openApi->patchMetaLookup(type.gvk());
        const NoPatchMeta none;
        ApplyOptions options;
        options.fieldManager = fieldManager;
        options.force = isTrue(r.http.queryValue("force"));
        options.apiVersion = type.groupVersion();
        options.subresource = p.subresource;
        if (p.subresource.isEmpty() && type.hasStatus)
            options.resetFields = {QStringLiteral("status")};
        else if (p.subresource == QLatin1String("status"))
            options.resetFields = {QStringLiteral("spec")};
        const QJsonObject live = current ? m_ctx.presentObject(type, *current) : QJsonObject{};
        auto merged = serverSideApply(live, *applied, lookup ? *lookup : static_cast<const PatchMetaLookup &>(none), options);
        if (!merged) {
            m_ctx.sendError(r, merged.error());
            return;
        }
        QJsonObject object = *merged;
        if (!current) {
            // Server-side apply creates what does not exist yet.
            setMeta(object, QStringLiteral("name"), p.name);
            auto created = m_ctx.writer->createInternal(type, p.namespaceName, object, QString(), dryRun);
            if (!created) {
                m_ctx.sendStatus(r, created.error());
                return;
            }
            m_ctx.sendJson(r, 201, *created);
            return;
        }
        // Applied configurations carry no resourceVersion precondition unless they set one.
        if (!metaOf(*applied).contains(QLatin1String("resourceVersion")))
            setMeta(object, QStringLiteral("resourceVersion"), metaString(*current, QLatin1String("resourceVersion")));
        auto updated = m_ctx.writer->updateInternal(type, p.namespaceName, p.name, object, p.subresource, dryRun);
        if (!updated) {
            m_ctx.sendStatus(r, updated.error());
            return;
        }
        m_ctx.sendJson(r, 200, *updated);
        return;
    }
    if (!current) {
        m_ctx.sendStatus(r, ApiStatus::notFound(type.plural, p.name, type.group));
        return;
    }
    auto patched = applyPatch(type, m_ctx.presentObject(type, *current), contentType, r.http.body);
    if (!patched) {
        m_ctx.sendStatus(r, patched.error());
        return;
    }
    auto updated = m_ctx.writer->updateInternal(type, p.namespaceName, p.name, *patched, p.subresource, dryRun, fieldManagerOf(r.http));
    if (!updated) {
        m_ctx.sendStatus(r, updated.error());
        return;
    }
    m_ctx.sendJson(r, 200, *updated);
}

} // namespace Qluster
