// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
//
// What the tst_sandboxhttp* tests share: a SandboxServer on plain HTTP, requests sent to it with a
// QNetworkAccessManager, and helpers for namespaces, config maps, list pages and continue tokens.
#pragma once

#include "sandbox/sandboxserver.h"
#include "testenv.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QTest>

namespace Qluster::Test {

struct Reply
{
    int status = 0;
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QHash<QByteArray, QByteArray> headers;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

inline QJsonObject readJson(const QString &relative)
{
    QFile f(Qluster::Test::corpus(QStringLiteral("/")) + relative);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

inline QSet<QString> keys(const QJsonObject &o)
{
    const QStringList k = o.keys();
    return QSet<QString>(k.begin(), k.end());
}

inline QByteArray configMap(const QString &name, const QJsonObject &labels = {})
{
    return QJsonDocument(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                     {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
                                     {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("labels"), labels}}},
                                     {QStringLiteral("data"), QJsonObject{{QStringLiteral("k"), QStringLiteral("v")}}}})
        .toJson(QJsonDocument::Compact);
}

// The base of the tst_sandboxhttp* test classes (its slots start and stop the sandbox).
class SandboxHttpTest : public QObject
{
    Q_OBJECT

protected:
    std::unique_ptr<SandboxThread> m_sandbox;
    QNetworkAccessManager m_nam;
    QUrl m_base;

    Reply send(const QByteArray &method, const QString &path, const QByteArray &body = {},
               const QList<QPair<QByteArray, QByteArray>> &headers = {}, SandboxThread *sandbox = nullptr)
    {
        QUrl url = sandbox ? sandbox->server()->url() : m_base;
        const qsizetype q = path.indexOf(QLatin1Char('?'));
        url.setPath(q < 0 ? path : path.left(q));
        if (q >= 0)
            url.setQuery(path.mid(q + 1));
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(10000);
        Reply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.error = reply->error();
        for (const auto &pair : reply->rawHeaderPairs())
            r.headers.insert(pair.first.toLower(), pair.second);
        reply->deleteLater();
        return r;
    }

    QString resourceVersion()
    {
        return send("GET", QStringLiteral("/api/v1/namespaces/default/configmaps")).json().value(QLatin1String("metadata")).toObject().value(QLatin1String("resourceVersion")).toString();
    }

    void createNamespace(const QString &name)
    {
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                                          {QStringLiteral("kind"), QStringLiteral("Namespace")},
                                                          {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}}})
                                    .toJson(QJsonDocument::Compact);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/namespaces"), body).status, 201);
    }

    // Creates namespace `ns` with config maps <prefix>0 … <prefix>(count-1); returns their list path.
    QString namespaceWithConfigMaps(const QString &ns, const QString &prefix, int count)
    {
        createNamespace(ns);
        const QString path = QStringLiteral("/api/v1/namespaces/") + ns + QStringLiteral("/configmaps");
        for (int i = 0; i < count; ++i) {
            if (send("POST", path, configMap(prefix + QString::number(i))).status != 201)
                qWarning() << "could not create" << prefix + QString::number(i);
        }
        return path;
    }

    // "name@resourceVersion" of a list's items (or a Table's rows).
    static QStringList itemVersions(const QJsonObject &list)
    {
        QStringList out;
        const bool table = list.value(QLatin1String("kind")).toString() == QLatin1String("Table");
        for (const QJsonValue &v : list.value(table ? QLatin1String("rows") : QLatin1String("items")).toArray()) {
            const QJsonObject o = table ? v.toObject().value(QLatin1String("object")).toObject() : v.toObject();
            const QJsonObject meta = o.value(QLatin1String("metadata")).toObject();
            out << meta.value(QLatin1String("name")).toString() + QLatin1Char('@') + meta.value(QLatin1String("resourceVersion")).toString();
        }
        return out;
    }

    static QJsonObject listMeta(const Reply &r) { return r.json().value(QLatin1String("metadata")).toObject(); }

    // Follows the continue tokens of a list whose first page is `first`; checks that every page is
    // served at the first page's resourceVersion and returns the items of all pages.
    QStringList followPages(const QString &path, const Reply &first, const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        const QString rv = listMeta(first).value(QLatin1String("resourceVersion")).toString();
        QStringList all = itemVersions(first.json());
        QString token = listMeta(first).value(QLatin1String("continue")).toString();
        while (!token.isEmpty()) {
            const Reply page = send("GET", path + QStringLiteral("?limit=2&continue=") + token, {}, headers);
            if (page.status != 200) {
                qWarning() << page.body;
                return {QStringLiteral("HTTP %1").arg(page.status)};
            }
            if (listMeta(page).value(QLatin1String("resourceVersion")).toString() != rv)
                return {QStringLiteral("page served at %1, not %2").arg(listMeta(page).value(QLatin1String("resourceVersion")).toString(), rv)};
            all += itemVersions(page.json());
            token = listMeta(page).value(QLatin1String("continue")).toString();
        }
        return all;
    }

    static QJsonObject decodeToken(const QString &token)
    {
        return QJsonDocument::fromJson(QByteArray::fromBase64(token.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)).object();
    }

protected Q_SLOTS:
    // Qt Test runs these (found in the base class too) around the tests of the derived class.
    void initTestCase()
    {
        SandboxOptions options;
        options.transport = SandboxOptions::Transport::Http;
        options.eventWindow = 5;
        options.bookmarkMilliseconds = 200;
        options.maxBodyBytes = 64 * 1024;
        m_sandbox = std::make_unique<SandboxThread>(options);
        if (auto r = m_sandbox->start(); !r)
            QFAIL(qPrintable(r.error().toString()));
        m_base = m_sandbox->server()->url();
    }

    void cleanupTestCase() { m_sandbox.reset(); }
};

} // namespace Qluster::Test
