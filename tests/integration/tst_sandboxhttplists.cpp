// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
// The SandboxServer at the HTTP level, on lists and watches: pages with continue (one snapshot,
// 410 with a token once expired), resourceVersion parameters, Tables (their real shape, columns
// only first in a watch, includeObject=Object), and watches (410, events, bookmarks, their end).

#include "sandboxhttpsupport.h"
#include "testenv.h"

QLUSTER_TEST_NEEDS(Qluster::Test::NeedsCorpus)

using namespace Qluster;
using namespace Qluster::Test;

class tst_SandboxHttpLists : public SandboxHttpTest
{
    Q_OBJECT

private Q_SLOTS:
    // These tests ran after tst_sandboxhttp's object tests, which leave default/cfg-1: the
    // counts of config maps in default below include it.
    void initTestCase()
    {
        SandboxHttpTest::initTestCase();
        if (QTest::currentTestFailed())
            return;
        const QString configMaps = QStringLiteral("/api/v1/namespaces/default/configmaps");
        QCOMPARE(send("POST", configMaps, configMap(QStringLiteral("cfg-1"))).status, 201);
    }

    void listPagesWithContinue()
    {
        for (const char *n : {"page-a", "page-b", "page-c"})
            QCOMPARE(send("POST", QStringLiteral("/api/v1/namespaces/default/configmaps"), configMap(QLatin1String(n), {{QStringLiteral("set"), QStringLiteral("pages")}})).status, 201);
        Reply r = send("GET", QStringLiteral("/api/v1/namespaces/default/configmaps?labelSelector=set%3Dpages&limit=2"));
        QCOMPARE(r.status, 200);
        QJsonObject list = r.json();
        QCOMPARE(list.value(QLatin1String("kind")).toString(), QStringLiteral("ConfigMapList"));
        QCOMPARE(list.value(QLatin1String("items")).toArray().size(), 2);
        const QString token = list.value(QLatin1String("metadata")).toObject().value(QLatin1String("continue")).toString();
        QVERIFY(!token.isEmpty());
        // Items of typed lists carry no kind/apiVersion, as the apiserver's.
        QVERIFY(!list.value(QLatin1String("items")).toArray().first().toObject().contains(QLatin1String("kind")));
        r = send("GET", QStringLiteral("/api/v1/namespaces/default/configmaps?labelSelector=set%3Dpages&limit=2&continue=") + token);
        list = r.json();
        QCOMPARE(list.value(QLatin1String("items")).toArray().size(), 1);
        QCOMPARE(list.value(QLatin1String("items")).toArray().first().toObject().value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString(), QStringLiteral("page-c"));
        QVERIFY(!list.value(QLatin1String("metadata")).toObject().contains(QLatin1String("continue")));

        // Without selectors the apiserver also says how many items remain.
        r = send("GET", QStringLiteral("/api/v1/namespaces/default/configmaps?limit=1"));
        QVERIFY(r.json().value(QLatin1String("metadata")).toObject().value(QLatin1String("remainingItemCount")).toInt() >= 3);
        QCOMPARE(send("GET", QStringLiteral("/api/v1/namespaces/default/configmaps?limit=1&continue=garbage")).status, 400);
        QCOMPARE(send("GET", QStringLiteral("/api/v1/pods?fieldSelector=spec.unknown%3Dx")).status, 400);
    }

    void listPagesAreOneSnapshot()
    {
        const QString path = namespaceWithConfigMaps(QStringLiteral("snap"), QStringLiteral("s-"), 6);
        const Reply whole = send("GET", path);
        const QStringList expected = itemVersions(whole.json());
        QCOMPARE(expected.size(), 6);
        const QString rv = listMeta(whole).value(QLatin1String("resourceVersion")).toString();

        const auto retainedSnapshots = [this] {
            int retained = -1;
            m_sandbox->invoke([&](SandboxServer &s) { retained = s.store().retainedSnapshots(); });
            return retained;
        };
        const int retainedBefore = retainedSnapshots(); // lists other tests left unfinished
        const QList<QPair<QByteArray, QByteArray>> asTable{{"Accept", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json"}};
        const Reply first = send("GET", path + QStringLiteral("?limit=2"));
        const Reply firstTable = send("GET", path + QStringLiteral("?limit=2"), {}, asTable);
        QCOMPARE(listMeta(first).value(QLatin1String("resourceVersion")).toString(), rv);
        QCOMPARE(listMeta(first).value(QLatin1String("remainingItemCount")).toInt(), 4);
        QCOMPARE(listMeta(firstTable).value(QLatin1String("resourceVersion")).toString(), rv);
        // Two open lists of the same version share one snapshot.
        QCOMPARE(retainedSnapshots(), retainedBefore + 1);

        // Between the pages: more writes than the event window (5) holds, before and after the
        // page boundary: created, modified, deleted.
        QCOMPARE(send("POST", path, configMap(QStringLiteral("s-2a"))).status, 201);
        QCOMPARE(send("POST", path, configMap(QStringLiteral("s-9"))).status, 201);
        QJsonObject three = send("GET", path + QStringLiteral("/s-3")).json();
        three.insert(QStringLiteral("data"), QJsonObject{{QStringLiteral("k"), QStringLiteral("changed")}});
        QCOMPARE(send("PUT", path + QStringLiteral("/s-3"), QJsonDocument(three).toJson(QJsonDocument::Compact)).status, 200);
        QCOMPARE(send("DELETE", path + QStringLiteral("/s-4")).status, 200);
        QCOMPARE(send("DELETE", path + QStringLiteral("/s-0")).status, 200);
        QCOMPARE(send("POST", path, configMap(QStringLiteral("s-5a"))).status, 201);

        QCOMPARE(followPages(path, first), expected);
        QCOMPARE(followPages(path, firstTable, asTable), expected);

        // The finished lists released their snapshots; a new list sees the new state.
        QCOMPARE(retainedSnapshots(), retainedBefore);
        QStringList names;
        for (const QString &item : itemVersions(send("GET", path).json()))
            names << item.section(QLatin1Char('@'), 0, 0);
        QCOMPARE(names, (QStringList{QStringLiteral("s-1"), QStringLiteral("s-2"), QStringLiteral("s-2a"), QStringLiteral("s-3"),
                                     QStringLiteral("s-5"), QStringLiteral("s-5a"), QStringLiteral("s-9")}));
    }

    void expiredContinueIs410WithAToken()
    {
        const QString path = namespaceWithConfigMaps(QStringLiteral("expire"), QStringLiteral("e-"), 5);
        const Reply first = send("GET", path + QStringLiteral("?limit=2"));
        const QString firstRv = listMeta(first).value(QLatin1String("resourceVersion")).toString();
        const QString token = listMeta(first).value(QLatin1String("continue")).toString();
        QVERIFY(!token.isEmpty());

        // Something is written, then the history is compacted (as etcd's every five minutes).
        QCOMPARE(send("POST", path, configMap(QStringLiteral("e-1a"))).status, 201);
        QCOMPARE(send("POST", QStringLiteral("/sandbox/v1/faults"), QByteArrayLiteral(R"({"compact":true})")).status, 200);
        Reply r = send("GET", path + QStringLiteral("?limit=2&continue=") + token);
        QCOMPARE(r.status, 410);
        const QJsonObject status = r.json();
        QCOMPARE(status.value(QLatin1String("kind")).toString(), QStringLiteral("Status"));
        QCOMPARE(status.value(QLatin1String("status")).toString(), QStringLiteral("Failure"));
        QCOMPARE(status.value(QLatin1String("reason")).toString(), QStringLiteral("Expired"));
        QCOMPARE(status.value(QLatin1String("code")).toInt(), 410);
        QCOMPARE(status.value(QLatin1String("message")).toString(),
                 QStringLiteral("The provided continue parameter is too old to display a consistent list result. You can start a new list "
                                "without the continue parameter, or use the continue token in this response to retrieve the remainder of "
                                "the results. Continuing with the provided token results in an inconsistent list - objects that were "
                                "created, modified, or deleted between the time the first chunk was returned and now may show up in the list."));
        QVERIFY(!status.contains(QLatin1String("details")));
        const QString inconsistent = status.value(QLatin1String("metadata")).toObject().value(QLatin1String("continue")).toString();
        QCOMPARE(decodeToken(inconsistent).value(QLatin1String("rv")).toInteger(), -1);
        QCOMPARE(decodeToken(inconsistent).value(QLatin1String("start")).toString(), decodeToken(token).value(QLatin1String("start")).toString());

        // The inconsistent token goes on at the latest version, which later pages then keep.
        r = send("GET", path + QStringLiteral("?limit=2&continue=") + inconsistent);
        QCOMPARE(r.status, 200);
        const QString latestRv = listMeta(r).value(QLatin1String("resourceVersion")).toString();
        QVERIFY(latestRv.toLongLong() > firstRv.toLongLong());
        QCOMPARE(listMeta(r).value(QLatin1String("remainingItemCount")).toInt(), 2);
        QStringList rest = followPages(path, r);
        for (QString &item : rest)
            item = item.section(QLatin1Char('@'), 0, 0);
        QCOMPARE(rest, (QStringList{QStringLiteral("e-1a"), QStringLiteral("e-2"), QStringLiteral("e-3"), QStringLiteral("e-4")}));

        // An exact list of the compacted version is gone too.
        r = send("GET", path + QStringLiteral("?resourceVersionMatch=Exact&resourceVersion=") + firstRv);
        QCOMPARE(r.status, 410);
        QCOMPARE(r.json().value(QLatin1String("message")).toString(), QStringLiteral("The resourceVersion for the provided list is too old."));

        // The fault knob expires the next continue without any write or compaction.
        const Reply again = send("GET", path + QStringLiteral("?limit=2"));
        const QString token2 = listMeta(again).value(QLatin1String("continue")).toString();
        QCOMPARE(send("POST", QStringLiteral("/sandbox/v1/faults"), QByteArrayLiteral(R"({"expireContinueTokens":1})")).status, 200);
        r = send("GET", path + QStringLiteral("?limit=2&continue=") + token2);
        QCOMPARE(r.status, 410);
        QCOMPARE(r.json().value(QLatin1String("reason")).toString(), QStringLiteral("Expired"));
        QVERIFY(!r.json().value(QLatin1String("metadata")).toObject().value(QLatin1String("continue")).toString().isEmpty());
        // Used up: nothing changed since, so the same token is served again, consistently.
        r = send("GET", path + QStringLiteral("?limit=2&continue=") + token2);
        QCOMPARE(r.status, 200);
        QCOMPARE(listMeta(r).value(QLatin1String("resourceVersion")).toString(),
                 listMeta(again).value(QLatin1String("resourceVersion")).toString());
    }

    void listResourceVersionParameters()
    {
        const QString path = namespaceWithConfigMaps(QStringLiteral("rvs"), QStringLiteral("v-"), 3);
        const Reply before = send("GET", path);
        const QString rv = listMeta(before).value(QLatin1String("resourceVersion")).toString();

        // resourceVersion=0 is served like the watch cache serves it: the limit is ignored.
        Reply r = send("GET", path + QStringLiteral("?resourceVersion=0&limit=1"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("items")).toArray().size(), 3);
        QVERIFY(!listMeta(r).contains(QLatin1String("continue")));

        QCOMPARE(send("DELETE", path + QStringLiteral("/v-1")).status, 200);
        // Exact, and the legacy form (a resourceVersion with a limit), read the version asked for.
        r = send("GET", path + QStringLiteral("?resourceVersionMatch=Exact&resourceVersion=") + rv);
        QCOMPARE(r.status, 200);
        QCOMPARE(itemVersions(r.json()), itemVersions(before.json()));
        QCOMPARE(listMeta(r).value(QLatin1String("resourceVersion")).toString(), rv);
        r = send("GET", path + QStringLiteral("?limit=2&resourceVersion=") + rv);
        QCOMPARE(r.status, 200);
        QCOMPARE(followPages(path, r), itemVersions(before.json()));
        // NotOlderThan: the latest state.
        r = send("GET", path + QStringLiteral("?resourceVersionMatch=NotOlderThan&resourceVersion=") + rv);
        QCOMPARE(r.json().value(QLatin1String("items")).toArray().size(), 2);

        r = send("GET", path + QStringLiteral("?resourceVersionMatch=Exact"));
        QCOMPARE(r.status, 422);
        QCOMPARE(r.json().value(QLatin1String("reason")).toString(), QStringLiteral("Invalid"));
        QCOMPARE(r.json().value(QLatin1String("message")).toString(),
                 QStringLiteral("ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided"));
        const QString token = listMeta(send("GET", path + QStringLiteral("?limit=1"))).value(QLatin1String("continue")).toString();
        r = send("GET", path + QStringLiteral("?limit=1&resourceVersion=") + rv + QStringLiteral("&continue=") + token);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QLatin1String("message")).toString(), QStringLiteral("specifying resource version is not allowed when using continue"));
        QCOMPARE(send("GET", path + QStringLiteral("?resourceVersion=abc")).status, 400);

        const QString future = QString::number(rv.toLongLong() + 100000);
        r = send("GET", path + QStringLiteral("?resourceVersion=") + future);
        QCOMPARE(r.status, 504);
        QCOMPARE(r.json().value(QLatin1String("reason")).toString(), QStringLiteral("Timeout"));
        QVERIFY(r.json().value(QLatin1String("message")).toString().startsWith(QStringLiteral("Timeout: Too large resource version: ") + future));
        QCOMPARE(send("GET", path + QStringLiteral("?resourceVersionMatch=Exact&resourceVersion=") + future).status, 500);
    }

    void tableListHasTheRealShape()
    {
        const Reply r = send("GET", QStringLiteral("/api/v1/namespaces/default/configmaps?limit=2"),
                             {}, {{"Accept", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json"}});
        const QJsonObject real = readJson(QStringLiteral("real-1.22/responses/table_configmaps_limit2_continue.json"));
        QCOMPARE(keys(r.json()), keys(real));
        QCOMPARE(keys(r.json().value(QLatin1String("metadata")).toObject()), keys(real.value(QLatin1String("metadata")).toObject()));
        QStringList names, realNames;
        for (const QJsonValue &c : r.json().value(QLatin1String("columnDefinitions")).toArray())
            names << c.toObject().value(QLatin1String("name")).toString();
        for (const QJsonValue &c : real.value(QLatin1String("columnDefinitions")).toArray())
            realNames << c.toObject().value(QLatin1String("name")).toString();
        QCOMPARE(names, realNames);
        const QJsonObject row = r.json().value(QLatin1String("rows")).toArray().first().toObject();
        QCOMPARE(keys(row), keys(real.value(QLatin1String("rows")).toArray().first().toObject()));
        QCOMPARE(row.value(QLatin1String("object")).toObject().value(QLatin1String("kind")).toString(), QStringLiteral("PartialObjectMetadata"));
    }

    void watchFromTooOldResourceVersionIs410()
    {
        // The event window holds 5 events per resource: make it overflow.
        for (int i = 0; i < 8; ++i)
            QCOMPARE(send("POST", QStringLiteral("/api/v1/namespaces/default/configmaps"), configMap(QStringLiteral("churn-%1").arg(i))).status, 201);
        const Reply r = send("GET", QStringLiteral("/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=2"));
        QCOMPARE(r.status, 200);
        const QJsonObject event = QJsonDocument::fromJson(r.body.trimmed()).object();
        QCOMPARE(event.value(QLatin1String("type")).toString(), QStringLiteral("ERROR"));
        const QJsonObject status = event.value(QLatin1String("object")).toObject();
        QCOMPARE(status.value(QLatin1String("kind")).toString(), QStringLiteral("Status"));
        QCOMPARE(status.value(QLatin1String("code")).toInt(), 410);
        QCOMPARE(status.value(QLatin1String("reason")).toString(), QStringLiteral("Expired"));
    }

    void watchStreamsEventsBookmarksAndEnds()
    {
        const QString rv = resourceVersion();
        QUrl url = m_base;
        url.setPath(QStringLiteral("/api/v1/namespaces/default/configmaps"));
        url.setQuery(QStringLiteral("watch=true&allowWatchBookmarks=true&timeoutSeconds=2&labelSelector=watched%3Dyes&resourceVersion=") + rv);
        QNetworkRequest request(url);
        QNetworkReply *reply = m_nam.get(request);
        QByteArray received;
        connect(reply, &QNetworkReply::readyRead, this, [&] { received += reply->readAll(); });
        // The response head arrives once the server has the watch (it registers it in the same step).
        QSignalSpy head(reply, &QNetworkReply::metaDataChanged);
        QVERIFY(head.wait(5000));
        QCOMPARE(send("POST", QStringLiteral("/api/v1/namespaces/default/configmaps"), configMap(QStringLiteral("not-watched"))).status, 201);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/namespaces/default/configmaps"), configMap(QStringLiteral("watched"), {{QStringLiteral("watched"), QStringLiteral("yes")}})).status, 201);
        QCOMPARE(send("DELETE", QStringLiteral("/api/v1/namespaces/default/configmaps/watched")).status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 6000); // timeoutSeconds=2 ends the stream
        received += reply->readAll();
        QStringList types;
        for (const QByteArray &line : received.split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            const QJsonObject e = QJsonDocument::fromJson(line).object();
            types << e.value(QLatin1String("type")).toString();
            if (e.value(QLatin1String("type")).toString() != QLatin1String("BOOKMARK"))
                QCOMPARE(e.value(QLatin1String("object")).toObject().value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString(), QStringLiteral("watched"));
        }
        QStringList changes = types;
        changes.removeAll(QStringLiteral("BOOKMARK"));
        QCOMPARE(changes, (QStringList{QStringLiteral("ADDED"), QStringLiteral("DELETED")}));
        QVERIFY2(types.contains(QStringLiteral("BOOKMARK")), qPrintable(types.join(QLatin1Char(','))));
        reply->deleteLater();
    }

    void tableWatchHasColumnsOnlyFirst()
    {
        QUrl url = m_base;
        url.setPath(QStringLiteral("/api/v1/namespaces/default/configmaps"));
        url.setQuery(QStringLiteral("watch=1&timeoutSeconds=1"));
        QNetworkRequest request(url);
        request.setRawHeader("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io");
        QNetworkReply *reply = m_nam.get(request);
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
        const QList<QByteArray> lines = reply->readAll().trimmed().split('\n');
        QVERIFY(lines.size() >= 2);
        const QJsonObject first = QJsonDocument::fromJson(lines.at(0)).object().value(QLatin1String("object")).toObject();
        const QJsonObject second = QJsonDocument::fromJson(lines.at(1)).object().value(QLatin1String("object")).toObject();
        QCOMPARE(first.value(QLatin1String("kind")).toString(), QStringLiteral("Table"));
        QVERIFY(first.value(QLatin1String("columnDefinitions")).isArray());
        QVERIFY(second.value(QLatin1String("columnDefinitions")).isNull());
        QCOMPARE(second.value(QLatin1String("rows")).toArray().size(), 1);
        reply->deleteLater();
    }

    void tableWithIncludeObjectObject()
    {
        QCOMPARE(send("POST", QStringLiteral("/api/v1/namespaces/default/configmaps"),
                      configMap(QStringLiteral("whole"), {{QStringLiteral("table"), QStringLiteral("object")}})).status, 201);
        const QList<QPair<QByteArray, QByteArray>> table{{"Accept", "application/json;as=Table;v=v1;g=meta.k8s.io"}};
        Reply r = send("GET", QStringLiteral("/api/v1/namespaces/default/configmaps?labelSelector=table%3Dobject&includeObject=Object"), {}, table);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("kind")).toString(), QStringLiteral("Table"));
        const QJsonArray rows = r.json().value(QLatin1String("rows")).toArray();
        QCOMPARE(rows.size(), 1);
        QJsonObject object = rows.first().toObject().value(QLatin1String("object")).toObject();
        QCOMPARE(object.value(QLatin1String("kind")).toString(), QStringLiteral("ConfigMap"));
        QCOMPARE(object.value(QLatin1String("apiVersion")).toString(), QStringLiteral("v1"));
        QCOMPARE(object.value(QLatin1String("data")).toObject(), (QJsonObject{{QStringLiteral("k"), QStringLiteral("v")}}));
        QCOMPARE(object.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString(), QStringLiteral("whole"));
        // The default (Metadata) carries only the metadata.
        r = send("GET", QStringLiteral("/api/v1/namespaces/default/configmaps?labelSelector=table%3Dobject"), {}, table);
        object = r.json().value(QLatin1String("rows")).toArray().first().toObject().value(QLatin1String("object")).toObject();
        QCOMPARE(object.value(QLatin1String("kind")).toString(), QStringLiteral("PartialObjectMetadata"));
        QVERIFY(!object.contains(QLatin1String("data")));
        // One object as a Table.
        r = send("GET", QStringLiteral("/api/v1/namespaces/default/configmaps/whole?includeObject=Object"), {}, table);
        object = r.json().value(QLatin1String("rows")).toArray().first().toObject().value(QLatin1String("object")).toObject();
        QCOMPARE(object.value(QLatin1String("kind")).toString(), QStringLiteral("ConfigMap"));
        QCOMPARE(object.value(QLatin1String("data")).toObject(), (QJsonObject{{QStringLiteral("k"), QStringLiteral("v")}}));
    }
};

QTEST_GUILESS_MAIN(tst_SandboxHttpLists)
#include "tst_sandboxhttplists.moc"
