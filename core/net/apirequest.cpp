// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "apirequest.h"

namespace Qluster {

ApiRequest ApiRequest::get(const Gvr &gvr, const QString &namespaceName, const QString &name)
{
    ApiRequest request;
    request.gvr = gvr;
    request.namespaceName = namespaceName;
    request.name = name;
    return request;
}

ApiRequest ApiRequest::raw(const QString &path, const QByteArray &verb)
{
    ApiRequest request;
    request.rawPath = path;
    request.verb = verb;
    return request;
}

QString ApiRequest::path() const
{
    if (!rawPath.isEmpty()) {
        const QString p = rawPath.section(QLatin1Char('?'), 0, 0);
        return p.startsWith(QLatin1Char('/')) ? p : QString(QLatin1Char('/') + p);
    }
    QString path = gvr.isCore() ? QString(QStringLiteral("/api/") + gvr.version)
                                : QString(QStringLiteral("/apis/") + gvr.group + QLatin1Char('/')
                                          + gvr.version);
    if (!namespaceName.isEmpty())
        path += QStringLiteral("/namespaces/") + namespaceName;
    if (!gvr.resource.isEmpty())
        path += QLatin1Char('/') + gvr.resource;
    if (!name.isEmpty()) {
        path += QLatin1Char('/') + name;
        if (!subresource.isEmpty())
            path += QLatin1Char('/') + subresource;
    }
    return path;
}

QUrlQuery ApiRequest::query() const
{
    // A raw path may carry its own query, e.g. /openapi/v3/apis/apps/v1?hash=ABC.
    QUrlQuery q(rawPath.section(QLatin1Char('?'), 1));
    auto add = [&q](const char *key, const QString &value) {
        // Encode fully: selectors hold '=', ',', '!' and '+' that must survive as data.
        q.addQueryItem(QLatin1String(key), QString::fromLatin1(QUrl::toPercentEncoding(value)));
    };
    if (!labelSelector.isEmpty())
        add("labelSelector", labelSelector);
    if (!fieldSelector.isEmpty())
        add("fieldSelector", fieldSelector);
    if (limit > 0)
        add("limit", QString::number(limit));
    if (!continueToken.isEmpty())
        add("continue", continueToken);
    if (!resourceVersion.isEmpty())
        add("resourceVersion", resourceVersion);
    if (!resourceVersionMatch.isEmpty())
        add("resourceVersionMatch", resourceVersionMatch);
    if (watch)
        add("watch", QStringLiteral("true"));
    if (allowWatchBookmarks)
        add("allowWatchBookmarks", QStringLiteral("true"));
    if (timeoutSeconds > 0)
        add("timeoutSeconds", QString::number(timeoutSeconds));
    if (dryRun)
        add("dryRun", QStringLiteral("All"));
    if (!fieldManager.isEmpty())
        add("fieldManager", fieldManager);
    if (force)
        add("force", QStringLiteral("true"));
    for (const auto &[key, value] : extraQuery)
        q.addQueryItem(QString::fromLatin1(QUrl::toPercentEncoding(key)),
                       QString::fromLatin1(QUrl::toPercentEncoding(value)));
    return q;
}

QUrl ApiRequest::url(const QUrl &server, const QString &prefix) const
{
    QUrl url = server;
    QString base = server.path(QUrl::FullyEncoded);
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    QString pre = prefix;
    while (pre.endsWith(QLatin1Char('/')))
        pre.chop(1);
    if (!pre.isEmpty() && !pre.startsWith(QLatin1Char('/')))
        pre.prepend(QLatin1Char('/'));
    QString encodedPath;
    for (const QString &segment : path().split(QLatin1Char('/'), Qt::SkipEmptyParts))
        encodedPath += QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(segment));
    url.setPath(base + pre + encodedPath, QUrl::TolerantMode);
    const QUrlQuery q = query();
    url.setQuery(q.isEmpty() ? QString() : q.query(QUrl::FullyEncoded), QUrl::TolerantMode);
    url.setFragment(QString());
    return url;
}

bool ApiRequest::isRetriable() const
{
    return verb == "GET" || verb == "HEAD";
}

} // namespace Qluster
