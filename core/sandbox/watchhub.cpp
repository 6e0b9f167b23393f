// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "watchhub.h"

#include "apistatus.h"
#include "fieldselector.h"
#include "listoptions.h"
#include "openapiregistry.h"
#include "sandboxcontext.h"
#include "sandboxobjects.h"
#include "tableprinter.h"
#include "api/labelselector.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTimer>

namespace Qluster {

using namespace SandboxObjects;

struct WatchHub::WatchSession
{
    QPointer<HttpConnection> connection;
    ResourceType type;
    Gvr gvr;
    QString namespaceName;
    SandboxContext::Selectors selectors;
    bool table = false;
    TablePrinter::IncludeObject include = TablePrinter::IncludeObject::Metadata;
    bool firstTable = true;
    int watcherId = 0;
    QTimer *timeout = nullptr;  // owned
    QTimer *bookmark = nullptr; // owned
};

WatchHub::WatchHub(SandboxContext &context, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
{
}

WatchHub::~WatchHub()
{
    qDeleteAll(m_watches);
}

void WatchHub::connectionClosed(HttpConnection *connection)
{
    if (WatchSession *w = m_watches.take(connection))
        retireWatch(w);
}

void WatchHub::handleWatch(SandboxRequest &r, const SandboxResourcePath &p)
{
    const ResourceType &type = *p.type;
    const auto selectors = m_ctx.selectors(r, type);
    if (!selectors)
        return;
    auto *w = new WatchSession;
    w->connection = r.connection;
    w->type = type;
    w->gvr = m_ctx.storageGvr(type);
    w->namespaceName = type.namespaced ? p.namespaceName : QString();
    w->selectors = *selectors;
    w->table = wantsTable(r.http);
    w->include = TablePrinter::parseIncludeObject(r.http.queryValue("includeObject"));
    r.status = 200;
    r.connection->beginStream(200, {{"Content-Type", "application/json"},
                                    {"Cache-Control", "no-cache, private"}});
    Q_EMIT m_ctx.server.requestHandled(QString::fromLatin1(r.http.method), r.http.path, 200);

    auto encode = [this, w](const QString &eventType, const QJsonObject &object) {
        QJsonObject payload = object;
        if (w->table) {
            if (object.value(QLatin1String("kind")).toString() == QLatin1String("Status")) {
                payload = object;
            } else {
                const QJsonArray rows{TablePrinter::row(w->type, object, w->include, QDateTime::currentDateTimeUtc())};
                payload = TablePrinter::table(w->type, rows,
                                              QJsonObject{{QStringLiteral("resourceVersion"),
                                                           metaString(object, QLatin1String("resourceVersion"))}});
                if (!w->firstTable)
                    payload.insert(QStringLiteral("columnDefinitions"), QJsonValue::Null);
                w->firstTable = false;
            }
        }
        return QByteArray(compact(QJsonObject{{QStringLiteral("type"), eventType}, {QStringLiteral("object"), payload}}) + '\n');
    };
    auto matches = [w](const QJsonObject &o) {
        if (o.isEmpty())
            return false;
        if (!w->namespaceName.isEmpty() && metaString(o, kNamespace) != w->namespaceName)
            return false;
        return w->selectors.matches(o);
    };
    auto deliver = [this, w, encode, matches](const WatchEvent &e) {
        if (!w->connection)
            return;
        const QJsonObject object = m_ctx.presentObject(w->type, e.object);
        const bool now = matches(e.object);
        const bool before = matches(e.previous);
        QString type;
        switch (e.type) {
        case WatchEvent::Type::Added:
            if (now)
                type = QStringLiteral("ADDED");
            break;
        case WatchEvent::Type::Modified:
            // An object entering or leaving the selection is ADDED or DELETED for this watch.
            if (now && before)
                type = QStringLiteral("MODIFIED");
            else if (now)
                type = QStringLiteral("ADDED");
            else if (before)
                type = QStringLiteral("DELETED");
            break;
        case WatchEvent::Type::Deleted:
            if (before || now)
                type = QStringLiteral("DELETED");
            break;
        }
        if (!type.isEmpty())
            w->connection->writeChunk(encode(type, object));
    };

    const QString rvText = r.http.queryValue("resourceVersion");
    if (rvText.isEmpty() || rvText == QLatin1String("0")) {
        const auto &objects = m_ctx.store.objects(w->gvr);
        const QString prefix = w->namespaceName.isEmpty() ? QString() : w->namespaceName + QLatin1Char('/');
        for (auto it = prefix.isEmpty() ? objects.begin() : objects.lower_bound(prefix); it != objects.end(); ++it) {
            if (!prefix.isEmpty() && !it->first.startsWith(prefix))
                break;
            if (!w->connection)
                break;
            if (matches(it->second))
                w->connection->writeChunk(encode(QStringLiteral("ADDED"), m_ctx.presentObject(w->type, it->second)));
        }
    } else {
        bool ok = false;
        const qint64 rv = rvText.toLongLong(&ok);
        if (!ok) {
            if (w->connection)
                w->connection->writeChunk(encode(QStringLiteral("ERROR"),
                                                 ApiStatus::badRequest(QStringLiteral("invalid resource version: %1").arg(rvText))));
            if (w->connection)
                w->connection->endStream();
            delete w;
            return;
        }
        const auto events = m_ctx.store.eventsSince(w->gvr, rv);
        if (!events) {
            // The requested resourceVersion left the event window: 410 Expired as an ERROR event.
            if (w->connection)
                w->connection->writeChunk(encode(QStringLiteral("ERROR"), ApiStatus::expired(events.error().message)));
            if (w->connection)
                w->connection->endStream();
            delete w;
            return;
        }
        for (const WatchEvent &e : *events)
            deliver(e);
    }
    if (!w->connection) {
        delete w;
        return;
    }
    w->watcherId = m_ctx.store.addWatcher(w->gvr, deliver);
    m_watches.insert(r.connection, w);

    QPointer<HttpConnection> connection = r.connection;
    auto finish = [this, connection] {
        if (!connection)
            return;
        if (WatchSession *s = m_watches.take(connection))
            retireWatch(s);
        connection->endStream();
    };
    bool timeoutOk = false;
    int timeoutSeconds = r.http.queryValue("timeoutSeconds").toInt(&timeoutOk);
    if (!timeoutOk || timeoutSeconds <= 0)
        timeoutSeconds = 1800 + QRandomGenerator::global()->bounded(1800);
    w->timeout = new QTimer(this);
    w->timeout->setSingleShot(true);
    connect(w->timeout, &QTimer::timeout, this, finish);
    w->timeout->start(timeoutSeconds * 1000);
    if (isTrue(r.http.queryValue("allowWatchBookmarks"))) {
        w->bookmark = new QTimer(this);
        connect(w->bookmark, &QTimer::timeout, this, [this, w, encode] {
            if (!w->connection)
                return;
            QJsonObject marker{{QStringLiteral("kind"), w->type.kind},
                               {QStringLiteral("apiVersion"), w->type.groupVersion()},
                               {QStringLiteral("metadata"),
                                QJsonObject{{QStringLiteral("resourceVersion"), QString::number(m_ctx.store.resourceVersion())},
                                            {QStringLiteral("creationTimestamp"), QJsonValue::Null}}}};
            w->connection->writeChunk(encode(QStringLiteral("BOOKMARK"), marker));
        });
        w->bookmark->start(m_ctx.options.bookmarkMilliseconds);
    }
}

void WatchHub::retireWatch(WatchSession *w)
{
    // Deferred: this may run inside the watcher's own callback (a write noticed the closed peer).
    w->connection.clear();
    if (w->timeout)
        w->timeout->stop();
    if (w->bookmark)
        w->bookmark->stop();
    QTimer::singleShot(0, this, [this, w] {
        m_ctx.store.removeWatcher(w->watcherId);
        delete w->timeout;
        delete w->bookmark;
        delete w;
    });
}

void WatchHub::stallWatches()
{
    // Like a half-open connection: the socket stays open, nothing more ever arrives on it.
    for (WatchSession *w : std::as_const(m_watches)) {
        m_ctx.store.removeWatcher(w->watcherId);
        w->watcherId = 0;
        if (w->bookmark)
            w->bookmark->stop();
        if (w->timeout)
            w->timeout->stop();
    }
}

void WatchHub::dropWatches()
{
    const auto sessions = m_watches;
    for (auto it = sessions.begin(); it != sessions.end(); ++it) {
        if (it.value()->connection)
            it.value()->connection->abort();
    }
}

} // namespace Qluster
